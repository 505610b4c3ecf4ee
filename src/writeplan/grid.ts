/**
 * A small builder for a rectangular block of values with its formats, so that a whole block
 * becomes one `setValues` action and one `setFormat` action per distinct format (with the
 * cells compressed into range areas: never one action per cell).
 *
 * Built for blocks of hundreds of thousands of cells: a format's cells are kept as rows per
 * column (plain numbers, no object per cell), and a format object given again is recognised
 * by identity before its JSON is made.
 */
import type { CellFormat, PlanAction, PlanValue } from "../core/plan";
import { colToLetters, rangeToA1, toA1 } from "../core/address";
import { maxOf, pushAll } from "../core/collections";

/** col → rows (0-based, in the order added, possibly repeated). */
type CellsByCol = Map<number, number[]>;

interface FormatGroup {
  format: CellFormat;
  cells: CellsByCol;
  /** Row lists given with formatRows, shared by several columns (copied before one grows). */
  shared: Set<number[]> | null;
}

interface Run {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function addCell(byCol: CellsByCol, row: number, col: number): void {
  const rows = byCol.get(col);
  if (rows) rows.push(row);
  else byCol.set(col, [row]);
}

/** Row lists given as ascending without repeats (formatRows): not checked again. */
const ASCENDING = new WeakSet<number[]>();

/** The rows ascending without repeats (the list itself when it already is). */
function ascendingUnique(rows: number[]): number[] {
  if (ASCENDING.has(rows)) return rows;
  let sorted = true;
  for (let i = 1; i < rows.length; i++) {
    if (!(rows[i] > rows[i - 1])) {
      sorted = false;
      break;
    }
  }
  if (sorted) return rows;
  const copy = rows.slice().sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < copy.length; i++) if (i === 0 || copy[i] !== copy[i - 1]) out.push(copy[i]);
  return out;
}

/**
 * Cells (rows per column) → A1 range areas, shifted by (top, left): vertical runs in each
 * column, then equal runs of adjacent columns joined; areas in the order of their top-left
 * column, then row.
 */
function compressColumns(byCol: CellsByCol, top = 0, left = 0): string[] {
  const cols = Array.from(byCol.keys()).sort((a, b) => a - b);
  const runs: Run[] = [];
  // Runs ending in the previous column, top ascending (they are disjoint): joined by a merge walk.
  let previous: Run[] = [];
  let lastCol = NaN;
  let lastList: number[] | null = null;
  for (const col of cols) {
    const list = byCol.get(col) as number[];
    if (list === lastList && col === lastCol + 1) {
      // The same rows as the column before (one list given for several columns): every run goes on.
      for (const run of previous) run.right = col;
      lastCol = col;
      continue;
    }
    lastCol = col;
    lastList = list;
    const rows = ascendingUnique(list);
    const current: Run[] = [];
    let p = 0;
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      while (p < previous.length && previous[p].top < start) p++;
      const joined = p < previous.length ? previous[p] : undefined;
      if (joined && joined.top === start && joined.bottom === prev && joined.right === col - 1) {
        joined.right = col;
        current.push(joined);
      } else {
        const fresh: Run = { top: start, bottom: prev, left: col, right: col };
        runs.push(fresh);
        current.push(fresh);
      }
      start = r;
      prev = r;
    }
    previous = current;
  }
  const out: string[] = new Array<string>(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    out[i] = rangeToA1({ top: r.top + top, left: r.left + left, bottom: r.bottom + top, right: r.right + left });
  }
  return out;
}

/** Cells → A1 range areas: vertical runs in each column, then equal runs of adjacent columns joined. */
export function compressCells(cells: { row: number; col: number }[]): string[] {
  const byCol: CellsByCol = new Map();
  for (const c of cells) addCell(byCol, c.row, c.col);
  return compressColumns(byCol);
}

/** Empty rows by width, copied for each new row (a copy is cheaper than filling one). */
const EMPTY_LINES: PlanValue[][] = [];
function emptyLine(width: number): PlanValue[] {
  let line = EMPTY_LINES[width];
  if (!line) {
    line = [];
    for (let i = 0; i < width; i++) line.push(null);
    if (width <= 64) EMPTY_LINES[width] = line;
    else return line;
  }
  return line.slice();
}

export class GridBuilder {
  readonly rows: PlanValue[][] = [];
  private readonly groups = new Map<string, FormatGroup>();
  /** Group of a format object already given (a format must not change once given). */
  private readonly byObject = new WeakMap<CellFormat, FormatGroup>();
  private readonly merges: string[] = [];

