/**
 * A used range far larger than the data (issue 10: one stray value in A1000000 below a 22-project
 * table): the Office.js read asks Excel where the data is (getSpecialCells) and reads only those
 * rows, in the fake and through the real request serialiser; the snapshot still has the stray cell
 * at its true row, so the domain reports it (D010) and nothing is materialised below the table.
 */
import { OfficeJsPort, dataRects, type OfficeJsPortOptions } from "./port";
import { asExcelContext, FakeRequestContext } from "./fake/excel";
import { realOfficeJs } from "./fake/office-js";
import { makeBook, type FakeBookData, type SheetSpec } from "./fake/book";
import { checkWorkbook, clearWorkbook } from "../../engine/pipeline";
import { INDICATORS, PROJECTS } from "../../../test/browser/workbook";
import { indicatorRows, projectRows } from "../../../test/scripts/make-hostile-fixtures";

const NOW = new Date("2025-01-05T00:00:00Z");

/** The 22-project county list with "备注：已核对" in 项目表!A1000000. */
function strayBook(): FakeBookData {
  const book = makeBook("stray.xlsx", [
    { name: "项目表", rows: projectRows(), notes: { B5: "用户批注：请核对口径" } },
    { name: "指标表", rows: indicatorRows() },
  ]);
  book.sheets[0].cells.set(`${1000000 - 1},0`, { value: "备注：已核对" });
  return book;
}

function portFor(book: FakeBookData, options: OfficeJsPortOptions = {}, apiVersion = 18) {
  const fake = new FakeRequestContext(book, { apiVersion });
  return { fake, port: new OfficeJsPort(asExcelContext(fake), { supports: (s, v) => fake.supports(s, v), ...options }) };
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe("a stray value in A1000000 below a 22-project table", () => {
  it("is read in a few small requests, with the stray cell at its row and nothing materialised between", async () => {
    const { fake, port } = portFor(strayBook());
    const snap = await port.readSnapshot();
    const s = snap.sheets[0];
    expect(s.values).toHaveLength(1000000);
    expect(s.values[999999]).toEqual(["备注：已核对"]);
    expect(s.values[23]).toEqual(["P022", "项目22", "县民政局", 122, 112]);
    expect(s.values.slice(24, 999999).every((r) => Array.isArray(r) && r.length === 0)).toBe(true);
    // Reading the used range A1:E1000000 in bands took 125 more syncs and 100 MB of responses.
    expect(fake.syncs).toBeLessThanOrEqual(4);
    expect(sum(fake.responses)).toBeLessThan(100_000);
    expect(Math.max(...fake.payloads)).toBeLessThan(20_000);
  });

  it("checks to 22 projects and one D010 at A1000000; the plan and its apply stay bounded, and 清除标记 gives the book back", async () => {
    const book = strayBook();
    const { fake, port } = portFor(book);
    const out = await checkWorkbook(port, { now: NOW });
    expect(out.report.projects).toHaveLength(22);
    const stray = out.findings.filter((f) => f.rule === "D010");
    expect(stray).toEqual([expect.objectContaining({ sheet: "项目表", cell: "A1000000" })]);
    for (const a of out.plan!.actions) if (a.kind === "setValues") expect(a.values.length).toBeLessThan(200);
    expect(out.stats?.syncs ?? 0).toBeLessThan(20);
    expect(fake.syncs).toBeLessThan(30);
    expect(sum(fake.responses)).toBeLessThan(1_000_000);
    expect(book.sheets[0].cells.get("999999,0")?.value).toBe("备注：已核对");
    // Nothing was written near the stray cell (no result block padded to a million rows).
    const rows = [...book.sheets[0].cells.keys()].map((k) => Number(k.split(",")[0]));
    expect(rows.filter((r) => r > 100)).toEqual([999999]);
    await clearWorkbook(port);
    expect(book.sheets.map((x) => x.name)).toEqual(["项目表", "指标表"]);
    expect(book.sheets[0].cells.get("999999,0")?.value).toBe("备注：已核对");
    expect(book.sheets[0].notes.get("B5")).toBe("用户批注：请核对口径");
  });

  it("through the real Office.js serialiser: a bounded number of requests and bytes", async () => {
    const fake = new FakeRequestContext(strayBook());
    const real = realOfficeJs(fake);
    const port = new OfficeJsPort(real.context, { supports: (s, v) => fake.supports(s, v) });
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values[999999]).toEqual(["备注：已核对"]);
    expect(real.requests.length).toBeLessThanOrEqual(4);
    expect(real.requests.filter((r) => r.refused)).toEqual([]);
    expect(sum(real.requests.map((r) => r.responseBytes))).toBeLessThan(150_000);
    expect(sum(real.requests.map((r) => r.bytes))).toBeLessThan(30_000);
    const out = await checkWorkbook(port, { now: NOW });
    expect(out.findings.filter((f) => f.rule === "D010").map((f) => f.cell)).toEqual(["A1000000"]);
    expect(real.requests.length).toBeLessThan(40);
    expect(sum(real.requests.map((r) => r.responseBytes))).toBeLessThan(1_000_000);
  }, 60_000);

  it("is read the same way far to the right (XFD3): only the cells with data", async () => {
    const book = makeBook("right.xlsx", [{ name: "项目表", rows: projectRows() }, { name: "指标表", rows: indicatorRows() }]);
    book.sheets[0].cells.set("2,16383", { value: "远处" });
    const { fake, port } = portFor(book);
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values[2][16383]).toBe("远处");
    expect(snap.sheets[0].values[2].slice(5, 16383).every((v) => v === null)).toBe(true);
    expect(sum(fake.responses)).toBeLessThan(100_000);
  });
});

