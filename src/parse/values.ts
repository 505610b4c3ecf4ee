/**
 * The value parsers (domain.md §2). None of them throws: each returns a value, null, or the
 * reason a cell could not be read (which becomes a D005 finding).
 */
import type { CellValue } from "../core/grid";
import type { Operator, ParsedValue } from "./types";
import { normaliseText, compactText } from "./text";
import { canonicalUnit, toYuan, times100, type UnitTable } from "./units";
import { parseOperator, splitLeadingOperator } from "./operator";
import { parseNumber, parseNumberParts } from "./number";
import { parseTier } from "./tier";
import { parseDate, parseDateWithOperator, excelSerialToISO, isPercentFormat, isDateFormat } from "./date";

export type { UnitTable };
export { normaliseText, parseNumber, parseOperator, canonicalUnit, parseTier, parseDate, isPercentFormat, isDateFormat, excelSerialToISO, toYuan };

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const e = (v as { error?: unknown }).error;
  return typeof e === "string" ? e : "";
}

function isErrorCell(v: CellValue | undefined): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/**
 * An indicator value (target, actual, current, forecast): operator + number + unit in one cell
 * (「≥50个」「≤90万元」「≥100百分比」「≥85%」「10辆」), or split (operatorCell / unitCell given),
 * a qualitative tier (「达成年度指标」「优良」「好」), a date (「2024年12月底前」), or other text.
 *
 * Precedence: an operator or unit written in the value cell wins over the split columns.
 * With operatorCell 「定性」 a text value is a tier or text (never a number); a number cell stays a number.
 */
export function parseIndicatorValue(
  cell: CellValue,
  opts?: { operatorCell?: CellValue; unitCell?: CellValue; percentFormat?: boolean; dateFormat?: boolean; units?: UnitTable },
): ParsedValue {
  try {
    return parseIndicatorValueInner(cell, opts ?? {});
  } catch {
    // Defensive: a parser never throws.
    const text = normaliseText(cellText(cell));
    return text === "" ? { kind: "empty" } : { kind: "text", text };
  }
}

function parseIndicatorValueInner(
  cell: CellValue,
  opts: { operatorCell?: CellValue; unitCell?: CellValue; percentFormat?: boolean; dateFormat?: boolean; units?: UnitTable },
): ParsedValue {
  const splitOp = typeof opts.operatorCell === "string" ? parseOperator(opts.operatorCell) : null;
  const qualitative = splitOp === "qualitative";
  const opFromCell: Operator | null = splitOp === "qualitative" ? null : splitOp;
  const unitFromCell = typeof opts.unitCell === "string" ? canonicalUnit(opts.unitCell, opts.units) : null;

  if (cell === null || cell === undefined) return { kind: "empty" };
  if (isErrorCell(cell)) return { kind: "text", text: cellText(cell) };
  if (typeof cell === "boolean") return { kind: "text", text: cellText(cell) };

  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "text", text: "" };
    if (opts.dateFormat) {
      const date = excelSerialToISO(cell);
      if (date) return { kind: "date", operator: opFromCell, date, text: date };
    }
    if (opts.percentFormat) {
      const value = times100(cell);
      if (!Number.isFinite(value)) return { kind: "text", text: String(cell) };
      return { kind: "number", operator: opFromCell, value, unit: "%", approx: false };
    }
    return { kind: "number", operator: opFromCell, value: Object.is(cell, -0) ? 0 : cell, unit: unitFromCell, approx: false };
  }

  if (typeof cell !== "string") return { kind: "empty" };
  const text = normaliseText(cell);
  if (text === "") return { kind: "empty" };

  const tier = parseTier(text);
  if (tier) return { kind: "tier", tier, text };
  if (qualitative) return { kind: "text", text };

  // A date, possibly behind an operator (「≤2024年12月31日」「2024年12月底前」).
  const compact = compactText(text);
  const lead = splitLeadingOperator(compact);
  const dated = parseDateWithOperator(lead.rest);
  if (dated) return { kind: "date", operator: lead.operator ?? dated.operator ?? opFromCell, date: dated.date, text };

  const parts = parseNumberParts(compact, opts.units, true);
  if (parts.ok) {
    return {
      kind: "number",
      operator: parts.operator ?? opFromCell,
      value: parts.value,
      unit: parts.unit ?? unitFromCell,
      approx: parts.approx,
    };
  }
  return { kind: "text", text };
}
