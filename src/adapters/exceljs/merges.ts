/**
 * Loading merged cells in linear time.
 *
 * ExcelJS 4.4 loads each `<mergeCell>` through `mergeCellsWithoutStyle`, which first compares
 * it with every merge already loaded: quadratic in the number of merges. A county workbook
 * with 一级/二级 merged per project has thousands (2,000 projects: ~8,000 merges, 5 s of a
 * 6 s load); a province's has tens of thousands (minutes). This patch (installed once, on
 * import) replaces the loader with the same work done against a set of covered cells: same
 * result for any file Excel writes; a file with overlapping merges (which Excel never writes,
 * and ExcelJS refuses with an exception) keeps the first of two overlapping merges instead of
 * failing to open. Merging from code (`ws.mergeCells`) is unchanged.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface CellLike {
  address: string;
  merge(master: CellLike, ignoreStyle?: boolean): void;
}
interface WorksheetInternals {
  _merges: Record<string, RangeLike>;
  getCell(row: number, col: number): CellLike;
}

let installed = false;

export function installFastMergeLoading(): void {
  if (installed) return;
  installed = true;
  const Worksheet = require("exceljs/lib/doc/worksheet") as { prototype: Record<string, unknown> };
  const Range = require("exceljs/lib/doc/range") as new (ref: string) => RangeLike;
  Worksheet.prototype._parseMergeCells = function parseMergeCells(this: WorksheetInternals, model: { mergeCells?: string[] }): void {
    const covered = new Set<number>();
    const key = (r: number, c: number) => r * 20000 + c; // columns ≤ 16,384
    for (const ref of model.mergeCells ?? []) {
      const d = new Range(ref);
      let clash = false;
      for (let r = d.top; r <= d.bottom && !clash; r++) for (let c = d.left; c <= d.right && !clash; c++) clash = covered.has(key(r, c));
      if (clash) continue;
      const master = this.getCell(d.top, d.left);
      for (let r = d.top; r <= d.bottom; r++) {
        for (let c = d.left; c <= d.right; c++) {
          covered.add(key(r, c));
          // Do not merge styles when importing: each cell keeps its own style, as ExcelJS does.
          if (r > d.top || c > d.left) this.getCell(r, c).merge(master, true);
        }
      }
      this._merges[master.address] = d;
    }
  };
}
