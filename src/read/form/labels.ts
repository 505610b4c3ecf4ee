/**
 * The words of a form (绩效目标表 / 自评表 / 监控表): label cells that stand next to (or above)
 * their value cells, the rows and columns of the 项目资金 block, the 总分 row, notes.
 * Headers are compared after `normaliseHeader` (full-width → half-width, no spaces, unit suffix
 * and 「其中：」 removed), so the tables hold bare words.
 */
import type { ProjectField } from "../../model/fields";
import { normaliseHeader, squeezeText } from "../header";
import { matchProjectHeader, type SynonymIndex } from "../synonyms";

/** Rows of the 项目资金 block (central / Sichuan layout), also used as column heads (湘潭 layout). */
export type FundsRow = "total" | "fiscal" | "carryover" | "other";
/** Columns of the 项目资金 block. */
export type FundsCol = "initialBudget" | "budget" | "spent" | "cumulativeSpent" | "forecastSpent" | "weight" | "rate" | "score";

export type FormLabel =
  /** 项目名称 / 主管部门 / …: the value sits right of it (or below it when a label follows). */
  | { kind: "project"; field: ProjectField; unit: string | null }
  /** 项目资金（万元）: the block's caption; its suffix sets the unit. */
  | { kind: "funds"; unit: string | null }
  | { kind: "fundsRow"; row: FundsRow; unit: string | null }
  | { kind: "fundsCol"; col: FundsCol; unit: string | null }
  /** 绩效指标: caption left of the indicator grid. */
  | { kind: "section" }
  /** 总分 / 合计: the form's total row. */
  | { kind: "total" }
  /** 监控截止日期: the value is the monitoring date. */
  | { kind: "asOf" }
  /** A known label the model has no field for (项目负责人, 项目期, 联系电话 …): its neighbour is its value, never ours. */
  | { kind: "other" };

const FUNDS_CAPTION = new Set(["项目资金", "资金情况", "项目资金情况", "预算资金", "资金投入", "项目资金投入", "资金来源情况", "项目预算资金"]);
const FUNDS_ROWS: Record<string, FundsRow> = {
  年度资金总额: "total",
  资金总额: "total",
  项目资金总额: "total",
  资金总额合计: "total",
  年度资金合计: "total",
  财政拨款: "fiscal",
  当年财政拨款: "fiscal",
  财政资金: "fiscal",
  财政拨款资金: "fiscal",
  本级财政拨款: "fiscal",
  当年财政资金: "fiscal",
  上年结转资金: "carryover",
  上年结转: "carryover",
  结转资金: "carryover",
  上年结余结转资金: "carryover",
  其他资金: "other",
  其他资金来源: "other",
  其他来源资金: "other",
};
const FUNDS_COL_EXTRA: Record<string, FundsCol> = {
  分值: "weight",
  权重: "weight",
  执行率: "rate",
  预算执行率: "rate",
  资金执行率: "rate",
  得分: "score",
  执行率得分: "score",
};
const SECTION = new Set(["绩效指标", "绩效目标指标", "指标", "年度绩效指标", "绩效指标情况"]);
const TOTAL = /^(总分|合计|总计|得分合计|自评总分|总得分|综合得分|分值合计)$/;
const AS_OF = new Set(["监控截止日期", "监控截至日期", "截止日期", "截至日期", "监控日期", "数据截止日期"]);
const OTHER = new Set([
  "项目期", "项目周期", "实施周期", "项目实施期", "项目起止时间", "项目负责人", "负责人", "联系人", "联系电话", "电话",
  "填报单位", "填表单位", "填报人", "填表人", "审核人", "填报日期", "填表日期", "序号", "备注", "项目概况", "立项依据",
  "单位", "金额单位", "项目主管部门及代码", "实施单位及代码", "资金用途", "项目类别",
]);
/** Project fields a form label may set (amounts come from the funds block). */
const LABEL_FIELDS = new Set<ProjectField>([
  "code", "name", "department", "implementer", "attribute", "fundType", "goal", "goalActual", "executionReason",
  "declaredTotal", "declaredGrade", "startDate", "endDate", "initialBudget", "budget", "spent", "fiscalFunds", "otherFunds",
  "cumulativeSpent", "forecastSpent", "declaredExecutionScore",
]);
/** Words that stand for 项目名称 in a form's anchor row (「项目」 alone is too loose to start a form). */
export const NAME_ANCHORS = new Set(["项目名称", "项目支出名称", "项目名", "项目名称(全称)"]);

