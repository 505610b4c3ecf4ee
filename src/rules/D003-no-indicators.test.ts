import { D003 } from "./D003-no-indicators";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D003, {
  valid: [
    { name: "project with indicators", projects: [{ indicators: soundIndicators() }] },
    {
      name: "no indicator sheet in the workbook: D001 says it once",
      projects: [{}, {}],
      tweak: (b) => {
        b.missing = [{ sheet: null, headerRow: null, role: "indicators", fields: [] }];
      },
    },
    {
      name: "indicator sheet without 三级指标 and 指标值: D001 says it once",
      projects: [{}, {}],
      tweak: (b) => {
        b.missing = [{ sheet: "指标表", headerRow: 1, role: "indicators", fields: ["name", "target"] }];
      },
    },
    {
      name: "the second row of a duplicated code: D004 says it, not D003",
      projects: [{ code: "P001", indicators: soundIndicators() }, { code: "P001", name: "乙" }],
    },
    {
      name: "the second of a duplicated name (no codes) in one department",
      projects: [{ name: "培训", indicators: soundIndicators() }, { name: "培训" }],
      tweak: (b) => {
        for (const p of b.projects) p.code = null;
      },
    },
  ],
  invalid: [
    { name: "project without indicators", projects: [{ name: "农村道路养护" }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["农村道路养护"] }] },
    {
      name: "a duplicated code where the first row has none either: the first is still D003",
      projects: [{ code: "P001", name: "甲" }, { code: "P001", name: "乙" }],
      errors: [{ cell: "项目表!B2", messageIncludes: ["甲"] }],
    },
    {
      name: "only the second project lacks indicators",
      projects: [{ indicators: soundIndicators() }, { name: "办公楼维修" }],
      errors: [{ cell: "项目表!B3", messageIncludes: ["办公楼维修"] }],
    },
  ],
});
