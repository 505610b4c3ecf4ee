/**
 * Checking what the state sheet says against the workbook, before anything is cleared,
 * deleted or restored. The state may be stale (a sheet renamed, rows sorted, the workbook
 * passed on) or hand-edited: only what still verifies is touched, and what does not is listed
 * (LeftAlone) so that the run log and the task pane can say so once.
 *
 * - A result block is cleared only where its cells still hold exactly what was written (its
 *   signature), at its range or where it moved with inserted rows or columns.
 * - A sheet is deleted only when the add-in created it (named in the state) and it still
 *   carries its marker (the signature of its first rows as written).
 * - A highlighted cell's fill and note are put back only where the cell still holds the value
 *   it had when highlighted (or where it moved with the result block).
 * Work is bounded by the snapshot, whatever ranges the state names.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./grid";
import type { PlanValue } from "./plan";
import { parseRange, rangeToA1 } from "./address";
import type { BlockRecord, HighlightRecord, RunState } from "./state";

/** Our blocks are a dozen columns wide: a record naming a wider one is not ours. */
export const MAX_BLOCK_COLS = 64;
/** A created sheet's marker covers its first this-many rows. */
export const MARK_ROWS = 3;
/** Places tried when looking for a moved block (bounds the work on a sheet full of look-alikes). */
const MAX_CANDIDATES = 200;
/**
 * Cells visited checking and looking for blocks, all blocks together (a real run's blocks need a
 * fraction of it): a state naming thousands of blocks cannot make a run hang; what is left
 * unchecked when it runs out is left alone.
 */
const SEARCH_BUDGET = 3_000_000;
/** Block records checked at most (one per form in form layout): beyond, they are left alone. */
const MAX_BLOCK_RECORDS = 2000;

const H1 = 0x811c9dc5;
const H2 = 0x01000193 ^ 0x5bd1e995;

/**
 * A small 64-bit string hash (two FNV-1a lanes over UTF-16 code units, shifts and adds only),
 * fed piece by piece. Not cryptographic: it tells "as written" from "changed".
 */
class Hasher {
  h1 = H1;
  h2 = H2;
  reset(): void {
    this.h1 = H1;
    this.h2 = H2;
  }
  /** One UTF-16 code unit. */
  code(ch: number): void {
    const h1 = this.h1 ^ ch;
    this.h1 = (h1 + (h1 << 1) + (h1 << 4) + (h1 << 7) + (h1 << 8) + (h1 << 24)) | 0;
    let h2 = this.h2 ^ ch;
    h2 = (h2 + (h2 << 1) + (h2 << 4) + (h2 << 7) + (h2 << 8) + (h2 << 24)) | 0;
    this.h2 = h2 ^ (h2 >>> 15);
  }
  feed(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 ^= ch;
      h1 = (h1 + (h1 << 1) + (h1 << 4) + (h1 << 7) + (h1 << 8) + (h1 << 24)) | 0;
      h2 ^= ch;
      h2 = (h2 + (h2 << 1) + (h2 << 4) + (h2 << 7) + (h2 << 8) + (h2 << 24)) | 0;
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }
  /** The decimal digits of a non-negative integer below 2^53, as `String(n)` would give them. */
  digits(n: number): void {
    if (n < 10) {
      this.code(48 + n);
      return;
    }
    let div = 1;
    while (div * 10 <= n) div *= 10;
    while (div >= 1) {
      const d = Math.floor(n / div);
      this.code(48 + d);
      n -= d * div;
      div /= 10;
    }
  }
  digest(): string {
    return `${(this.h1 >>> 0).toString(36)}${(this.h2 >>> 0).toString(36)}`;
  }
}

/**
 * The signature of a block: how many non-empty cells it has and a hash of its rows taken as a
 * set (each row's cells with their column, the rows in sorted order), so that a block whose rows
 * were sorted with the table still verifies — it still holds exactly what was written — while
 * any edited, added or removed value does not. Cells must be added row by row.
 *
 * A row hashes `${col}=${token}\u0001` for each non-empty cell, token "s:text", "n:number" (to 12
 * significant digits: Excel keeps 15), "b:1" / "b:0" or "e:#ERROR!"; fed piece by piece, with no
 * string made per cell.
 */
