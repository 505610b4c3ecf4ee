import type { Section } from "../types";

/** zh-CN messages, section e. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  E001: {
    message: "指标「{name}」的实际完成值为空，无法计算得分。",
    hint: "填写全年实际完成值：定量指标写数值和单位，定性指标写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。",
  },
  E002: {
    message: "定性指标「{name}」的实际完成值「{actual}」不是可识别的完成档次，无法评分。",
    hint: "改写为“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”之一。",
  },
  "E002.number": {
    message: "指标「{name}」的实际完成值「{actual}」不是数值，无法与指标值 {target} 比较评分。",
    hint: "按指标值的口径填写实际完成的数值和单位。",
  },
  E003: {
    message: "指标「{name}」自评得分 {declared} 分，按指标值 {target}、实际完成值 {actual}（分值 {weight} 分）重新计算为 {computed} 分，相差 {diff} 分，超过 {tolerance} 分。",
    hint: "按评分规则核对得分，改为 {computed} 分，或在偏差原因中说明评分依据。",
  },
  E004: {
    message: "指标「{name}」自评得分 {declared} 分，超过该指标分值 {weight} 分。",
    hint: "得分不能超过分值，按完成情况改为不高于 {weight} 分。",
  },
  E005: {
    message: "指标「{name}」得分 {score} 分，低于分值 {weight} 分，但未填写偏差原因分析。",
    hint: "说明未完成目标的原因，并提出改进措施。",
  },
  E006: {
    message: "指标「{name}」实际完成值 {actual} 为指标值 {target} 的 {ratio}，达到 {threshold} 以上，但未说明原因。",
    hint: "分析超额完成的原因；目标设定偏低的，下一年度据实调高指标值。",
  },
  E007: {
    message: "项目预算执行率 {rate}（全年执行 {spent} {unit} / 全年预算 {budget} {unit}），低于 {threshold}，但未说明原因。",
    hint: "填写预算执行偏差原因及改进措施。",
  },
  "E008.total": {
    message: "自评总分 {declared} 分与重新计算的 {computed} 分不一致，相差 {diff} 分。",
    hint: "按执行率得分 {execution} 分加指标得分 {indicators} 分核对总分。",
  },
  "E008.grade": {
    message: "自评等级“{declared}”与按总分 {total} 分应得的等级“{computed}”不一致。",
    hint: "按等级标准（{bands}）将自评等级改为“{computed}”。",
  },
  E009: {
    message: "定性指标「{name}」完成档次为“{tier}”，自评得分 {declared} 分不在该档 {lo}–{hi} 分（分值 {weight} 分的 {loPct}–{hiPct}）区间内。",
    hint: "“{tier}”档的得分应在 {lo} 至 {hi} 分之间；得分与档次不符的，调整得分或完成档次。",
  },
  "E009.open": {
    message: "定性指标「{name}」完成档次为“{tier}”，自评得分 {declared} 分不在该档 {lo}–{hi} 分（不含 {hi} 分；分值 {weight} 分的 {loPct}–{hiPct}）区间内。",
    hint: "“{tier}”档的得分应不低于 {lo} 分且低于 {hi} 分；得分与档次不符的，调整得分或完成档次。",
  },
};

export default section;
