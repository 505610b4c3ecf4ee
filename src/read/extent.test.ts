import fc from "fast-check";
import type { CellValue, SheetSnapshot } from "../core/grid";
import { columnEnd, cutSheet, tableEnd, withinTables, TABLE_GAP_COLS, TABLE_GAP_ROWS } from "./extent";

function sheet(rows: CellValue[][]): SheetSnapshot {
  return { name: "项目表", values: rows, merges: [], formats: {} };
}

function rows(n: number, gapAt: number | null = null, gap = 0): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    if (gapAt !== null && i === gapAt) for (let g = 0; g < gap; g++) out.push([]);
    out.push([`P${i}`, i]);
  }
  return out;
}

test("a table with short gaps (blank rows between groups) is one table", () => {
  expect(tableEnd(sheet(rows(30, 10, TABLE_GAP_ROWS - 1)))).toBeNull();
});

test("a long run of empty rows ends the table; what lies below is one stray anomaly, not data", () => {
  const s = sheet([...rows(23), ...Array.from({ length: 500 }, () => [] as CellValue[]), [null, "  "], [null, null, "远处"], ["又一个"]]);
  expect(tableEnd(s)).toBe(22);
  const { sheet: cut, stray } = cutSheet(s);
  expect(cut.values).toHaveLength(23);
  expect(stray).toEqual({ kind: "stray", sheet: "项目表", cell: "C525", row: 525, raw: "远处", end: 23, more: 1 });
});

test("whitespace-only rows count as empty; a sheet without a long gap is returned as it is", () => {
  const book = { name: "b", sheets: [sheet(rows(5))] };
  expect(withinTables(book)).toEqual({ book, strays: [] });
  const spaced = sheet([["a"], ...Array.from({ length: TABLE_GAP_ROWS }, () => ["   "] as CellValue[]), ["b"]]);
  expect(cutSheet(spaced).stray).toMatchObject({ cell: "A102", raw: "b", end: 1 });
});

test("a long run of empty columns ends the table to the right; the far cell is reported with the table's last column", () => {
  const far: CellValue[] = ["P1", 1];
  far[2 + TABLE_GAP_COLS] = "远处";
  const s = sheet([["编码", "金额"], far, ["P2", 2]]);
  expect(columnEnd(s.values)).toBe(1);
  const { sheet: cut, stray } = cutSheet(s);
  expect(cut.values.map((r) => r.length)).toEqual([2, 2, 2]);
  expect(stray).toMatchObject({ cell: "BA2", raw: "远处", endCol: "B", more: 0 });
  const near: CellValue[] = ["P1", 1];
  near[1 + TABLE_GAP_COLS] = "备注";
  expect(columnEnd([near])).toBeNull();
});

describe("columnEnd", () => {
  /** The definition: the used columns in order, cut at the first run of `gap` empty ones. */
  function naive(values: CellValue[][], gap: number): number | null {
    const used = new Set<number>();
    for (const line of values) if (line) for (let c = 0; c < line.length; c++) if (line[c] !== null && line[c] !== undefined && line[c] !== "") used.add(c);
    const cols = [...used].sort((a, b) => a - b);
    for (let i = 1; i < cols.length; i++) if (cols[i] - cols[i - 1] - 1 >= gap) return cols[i - 1];
    return null;
  }
  it("is the last used column before the first wide gap, whatever the rows", () => {
    const cell = fc.oneof(fc.constant(null), fc.constant(""), fc.constant("x"), fc.integer());
    const rows = fc.array(fc.array(cell, { maxLength: 40 }), { maxLength: 12 });
    fc.assert(fc.property(rows, fc.integer({ min: 1, max: 6 }), (vs, gap) => columnEnd(vs, gap) === naive(vs, gap)), { numRuns: 2000 });
  });
});
