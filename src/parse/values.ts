/**
 * PLACEHOLDER SIGNATURES — the parse helper replaces this file with the real implementation.
 */
import type { CellValue } from "../core/grid";
import type { NumberResult, Operator, ParsedValue, Tier } from "./types";

export interface UnitTable {
  aliases: Record<string, string>;
  money: Record<string, number>;
}

/** Full-width → half-width (digits, letters, ＞＜＝％，．（）), NBSP/ideographic spaces and line breaks removed at the ends, inner runs of spaces collapsed. */
export function normaliseText(s: string): string {
  throw new Error("not implemented " + s);
}

/** A number from a cell: number cells as they are; text 「1,234.5」「１２」「约50」「50万」「85%」. `percentFormat`: the cell is formatted as %, so 0.85 means 85 (%). */
export function parseNumber(cell: CellValue, opts?: { percentFormat?: boolean; units?: UnitTable }): NumberResult {
  throw new Error("not implemented " + String(cell) + String(opts));
}

/** 「≥」「>=」「大于等于」「不低于」「≤」「不高于」「＝」「定性」… → Operator, or "qualitative", or null when unrecognised/empty. */
export function parseOperator(text: string): Operator | "qualitative" | null {
  throw new Error("not implemented " + text);
}

/** Canonical unit (百分比 → %, aliases from the rulebook), null for empty. */
export function canonicalUnit(unit: string | null | undefined, units?: UnitTable): string | null {
  throw new Error("not implemented " + String(unit) + String(units));
}

/**
 * An indicator value (target, actual, current, forecast): operator + number + unit in one cell
 * (「≥50个」「≤90万元」「≥100百分比」「≥85%」「10辆」), or split (operatorCell / unitCell given),
 * a qualitative tier (「达成年度指标」「优良」「好」), a date (「2024年12月底前」), or other text.
 */
export function parseIndicatorValue(
  cell: CellValue,
  opts?: { operatorCell?: CellValue; unitCell?: CellValue; percentFormat?: boolean; dateFormat?: boolean; units?: UnitTable },
): ParsedValue {
  throw new Error("not implemented " + String(cell) + String(opts));
}

export function parseTier(text: string): Tier | null {
  throw new Error("not implemented " + text);
}

/** 「2024年12月底前」「2024.12.31」「2023.07-2024.01」(the end) → ISO date of the last day meant, or null. */
export function parseDate(text: string): string | null {
  throw new Error("not implemented " + text);
}

export function isPercentFormat(fmt: string | undefined | null): boolean {
  throw new Error("not implemented " + String(fmt));
}

export function isDateFormat(fmt: string | undefined | null): boolean {
  throw new Error("not implemented " + String(fmt));
}

export function excelSerialToISO(serial: number): string | null {
  throw new Error("not implemented " + String(serial));
}

/** An amount in `unit` (元/万元/亿元/千元) converted to 元; null for a unit that is not money. */
export function toYuan(amount: number, unit: string | null, units?: UnitTable): number | null {
  throw new Error("not implemented " + String(amount) + String(unit) + String(units));
}
