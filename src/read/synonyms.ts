/**
 * Header synonyms (contract.md), keyed by the field names of src/model/fields.ts. Headers are
 * compared after `normaliseHeader` (full-width → half-width, no spaces or line breaks, unit
 * suffix and 「*」 removed), so the table holds the bare words. A rulebook adds more through
 * `rulebook.synonyms` (field key → extra headers; a key may be "indicator.<field>" to target
 * the indicator table only, otherwise it applies to every table that has that field).
 */
import type { IndicatorField, ProjectField } from "../model/fields";
import type { Rulebook } from "../rulebook/schema";
import { normaliseHeader } from "./header";

export const PROJECT_SYNONYMS: Record<ProjectField, string[]> = {
  code: ["项目编码", "项目代码", "项目编号", "项目ID", "项目id", "项目号"],
  name: ["项目名称", "项目支出名称", "项目", "项目名", "项目(政策)名称", "政策名称"],
  department: ["主管部门", "预算部门", "主管预算部门", "部门", "单位名称", "部门名称", "主管部门名称", "预算部门名称", "主管单位", "预算单位", "预算单位名称"],
  implementer: ["实施单位", "项目实施单位", "实施单位名称", "执行单位"],
  attribute: ["项目属性", "项目类型", "项目性质", "项目类别"],
  fundType: ["资金性质", "预算类型", "资金来源", "资金类型"],
  initialBudget: ["年初预算数", "年初预算", "预算数", "年度资金总额", "资金总额", "年初预算金额", "年初预算资金", "年初预算安排", "预算安排数", "预算金额"],
  budget: ["全年预算数", "调整后预算数", "全年预算", "调整后预算", "调整预算数", "全年预算金额"],
  spent: ["全年执行数", "执行数", "预算执行数", "实际支出", "全年执行", "实际支出数", "全年实际支出", "支出数", "执行金额", "实际执行数", "支出金额", "实际支出金额"],
  fiscalFunds: ["财政拨款", "财政资金", "财政拨款资金", "其中财政拨款", "其中:财政拨款"],
  otherFunds: ["其他资金", "其他资金来源", "其中其他资金"],
  goal: ["年度总体目标", "年度目标", "绩效目标", "预期目标", "总体目标", "年度绩效目标", "项目绩效目标", "年度预期目标", "项目年度目标"],
  goalActual: ["总体目标实际完成情况", "实际完成情况", "年度总体目标完成情况", "总体目标完成情况", "目标完成情况"],
  // On a project list 「偏差原因」 is the budget-execution reason (on an indicator list, the indicator's).
  executionReason: ["执行偏差原因", "执行率偏差原因", "预算执行偏差原因", "执行偏差原因分析", "执行情况说明", "执行率偏差原因分析", "偏差原因", "偏差原因分析", "原因说明", "偏差原因分析及改进措施"],
  declaredExecutionScore: ["执行率得分", "预算执行率得分", "资金执行率得分"],
  // On a project list 「自评得分」 is the project's declared total (on an indicator list, the indicator's score).
  declaredTotal: ["自评总分", "总分", "自评得分合计", "总得分", "综合得分", "自评得分", "得分", "自评总得分"],
  declaredGrade: ["自评等级", "等级", "评价等级", "自评结果", "绩效等级"],
  cumulativeSpent: ["累计执行数", "截至目前执行数", "截至监控日执行数", "截止目前执行数", "累计支出数", "累计支出"],
  forecastSpent: ["全年预计执行数", "预计全年执行数", "全年预计支出", "全年预计执行"],
  startDate: ["项目开始时间", "开始时间", "开始日期", "起始时间", "项目起始时间", "项目开始日期"],
  endDate: ["项目结束时间", "结束时间", "结束日期", "截止时间", "项目结束日期", "项目完成时间"],
};

