import { T010 } from "./T010-placeholder";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T010, {
  valid: [
    { name: "a question's 「？」 and a note mark 「*」 are not placeholders", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "是否发生重大安全事故？", target: "否" }, { l1: "产出指标", l2: "数量指标", name: "*新建站点", target: "≥5个" }] }] },
    { name: "sound set with a goal", projects: [{ goal: "全年开展职业技能培训500人次，培训合格率达到95%以上", indicators: soundIndicators() }] },
    { name: "「X光机」 is not 「XX」", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "X光机购置数量", target: "2台" }] }] },
  ],
  invalid: [
    {
      name: "「?」 standing for a number",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "新建站点", target: "≥?个" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["?"] }],
    },
    {
      name: "「XX」 as a target",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "采购数量", target: "≥XX个" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["XX"] }],
    },
    {
      name: "「**」 in a name, 「待定」 as a value",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "**指标", target: "待定" }] }],
      errors: [
        { cell: "D7", sheet: INDICATOR_SHEET, messageIncludes: ["**"] },
        { cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["待定"] },
      ],
    },
    {
      name: "full-width placeholder in the goal",
      projects: [{ goal: "完成ＸＸ项目建设任务，培训××人次", indicators: soundIndicators() }],
      errors: [{ cell: "J2", sheet: PROJECT_SHEET, messageIncludes: ["XX"] }],
    },
  ],
});
