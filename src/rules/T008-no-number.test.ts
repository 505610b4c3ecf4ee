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
    { name: "「数据共享」 is not a count (数据 ≠ …数)", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "数据共享", target: "有所提升" }] }] },
    { name: "「数字化水平」 is not a count", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "数字化水平", target: "明显提高" }] }] },
    { name: "satisfaction is left to its own rules", projects: [{ indicators: [...soundIndicators(), { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意率", target: "较高" }] }] },
    { name: "「工作效率」 is not a rate of something counted", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "工作效率", target: "有所提升" }] }] },
    { name: "a rate with a number under 质量", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率", target: "100%" }] }] },
    { name: "a rate known by name, declared 定性", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率", op: "定性", target: "合格" }] }] },
    { name: "「全覆盖」 for a 覆盖率 known by name", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "政策宣传覆盖率", target: "全覆盖" }] }] },
    { name: "a qualitative tier for a rate", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "群众知晓率", target: "达成年度指标" }] }] },
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
      name: "「…率」 under 质量 with 「有所提升」",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "设备完好率", target: "有所提升" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["设备完好率", "有所提升"] }],
    },
    {
      name: "「…人数」「…次数」「…天数」「…比例」 under 效益",
      projects: [
        {
          indicators: [
            ...soundIndicators(),
            { l1: "效益指标", l2: "社会效益指标", name: "受益人数", target: "明显增加" },
            { l1: "效益指标", l2: "社会效益指标", name: "宣传活动次数", target: "不断增加" },
            { l1: "效益指标", l2: "生态效益指标", name: "空气优良天数", target: "稳步增长" },
            { l1: "效益指标", l2: "经济效益指标", name: "带动社会投资比例", target: "有所提高" },
            { l1: "效益指标", l2: "可持续影响指标", name: "长效机制建设", target: "逐步完善" },
            { l1: "效益指标", l2: "社会效益指标", name: "观看群众人次", target: "持续增加" },
            { l1: "效益指标", l2: "社会效益指标", name: "服务层次", target: "有所提升" },
          ],
        },
      ],
      // Not 长效机制建设 (qualitative) nor 服务层次 (层次 is not a count of times).
      errors: [{ cell: "F7" }, { cell: "F8" }, { cell: "F9" }, { cell: "F10" }, { cell: "F12" }],
    },
    {
      name: "「…率（%）」 with a unit note in the name",
      projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "就业率（%）", target: "有效提升" }] }],
      errors: [{ cell: "F7" }],
    },
    {
      name: "empty target",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格率" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, messageIncludes: ["验收合格率", "为空"] }],
    },
  ],
});
