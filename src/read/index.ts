/**
 * Reading list-layout workbooks into the model (contract.md "Inputs", layout 1).
 *
 * readModel(book, rulebook, { mapping }) reads a workbook in list layout, and falls back to the
 * form reader (src/read/form) when no project list is found but forms are. The list reading
 * finds the project list, the indicator list, or one
 * combined sheet, by scoring the first 20 rows of each user sheet against the header
 * synonyms (src/read/synonyms.ts, extended by rulebook.synonyms), then reads every row.
 *
 * Detection column keys (SheetDetection.columns and MappingOverride): ProjectField names on a
 * project sheet, IndicatorField names on an indicator sheet; on a combined sheet the project
 * fields plus the indicator fields, with the 三级指标 column under 「indicatorName」 (the
 * project's 「name」 is 项目名称) — a correction for projectCode / projectName there means code / name.
 */
export { readModel, readListModel, AMOUNT_FIELDS, type ReadOptions } from "./read-model";
export { normaliseHeader, squeezeText, unitFromText, type NormalisedHeader } from "./header";
export { buildSynonymIndex, matchIndicatorHeader, matchProjectHeader, PROJECT_SYNONYMS, INDICATOR_SYNONYMS, type SynonymIndex } from "./synonyms";
export { COMBINED_INDICATOR_NAME_KEY, OWN_SHEET_NAMES, RESULT_BAND, scanBook, assignRoles, findHeader, evaluateHeaderRow, readAboveHeader, type Role } from "./detect";
export { MergedGrid } from "./grid";
