import { T008 } from "./T008-no-number";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T008, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "「10辆」 is quantified", projects: [{ indicators: [{ l1: "产出指标", l2: "数量指标", name: "购置车辆", target: "10辆" }, ...soundIndicators().slice(1)] }] },
    { name: "「优良」 under 质量 is qualitative", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "工程质量", target: "优良" }] }] },
    { name: "free text under 质量 is not T008 (T009 may say it)", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "服务质量", target: "有效提升" }] }] },
    { name: "declared 定性 under 数量", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "覆盖范围", op: "定性", target: "全县" }] }] },
    { name: "时效 text that names a time", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "时效指标", name: "验收时间", target: "12月底前" }] }] },
    { name: "placeholder is left to T010", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "采购数量", target: "XX" }] }] },
  ],
  invalid: [
    {
      name: "「进一步提高」 under 数量",
      projects: [{ indicators: [{ l1: "产出指标", l2: "数量指标", name: "培训人次", target: "进一步提高" }, ...soundIndicators().slice(1)] }],
      errors: [{ cell: "F2", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["培训人次", "进一步提高"] }],
    },
    {
      name: "「有效控制」 under 经济成本",
      projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "有效控制" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["有效控制"] }],
    },
    {
      name: "「及时」 under 时效",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "时效指标", name: "响应时间", target: "及时" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET }],
    },
    {
      name: "empty target",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["验收合格率", "为空"] }],
    },
  ],
});
