/** Units: canonical names and money factors, from the rulebook's units table. */
import Decimal from "decimal.js";
import { CENTRAL_2020 } from "../rulebook/presets";
import { timesExact } from "../core/exact";
import { compactText } from "./text";

export interface UnitTable {
  aliases: Record<string, string>;
  money: Record<string, number>;
}

export const DEFAULT_UNITS: UnitTable = CENTRAL_2020.units;

/** A table entry, never an inherited property (「toString」 is not a unit alias). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Canonical unit (百分比 → %, aliases from the rulebook), null for empty. */
export function canonicalUnit(unit: string | null | undefined, units?: UnitTable): string | null {
  if (typeof unit !== "string") return null;
  let u = compactText(unit);
  // 「（万元）」「(%)」「[个]」: a unit written in brackets.
  for (let i = 0; i < 2; i++) {
    const m = /^[([{【〔]\s*(.*?)\s*[)\]}】〕]$/.exec(u);
    if (!m) break;
    u = m[1];
  }
  if (u === "") return null;
  const table = units ?? DEFAULT_UNITS;
  if (u === "%") return "%";
  const alias = own(table.aliases, u) ?? own(DEFAULT_UNITS.aliases, u);
  if (alias !== undefined && alias !== "") return alias;
  return u;
}

/** An amount in `unit` (元/万元/亿元/千元) converted to 元; null for a unit that is not money. */
export function toYuan(amount: number, unit: string | null, units?: UnitTable): number | null {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return null;
  const table = units ?? DEFAULT_UNITS;
  const u = canonicalUnit(unit, table);
  if (u === null) return null;
  const factor = own(table.money, u);
  if (typeof factor !== "number" || !Number.isFinite(factor)) return null;
  const y = timesExact(amount, factor) ?? new Decimal(amount).times(factor).toNumber();
  return Number.isFinite(y) ? y : null;
}

/** x × 100 without binary noise (0.85 → 85, not 85.00000000000001). */
export function times100(x: number): number {
  return new Decimal(x).times(100).toNumber();
}
