import { T013 } from "./T013-rate-over-100";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T013, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "「≥100百分比」 at exactly 100", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率", target: "≥100百分比" }] }] },
    { name: "「增长率 ≥ 120%」 is growth", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "经济效益指标", name: "产值增长率", target: "≥120%" }] }] },
    { name: "a count above 100 is no rate", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "覆盖户数", target: "≥300户" }] }] },
  ],
  invalid: [
    {
      name: "rate ≥ 120%",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "覆盖率", target: "≥120%" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["覆盖率", "≥120%"] }],
    },
    {
      name: "rate name without unit, = 101",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率", target: "=101" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["101"] }],
    },
    {
      name: "bare 110 百分比",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "任务完成比例", target: "110百分比" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET }],
    },
  ],
});
