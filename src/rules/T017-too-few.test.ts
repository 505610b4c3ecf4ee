import { T017 } from "./T017-too-few";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";
import { parseRulebook } from "../rulebook/load";

runRuleCases(T017, {
  valid: [
    { name: "five indicators", projects: [{ indicators: soundIndicators() }] },
    { name: "exactly three", projects: [{ indicators: soundIndicators().slice(0, 3) }] },
    { name: "none at all is D003's business", projects: [{ indicators: [] }] },
  ],
  invalid: [
    { name: "two indicators", projects: [{ indicators: soundIndicators().slice(0, 2) }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["2", "3"] }] },
    {
      name: "min raised to 6 through params",
      projects: [{ indicators: soundIndicators() }, { indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "培训班次", target: "≥10期" }] }],
      options: { rulebook: parseRulebook({ rules: { T017: { params: { min: 6 } } } }) },
      errors: [{ cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["5", "6"] }],
    },
  ],
});
