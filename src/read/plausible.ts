/**
 * Amounts beyond any plausible budget. A budget of 1e308 is a valid double, but every total,
 * rate and message computed from it would be `Infinity` or `NaN`: the reader records it (D011)
 * and treats the amount as empty. The bound is the rulebook's `rules.D011.params.maxWanYuan`
 * (default 1e12 万元).
 */
import type { CellValue } from "../core/grid";
import type { ModelBook } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import { cellText } from "./grid";

/** Default bound in 万元 (a trillion 万元 is far beyond any budget). */
export const MAX_PLAUSIBLE_WAN_YUAN = 1e12;

/** The bound in 万元 from the rulebook (D011's param), else the default. */
export function maxWanYuan(rb: Rulebook): number {
  const v = rb.rules.D011?.params?.maxWanYuan;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : MAX_PLAUSIBLE_WAN_YUAN;
}

function raw(v: CellValue): string {
  if (typeof v === "number") return String(v);
  return typeof v === "object" && v !== null ? v.error : cellText(v);
}

/**
 * `value` (in the book's unit) when it is a plausible amount, else null with an anomaly
 * recorded for D011 (once per cell). `where` says which cell, asked only then.
 */
export function plausibleAmount(model: ModelBook, rb: Rulebook, bookUnit: string, value: number, where: () => { sheet: string; cell: string; field: string; raw: CellValue; projectId: string | null }): number | null {
  const max = maxWanYuan(rb);
  const toYuan = rb.units.money[bookUnit] ?? rb.units.money["万元"] ?? 10000;
  const wan = rb.units.money["万元"] ?? 10000;
  if (Number.isFinite(value) && Number.isFinite(value * toYuan) && Math.abs((value * toYuan) / wan) <= max) return value;
  const at = where();
  const list = (model.anomalies ??= []);
  if (!list.some((a) => a.kind === "implausible" && a.sheet === at.sheet && a.cell === at.cell)) {
    list.push({ kind: "implausible", sheet: at.sheet, cell: at.cell, field: at.field, raw: raw(at.raw), max, projectId: at.projectId });
  }
  return null;
}
