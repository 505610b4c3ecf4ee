import type { Section } from "../types";

/** zh-CN messages, section d. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  "D001.noProjects": {
    message: "没有找到项目表：没有哪个工作表的表头含「项目名称」或「项目编码」。",
    hint: "在项目清单的表头写明「项目名称」或「项目编码」，或在任务窗格中手动指定对应的列。",
  },
  "D001.noIndicators": {
    message: "没有找到绩效指标表：没有哪个工作表的表头含「三级指标」「指标值」等指标列。",
    hint: "补充绩效指标表（一级指标、二级指标、三级指标、指标值），或在任务窗格中手动指定对应的列。",
  },
  "D001.projects": {
    message: "工作表「{sheet}」第 {row} 行的表头既没有「项目名称」列，也没有「项目编码」列，无法识别项目。",
    hint: "在表头加上「项目名称」或「项目编码」列，或在任务窗格中手动指定对应的列。",
  },
  "D001.indicators.name": {
    message: "工作表「{sheet}」第 {row} 行的表头缺少「三级指标」列，无法识别指标名称。",
    hint: "把指标名称所在列的表头改为「三级指标」（或「指标名称」），或在任务窗格中手动指定。",
  },
  "D001.indicators.target": {
    message: "工作表「{sheet}」第 {row} 行的表头缺少「指标值」列，无法读取绩效目标值。",
    hint: "把目标值所在列的表头改为「年度指标值」（或「指标值」），或在任务窗格中手动指定。",
  },
  "D001.indicators.projectCode": {
    message: "工作表「{sheet}」第 {row} 行的表头既没有「项目编码」也没有「项目名称」列，指标无法对应到 {count} 个项目中的任何一个。",
    hint: "在指标表中加一列「项目编码」（或「项目名称」），逐行填写指标所属项目。",
  },
  D002: {
    message: "第 {row} 行的指标「{indicator}」所属的项目「{project}」在项目表中找不到。",
    hint: "核对项目编码或名称是否与项目表一致（注意空格、全角字符和错别字），或在项目表中补上该项目。",
  },
  "D002.blank": {
    message: "第 {row} 行的指标「{indicator}」没有填写所属项目，无法对应到任何项目。",
    hint: "在该行填写项目编码或项目名称。",
  },
  D003: {
    message: "第 {row} 行的项目「{project}」没有任何绩效指标。",
    hint: "在指标表中为该项目填写产出、效益、满意度等绩效指标，并用项目编码或名称与项目对应。",
  },
  "D004.code": {
    message: "项目编码「{code}」重复：「{firstSheet}」第 {firstRow} 行的「{firstName}」已使用同一编码。",
    hint: "每个项目使用唯一的项目编码；若是同一项目重复录入，请删除多余的一行。",
  },
  "D004.name": {
    message: "部门「{department}」下项目名称「{project}」重复：「{firstSheet}」第 {firstRow} 行已有同名项目。",
    hint: "合并重复录入的项目，或在名称中注明区别（如实施地点、批次），最好补充项目编码。",
  },
  "D004.nameNoDepartment": {
    message: "项目名称「{project}」重复：「{firstSheet}」第 {firstRow} 行已有同名项目（两者都没有项目编码和主管部门）。",
    hint: "合并重复录入的项目，或在名称中注明区别，最好补充项目编码。",
  },
  D005: {
    message: "单元格内容「{raw}」无法识别为数字（{reason}）。",
    hint: "改为纯数字（如 50 或 1234.5），单位写在表头（如「金额（万元）」）或计量单位列，说明文字移到备注列。",
  },
  "D006.negative": {
    message: "{field}为 {value} {unit}，金额不能为负数。",
    hint: "核对该金额；确有冲减的，请在备注中说明并填写冲减后的实际金额。",
  },
  "D006.sum": {
    message: "资金总额 {total} {unit} 不等于财政拨款 {fiscal} {unit} 与其他资金 {other} {unit} 之和 {sum} {unit}，相差 {diff} {unit}。",
    hint: "核对资金来源：资金总额应等于财政拨款与其他资金之和（允许误差 {tolerance} {unit}）。",
  },
  D007: {
    message: "单元格是 Excel 错误值 {error}，无法读取。",
    hint: "检查该单元格的公式及其引用（#N/A 多为查找不到，#REF! 为引用失效，#VALUE! 为类型不符），改为正确的数值或文字。",
  },
  D008: {
    message: "全年执行数 {spent} {unit} 超过全年预算数 {budget} {unit}，超支 {over} {unit}。",
    hint: "核对执行数是否包含其他年度或其他项目的资金；确有追加的，请同步更新调整后预算数。",
  },
  "D008.cumulative": {
    message: "累计执行数 {spent} {unit} 超过全年预算数 {budget} {unit}，超支 {over} {unit}。",
    hint: "核对累计执行数的统计口径；确有追加的，请同步更新调整后预算数。",
  },
  "D008.noBudget": {
    message: "填有执行数 {spent} {unit}，但没有预算数，无法计算执行率。",
    hint: "补填年初预算数或全年预算数（调整后预算数）。",
  },
  "D009.large": {
    message: "{field} {value} {unit} 达到 {max} 万元以上，数额异常，疑似把「元」填进了「{unit}」列。",
    hint: "核对金额单位：若按元填写，请换算为{unit}，或把表头单位改为「（元）」。",
  },
  "D009.small": {
    message: "{field} {value} 元不足 {min} 元，数额异常，疑似把「万元」填进了「元」列。",
    hint: "核对金额单位：若按万元填写，请换算为元，或把表头单位改为「（万元）」。",
  },
  "D.field.initialBudget": { message: "年初预算数", hint: "" },
  "D.field.budget": { message: "全年预算数", hint: "" },
  "D.field.spent": { message: "全年执行数", hint: "" },
  "D.field.fiscalFunds": { message: "财政拨款", hint: "" },
  "D.field.otherFunds": { message: "其他资金", hint: "" },
  "D.field.cumulativeSpent": { message: "累计执行数", hint: "" },
  "D.field.forecastSpent": { message: "全年预计执行数", hint: "" },
  "D.unit.元": { message: "元", hint: "" },
  "D.unit.千元": { message: "千元", hint: "" },
  "D.unit.万元": { message: "万元", hint: "" },
  "D.unit.亿元": { message: "亿元", hint: "" },
  D010: {
    message: "第 {row} 行的「{raw}」远在表格之外（表格到第 {end} 行结束，中间隔了 {gap} 个空行），未当作表格数据读取。",
    hint: "若是误输入，请删除该单元格；若是表格的一部分，请把它移到表格中（中间不要留大段空行）。",
  },
  "D010.more": {
    message: "第 {row} 行的「{raw}」远在表格之外（表格到第 {end} 行结束），未当作表格数据读取；表格以下还有另外 {more} 个这样的单元格。",
    hint: "若是误输入，请删除这些单元格；若是表格的一部分，请把它们移到表格中（中间不要留大段空行）。",
  },
  "D010.right": {
    message: "{cell} 的「{raw}」远在表格右侧（表格到 {endCol} 列结束，中间隔了大段空列），未当作表格数据读取（表格右侧还有另外 {more} 个这样的单元格）；结果列放不下时不写结果列。",
    hint: "若是误输入，请删除该单元格；若是表格的一部分，请把它移到表格中（中间不要留大段空列）。",
  },
  D011: {
    message: "{field}「{raw}」超过 {max} 万元，超出任何合理的预算，不予采用。",
    hint: "核对该金额（是否多输了位数或粘贴了其他内容），改为实际金额。",
  },
  D012: {
    message: "「{field}」对应了两列：{columns}，无法确定以哪一列为准，暂按没有这一列处理。",
    hint: "删除或改名其中多余的一列，或在任务窗格「识别结果」中更正列，指定以哪一列为准。",
  },
};

export default section;
