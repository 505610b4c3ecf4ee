import { D001 } from "./D001-missing-column";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D001, {
  valid: [
    { name: "project and indicator sheets with their required columns", projects: [{ indicators: soundIndicators() }] },
  ],
  invalid: [
    {
      name: "no project sheet at all",
      projects: [],
      tweak: (b) => {
        b.detections = [{ sheet: INDICATOR_SHEET, role: "indicators", headerRow: 1, columns: { name: "D", target: "F" }, unit: "万元" }];
        b.missing = [{ sheet: null, headerRow: null, role: "projects", fields: [] }];
      },
      errors: [{ cell: "A1", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["没有找到项目表"] }],
    },
    {
      name: "no indicator sheet at all",
      projects: [{}],
      tweak: (b) => {
        b.missing = [{ sheet: null, headerRow: null, role: "indicators", fields: [] }];
      },
      errors: [{ cell: "A1", messageIncludes: ["没有找到绩效指标表"] }],
    },
    {
      name: "project sheet without name and code columns",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => {
        b.missing = [{ sheet: PROJECT_SHEET, headerRow: 3, role: "projects", fields: ["name", "code"] }];
      },
      errors: [{ cell: "项目表!A3", messageIncludes: ["第 3 行", "项目名称", "项目编码"] }],
    },
    {
      name: "indicator sheet without 三级指标 and 指标值: one finding each",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => {
        b.missing = [{ sheet: INDICATOR_SHEET, headerRow: 2, role: "indicators", fields: ["name", "target"] }];
      },
      errors: [
        { cell: "指标表!A2", messageIncludes: ["三级指标"] },
        { cell: "指标表!A2", messageIncludes: ["指标值"] },
      ],
    },
    {
      name: "indicator sheet that names no project while there are several",
      projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }],
      tweak: (b) => {
        b.missing = [{ sheet: INDICATOR_SHEET, headerRow: 1, role: "indicators", fields: ["projectCode"] }];
      },
      errors: [{ cell: "指标表!A1", messageIncludes: ["2 个项目"] }],
    },
  ],
});
