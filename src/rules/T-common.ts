/**
 * Helpers shared by the target-quality rules (T001–T023): where a finding points, how an
 * indicator is classified (category, quantitative, rate, satisfaction, cost), how values are
 * shown in messages. Pure functions over the model; no thresholds here (those come from the
 * rulebook or the rule's params).
 */
import type { CellValue } from "../core/grid";
import type { IndicatorField } from "../model/fields";
import { rawOf, type Indicator, type ModelBook, type Project } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import { normaliseText, parseOperator, toYuan } from "../parse";
import { isSqueezed } from "../parse/text";
import type { ParsedValue } from "../parse/types";
import type { RuleContext } from "./types";
import { memoByText } from "../core/memo";

/** Sources quoted in rule meta. */
export const SRC_88 = "财预〔2015〕88号（绩效目标：指向明确、细化量化、合理可行、相应匹配）";
export const SRC_101 = "财预〔2021〕101号（项目支出绩效评价指标体系）";
export const SRC_10 = "财预〔2020〕10号（项目支出绩效评价管理办法）";
export const SRC_SEED_002 = "seed 002（新增项目 ≥50 万元、经常性项目 ≥500 万元须设绩效目标）";
export const SRC_SEED_001 = "seed 001（目标设置广而不精，缺乏科学性和可操作性）";
export const SRC_PRACTICE = "practice（常见审核口径 / production checkers）";

export const COST_LEVEL2 = ["成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"];
/** 二级 whose indicators must carry a number (domain.md §3: 数量 / 成本 / 时效). */
const QUANT_LEVEL2 = ["数量指标", "时效指标", "成本指标", "经济成本指标"];

// ---------------------------------------------------------------- params

export function numParam(ctx: RuleContext, key: string, dflt: number): number {
  const v = ctx.params[key];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return dflt;
}

export function listParam(ctx: RuleContext, key: string, dflt: string[]): string[] {
  const v = ctx.params[key];
  if (Array.isArray(v)) return v;
  if (typeof v === "string" && v.trim() !== "") return v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return dflt;
}

// ---------------------------------------------------------------- cells

/** Address of a project's name cell (project-level findings). */
export function projectCell(p: Project): { sheet: string; cell: string } {
  const c = p.origin.cells;
  return { sheet: p.origin.sheet, cell: c.name ?? c.code ?? Object.values(c)[0] ?? `A${p.origin.row}` };
}

/** Address of one of an indicator's cells, falling back to its name cell, then the row's first column. */
export function indicatorCell(ind: Indicator, field: IndicatorField): { sheet: string; cell: string } {
  const c = ind.origin.cells;
  return { sheet: ind.origin.sheet, cell: c[field] ?? c.name ?? c.target ?? Object.values(c)[0] ?? `A${ind.origin.row}` };
}

/** A raw cell as text ("" for empty / non-text). */
export function rawText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return normaliseText(v);
  if (typeof v === "number") return String(v);
  return "";
}

/** Squeezed text for comparisons: NFKC, no spaces. */
export const squeeze: (s: string) => string = memoByText((s) => {
  if (isSqueezed(s)) return s;
  return normaliseText(s.normalize("NFKC")).replace(/\s+/g, "");
});

