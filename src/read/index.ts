/** Reading list-layout workbooks into the model. */
export { readModel, AMOUNT_FIELDS, type ReadOptions } from "./read-model";
export { normaliseHeader, squeezeText, unitFromText, type NormalisedHeader } from "./header";
export { buildSynonymIndex, matchIndicatorHeader, matchProjectHeader, PROJECT_SYNONYMS, INDICATOR_SYNONYMS, type SynonymIndex } from "./synonyms";
export { COMBINED_INDICATOR_NAME_KEY, OWN_SHEET_NAMES, RESULT_BAND, scanBook, assignRoles, findHeader, evaluateHeaderRow, readAboveHeader, type Role } from "./detect";
export { MergedGrid } from "./grid";
