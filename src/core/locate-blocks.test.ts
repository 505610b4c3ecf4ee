/** The previous run's blocks are found where they are now, or left alone: never a user's cells cleared in their place. */
import type { CellValue, WorkbookSnapshot } from "./grid";
import { cellsSignature, locateBlocks, locateHighlights, type RunState } from "./state";

const head = [
  ["绩效助手结果", null, null],
  ["总分", "等级", "问题数"],
];

/** The block D1:F4 as written: band, labels, two lines of results. */
const written = [...head, [95, "优", 0], [70, "中", 2]];
const sig = cellsSignature(written);

function run(range = "D1:F4"): RunState {
  return { version: 1, runAt: "", preset: "central-2020", rulebookVersion: "x", blocks: [{ sheet: "项目表", range, head, sig }], sheets: [], highlights: [] };
}

function book(rows: CellValue[][]): WorkbookSnapshot {
  return { name: "b", sheets: [{ name: "项目表", values: rows, merges: [], formats: {} }] };
}

const asWritten: CellValue[][] = [
  ["", "", "", "绩效助手结果"],
  ["项目编码", "项目名称", "全年预算数", "总分", "等级", "问题数"],
  ["P1", "甲", 100, 95, "优", 0],
  ["P2", "乙", 80, 70, "中", 2],
];

test("a block still where it was written is found there", () => {
  expect(locateBlocks(book(asWritten), run())).toEqual([{ sheet: "项目表", range: "D1:F4" }]);
});

test("a column inserted left of the table moves the block with it: the user's column now at D is not the block", () => {
  const shifted = asWritten.map((r) => [...r.slice(0, 2), r === asWritten[0] ? "" : r === asWritten[1] ? "备注" : "x", ...r.slice(2)]);
  expect(shifted[1][3]).toBe("全年预算数");
  expect(locateBlocks(book(shifted), run())).toEqual([{ sheet: "项目表", range: "E1:G4" }]);
});

test("rows inserted above move it down", () => {
  const down = [["2024年度项目表"], [], ...asWritten];
  expect(locateBlocks(book(down), run())).toEqual([{ sheet: "项目表", range: "D3:F6" }]);
});

test("a block the user has overwritten is not found and so not touched", () => {
  const gone = asWritten.map((r) => r.slice(0, 3).concat(["用户数据", "用户数据", "用户数据"]));
  expect(locateBlocks(book(gone), run())).toEqual([]);
});

test("a block whose head is still there but whose values were edited is not the block", () => {
  const edited = asWritten.map((r) => r.slice());
  edited[3][4] = "用户改过";
  expect(locateBlocks(book(edited), run())).toEqual([]);
});

test("a record without a signature (an older state) or with no head is never cleared; a missing sheet is skipped", () => {
  const old: RunState = { ...run(), blocks: [{ sheet: "项目表", range: "D1:F4", head }, { sheet: "项目表", range: "A1:C4" }, { sheet: "已删除", range: "A1:B2", sig }] };
  expect(locateBlocks(book(asWritten), old)).toEqual([]);
});

describe("locateHighlights", () => {
  const withHighlight = (value: number): RunState => ({
    ...run(),
    highlights: [{ sheet: "项目表", address: "C4", saved: { fill: null }, note: null, value }],
  });

  test("a cell still holding its value is restored where it is", () => {
    expect(locateHighlights(book(asWritten), withHighlight(80)).map((x) => x.address)).toEqual(["C4"]);
  });

  test("a cell moved with an inserted column is restored where it moved", () => {
    const shifted = asWritten.map((r) => [...r.slice(0, 2), r === asWritten[0] ? "" : r === asWritten[1] ? "备注" : "x", ...r.slice(2)]);
    expect(locateHighlights(book(shifted), withHighlight(80)).map((x) => x.address)).toEqual(["D4"]);
  });

  test("rows sorted since: the value is elsewhere, so nothing is put back on the cell now at that address", () => {
    const sorted = [asWritten[0], asWritten[1], asWritten[3], asWritten[2]];
    expect(locateHighlights(book(sorted), withHighlight(80)).map((x) => x.address)).toEqual([null]);
  });
});
