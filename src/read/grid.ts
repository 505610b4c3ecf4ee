/** A sheet seen through its merges: every cell of a merged area reads as its top-left value. */
import type { CellValue, SheetSnapshot } from "../core/grid";
import { cellAt, isCellError, sheetSize } from "../core/grid";
import { colToLetters, parseRange } from "../core/address";
import { squeezeText } from "./header";

/** Merged areas larger than this are ignored for fill-down (a whole-sheet merge is a layout accident). */
const MAX_MERGE_CELLS = 200000;
/** Column stride for cell keys (Excel has 16,384 columns). */
const W = 32768;

export class MergedGrid {
  readonly rows: number;
  readonly cols: number;
  /** "row,col" → top-left (row, col) of its merged area, for non-top-left cells only. */
  private readonly master = new Map<number, number>();
  /** The rows merged areas span (a title merged across the top: the data rows below need no look-up). */
  private mergeTop = Infinity;
  private mergeBottom = -1;
  private readonly key = (r: number, c: number): number => r * W + c;

  constructor(readonly sheet: SheetSnapshot) {
    const size = sheetSize(sheet);
    this.rows = size.rows;
    this.cols = size.cols;
    let budget = MAX_MERGE_CELLS;
    for (const m of sheet.merges ?? []) {
      let range;
      try {
        range = parseRange(m);
      } catch {
        continue;
      }
      const area = (range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (area > budget) continue;
      budget -= area;
      const top = this.key(range.top, range.left);
      if (range.top < this.mergeTop) this.mergeTop = range.top;
      if (range.bottom > this.mergeBottom) this.mergeBottom = range.bottom;
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          if (r === range.top && c === range.left) continue;
          this.master.set(this.key(r, c), top);
        }
      }
    }
    this.hasMerges = this.master.size > 0;
    this.hasFormats = hasAny(sheet.formats);
  }

  /** The raw value Excel holds in this cell (null inside a merge). */
  raw(r: number, c: number): CellValue {
    return cellAt(this.sheet, r, c);
  }

  /** The value the cell shows: its merge's top-left value when merged. */
  value(r: number, c: number): CellValue {
    if (!this.hasMerges || r > this.mergeBottom || r < this.mergeTop) return cellAt(this.sheet, r, c);
    const k = this.master.get(this.key(r, c));
    if (k === undefined) return cellAt(this.sheet, r, c);
    return cellAt(this.sheet, Math.floor(k / W), k % W);
  }

  /** 0-based (row, col) of the cell showing this cell's value: the merge's top-left, or itself. */
  origin(r: number, c: number): [number, number] {
    const k = this.master.get(this.key(r, c));
    return k === undefined ? [r, c] : [Math.floor(k / W), k % W];
  }

  /** A1 address of the cell showing this cell's value (the merge's top-left, or itself), without an intermediate array. */
  address(r: number, c: number): string {
    if (this.hasMerges && r <= this.mergeBottom && r >= this.mergeTop) {
      const k = this.master.get(this.key(r, c));
      if (k !== undefined) return a1(Math.floor(k / W), k % W);
    }
    return a1(r, c);
  }

  /** True when the two cells lie in the same merged area. */
  sameMerge(r1: number, c1: number, r2: number, c2: number): boolean {
    // Outside the merged rows every cell is its own.
    if (!this.hasMerges || ((r1 > this.mergeBottom || r1 < this.mergeTop) && (r2 > this.mergeBottom || r2 < this.mergeTop))) return r1 === r2 && c1 === c2;
    const a = this.master.get(this.key(r1, c1)) ?? this.key(r1, c1);
    const b = this.master.get(this.key(r2, c2)) ?? this.key(r2, c2);
    return a === b;
  }

  /** The displayed value as trimmed text ("" for empty and errors). */
  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  /** Whether the sheet has any merged area / number format at all (most exports have none). */
  readonly hasMerges: boolean;

  format(address: string): string | undefined {
    return this.hasFormats ? this.sheet.formats[address] : undefined;
  }

  /** The number format of the cell showing (r, c)'s value, without building its address when the sheet has no formats. */
  formatAt(r: number, c: number): string | undefined {
    return this.hasFormats ? this.sheet.formats[this.address(r, c)] : undefined;
  }

  private readonly hasFormats: boolean;
}

/**
 * The grid of a sheet, made once and shared by the readers that look at the same sheet (the
 * form scan, header detection, the list reader): a grid only reads its sheet. Made again if
 * the sheet's rows, merges or formats were replaced or rows added since.
 */
const GRIDS = new WeakMap<SheetSnapshot, { grid: MergedGrid; values: CellValue[][]; rows: number; merges: unknown; formats: unknown }>();
export function gridOf(sheet: SheetSnapshot): MergedGrid {
  const hit = GRIDS.get(sheet);
  if (hit && hit.values === sheet.values && hit.rows === sheet.values.length && hit.merges === sheet.merges && hit.formats === sheet.formats) return hit.grid;
  const grid = new MergedGrid(sheet);
  GRIDS.set(sheet, { grid, values: sheet.values, rows: sheet.values.length, merges: sheet.merges, formats: sheet.formats });
  return grid;
}

/** Column letters by index, built once per column. */
const LETTERS: string[] = [];
function a1(r: number, c: number): string {
  const l = LETTERS[c] ?? (LETTERS[c] = colToLetters(c));
  return l + (r + 1);
}

function hasAny(o: Record<string, string> | undefined): o is Record<string, string> {
  if (!o) return false;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** A cell as text: strings trimmed, numbers without float noise, errors and booleans empty/plain. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(Math.round(v * 1e9) / 1e9) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return "";
  return "";
}

/** Text for comparing names and codes across sheets. */
export function matchKey(v: CellValue | string): string {
  const t = typeof v === "string" ? v : cellText(v);
  return squeezeText(t).toLowerCase();
}
