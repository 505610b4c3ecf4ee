import { T012 } from "./T012-operator-direction";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T012, {
  valid: [
    { name: "「满意度调查次数 ≤ 2次」 is not a satisfaction level", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "满意度调查次数", target: "≤2次" }] }] },
    { name: "sound set with a capped cost", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }] },
    { name: "a saving floored with ≥", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "节约资金", target: "≥10万元" }] }] },
    { name: "「不合格率」 capped with ≤", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "产品不合格率", target: "≤2%" }] }] },
    { name: "a unit cost capped with ≤", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤500元/人" }] }] },
    { name: "a non-money rate per something is not a cost (吨/亩)", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "生态环境成本指标", name: "化肥施用量", target: "≥2吨/亩" }] }] },
    { name: "a non-money cost floor (植被恢复面积)", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "生态环境成本指标", name: "植被恢复面积", target: "≥20亩" }] }] },
  ],
  invalid: [
    {
      name: "cost floored with ≥",
      projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "设备购置成本", target: "≥50万元" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["≥50万元"] }],
    },
    {
      name: "unit costs floored with ≥: 元/人, 万元/公里, 元/人·天, 元/人次",
      projects: [
        {
          indicators: [
            ...soundIndicators(),
            { l1: "成本指标", l2: "经济成本指标", name: "人均培训成本", target: "≥500元/人" },
            { l1: "产出指标", l2: "成本指标", name: "道路建设成本", target: "≥3万元/公里" },
            { l1: "成本指标", l2: "经济成本指标", name: "食宿标准", op: "＞", target: 120, unit: "元/人·天" },
            { l1: "成本指标", l2: "经济成本指标", name: "体检成本", target: "≥80元/人次" },
          ],
        },
      ],
      errors: [
        { cell: "F7", messageIncludes: ["≥500元/人"] },
        { cell: "F8", messageIncludes: ["≥3万元/公里"] },
        { cell: "E9" },
        { cell: "F10" },
      ],
    },
    {
      name: "satisfaction capped with ≤",
      projects: [{ indicators: [...soundIndicators().slice(0, 4), { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≤90%" }] }],
      errors: [{ cell: "F6", sheet: INDICATOR_SHEET, messageIncludes: ["满意度", "≤90%"] }],
    },
    {
      name: "operator in its own column: the operator cell",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率", op: "<", target: 100, unit: "%" }] }],
      errors: [{ cell: "E7", sheet: INDICATOR_SHEET, messageIncludes: ["合格率"] }],
    },
  ],
});
