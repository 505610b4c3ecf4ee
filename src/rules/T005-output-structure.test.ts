import { T005 } from "./T005-output-structure";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const ben: IndicatorSpec = { l1: "效益指标", l2: "社会效益指标", name: "新增就业人数", target: "≥200人" };
const qty: IndicatorSpec = { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次" };
const qual: IndicatorSpec = { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: "≥95%" };
const time: IndicatorSpec = { l1: "产出指标", l2: "时效指标", name: "完成时间", target: "2024年12月底前" };

runRuleCases(T005, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "数量 + 时效 is enough", projects: [{ indicators: [qty, time, ben] }] },
    { name: "no 产出 at all is T003's business", projects: [{ indicators: [ben] }] },
    { name: "an output row without 二级: quiet", projects: [{ indicators: [qual, { l1: "产出指标", name: "培训人次", target: "≥500人次" }, ben] }] },
  ],
  invalid: [
    { name: "no 数量", projects: [{ indicators: [qual, time, ben] }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["数量指标"] }] },
    { name: "neither 质量 nor 时效", projects: [{ indicators: [qty, ben] }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["质量指标", "时效指标"] }] },
    {
      name: "only a cost indicator under 产出: both findings",
      projects: [{ indicators: [{ l1: "产出指标", l2: "成本指标", name: "设备购置成本", target: "≤50万元" }, ben] }],
      errors: [
        { cell: "B2", messageIncludes: ["数量指标"] },
        { cell: "B2", messageIncludes: ["时效指标"] },
      ],
    },
  ],
});
