/** Write-back: results beside the data, highlights, result sheets, the state sheet; and clearing them. */
export { buildWritePlan, buildClearPlan, type WritePlanInput } from "./build";
export { highlightRequests, noteText, normaliseCell } from "./highlights";
export { planResultBlocks, freeColumn } from "./blocks";
export { compressCells } from "./grid";
