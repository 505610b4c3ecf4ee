import { T006 } from "./T006-cost-missing";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";
import { getPreset } from "../rulebook/load";

const sichuan = { rulebook: getPreset("sichuan-2023") };

runRuleCases(T006, {
  valid: [
    { name: "central preset does not expect cost indicators", projects: [{ indicators: soundIndicators() }] },
    { name: "2021 layout cost indicator present", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }], options: sichuan },
    { name: "hybrid: 经济成本 under 产出", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }], options: sichuan },
    { name: "an output row without 二级 might be the cost: quiet", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", name: "培训成本", target: "≤30万元" }] }], options: sichuan },
  ],
  invalid: [
    { name: "sichuan expects cost", projects: [{ indicators: soundIndicators() }], options: sichuan, errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "info", messageIncludes: ["成本指标"] }] },
    {
      name: "second project only",
      projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }, { indicators: soundIndicators() }],
      options: sichuan,
      errors: [{ cell: "B3", sheet: PROJECT_SHEET }],
    },
  ],
});
