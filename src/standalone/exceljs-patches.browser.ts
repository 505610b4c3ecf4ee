/**
 * Stand-in for the ExcelJS adapter's two Node-side patches (fast merge loading, internal links)
 * in the standalone page's worker, which runs ExcelJS's browser bundle: its internals are not
 * reachable there. Without them large merge counts load slower and 校验结果's links are written
 * in ExcelJS's own form. Goes away with the byte-level adapter.
 */
export function installFastMergeLoading(): void {}
export function installInternalLinkFix(): void {}