/** Number of characters a person would count (code points, no spaces). */
export function charCount(s: string): number {
  // Code points: a surrogate pair is one character (what Array.from counts), without the array.
  const t = squeeze(s);
  let n = t.length;
  for (let i = 0; i < t.length - 1; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// ---------------------------------------------------------------- classification

/** 一级 of an indicator: as written, else the unique 一级 whose framework holds its 二级; null when unknown. */
export function level1Of(ind: Indicator, rb: Rulebook): string | null {
  if (ind.level1) return ind.level1;
  if (!ind.level2) return null;
  const owners = Object.entries(rb.framework)
    .filter(([, names]) => names.includes(ind.level2 as string))
    .map(([l1]) => l1);
  return owners.length === 1 ? owners[0] : null;
}

export function isCost(ind: Indicator): boolean {
  return ind.level1 === "成本指标" || (ind.level2 !== null && COST_LEVEL2.includes(ind.level2));
}

export function isSatisfaction(ind: Indicator, rb: Rulebook): boolean {
  return level1Of(ind, rb) === "满意度指标" || ind.level2 === "服务对象满意度指标" || namesSatisfaction(ind.name);
}

/** 「满意度」「满意率」 in a name, not 「不满意」 (liberal: for presence checks). */
export const namesSatisfaction: (name: string) => boolean = memoByText((name) => /(?<!不)满意(度|率)/.test(squeeze(name)));

const CORE_TAIL = new Set([...")）]】标。.,，;；:："]);

/** A name with a trailing 「指标」, bracketed unit note 「（%）」 and punctuation taken off. */
export const nameCore: (name: string) => string = memoByText((name) => {
  let s = squeeze(name);
  // Each pattern below ends at one of these characters; most names end otherwise and are done.
  if (!CORE_TAIL.has(s.charAt(s.length - 1))) return s;
  for (let i = 0; i < 3; i++) s = s.replace(/[(（[【][^)）\]】]*[)）\]】]$/, "").replace(/指标$/, "").replace(/[。.,，;；:：]+$/, "");
  return s;
});

/** The name is about the level of `word` (ends with it: 「群众满意度」, 「产品抽检合格率」), not 「不合格率」 or 「满意度调查覆盖率」. */
export function namesLevelOf(name: string, word: string): boolean {
  const core = nameCore(name);
  return core.endsWith(word) && !/[不未]$/.test(core.slice(0, core.length - word.length));
}

/** A satisfaction level (T014): the name ends with 满意度 / 满意率. */
export const namesSatisfactionLevel: (name: string) => boolean = memoByText((name) => namesLevelOf(name, "满意度") || namesLevelOf(name, "满意率"));

/** The sheet declares the indicator qualitative (指标性质 「定性」). */
export function declaredQualitative(ind: Indicator): boolean {
  const op = rawOf(ind.origin, "operator");
  return typeof op === "string" && parseOperator(op) === "qualitative";
}

/**
 * Must carry a number: 数量 / 时效 / (经济) 成本 by its 二级, or — whatever its 二级 — a name that
 * measures a quantity (「…率」「…比例」「…数」「…人次」: 合格率, 受益人数, 培训次数, 观看人次), unless the sheet
 * declares it 定性. Satisfaction is left to its own rules; 「效率」「参数」 are not quantities.
 */
export function isQuantitative(ind: Indicator): boolean {
  if (declaredQualitative(ind)) return false;
  return quantitativeByLevel2(ind) || namesQuantity(ind.name);
}

/** The 二级 alone says the indicator is quantitative (数量 / 时效 / 成本 / 经济成本). */
export function quantitativeByLevel2(ind: Indicator): boolean {
  return ind.level2 !== null && QUANT_LEVEL2.includes(ind.level2);
}

/** A name that measures a rate, share or count (「验收合格率」「受益人数」「资金比例」「培训人次」), not 满意率 / 效率 / 参数 / 数据. */
export const namesQuantity: (name: string) => boolean = memoByText((name) => {
  const core = nameCore(name);
  if (!/(率|比例|比重|数|人次|场次|户次|车次|架次)$/.test(core)) return false;
  if (namesSatisfaction(core)) return false;
  return !/(效率|参数|函数|变数|少数|多数|无数)$/.test(core);
});

/**
 * A money amount per something (「元/人」「万元/公里」「元/人·天」「元/人次」「元每亩」): the
 * factor of its money part in 元, null when the unit is not money per unit.
 */
export function perUnitMoneyFactor(unit: string | null, rb: Rulebook): number | null {
  if (!unit) return null;
  const m = /^(.+?)(?:\/|每)(.+)$/.exec(unit.normalize("NFKC").replace(/\s+/g, ""));
  if (!m || !m[2]) return null;
  const f = toYuan(1, m[1], rb.units);
  return f === null || f <= 0 ? null : f;
}

/** Qualitative as set: a tier, a declared 定性, or free text (no number, no date). */
export function isQualitativeTarget(ind: Indicator): boolean {
  const t = ind.target;
  if (t.kind === "text" && ind.level2 === "时效指标" && looksLikeTime(t.text)) return false;
  return t.kind === "tier" || t.kind === "text";
}

