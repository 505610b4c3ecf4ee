import type { Section } from "../types";

/** zh-CN messages, section m. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  "M001.red": {
    message: "截至 {asOf}，累计执行 {spent} {unit}，预算执行率 {rate}，序时进度 {progress}，执行进度仅为序时进度的 {ratio}，低于 {threshold}（红灯）。",
    hint: "查明支出滞后原因并加快执行；进度仍无改善的，按支出进度收回资金。",
  },
  "M001.yellow": {
    message: "截至 {asOf}，累计执行 {spent} {unit}，预算执行率 {rate}，序时进度 {progress}，执行进度为序时进度的 {ratio}，低于 {threshold}（黄灯）。",
    hint: "督促加快支出进度，跟踪后续执行情况。",
  },
  "M002.red": {
    message: "指标「{name}」截至 {asOf} 完成 {current}{unit}，按序时进度 {progress} 应完成 {expected}{unit}（指标值 {target}），完成比例 {completion}，低于 {threshold}（红灯）。",
    hint: "分析进度滞后原因，采取纠偏措施；确实无法完成的，按程序调整绩效目标。",
  },
  "M002.yellow": {
    message: "指标「{name}」截至 {asOf} 完成 {current}{unit}，按序时进度 {progress} 应完成 {expected}{unit}（指标值 {target}），完成比例 {completion}，低于 {threshold}（黄灯）。",
    hint: "关注进度，加快实施。",
  },
  "M002.blue": {
    message: "指标「{name}」截至 {asOf} 已完成 {current}{unit}，按序时进度 {progress} 应完成 {expected}{unit}（指标值 {target}），完成比例 {completion}，达到 {threshold} 以上（蓝灯），目标可能偏低。",
    hint: "核实完成数据；目标设定偏低的，按程序调高指标值。",
  },
  "M003.short.red": {
    message: "指标「{name}」当前完成值 {current} 未达到指标值 {target}，差距超过指标值的 {tolerance}（红灯）。",
    hint: "分析未达标原因，采取纠偏措施。",
  },
  "M003.short.yellow": {
    message: "指标「{name}」当前完成值 {current} 略低于指标值 {target}，差距在指标值的 {tolerance} 以内（黄灯）。",
    hint: "关注该指标，及时纠偏。",
  },
  "M003.over.red": {
    message: "指标「{name}」当前值 {current} 超出上限 {target}，超出部分超过指标值的 {tolerance}（红灯）。",
    hint: "控制成本或数量，分析超出原因并采取纠偏措施。",
  },
  "M003.over.yellow": {
    message: "指标「{name}」当前值 {current} 略超上限 {target}，超出部分在指标值的 {tolerance} 以内（黄灯）。",
    hint: "关注该指标，防止进一步超出。",
  },
  "M003.date.red": {
    message: "指标「{name}」当前完成时间 {current} 晚于目标时间 {target}（红灯）。",
    hint: "说明延期原因，采取措施尽快完成。",
  },
  "M003.tier.red": {
    message: "定性指标「{name}」当前完成情况为“{current}”，未达成目标（红灯）。",
    hint: "分析原因，采取纠偏措施。",
  },
  "M003.tier.yellow": {
    message: "定性指标「{name}」当前完成情况为“{current}”，仅部分达成（黄灯）。",
    hint: "关注该指标，加快推进。",
  },
  "M004.red": {
    message: "指标「{name}」监控为红灯，但未填写偏差原因。",
    hint: "从经费保障、制度保障、人员保障、硬件条件保障或其他方面说明偏差原因，并提出纠偏措施。",
  },
  "M004.yellow": {
    message: "指标「{name}」监控为黄灯，但未填写偏差原因。",
    hint: "从经费保障、制度保障、人员保障、硬件条件保障或其他方面说明偏差原因，并提出纠偏措施。",
  },
  "M005.certain": {
    message: "指标「{name}」全年预计完成 {forecast}，达不到指标值 {target}，完成目标可能性却填“确定能”。",
    hint: "据实填写完成目标可能性（有可能 / 完全不可能），或核实全年预计完成值。",
  },
  "M005.impossible": {
    message: "指标「{name}」完成目标可能性为“完全不可能”，但未说明原因。",
    hint: "说明无法完成的原因和拟采取的措施，必要时按程序申请调整目标。",
  },
  M006: {
    message: "全年预计执行 {forecast} {unit}，全年预算 {budget} {unit}，预计结余 {idle} {unit}（{share}），超过预算的 {threshold}。",
    hint: "核实资金需求，预计结余的资金及时收回统筹使用或调整预算，避免资金沉淀。",
  },
};

export default section;