export const INDICATOR_SYNONYMS: Record<IndicatorField, string[]> = {
  projectCode: ["项目编码", "项目代码", "项目编号", "项目ID", "项目id", "项目号"],
  projectName: ["项目名称", "项目支出名称", "项目", "所属项目", "项目名"],
  level1: ["一级指标", "一级指标名称", "一级"],
  level2: ["二级指标", "二级指标名称", "二级"],
  name: ["三级指标", "三级指标名称", "指标名称", "指标内容", "三级"],
  operator: ["指标性质", "运算符", "计算符号", "符号", "指标方向"],
  target: ["年度指标值", "指标值", "目标值", "指标值及单位", "年初目标值", "年度目标值", "年度指标值及单位", "预期指标值", "指标目标值"],
  unit: ["计量单位", "度量单位", "单位", "指标单位"],
  actual: ["实际完成值", "完成值", "全年实际值", "全年实际完成值", "实际值", "全年完成值", "实际完成情况", "全年实际完成情况"],
  weight: ["分值", "权重", "指标分值", "权重分值"],
  score: ["得分", "自评得分", "指标得分"],
  reason: ["偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因", "原因说明", "未完成原因分析及改进措施", "偏差原因及改进措施"],
  current: ["当前完成值", "截至目前完成情况", "截至目前完成值", "截止目前完成情况", "累计完成值", "当前完成情况"],
  forecast: ["全年预计完成", "全年预计完成情况", "全年预计完成值", "预计全年完成"],
  possibility: ["完成目标可能性", "完成可能性"],
  lastYear: ["上年实际完成值", "上年完成值", "上年度实际完成值", "上年实际值", "上年度完成值"],
};

/** Headers such as 「1-7月执行数」「1至6月执行情况」「截至6月30日执行数」. */
const PROJECT_PATTERNS: [RegExp, ProjectField][] = [
  [/^\d{1,2}[-~至—–]\d{1,2}月(份)?(预算)?(执行数|支出数|执行金额|支出)$/, "cumulativeSpent"],
  [/^截[至止].{1,12}(执行数|支出数)$/, "cumulativeSpent"],
];
const INDICATOR_PATTERNS: [RegExp, IndicatorField][] = [
  [/^\d{1,2}[-~至—–]\d{1,2}月(份)?(执行情况|完成值|完成情况|实际完成值)$/, "current"],
  [/^截[至止].{1,12}(完成情况|完成值)$/, "current"],
];

export type Table = "project" | "indicator";

export interface SynonymIndex {
  project: Map<string, ProjectField>;
  indicator: Map<string, IndicatorField>;
}

function index<F extends string>(table: Record<F, string[]>, extra: Record<string, string[]>, prefix: string): Map<string, F> {
  const m = new Map<string, F>();
  const fields = Object.keys(table) as F[];
  // Rulebook additions first: a locality's word wins over a built-in synonym.
  for (const [key, words] of Object.entries(extra)) {
    const field = (key.startsWith(prefix) ? key.slice(prefix.length) : key) as F;
    if (!fields.includes(field)) continue;
    if (key.includes(".") && !key.startsWith(prefix)) continue;
    for (const w of words) {
      const k = normaliseHeader(w).key;
      if (k && !m.has(k)) m.set(k, field);
    }
  }
  for (const f of fields) {
    for (const w of table[f]) {
      const k = normaliseHeader(w).key;
      if (k && !m.has(k)) m.set(k, f);
    }
  }
  return m;
}

export function buildSynonymIndex(extra: Rulebook["synonyms"] = {}): SynonymIndex {
  return {
    project: index(PROJECT_SYNONYMS, extra, "project."),
    indicator: index(INDICATOR_SYNONYMS, extra, "indicator."),
  };
}

/** Field a normalised header key stands for in a table, or null. Exact synonyms first, then patterns. */
export function matchProjectHeader(key: string, idx: SynonymIndex): ProjectField | null {
  const f = idx.project.get(key);
  if (f) return f;
  for (const [re, field] of PROJECT_PATTERNS) if (re.test(key)) return field;
  return null;
}

export function matchIndicatorHeader(key: string, idx: SynonymIndex): IndicatorField | null {
  const f = idx.indicator.get(key);
  if (f) return f;
  for (const [re, field] of INDICATOR_PATTERNS) if (re.test(key)) return field;
  return null;
}