/**
 * A text holds one of the placeholders (after width normalisation). A question's final 「？」
 * (「是否发生安全事故？」) and a single leading note mark 「*培训人次」 are not placeholders.
 */
export function placeholderIn(text: string, placeholders: string[]): string | null {
  let t = normaliseText(text);
  if (t.endsWith("?")) t = t.replace(/([\p{L}\p{N}])\?$/u, "$1");
  if (t.startsWith("*")) t = t.replace(/^\*(?=\p{L})/u, "");
  if (!t) return null;
  for (const [p, q] of placeholderOrder(placeholders)) if (t.includes(q)) return p;
  return null;
}

/** The placeholders longest first (so that 「**」 is named rather than 「*」), with their normalised form; built once per list (rebuilt if the list was edited). */
const PLACEHOLDER_ORDER = new WeakMap<string[], { list: string[]; order: [string, string][] }>();
function placeholderOrder(placeholders: string[]): [string, string][] {
  const hit = PLACEHOLDER_ORDER.get(placeholders);
  if (hit && hit.list.length === placeholders.length && hit.list.every((p, i) => p === placeholders[i])) return hit.order;
  const order = [...placeholders]
    .sort((a, b) => b.length - a.length)
    .map((p): [string, string] => [p, normaliseText(p)])
    .filter(([, q]) => q !== "");
  PLACEHOLDER_ORDER.set(placeholders, { list: [...placeholders], order });
  return order;
}

/** The vague words a text contains, in rulebook order. */
export function vagueWordsIn(text: string, words: string[]): string[] {
  const t = squeeze(text);
  return words.filter((w) => w && t.includes(w));
}

/** placeholderIn for one list, each distinct text answered once: build it once per rule run. */
export function placeholderFinder(placeholders: string[]): (text: string) => string | null {
  return memoByText((text) => placeholderIn(text, placeholders));
}

/** vagueWordsIn for one list, each distinct text answered once (the answer is shared: do not change it). */
export function vagueFinder(words: string[]): (text: string) => readonly string[] {
  return memoByText((text) => vagueWordsIn(text, words));
}

/** A 时效 text that still reads as a time (「12月底前」, 「年底前」, 「第三季度」): not a missing number. */
export const looksLikeTime: (text: string) => boolean = memoByText((text) => /\d|[年月日周天]|季度|上半年|下半年|年底|年末|月底|月末/.test(squeeze(text)));

// ---------------------------------------------------------------- values

/** An indicator's effective target text for messages: 「≥70%」「10辆」「优良」. */
export function showValue(v: ParsedValue): string {
  switch (v.kind) {
    case "empty":
      return "（空）";
    case "number":
      return `${v.operator ?? ""}${fmtNum(v.value)}${v.unit ?? ""}`;
    case "tier":
    case "text":
      return v.text;
    case "date":
      return `${v.operator ?? ""}${v.date}`;
  }
}

export function fmtNum(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** A project's budget (全年预算数, else 年初预算数) in 元, from the sheet's unit; null when unknown. */
export function budgetYuan(p: Project, book: ModelBook, rb: Rulebook): number | null {
  const b = p.budget ?? p.initialBudget;
  if (b === null || !Number.isFinite(b)) return null;
  return toYuan(b, book.unit || rb.defaultUnit, rb.units);
}

/** The factor of 万元 in 元 from the rulebook's money table. */
export function wanFactor(rb: Rulebook): number {
  return rb.units.money["万元"] ?? 10000;
}

/** Does the book say anything about indicator categories at all? */
export function hasCategoryColumns(book: ModelBook): boolean {
  return book.indicatorFields.includes("level1") || book.indicatorFields.includes("level2");
}

/**
 * Presence of a category in a project: "yes" if some indicator is certainly in it, "no" if every
 * indicator is classified and none is, "unknown" otherwise (precision: do not report on a guess).
 */
export function presence(inds: Indicator[], test: (ind: Indicator) => boolean | null): "yes" | "no" | "unknown" {
  let unknown = false;
  for (const ind of inds) {
    const r = test(ind);
    if (r === true) return "yes";
    if (r === null) unknown = true;
  }
  return unknown ? "unknown" : "no";
}
