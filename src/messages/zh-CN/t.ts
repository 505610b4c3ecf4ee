import type { Section } from "../types";

/** zh-CN messages, section t. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  T001: {
    message: "项目「{project}」的年度总体目标为空。",
    hint: "填写本年度要达到的总体目标，写明产出、效益和服务对象，并与绩效指标对应。",
  },
  "T002.short": {
    message: "项目「{project}」的年度总体目标「{goal}」只有 {length} 个字，少于 {min} 个字，过于笼统。",
    hint: "写明做什么、做多少、何时完成、达到什么效果（如「全年培训 500 人次，合格率 95% 以上」）。",
  },
  "T002.vague": {
    message: "项目「{project}」的年度总体目标没有任何数字，只用了「{words}」等 {count} 个模糊用语。",
    hint: "把模糊表述换成可衡量的结果：数量、质量标准、完成时间和受益对象。",
  },
  "T003.output": {
    message: "项目「{project}」的 {count} 个指标中没有产出指标。",
    hint: "补充产出指标（数量、质量、时效等），说明项目直接提供的产品或服务。",
  },
  "T003.benefit": {
    message: "项目「{project}」的 {count} 个指标中没有效益指标。",
    hint: "补充效益指标（经济、社会、生态效益或可持续影响），说明项目带来的效果。",
  },
  "T003.both": {
    message: "项目「{project}」的 {count} 个指标中既没有产出指标，也没有效益指标。",
    hint: "按指标框架补充产出指标（数量、质量、时效）和效益指标。",
  },
  T004: {
    message: "项目「{project}」的 {count} 个指标中没有满意度指标。",
    hint: "项目面向服务对象的，补充服务对象满意度指标（如「受益群众满意度 ≥85%」）。",
  },
  "T005.quantity": {
    message: "项目「{project}」的 {count} 个产出指标中没有数量指标。",
    hint: "补充数量指标，写明完成的工作量（如「培训人次 ≥500人次」）。",
  },
  "T005.qualityTime": {
    message: "项目「{project}」的 {count} 个产出指标中既没有质量指标，也没有时效指标。",
    hint: "补充质量指标（如合格率、达标率）或时效指标（如完成时间）。",
  },
  T006: {
    message: "项目「{project}」没有成本指标，而当前规则库要求设置成本指标。",
    hint: "按财预〔2021〕101号补充成本指标（经济成本、社会成本或生态环境成本）。",
  },
  "T007.level1": {
    message: "指标「{name}」的一级指标「{text}」不在指标框架中。",
    hint: "一级指标应为产出指标、效益指标、满意度指标或成本指标。",
  },
  "T007.level2": {
    message: "指标「{name}」的二级指标「{text}」不在指标框架中。",
    hint: "改用指标框架中的二级指标名称（如数量指标、质量指标、社会效益指标）。",
  },
  "T007.misplaced": {
    message: "指标「{name}」的二级指标「{level2}」不应放在一级指标「{level1}」下。",
    hint: "「{level1}」下可用的二级指标为：{allowed}。",
  },
  T008: {
    message: "定量指标「{name}」的指标值「{value}」没有数值。",
    hint: "{level2}应写明运算符、数值和单位（如「≥500人次」），不要用描述性文字代替。",
  },
  "T008.empty": {
    message: "指标「{name}」的指标值为空。",
    hint: "填写年度指标值：定量指标写运算符、数值和单位，定性指标写达成标准。",
  },
  "T009.name": {
    message: "指标名称「{name}」含模糊用语「{words}」，衡量的内容不明确。",
    hint: "指标名称写清衡量什么（如「培训合格率」），把目标放进指标值并量化。",
  },
  "T009.value": {
    message: "指标「{name}」的指标值「{value}」含模糊用语「{words}」。",
    hint: "用具体的数值或可判断的标准代替模糊用语。",
  },
  "T010.goal": {
    message: "项目「{project}」的年度总体目标中有未替换的模板占位符「{placeholder}」。",
    hint: "把占位符替换为实际内容。",
  },
  "T010.name": {
    message: "指标名称「{name}」中有未替换的模板占位符「{placeholder}」。",
    hint: "把占位符替换为实际的指标名称。",
  },
  "T010.value": {
    message: "指标「{name}」的指标值「{value}」中有未替换的模板占位符「{placeholder}」。",
    hint: "填写确定的指标值；尚未确定的应在申报前确定。",
  },
  T011: {
    message: "指标「{name}」的指标值「{value}」没有计量单位。",
    hint: "补充计量单位（如人次、个、万元、%）。",
  },
  "T012.cost": {
    message: "成本指标「{name}」的指标值「{value}」用了「{op}」，成本应设上限而不是下限。",
    hint: "成本指标一般用「≤」（如「≤50万元」）。",
  },
  "T012.floor": {
    message: "指标「{name}」的指标值「{value}」用了「{op}」，{word}应设下限而不是上限。",
    hint: "{word}一般用「≥」（如「≥90%」）。",
  },
  T013: {
    message: "比率指标「{name}」的目标「{value}」超过 100%。",
    hint: "比率类指标目标不应超过 100%；如确为增长幅度，请在指标名称中写明「增长率」或「增幅」。",
  },
  T014: {
    message: "{name}目标 {value} 低于 {floor}% 的下限，目标偏低。",
    hint: "按服务对象满意度调查口径设为 ≥{floor}%。",
  },
  T015: {
    message: "「{name}」（{word}）反映资金投入，不宜作为{level1}。",
    hint: "预算执行情况已单独考核；改用反映项目产出或效果的指标。（常见审核口径）",
  },
  T016: {
    message: "指标「{name}」在本项目中重复出现（第 {firstRow} 行和第 {row} 行）。",
    hint: "合并重复指标，或把名称改得能区分两者。",
  },
  T017: {
    message: "项目「{project}」只有 {count} 个绩效指标，少于 {min} 个。",
    hint: "按产出、效益、满意度补充指标，全面反映项目目标。",
  },
  T018: {
    message: "项目「{project}」的 {total} 个指标中有 {qualitative} 个定性指标，占 {share}%，超过 {max}%。",
    hint: "能量化的指标尽量量化，定性指标只用于难以量化的内容。",
  },
  T019: {
    message: "项目「{project}」的 {count} 个成本指标合计 {sum} {unit}，超过项目预算 {budget} {unit}（最大一项为「{name}」）。",
    hint: "核对成本指标的金额和单位（元、万元），成本合计不应超过项目预算。",
  },
  "T019.perUnit": {
    message: "项目「{project}」的单位成本指标「{name}」为 {value}，单项已超过项目预算 {budget} {unit}。",
    hint: "核对单位成本的金额和计量单位（元/人、万元/公里等），一个单位的成本不应超过整个项目的预算。",
  },
  "T020.year": {
    message: "时效指标「{name}」的完成时间 {date} 不在 {year} 预算年度内。",
    hint: "时效目标应在 {year} 年内；跨年度的工作请拆分为本年度的阶段目标。",
  },
  "T020.period": {
    message: "时效指标「{name}」的完成时间 {date} 超出项目期限 {start} 至 {end}。",
    hint: "把完成时间调整到项目期限内，或核对项目起止时间。",
  },
  "T021.sum": {
    message: "项目「{project}」的 {count} 个指标分值合计 {sum} 分，不等于规定的 {total} 分。",
    hint: "调整各指标分值，使合计为 {total} 分。",
  },
  "T021.partial": {
    message: "项目「{project}」的 {all} 个指标中只有 {count} 个填了分值，合计 {sum} 分，不等于规定的 {total} 分。",
    hint: "为每个指标填写分值，使合计为 {total} 分。",
  },
  "T021.nonpositive": {
    message: "指标「{name}」的分值为 {weight}，分值应大于 0。",
    hint: "给该指标设定正的分值，或删去该指标。",
  },
  T022: {
    message: "指标「{name}」的目标 {value} 低于上年实际完成值 {last}。",
    hint: "目标一般不低于上年实际水平；确需降低的，请说明原因。（常见审核口径）",
  },
  "T023.new": {
    message: "{attribute}项目「{project}」预算 {budget} 万元，达到 {min} 万元的门槛，但没有设置任何绩效指标。",
    hint: "新增项目 {min} 万元以上须申报绩效目标：补充年度总体目标和产出、效益、满意度指标。",
  },
  "T023.recurring": {
    message: "{attribute}项目「{project}」预算 {budget} 万元，达到 {min} 万元的门槛，但没有设置任何绩效指标。",
    hint: "经常性项目 {min} 万元以上须申报绩效目标：补充年度总体目标和产出、效益、满意度指标。",
  },
  "T023.unknown": {
    message: "项目「{project}」预算 {budget} 万元，达到 {min} 万元的门槛，但没有设置任何绩效指标。",
    hint: "补充年度总体目标和产出、效益、满意度指标；同时填写项目属性（新增、经常性等）。",
  },
};

export default section;
