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

/**
 * A small 64-bit string hash (two FNV-1a lanes over UTF-16 code units, shifts and adds only),
 * fed piece by piece. Not cryptographic: it tells "as written" from "changed". One hash at a
 * time (module state: signing is synchronous and never nested).
 */
const H1 = 0x811c9dc5;
const H2 = 0x01000193 ^ 0x5bd1e995;
let h1 = H1;
let h2 = H2;

/** FNV's 32-bit prime, 2^24 + 2^8 + 2^7 + 2^4 + 2^1 + 1: times it is (x + (x<<1) + (x<<4) + (x<<7) + (x<<8) + (x<<24)) | 0, the shifts and adds the hash was first written with. */
export const FNV_PRIME = 0x01000193;

function feed(s: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    a = Math.imul(a ^ ch, FNV_PRIME);
    b = Math.imul(b ^ ch, FNV_PRIME);
    b ^= b >>> 15;
  }
  h1 = a;
  h2 = b;
}

function digest(): string {
  return base36(h1 >>> 0) + base36(h2 >>> 0);
}

const B36 = Array.from("0123456789abcdefghijklmnopqrstuvwxyz", (c) => c.charCodeAt(0));
const DIGITS = new Uint16Array(7);

/**
 * x.toString(36) for an unsigned 32-bit integer, the same text (at most 7 digits): a row's digest
 * is two of these, and Number#toString with a radix is several times slower (its general path).
 */
export function base36(x: number): string {
  let n = 0;
  let v = x;
  do {
    const q = Math.floor(v / 36);
    DIGITS[n++] = B36[v - q * 36];
    v = q;
  } while (v > 0);
  const d = DIGITS;
  switch (n) {
    case 1:
      return String.fromCharCode(d[0]);
    case 2:
      return String.fromCharCode(d[1], d[0]);
    case 3:
      return String.fromCharCode(d[2], d[1], d[0]);
    case 4:
      return String.fromCharCode(d[3], d[2], d[1], d[0]);
    case 5:
      return String.fromCharCode(d[4], d[3], d[2], d[1], d[0]);
    case 6:
      return String.fromCharCode(d[5], d[4], d[3], d[2], d[1], d[0]);
    default:
      return String.fromCharCode(d[6], d[5], d[4], d[3], d[2], d[1], d[0]);
  }
}

/** A value's kind as the signature spells it; 0 for an empty cell. */
const EMPTY = 0;
const TEXT = 1;
const NUMBER = 2;
const BOOL = 3;
const ERROR = 4;
const KIND_PREFIX = ["", "s:", "n:", "b:", "e:"];
/** `${col}=${kind}` and "\u0001" before it (the end of the row's previous cell), made once. */
const PREFIXES: string[][] = [[], [], [], [], []];
const NEXT_PREFIXES: string[][] = [[], [], [], [], []];

function kindOf(v: PlanValue | CellValue | undefined): number {
  if (v === null || v === undefined || v === "") return EMPTY;
  if (typeof v === "object") return ERROR;
  if (typeof v === "number") return Number.isFinite(v) ? NUMBER : EMPTY;
  if (typeof v === "boolean") return BOOL;
  return TEXT;
}

/** The value part of a cell's token (numbers to 12 significant digits: Excel keeps 15). */
function valueText(kind: number, v: PlanValue | CellValue | undefined): string {
  if (kind === NUMBER) {
    const n = v as number;
    // A number printing in at most 12 characters has at most 12 significant digits: rounding it
    // to 12 gives it back (Number(n.toPrecision(12)) === n), so the slow rounding is skipped.
    const s = String(n);
    return s.length <= 12 ? s : String(Number(n.toPrecision(12)));
  }
  if (kind === TEXT) return typeof v === "string" ? v : String(v);
  if (kind === BOOL) return v ? "1" : "0";
  return String((v as { error: unknown }).error);
}

/**
 * The signature of rows top..bottom, columns left..right of `rows` (cells relative to
 * (top, left)): how many non-empty cells there are and a hash of the rows taken as a set (each
 * row's cells with their column, the rows in sorted order), so that a block whose rows were
 * sorted with the table still verifies — it still holds exactly what was written — while any
 * edited, added or removed value does not. A row hashes `${col}=${token}\u0001` for each
 * non-empty cell, token "s:text", "n:number", "b:1" / "b:0" or "e:#ERROR!".
 */
function signGrid(rows: readonly (readonly (PlanValue | CellValue | undefined)[] | undefined)[], top: number, left: number, bottom: number, right: number): string {
  const digests: string[] = [];
  let n = 0;
  let lastH1 = 0;
  let lastH2 = 0;
  let lastDigest: string | null = null;
  const last = Math.min(bottom, rows.length - 1);
  for (let r = Math.max(0, top); r <= last; r++) {
    const line = rows[r];
    if (!line) continue;
    const end = Math.min(right, line.length - 1);
    let open = false;
    for (let c = Math.max(0, left); c <= end; c++) {
      const v = line[c];
      const kind = kindOf(v);
      if (kind === EMPTY) continue;
      const j = c - left;
      let prefix: string;
      if (open) {
        prefix = NEXT_PREFIXES[kind][j] ??= `\u0001${j}=${KIND_PREFIX[kind]}`;
      } else {
        h1 = H1;
        h2 = H2;
        open = true;
        prefix = PREFIXES[kind][j] ??= `${j}=${KIND_PREFIX[kind]}`;
      }
      feed(prefix);
      feed(valueText(kind, v));
      n++;
    }
    if (open) {
      feed("\u0001");
      // Rows often repeat the row above (the same score on every indicator line).
      if (lastDigest === null || h1 !== lastH1 || h2 !== lastH2) {
        lastH1 = h1;
        lastH2 = h2;
        lastDigest = digest();
      }
      digests.push(lastDigest);
    }
  }
  return signatureOf(digests, n);
}

/** The signature of a block from its rows' digests (apart: its own loop is optimised on its own). */
function signatureOf(digests: string[], n: number): string {
  h1 = H1;
  h2 = H2;
  digests.sort();
  for (let i = 0; i < digests.length; i++) {
    feed(digests[i]);
    feed(";");
  }
  return `v2:${n}:${digest()}`;
}

/** Signature of a block of values (rows relative to its top-left; empty cells count as nothing). */
export function cellsSignature(rows: readonly (readonly (PlanValue | CellValue | undefined)[] | undefined)[]): string {
  return signGrid(rows, 0, 0, rows.length - 1, Number.MAX_SAFE_INTEGER);
}

/** Signature of a sheet's cells in a range, visiting only the cells the snapshot holds. */
function signatureAt(sheet: SheetSnapshot, top: number, left: number, bottom: number, right: number): string {
  return signGrid(sheet.values, top, left, bottom, right);
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