/** Note lines after a form (「注：」「填表说明」): never indicators. */
export const NOTE_LINE = /^(注[:：\d一二三四五、.)]|注$|附注|填表说明|填报说明|说明[:：]|备注[:：])/;

const cache = new WeakMap<SynonymIndex, Map<string, FormLabel | null>>();

/** What a cell's text is as a form label, or null for a value. */
export function classifyLabel(text: string, idx: SynonymIndex): FormLabel | null {
  let m = cache.get(idx);
  if (!m) {
    m = new Map();
    cache.set(idx, m);
  }
  const hit = m.get(text);
  if (hit !== undefined) return hit;
  const out = classify(text, idx);
  if (m.size < 50000) m.set(text, out);
  return out;
}

function classify(text: string, idx: SynonymIndex): FormLabel | null {
  if (!text) return null;
  const squeezed = squeezeText(text);
  // Long texts are values (a goal, a reason), whatever words they contain.
  if (squeezed.length > 24) return null;
  const { key, unit } = normaliseHeader(text);
  if (!key) return null;
  if (FUNDS_CAPTION.has(key)) return { kind: "funds", unit };
  const row = FUNDS_ROWS[key];
  if (row) return { kind: "fundsRow", row, unit };
  if (TOTAL.test(key)) return { kind: "total" };
  if (SECTION.has(key)) return { kind: "section" };
  if (AS_OF.has(key)) return { kind: "asOf" };
  if (OTHER.has(key)) return { kind: "other" };
  const extra = FUNDS_COL_EXTRA[key];
  if (extra) return { kind: "fundsCol", col: extra, unit };
  const f = matchProjectHeader(key, idx);
  if (f === "initialBudget" || f === "budget" || f === "spent" || f === "cumulativeSpent" || f === "forecastSpent") return { kind: "fundsCol", col: f, unit };
  if (f === "declaredExecutionScore") return { kind: "fundsCol", col: "score", unit };
  if (f && LABEL_FIELDS.has(f)) return { kind: "project", field: f, unit };
  return null;
}

/** The 项目名称 label that starts a form. */
export function isNameAnchor(text: string): boolean {
  return NAME_ANCHORS.has(normaliseHeader(text).key);
}

const YEAR_TITLE = /((?:19|20)\d{2})\s*年度/;
const YEAR_LOOSE = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;

/** 「（2024年度）」「2024年度项目支出绩效自评表」 → 2024; a loose 「2024年」 only when no 年度 is written. */
export function yearFromText(text: string): { year: number; strict: boolean } | null {
  const s = squeezeText(text);
  const y = YEAR_TITLE.exec(s);
  if (y) return { year: Number(y[1]), strict: true };
  if (/日期|时间|截[止至]/.test(s)) return null;
  const l = YEAR_LOOSE.exec(s);
  return l ? { year: Number(l[1]), strict: false } : null;
}

const UNIT_LINE = /(?:金额|计量|货币)?单位[:：]\s*(?:人民币)?\s*(亿元|千元|万元|元)/;

/** 「单位：万元」「金额单位：元」 → the unit, else null. */
export function unitLine(text: string): string | null {
  const m = UNIT_LINE.exec(squeezeText(text));
  return m ? m[1] : null;
}

/** 「监控截止日期：2024年7月31日」 written in one cell → the text after the label, else null. */
export function inlineAsOf(text: string): string | null {
  const s = squeezeText(text);
  const m = /(监控截止日期|监控截至日期|截止日期|截至日期|监控日期|数据截止日期)[:：]?(.+)$/.exec(s);
  return m && m[2] ? m[2] : null;
}

/** Text fields a 「标签：值」 cell may carry (amounts always stand in their own cells). */
const INLINE_FIELDS = new Set<ProjectField>(["code", "name", "department", "implementer", "attribute", "fundType", "goal"]);

/** 「项目名称：农村饮水安全工程」 written in one cell → the field and the text after the colon; null otherwise. */
export function inlinePair(text: string, idx: SynonymIndex): { field: ProjectField; value: string } | null {
  const m = /^([^:：]{2,12})[:：]\s*(\S.*)$/s.exec(text.trim());
  if (!m) return null;
  const lab = classifyLabel(m[1], idx);
  if (!lab || lab.kind !== "project" || !INLINE_FIELDS.has(lab.field)) return null;
  return { field: lab.field, value: m[2].trim() };
}
