import { T015 } from "./T015-input-as-output";
import { runRuleCases } from "./testing/tester";
import { parseRulebook } from "../rulebook/load";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T015, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "预算执行率 as a 2021 cost indicator is not an output", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "预算执行率", target: "≥90%" }] }] },
    { name: "switched off in the rulebook", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "预算执行率", target: "≥90%" }] }], options: { rulebook: parseRulebook({ rules: { T015: { enabled: false } } }) } },
  ],
  invalid: [
    {
      name: "预算执行率 under 产出",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "预算执行率", target: "≥90%" }] }],
      errors: [{ cell: "D7", sheet: INDICATOR_SHEET, severity: "info", messageIncludes: ["预算执行率", "产出指标"] }],
    },
    {
      name: "资金拨付率 under 效益",
      projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "经济效益指标", name: "专项资金拨付率", target: "100%" }] }],
      errors: [{ cell: "D7", sheet: INDICATOR_SHEET, messageIncludes: ["资金拨付率", "效益指标"] }],
    },
  ],
});
