import { T009 } from "./T009-vague-words";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T009, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "「有效灌溉面积 ≥500亩」: a term, quantified", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "经济效益指标", name: "有效灌溉面积", target: "≥500亩" }] }] },
    { name: "「有效率」 is a term", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "慢性病治疗有效率", target: "≥90%" }] }] },
    { name: "quantitative text is T008's business", projects: [{ indicators: [{ l1: "产出指标", l2: "数量指标", name: "培训人次", target: "进一步提高" }, ...soundIndicators().slice(1)] }] },
  ],
  invalid: [
    {
      name: "vague value under 质量",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "服务质量", target: "有效提升" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["有效"] }],
    },
    {
      name: "vague name with a tier target",
      projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "进一步提升服务水平", target: "好" }] }],
      errors: [{ cell: "D7", sheet: INDICATOR_SHEET, messageIncludes: ["进一步"] }],
    },
    {
      name: "vague name with a quantified target",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "教师教学能力显著提升比例", target: "≥80%" }] }],
      errors: [{ cell: "D7", sheet: INDICATOR_SHEET, messageIncludes: ["显著"] }],
    },
    {
      name: "vague name and vague value: both cells",
      projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "显著改善人居环境", target: "明显改善" }] }],
      errors: [
        { cell: "D7", messageIncludes: ["显著"] },
        { cell: "F7", messageIncludes: ["明显"] },
      ],
    },
  ],
});