describe("reading where the data is gives the same snapshot as reading the whole used range", () => {
  it("for an ordinary workbook (values, errors, formulas, number formats, merges)", async () => {
    const specs: SheetSpec[] = [
      PROJECTS,
      INDICATORS,
      {
        name: "杂",
        rows: [["标题"], [], ["a", 1, { error: "#N/A" }, true], [], [], [], [], [], [], [], [], [], [], [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "远"]],
        formats: { B3: "0.0%" },
        merges: ["A1:D1"],
      },
    ];
    const plain = portFor(makeBook("a.xlsx", specs));
    const probed = portFor(makeBook("a.xlsx", specs), { probeRows: 0, probeCells: 0 });
    probed.fake.book.sheets[2].cells.set("5,3", { value: "#NAME?", error: true, formula: "=X1" });
    plain.fake.book.sheets[2].cells.set("5,3", { value: "#NAME?", error: true, formula: "=X1" });
    const a = await plain.port.readSnapshot();
    const b = await probed.port.readSnapshot();
    expect(b).toEqual(a);
    expect(a.sheets[2].values[5][3]).toEqual({ error: "#NAME?" });
    expect(probed.fake.syncs).toBe(plain.fake.syncs + 1);
  });

  it("below ExcelApi 1.9 (no getSpecialCells): the used range is read whole, as before", async () => {
    const book = makeBook("old.xlsx", [{ name: "S", rows: [["a"]] }]);
    book.sheets[0].cells.set("29999,0", { value: "b" });
    const { fake, port } = portFor(book, {}, 8);
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values[29999]).toEqual(["b"]);
    expect(fake.syncs).toBeGreaterThan(2);
  });
});

describe("data in more areas than Excel gives at once", () => {
  it("is located in halves of the used range, the too-scattered part read whole: every cell read, work bounded", async () => {
    // 10,000 rows of one cell each, alternating columns A and C: 10,000 areas (Excel fails past 8,192),
    // and one stray value in A1000000.
    const rows = Array.from({ length: 10000 }, (_, r) => (r % 2 ? [null, null, `c${r}`] : [`a${r}`]));
    const book = makeBook("scatter.xlsx", [{ name: "散", rows }]);
    book.sheets[0].cells.set("999999,0", { value: "尾" });
    const { fake, port } = portFor(book);
    const snap = await port.readSnapshot();
    const v = snap.sheets[0].values;
    expect(v).toHaveLength(1000000);
    expect(v[9998]).toEqual(["a9998"]);
    expect(v[9999]).toEqual([null, null, "c9999"]);
    expect(v[999999]).toEqual(["尾"]);
    expect(v.slice(10000, 999999).every((r) => r.length === 0)).toBe(true);
    // The probes that failed and the rows read whole (at most 20,000 of them), not a million rows.
    expect(fake.syncs).toBeLessThan(25);
    expect(sum(fake.responses)).toBeLessThan(3_000_000);
  });

  it("with a lower area limit of the adapter's own, the same cells", async () => {
    const rows = Array.from({ length: 3000 }, (_, r) => (r % 2 ? [null, null, r] : [r]));
    const book = makeBook("scatter.xlsx", [{ name: "散", rows }]);
    book.sheets[0].cells.set("99999,1", { value: "尾" });
    const { port } = portFor(book, { maxDataAreas: 1000 });
    const v = (await port.readSnapshot()).sheets[0].values;
    expect(v[2999]).toEqual([null, null, 2999]);
    expect(v[99999]).toEqual([null, "尾"]);
  });
});

describe("dataRects", () => {
  it("joins near areas, keeps a far cell apart, and covers every area", () => {
    const areas = [
      { top: 0, left: 0, rows: 24, cols: 5 },
      { top: 26, left: 0, rows: 1, cols: 2 },
      { top: 2, left: 16383, rows: 1, cols: 1 },
      { top: 999999, left: 0, rows: 1, cols: 1 },
    ];
    expect(dataRects(areas)).toEqual([
      { top: 0, left: 0, rows: 27, cols: 5 },
      { top: 2, left: 16383, rows: 1, cols: 1 },
      { top: 999999, left: 0, rows: 1, cols: 1 },
    ]);
    expect(dataRects([])).toEqual([]);
  });
});
