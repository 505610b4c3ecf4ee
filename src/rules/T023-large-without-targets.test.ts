import { T023 } from "./T023-large-without-targets";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T023, {
  valid: [
    { name: "large project with indicators", projects: [{ attribute: "新增", budget: 800, indicators: soundIndicators() }] },
    { name: "新增 below 50 万元", projects: [{ attribute: "新增", budget: 40, indicators: [] }] },
    { name: "经常性 below 500 万元", projects: [{ attribute: "经常性", budget: 400, indicators: [] }] },
    { name: "元 sheet: 300000 元 is 30 万元", projects: [{ attribute: "一次性", budget: 300000, indicators: [] }], options: { unit: "元" } },
    {
      name: "the second row of a duplicated code: D004 says it (its indicators went to the first)",
      projects: [{ code: "P001", attribute: "新增", budget: 80, indicators: soundIndicators() }, { code: "P001", attribute: "新增", budget: 80, indicators: [] }],
    },
    { name: "no attribute, 100 万元: cannot tell", projects: [{ budget: 100, indicators: [] }] },
  ],
  invalid: [
    { name: "新增 at 60 万元", projects: [{ attribute: "新增", budget: 60, indicators: [] }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["60", "50"] }] },
    { name: "经常性 exactly at 500 万元", projects: [{ attribute: "经常性", budget: 500, indicators: [] }], errors: [{ cell: "B2", messageIncludes: ["500"] }] },
    {
      name: "元 sheet, 延续性 at 6000000 元",
      projects: [{ attribute: "新增", budget: 10, indicators: [] }, { attribute: "延续性", budget: 6000000, indicators: [] }],
      options: { unit: "元" },
      errors: [{ cell: "B3", sheet: PROJECT_SHEET, messageIncludes: ["600", "500"] }],
    },
    { name: "no attribute, 600 万元 from 年初预算数", projects: [{ initialBudget: 600, indicators: [] }], errors: [{ cell: "B2", messageIncludes: ["600", "项目属性"] }] },
  ],
});
