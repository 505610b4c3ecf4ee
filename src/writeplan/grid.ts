/**
 * A small builder for a rectangular block of values with its formats, so that a whole block
 * becomes one `setValues` action and one `setFormat` action per distinct format (with the
 * cells compressed into range areas: never one action per cell).
 */
import type { CellFormat, PlanAction, PlanValue } from "../core/plan";
import { colToLetters, rangeToA1, toA1 } from "../core/address";
import { maxOf } from "../core/collections";

interface FormatGroup {
  format: CellFormat;
  cells: { row: number; col: number }[];
}

/** Cells → A1 range areas: vertical runs in each column, then equal runs of adjacent columns joined. */
export function compressCells(cells: { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col) ?? [];
    list.push(c.row);
    byCol.set(c.col, list);
  }
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  // Runs ending in the previous column, by "top:bottom", to join equal runs of adjacent columns.
  let previous = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const colRuns: { top: number; bottom: number }[] = [];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      colRuns.push({ top: start, bottom: prev });
      start = r;
      prev = r;
    }
    const current = new Map<string, { top: number; bottom: number; left: number; right: number }>();
    for (const run of colRuns) {
      const k = `${run.top}:${run.bottom}`;
      const joined = previous.get(k);
      if (joined && joined.right === col - 1) {
        joined.right = col;
        current.set(k, joined);
      } else {
        const fresh = { ...run, left: col, right: col };
        runs.push(fresh);
        current.set(k, fresh);
      }
    }
    previous = current;
  }
  return runs.map((r) => rangeToA1(r));
}

export class GridBuilder {
  readonly rows: PlanValue[][] = [];
  private readonly groups = new Map<string, FormatGroup>();
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
    values.forEach((v, i) => this.set(row, col + i, v));
  }

  get height(): number {
    return this.rows.length;
  }

  get width(): number {
    return maxOf(this.rows.map((r) => r.length), 0);
  }

  format(format: CellFormat, row: number, col: number, bottom = row, right = col): void {
    const key = JSON.stringify(format);
    const g = this.groups.get(key) ?? { format, cells: [] };
    for (let r = row; r <= bottom; r++) for (let c = col; c <= right; c++) g.cells.push({ row: r, col: c });
    this.groups.set(key, g);
  }

  merge(row: number, col: number, right: number): void {
    if (right > col) this.merges.push(`${toA1(row, col)}:${toA1(row, right)}`);
  }

  /**
   * The actions writing this block with its top-left at (top, left) of `sheet` (0-based):
   * one setValues for the padded rectangle, merges, one setFormat per distinct format.
   */
  actions(sheet: string, top = 0, left = 0, width = this.width): PlanAction[] {
    const out: PlanAction[] = [];
    if (this.height === 0 || width === 0) return out;
    const values = this.rows.map((r) => {
      const line = r.slice(0, width);
      while (line.length < width) line.push(null);
      return line;
    });
    out.push({ kind: "setValues", sheet, topLeft: toA1(top, left), values });
    const shift = (a1: string) => a1.replace(/([A-Z]+)(\d+)/g, (_m, letters: string, digits: string) => {
      let col = 0;
      for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
      return `${colToLetters(col - 1 + left)}${parseInt(digits, 10) + top}`;
    });
    for (const m of this.merges) out.push({ kind: "merge", sheet, range: shift(m) });
    for (const g of this.groups.values()) {
      out.push({ kind: "setFormat", sheet, ranges: compressCells(g.cells.map((c) => ({ row: c.row + top, col: c.col + left }))), format: g.format });
    }
    return out;
  }
}
