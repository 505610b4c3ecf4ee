/**
 * Value parsers (domain.md §2). None of them throws: each returns a value or the reason the
 * cell could not be read (which becomes a D005 finding).
 */
export type { ParsedValue, NumberResult, Operator, Tier } from "./types";
export { normaliseText, parseNumber, parseOperator, canonicalUnit, parseIndicatorValue, parseTier, parseDate, isPercentFormat, isDateFormat, excelSerialToISO, toYuan } from "./values";
