/**
 * A form row seen as segments: each cell or merged area that starts in this row, left to right
 * (areas merged down from a row above are "inherited" and skipped). Labels are classified.
 */
import { isCellError, type CellValue } from "../../core/grid";
import { toA1 } from "../../core/address";
import { cellText, type MergedGrid } from "../grid";
import type { SynonymIndex } from "../synonyms";
import { classifyLabel, type FormLabel } from "./labels";

export interface Segment {
  /** 0-based row and first column of the segment (its merge's top-left). */
  row: number;
  col: number;
  /** Last column and row the segment covers (its merge's extent; itself when not merged). */
  right: number;
  bottom: number;
  /** A1 address of the top-left cell. */
  address: string;
  value: CellValue;
  text: string;
  label: FormLabel | null;
}

/** Extent of the merged area whose top-left is (r, c): scans right and down through the grid's merge map. */
export function extentOf(grid: MergedGrid, r: number, c: number): { right: number; bottom: number } {
  let right = c;
  while (right + 1 < grid.cols && grid.sameMerge(r, c, r, right + 1)) right++;
  let bottom = r;
  while (bottom + 1 < grid.rows && grid.sameMerge(r, c, bottom + 1, c)) bottom++;
  return { right, bottom };
}

const memo = new WeakMap<MergedGrid, Map<number, Segment[]>>();

/** The segments that start in row r (inherited vertical merges left out). Memoised per grid (a grid is one run's view). */
export function rowSegments(grid: MergedGrid, r: number, idx: SynonymIndex): Segment[] {
  let rows = memo.get(grid);
  if (!rows) {
    rows = new Map();
    memo.set(grid, rows);
  }
  const hit = rows.get(r);
  if (hit) return hit;
  const segs = computeSegments(grid, r, idx);
  rows.set(r, segs);
  return segs;
}

function computeSegments(grid: MergedGrid, r: number, idx: SynonymIndex): Segment[] {
  const out: Segment[] = [];
  for (let c = 0; c < grid.cols; c++) {
    const [or, oc] = grid.origin(r, c);
    if (or !== r || oc !== c) continue;
    const { right, bottom } = extentOf(grid, r, c);
    const value = grid.raw(r, c);
    const text = cellText(value);
    out.push({ row: r, col: c, right, bottom, address: toA1(r, c), value, text, label: typeof value === "string" ? classifyLabel(text, idx) : null });
    c = right;
  }
  return out;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** 「—」「-」「/」「－」: a cell a form leaves deliberately empty. */
export function isDash(v: CellValue): boolean {
  return typeof v === "string" && /^[\s\-—–－/／\\、…·.]+$/.test(v) && v.trim() !== "";
}

export function isEmptyish(v: CellValue): boolean {
  return isBlank(v) || isDash(v);
}

export function isError(v: CellValue): v is { error: string } {
  return isCellError(v);
}

/** Non-blank segments of a row, for "what does this row start with". */
export function firstText(segs: Segment[]): Segment | undefined {
  return segs.find((s) => s.text !== "");
}