  /** Set one value (0-based, relative to the block). */
  set(row: number, col: number, value: PlanValue): void {
    while (this.rows.length <= row) this.rows.push([]);
    const line = this.rows[row];
    while (line.length < col) line.push(null);
    line[col] = value;
  }

  /** Write values to the right from (row, col). */
  line(row: number, values: PlanValue[], col = 0): void {
    for (let i = 0; i < values.length; i++) this.set(row, col + i, values[i]);
  }

  get height(): number {
    return this.rows.length;
  }

  get width(): number {
    return maxOf(this.rows.map((r) => r.length), 0);
  }

  private groupOf(format: CellFormat): FormatGroup {
    let g = this.byObject.get(format);
    if (g) return g;
    const key = JSON.stringify(format);
    g = this.groups.get(key);
    if (!g) {
      g = { format, cells: new Map(), shared: null };
      this.groups.set(key, g);
    }
    this.byObject.set(format, g);
    return g;
  }

  /** A column's own row list in a group (a shared one is copied first). */
  private column(g: FormatGroup, col: number): number[] {
    let rows = g.cells.get(col);
    if (!rows) {
      rows = [];
      g.cells.set(col, rows);
    } else if (g.shared?.has(rows)) {
      rows = rows.slice();
      g.cells.set(col, rows);
    }
    return rows;
  }

  format(format: CellFormat, row: number, col: number, bottom = row, right = col): void {
    const g = this.groupOf(format);
    if (row > bottom) return;
    for (let c = col; c <= right; c++) {
      const rows = this.column(g, c);
      for (let r = row; r <= bottom; r++) rows.push(r);
    }
  }

  /**
   * The row list of `format` in column `col`, to push rows (0-based, relative) into: for blocks
   * formatting one cell a line, without a call per cell. The format is applied as by format().
   */
  formatColumn(format: CellFormat, col: number): number[] {
    return this.column(this.groupOf(format), col);
  }

  /**
   * Format the cells of `rows` (0-based, relative) in columns col..right; `rows` is kept, not
   * copied: change it no more. `ascending`: the rows are ascending without repeats (known to the caller).
   */
  formatRows(format: CellFormat, rows: number[], col: number, right: number, ascending = false): void {
    if (ascending) ASCENDING.add(rows);
    const g = this.groupOf(format);
    for (let c = col; c <= right; c++) {
      if (!g.cells.has(c)) {
        g.cells.set(c, rows);
        (g.shared ??= new Set()).add(rows);
      } else pushAll(this.column(g, c), rows);
    }
  }

  /** Row `row` (0-based, relative), at least `width` long (padded with empty cells), to write values into. */
  lineAt(row: number, width: number): PlanValue[] {
    while (this.rows.length <= row) this.rows.push([]);
    let line = this.rows[row];
    if (line.length === 0 && width > 0) {
      line = emptyLine(width);
      this.rows[row] = line;
    } else while (line.length < width) line.push(null);
    return line;
  }

  merge(row: number, col: number, right: number): void {
    if (right > col) this.merges.push(`${toA1(row, col)}:${toA1(row, right)}`);
  }

  /**
   * The actions writing this block with its top-left at (top, left) of `sheet` (0-based):
   * one setValues for the padded rectangle, merges, one setFormat per distinct format.
   * The builder's rows become the action's (padded in place): set nothing after this.
   */
  actions(sheet: string, top = 0, left = 0, width = this.width): PlanAction[] {
    const out: PlanAction[] = [];
    if (this.height === 0 || width === 0) return out;
    // The rows padded (or cut) to the width, in place: most already are.
    const values = this.rows;
    for (let i = 0; i < values.length; i++) {
      const line = values[i];
      if (line.length === width) continue;
      if (line.length > width) values[i] = line.slice(0, width);
      else if (line.length === 0) values[i] = emptyLine(width);
      else while (line.length < width) line.push(null);
    }
    out.push({ kind: "setValues", sheet, topLeft: toA1(top, left), values });
    const shift = (a1: string) => a1.replace(/([A-Z]+)(\d+)/g, (_m, letters: string, digits: string) => {
      let col = 0;
      for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
      return `${colToLetters(col - 1 + left)}${parseInt(digits, 10) + top}`;
    });
    for (const m of this.merges) out.push({ kind: "merge", sheet, range: shift(m) });
    for (const g of this.groups.values()) {
      out.push({ kind: "setFormat", sheet, ranges: compressColumns(g.cells, top, left), format: g.format });
    }
    return out;
  }
}