class Signer {
  private readonly rows: string[] = [];
  private readonly row = new Hasher();
  private open = false;
  private at = -1;
  private n = 0;
  add(i: number, j: number, v: PlanValue | CellValue | undefined): void {
    if (v === null || v === undefined || v === "") return;
    if (typeof v === "number" && !Number.isFinite(v)) return;
    if (i !== this.at) this.flush(i);
    const h = this.row;
    h.digits(j);
    h.code(61); // =
    if (typeof v === "object") {
      h.feed(`e:${v.error}`);
    } else if (typeof v === "number") {
      h.code(110); // n
      h.code(58); // :
      if (Number.isInteger(v) && v > -1e12 && v < 1e12) {
        // Exact below 10^12: the digits Number(v.toPrecision(12)) would print.
        if (v < 0) {
          h.code(45); // -
          h.digits(-v);
        } else h.digits(v);
      } else h.feed(String(Number(v.toPrecision(12))));
    } else if (typeof v === "boolean") {
      h.code(98); // b
      h.code(58);
      h.code(v ? 49 : 48);
    } else {
      h.code(115); // s
      h.code(58);
      h.feed(typeof v === "string" ? v : String(v));
    }
    h.code(1);
    this.n++;
  }
  private flush(next: number): void {
    if (this.open) this.rows.push(this.row.digest());
    this.row.reset();
    this.open = next >= 0;
    this.at = next;
  }
  done(): string {
    this.flush(-1);
    const h = new Hasher();
    for (const r of this.rows.sort()) {
      h.feed(r);
      h.code(59); // ;
    }
    return `v2:${this.n}:${h.digest()}`;
  }
}

/** Signature of a block of values (rows relative to its top-left; empty cells count as nothing). */
export function cellsSignature(rows: readonly (readonly (PlanValue | CellValue | undefined)[] | undefined)[]): string {
  const s = new Signer();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    for (let j = 0; j < row.length; j++) s.add(i, j, row[j]);
  }
  return s.done();
}

/** Signature of a sheet's cells in a range, visiting only the cells the snapshot holds. */
function signatureAt(sheet: SheetSnapshot, top: number, left: number, bottom: number, right: number): string {
  const s = new Signer();
  const last = Math.min(bottom, sheet.values.length - 1);
  for (let r = Math.max(0, top); r <= last; r++) {
    const line = sheet.values[r];
    if (!line) continue;
    const end = Math.min(right, line.length - 1);
    for (let c = Math.max(0, left); c <= end; c++) s.add(r - top, c - left, line[c]);
  }
  return s.done();
}

/** Marker of a sheet: the signature of its first MARK_ROWS rows. */
export function sheetMark(sheet: SheetSnapshot): string {
  return signatureAt(sheet, 0, 0, MARK_ROWS - 1, Number.MAX_SAFE_INTEGER);
}

/** A cell's value as the state records it (errors as their text). */
export function recordedValue(v: CellValue): PlanValue {
  if (v === null || v === "") return null;
  return typeof v === "object" ? v.error : v;
}

function same(expected: PlanValue, actual: CellValue | undefined): boolean {
  if (actual === undefined || (typeof actual === "object" && actual !== null)) return false;
  return String(expected) === String(actual);
}

function cell(sheet: SheetSnapshot, r: number, c: number): CellValue | undefined {
  return sheet.values[r]?.[c];
}

function headAt(sheet: SheetSnapshot, head: PlanValue[][], top: number, left: number): boolean {
  let compared = 0;
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < head[i].length; j++) {
      const want = head[i][j];
      if (want === null || want === "") continue;
      if (!same(want, cell(sheet, top + i, left + j))) return false;
      compared++;
    }
  }
  return compared > 0;
}

export interface LocatedBlock {
  sheet: string;
  range: string;
  /** How far it moved since it was written (rows, columns). */
  dr: number;
  dc: number;
}

/** What the state names but the workbook no longer bears out: left as it is, and said once. */
export interface LeftAlone {
  blocks: { sheet: string; range: string }[];
  sheets: string[];
  highlights: { sheet: string; address: string }[];
}

export interface VerifiedRun {
  /** Result blocks that still hold what was written, where they are now. */
  blocks: LocatedBlock[];
  /** Sheets the add-in created that still carry their marker (to delete). */
  sheets: string[];
  /** Every highlight record, with where its cell is now (null: not to be restored). */
  highlights: { record: HighlightRecord; address: string | null }[];
  left: LeftAlone;
}

const STATE_SHEET_NAME = "_jixiao";

