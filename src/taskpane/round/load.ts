/**
 * Where the pane gets its reader of submitted workbooks: one function, loaded on first use
 * (a dynamic import: webpack emits it as its own chunk, fetched from the pane's own origin),
 * so that opening the pane never pays for it. A build that must be one file (the standalone
 * page) overrides `loadReader` with `setReaderLoader`.
 */
import type { WorkbookPort } from "../../core/port";

/** Bytes of a submitted .xlsx / .xlsm → a port onto it (read only). */
export type OpenSubmission = (bytes: Uint8Array, name: string) => Promise<WorkbookPort>;

let loader: () => Promise<OpenSubmission> = async () => (await import(/* webpackChunkName: "reader" */ "./reader")).openSubmission;

/** The reader, loaded on first use. */
export function loadReader(): Promise<OpenSubmission> {
  return loader();
}

/** Replace how the reader is loaded (a single-file build, a test). */
export function setReaderLoader(l: () => Promise<OpenSubmission>): void {
  loader = l;
}
