/**
 * The add-in's own memory inside the workbook, so that it travels with the file:
 * a very hidden sheet 「_jixiao」 whose rows are `key | chunk | chunk | …` (JSON split in
 * pieces under Excel's 32,767-character cell limit).
 *
 * Keys: "run" (what the last run wrote, to replace or clear it), "mapping" (the user's
 * column-mapping corrections), "rulebook" (the rulebook stored with the workbook).
 */
import type { PlanValue, SavedFill } from "./plan";
import type { WorkbookSnapshot } from "./grid";

export const STATE_SHEET = "_jixiao";

/** Sheets the add-in writes itself (and the state sheet): never read as user data. */
export const OWN_SHEET_NAMES: readonly string[] = [STATE_SHEET, "校验结果", "领导汇总", "运行记录"];
const CHUNK = 30000;

export interface HighlightRecord {
  sheet: string;
  address: string;
  /** The fill the cell had before the add-in first touched it. */
  saved: SavedFill;
  /** The note the cell had before (null: none). */
  note: string | null;
  /** Adapter-specific JSON of that note with its formatting (see CellLook.noteData). */
  noteData?: unknown;
}

export interface RunState {
  version: 1;
  runAt: string;
  preset: string;
  rulebookVersion: string;
  /** Ranges on user sheets the add-in wrote (result columns with their header band). */
  blocks: { sheet: string; range: string }[];
  /** Sheets the add-in created (校验结果, 领导汇总, 运行记录). */
  sheets: string[];
  highlights: HighlightRecord[];
}

/** A user's correction of the column detection: sheet → field → column letter (or null: "no such column"). */
export type MappingOverride = Record<string, Record<string, string | null>>;

export type StateDocs = Partial<{ run: RunState; mapping: MappingOverride; rulebook: unknown }>;

/** Read the state documents from a snapshot (missing or unreadable state = empty, never a crash). */
export function readState(book: WorkbookSnapshot): StateDocs {
  const sheet = book.sheets.find((s) => s.name === STATE_SHEET);
  const out: StateDocs = {};
  if (!sheet) return out;
  for (const row of sheet.values) {
    const key = row[0];
    if (typeof key !== "string" || !key) continue;
    const json = row
      .slice(1)
      .map((c) => (typeof c === "string" ? c : ""))
      .join("");
    try {
      (out as Record<string, unknown>)[key] = JSON.parse(json);
    } catch {
      // A damaged state row is ignored: the run then behaves as a first run.
    }
  }
  return out;
}

/** The state sheet's rows for the given documents. */
export function encodeState(docs: StateDocs): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const [key, doc] of Object.entries(docs)) {
    if (doc === undefined) continue;
    const json = JSON.stringify(doc);
    const row: PlanValue[] = [key];
    for (let i = 0; i < json.length; i += CHUNK) row.push(json.slice(i, i + CHUNK));
    if (row.length === 1) row.push("");
    rows.push(row);
  }
  const width = Math.max(2, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<PlanValue>(width - r.length).fill(null)]);
}
