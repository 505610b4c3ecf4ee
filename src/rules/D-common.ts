/**
 * Helpers shared by the sheet rules (D001–D009): labels for fields and units in messages
 * (from the catalogue, both languages), parameters, and where a project finding points.
 */
import type { ModelBook, Project } from "../model/model";
import { formatMessage } from "../messages";
import type { RuleContext } from "./types";

export const SRC_SHEET = "表格规范（读取与数据完整性：缺列、错值、重复、金额勾稽）";
export const SRC_10_FUNDS = "财预〔2020〕10号 附件（项目支出绩效自评表：年度资金总额 = 财政拨款 + 其他资金，执行数与预算数）";

/** A number parameter of the rule (rules.<id>.params.<key>), else the documented default. */
export function numParam(ctx: RuleContext, key: string, dflt: number): number {
  const v = ctx.params[key];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return dflt;
}

/** `{field}` (zh) and `{fieldEn}` for an amount field. */
export function fieldParams(field: string): { field: string; fieldEn: string } {
  const key = `D.field.${field}`;
  return { field: formatMessage(key, {}, "zh-CN").message.replace(/^\[.*$/, field), fieldEn: formatMessage(key, {}, "en").message.replace(/^\[.*$/, field) };
}

/** `{unit}` (zh, as written) and `{unitEn}`. */
export function unitParams(unit: string): { unit: string; unitEn: string } {
  const en = formatMessage(`D.unit.${unit}`, {}, "en").message;
  return { unit, unitEn: en.startsWith("[") ? unit : en };
}

export function projectById(book: ModelBook, id: string | null): Project | null {
  if (id === null) return null;
  return book.projects.find((p) => p.id === id) ?? null;
}

/** The cell a project-level finding points at: its name, else its code, else column A of its row. */
export function projectCell(p: Project): string {
  return p.origin.cells.name ?? p.origin.cells.code ?? `A${p.origin.row}`;
}

/** Did the value of `field` come from its own cell (not a fallback such as budget ← 年初预算数)? */
export function fromOwnCell(p: Project, field: string): boolean {
  const raw = (p.origin.raw as Record<string, unknown>)[field];
  const cell = (p.origin.cells as Record<string, string | undefined>)[field];
  return cell !== undefined && raw !== null && raw !== undefined && !(typeof raw === "string" && raw.trim() === "");
}

/** Round for messages (2 decimals, no float noise). */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Factor from the book's unit to 元 (null when the unit is not money). */
export function yuanFactor(ctx: RuleContext, unit: string): number | null {
  const f = ctx.rulebook.units.money[unit];
  return typeof f === "number" ? f : null;
}
