/**
 * Helpers shared by the self-evaluation (E) and monitoring (M) rules: the results of a run
 * (computed here when the runner was not given them), cells, and values as shown in messages.
 */
import type { IndicatorField, ProjectField } from "../model/fields";
import type { Indicator, ModelBook, Project } from "../model/model";
import type { ParsedValue } from "../parse/types";
import type { ProjectResult } from "../engine/results";
import { evaluate } from "../scoring/evaluate";
import { fixed, pct } from "../scoring/round";
import type { RuleContext } from "./types";

export const SRC_10 = "财预〔2020〕10号（项目支出绩效评价管理办法，附件：项目支出绩效自评表）";
export const SRC_136 = "财预〔2019〕136号（“双监控”：预算执行进度与绩效目标实现程度）";
export const SRC_SICHUAN = "四川省 2023 年项目支出绩效自评表（执行率低于 90% 须说明原因）";
export const SRC_RESULTS = "seed 000 / 003（结果应用：低效无效资金核减、按支出进度收回）";

const cache = new WeakMap<ModelBook, Map<string, ProjectResult>>();

/** The run's results: ctx.results when the runner passed them, else evaluate() once per book. */
export function resultsOf(ctx: RuleContext): Map<string, ProjectResult> {
  if (ctx.results.size > 0 || ctx.book.projects.length === 0) return ctx.results;
  let r = cache.get(ctx.book);
  if (!r) {
    r = evaluate(ctx.book, ctx.rulebook, ctx.asOf);
    cache.set(ctx.book, r);
  }
  return r;
}

export function numParam(ctx: RuleContext, key: string, dflt: number): number {
  const v = ctx.params[key];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return dflt;
}

/** A project's cell for a field, falling back to its name cell. */
export function projectCell(p: Project, field: ProjectField): { sheet: string; cell: string } {
  const c = p.origin.cells;
  return { sheet: p.origin.sheet, cell: c[field] ?? c.name ?? c.code ?? `A${p.origin.row}` };
}

/** An indicator's cell for a field, falling back to its name cell. */
export function indicatorCell(ind: Indicator, field: IndicatorField): { sheet: string; cell: string } {
  const c = ind.origin.cells;
  return { sheet: ind.origin.sheet, cell: c[field] ?? c.name ?? c.target ?? `A${ind.origin.row}` };
}

export function hasIndicatorField(book: ModelBook, f: IndicatorField): boolean {
  return book.indicatorFields.includes(f);
}

export function blank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === "";
}

const OP_SHOW: Record<string, string> = { "≥": "≥", ">": "＞", "=": "＝", "<": "＜", "≤": "≤" };

/** A value as the user wrote it, roughly: 「≥500人次」「达成年度指标」「2024-12-31」. */
export function showValue(v: ParsedValue): string {
  switch (v.kind) {
    case "empty":
      return "（空）";
    case "number":
      return `${v.operator ? OP_SHOW[v.operator] : ""}${trim(v.value)}${v.unit ?? ""}`;
    case "tier":
    case "text":
      return v.text;
    case "date":
      return v.date;
  }
}

/** A number with up to 2 decimals, no trailing zeros. */
export function trim(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export { fixed, pct };