/** Check the previous run's record against the workbook (see the module comment). */
export function verifyRun(book: WorkbookSnapshot, run: RunState | undefined): VerifiedRun {
  const out: VerifiedRun = { blocks: [], sheets: [], highlights: [], left: { blocks: [], sheets: [], highlights: [] } };
  if (!run) return out;
  const byName = new Map(book.sheets.map((s) => [s.name, s]));

  // Sheets first: blocks and highlights on a sheet about to be deleted need no undoing.
  const seenSheets = new Set<string>();
  for (const name of run.sheets) {
    if (name === STATE_SHEET_NAME || seenSheets.has(name)) continue;
    seenSheets.add(name);
    const sheet = byName.get(name);
    if (!sheet) continue;
    const mark = run.marks?.[name];
    // An empty marker is never ours (every sheet the add-in makes has a title or header).
    if (mark !== undefined && !/^v\d+:0:/.test(mark) && sheetMark(sheet) === mark) out.sheets.push(name);
    else out.left.sheets.push(name);
  }
  const deleted = new Set(out.sheets);

  // Blocks.
  const budget = { cells: SEARCH_BUDGET };
  const seenBlocks = new Set<string>();
  for (const b of run.blocks) {
    const k = `${b.sheet}!${b.range}`;
    if (seenBlocks.has(k)) continue;
    seenBlocks.add(k);
    const sheet = byName.get(b.sheet);
    if (!sheet || deleted.has(b.sheet) || b.sheet === STATE_SHEET_NAME) continue;
    const found = budget.cells > 0 && seenBlocks.size <= MAX_BLOCK_RECORDS ? locate(sheet, b, budget) : null;
    if (found) out.blocks.push({ sheet: b.sheet, ...found });
    else out.left.blocks.push({ sheet: b.sheet, range: b.range });
  }

  // Highlights.
  const shifts = new Map<string, { dr: number; dc: number }>();
  for (const b of out.blocks) if ((b.dr || b.dc) && !shifts.has(b.sheet)) shifts.set(b.sheet, { dr: b.dr, dc: b.dc });
  const seenCells = new Set<string>();
  for (const record of run.highlights) {
    const sheet = byName.get(record.sheet);
    const k = `${record.sheet}!${record.address}`;
    if (!sheet || deleted.has(record.sheet) || seenCells.has(k)) {
      out.highlights.push({ record, address: null });
      continue;
    }
    seenCells.add(k);
    const address = locateCell(sheet, record, shifts.get(record.sheet));
    out.highlights.push({ record, address });
    if (address === null) out.left.highlights.push({ sheet: record.sheet, address: record.address });
  }
  return out;
}

function locate(sheet: SheetSnapshot, b: BlockRecord, budget: { cells: number }): { range: string; dr: number; dc: number } | null {
  // No signature (an older state), or an empty one (every block the add-in writes has labels): not ours to clear.
  if (!b.sig || /^v\d+:0:/.test(b.sig)) return null;
  const r = parseRange(b.range);
  if (r.right - r.left + 1 > MAX_BLOCK_COLS) return null;
  const verifies = (dr: number, dc: number) => {
    const rows = Math.max(0, Math.min(r.bottom + dr, sheet.values.length - 1) - (r.top + dr) + 1);
    budget.cells -= rows * (r.right - r.left + 1);
    if (budget.cells < 0) return false;
    return r.top + dr >= 0 && r.left + dc >= 0 && signatureAt(sheet, r.top + dr, r.left + dc, r.bottom + dr, r.right + dc) === b.sig;
  };
  const at = (dr: number, dc: number) => ({ range: rangeToA1({ top: r.top + dr, left: r.left + dc, bottom: r.bottom + dr, right: r.right + dc }), dr, dc });
  const head = b.head ?? [];
  if (verifies(0, 0)) return at(0, 0);
  // Moved with inserted or deleted rows or columns: look for its head elsewhere.
  const first = head.flatMap((row, i) => row.map((v, j) => ({ v, i, j }))).find((x) => x.v !== null && x.v !== "");
  if (!first) return null;
  let tried = 0;
  for (let row = 0; row < sheet.values.length; row++) {
    const line = sheet.values[row];
    if (!line) continue;
    budget.cells -= line.length;
    if (budget.cells < 0) return null;
    for (let col = 0; col < line.length; col++) {
      if (!same(first.v, line[col])) continue;
      const top = row - first.i;
      const left = col - first.j;
      if (top < 0 || left < 0 || !headAt(sheet, head, top, left)) continue;
      if (verifies(top - r.top, left - r.left)) return at(top - r.top, left - r.left);
      if (++tried >= MAX_CANDIDATES) return null;
    }
  }
  return null;
}

function locateCell(sheet: SheetSnapshot, record: HighlightRecord, shift: { dr: number; dc: number } | undefined): string | null {
  // A record without the value the cell had cannot be checked: it is not restored.
  if (record.value === undefined) return null;
  const p = parseRange(record.address);
  const holds = (row: number, col: number) => row >= 0 && col >= 0 && String(recordedValue(cell(sheet, row, col) ?? null)) === String(record.value);
  if (holds(p.top, p.left)) return record.address;
  if (shift && holds(p.top + shift.dr, p.left + shift.dc)) return rangeToA1({ top: p.top + shift.dr, left: p.left + shift.dc, bottom: p.top + shift.dr, right: p.left + shift.dc });
  return null;
}

/** Where the previous run's result blocks are now (only those that still hold what was written). */
export function locateBlocks(book: WorkbookSnapshot, run: RunState | undefined): { sheet: string; range: string }[] {
  return verifyRun(book, run).blocks.map(({ sheet, range }) => ({ sheet, range }));
}

/** Where each previous highlight's cell is now (null: its fill and note are not put back). */
export function locateHighlights(book: WorkbookSnapshot, run: RunState | undefined): { record: HighlightRecord; address: string | null }[] {
  return verifyRun(book, run).highlights;
}
