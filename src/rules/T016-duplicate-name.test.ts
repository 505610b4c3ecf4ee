import { T016 } from "./T016-duplicate-name";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T016, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "same names in different projects", projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }] },
  ],
  invalid: [
    {
      name: "a name repeated within a project",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥600人次" }] }],
      errors: [{ cell: "D7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["培训人次", "第 2 行", "第 7 行"] }],
    },
    {
      name: "full-width and spaced variants count, three times → two findings",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "培训 合格率", target: "≥96%" }, { l1: "产出指标", l2: "质量指标", name: "培训合格率　", target: "≥97%" }] }],
      errors: [
        { cell: "D7", sheet: INDICATOR_SHEET },
        { cell: "D8", sheet: INDICATOR_SHEET },
      ],
    },
  ],
});
