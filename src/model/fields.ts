/**
 * The fields the reader looks for. Keys are English; the Chinese header synonyms live in
 * src/read/synonyms.ts (and can be extended from the rulebook).
 */
export const PROJECT_FIELDS = [
  "code", // 项目编码
  "name", // 项目名称
  "department", // 主管部门
  "implementer", // 实施单位
  "attribute", // 项目属性 经常性/一次性/延续性/新增
  "fundType", // 资金性质
  "initialBudget", // 年初预算数 (年度资金总额)
  "budget", // 全年预算数 / 调整后预算数
  "spent", // 全年执行数
  "fiscalFunds", // 财政拨款
  "otherFunds", // 其他资金
  "goal", // 年度总体目标
  "goalActual", // 总体目标实际完成情况
  "executionReason", // 执行偏差原因 (budget execution)
  "declaredExecutionScore", // 执行率得分 as declared
  "declaredTotal", // 自评总分
  "declaredGrade", // 自评等级
  "cumulativeSpent", // 累计执行数 (monitoring)
  "forecastSpent", // 全年预计执行数 (monitoring)
  "startDate", // 项目开始时间
  "endDate", // 项目结束时间
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

export const INDICATOR_FIELDS = [
  "projectCode",
  "projectName",
  "level1", // 一级指标
  "level2", // 二级指标
  "name", // 三级指标
  "operator", // 指标性质 / 运算符
  "target", // 年度指标值
  "unit", // 计量单位
  "actual", // 实际完成值
  "weight", // 分值
  "score", // 得分 (declared)
  "reason", // 偏差原因分析及改进措施
  "current", // 当前完成值 (monitoring, to the as-of date)
  "forecast", // 全年预计完成
  "possibility", // 完成目标可能性
  "lastYear", // 上年实际完成值 (history)
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
