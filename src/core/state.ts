/**
 * The add-in's own memory inside the workbook, so that it travels with the file:
 * a very hidden sheet 「_jixiao」 whose rows are `key | chunk | chunk | …` (JSON split in
 * pieces under Excel's 32,767-character cell limit).
 *
 * Keys: "run" (what the last run wrote, to replace or clear it), "mapping" (the user's
 * column-mapping corrections), "rulebook" (the rulebook stored with the workbook).
 */
import type { PlanValue, SavedFill } from "./plan";
import { cellAt, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./grid";
import { parseRange, rangeToA1 } from "./address";

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
  /** The cell's value when it was highlighted: the cell is restored only where this value still is. */
  value?: PlanValue;
  /** Adapter-specific JSON of that note with its formatting (see CellLook.noteData). */
  noteData?: unknown;
  /**
   * false: the cell was first highlighted where notes could not be read (Office.js without
   * ExcelApi 1.18), so its note is unknown: the add-in never wrote, deletes or overwrites it.
   */
  noteKnown?: false;
}

/**
 * A note the add-in wrote that a host without notes could not remove (cleared or re-run there):
 * kept in the state (key "notes") until a host with notes puts back `note` (null: none).
 */
export interface PendingNote {
  sheet: string;
  address: string;
  note: string | null;
  value?: PlanValue;
  noteData?: unknown;
}

export interface BlockRecord {
  sheet: string;
  range: string;
  /**
   * The block's first rows as written (band and labels). A later run or 「清除标记」 checks
   * that they are still where the range says before touching it: if the user inserted rows or
   * columns since, the block is found where it moved to, and if it cannot be found nothing is
   * cleared — the user's cells that moved into the old range are never wiped.
   */
  head?: PlanValue[][];
}

export interface RunState {
  version: 1;
  runAt: string;
  preset: string;
  rulebookVersion: string;
  /** Ranges on user sheets the add-in wrote (result columns with their header band). */
  blocks: BlockRecord[];
  /** Sheets the add-in created (校验结果, 领导汇总, 运行记录). */
  sheets: string[];
  highlights: HighlightRecord[];
}

/** A user's correction of the column detection: sheet → field → column letter (or null: "no such column"). */
export type MappingOverride = Record<string, Record<string, string | null>>;

export type StateDocs = Partial<{ run: RunState; mapping: MappingOverride; rulebook: unknown; notes: PendingNote[] }>;

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

function same(expected: PlanValue, actual: CellValue): boolean {
  if (typeof actual === "object" && actual !== null) return false;
  return String(expected) === String(actual);
}

function headAt(sheet: SheetSnapshot, head: PlanValue[][], top: number, left: number): boolean {
  let compared = 0;
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < head[i].length; j++) {
      const want = head[i][j];
      if (want === null || want === "") continue;
      if (!same(want, cellAt(sheet, top + i, left + j))) return false;
      compared++;
    }
  }
  return compared > 0;
}

/**
 * Where the previous run's result blocks are now. A block without a recorded head (older
 * state) is trusted as recorded; one whose head is no longer at its range is looked for in
 * the sheet (rows or columns inserted or deleted since) and moved with it; one that cannot
 * be found is left out, so nothing of the user's is cleared in its place.
 */
export function locateBlocks(book: WorkbookSnapshot, run: RunState | undefined): { sheet: string; range: string }[] {
  return locatedBlocks(book, run).map(({ sheet, range }) => ({ sheet, range }));
}

function locatedBlocks(book: WorkbookSnapshot, run: RunState | undefined): { sheet: string; range: string; dr: number; dc: number }[] {
  const out: { sheet: string; range: string; dr: number; dc: number }[] = [];
  for (const b of run?.blocks ?? []) {
    const sheet = book.sheets.find((s) => s.name === b.sheet);
    if (!sheet) continue;
    if (!b.head || !b.head.length) {
      out.push({ sheet: b.sheet, range: b.range, dr: 0, dc: 0 });
      continue;
    }
    const r = parseRange(b.range);
    if (headAt(sheet, b.head, r.top, r.left)) {
      out.push({ sheet: b.sheet, range: b.range, dr: 0, dc: 0 });
      continue;
    }
    const first = b.head.flatMap((row, i) => row.map((v, j) => ({ v, i, j }))).find((x) => x.v !== null && x.v !== "");
    if (!first) continue;
    let found: { top: number; left: number } | null = null;
    for (let row = 0; row < sheet.values.length && !found; row++) {
      const line = sheet.values[row];
      for (let col = 0; col < line.length && !found; col++) {
        if (!same(first.v, line[col])) continue;
        const top = row - first.i;
        const left = col - first.j;
        if (top >= 0 && left >= 0 && headAt(sheet, b.head, top, left)) found = { top, left };
      }
    }
    if (!found) continue;
    const dr = found.top - r.top;
    const dc = found.left - r.left;
    out.push({ sheet: b.sheet, range: rangeToA1({ top: r.top + dr, left: r.left + dc, bottom: r.bottom + dr, right: r.right + dc }), dr, dc });
  }
  return out;
}

/** A cell's value as the state records it (errors as their text). */
export function recordedValue(v: CellValue): PlanValue {
  if (v === null || v === "") return null;
  return typeof v === "object" ? v.error : v;
}

/**
 * Where each previous highlight's cell is now: at its address if the value it had is still
 * there; else at that address moved as the sheet's result block moved (rows or columns
 * inserted); else nowhere (rows sorted, cell edited): then its fill and note are not put back
 * on whatever cell now holds that address. Records from older states (no value) stay put.
 */
export function locateHighlights(book: WorkbookSnapshot, run: RunState | undefined): { record: HighlightRecord; address: string | null }[] {
  const shifts = new Map<string, { dr: number; dc: number }>();
  for (const b of locatedBlocks(book, run)) if ((b.dr || b.dc) && !shifts.has(b.sheet)) shifts.set(b.sheet, { dr: b.dr, dc: b.dc });
  return (run?.highlights ?? []).map((record) => {
    const sheet = book.sheets.find((s) => s.name === record.sheet);
    if (!sheet) return { record, address: null };
    if (record.value === undefined) return { record, address: record.address };
    const p = parseRange(record.address);
    const holds = (row: number, col: number) => row >= 0 && col >= 0 && String(recordedValue(cellAt(sheet, row, col))) === String(record.value);
    if (holds(p.top, p.left)) return { record, address: record.address };
    const s = shifts.get(record.sheet);
    if (s && holds(p.top + s.dr, p.left + s.dc)) return { record, address: rangeToA1({ top: p.top + s.dr, left: p.left + s.dc, bottom: p.top + s.dr, right: p.left + s.dc }) };
    return { record, address: null };
  });
}
