/**
 * Browser-test harness (bundled only with `webpack --env harness`): an in-memory Excel holding
 * a workbook, wrapped in the real Office.js adapter, handed to the task pane as
 * `window.__jixiaoTestPort`. `window.__jixiaoFakeBook` lets the test look at what was written.
 *
 * `?book=` chooses the workbook: (none) the small sample; `county1000` (any count up to 5000) a generated
 * county workbook; `none` a workbook without a project sheet; `protected` the sample with its
 * indicator sheet protected; `checked` the sample already checked once (reopening the pane).
 */
import { OfficeJsPort } from "../../src/adapters/officejs/port";
import { asExcelContext, FakeRequestContext } from "../../src/adapters/officejs/fake/excel";
import { makeBook, type FakeBookData } from "../../src/adapters/officejs/fake/book";
import { checkWorkbook } from "../../src/engine/pipeline";
import type { TestPort } from "../../src/taskpane/host";
import { CONTACTS, countyBook, INDICATORS, PROJECTS } from "./workbook";

declare global {
  interface Window {
    __jixiaoFakeBook?: FakeBookData;
    __jixiaoSyncs?: () => number;
    /** A fingerprint of everything the workbook holds (values, formats, notes, sheets). */
    __jixiaoBookDigest?: () => string;
    __jixiaoReady?: Promise<void>;
    __jixiaoPortCalls?: { name: string; start: number; end: number }[];
    __jixiaoHostSpans?: [number, number][];
  }
}

const which = new URLSearchParams(location.search).get("book") ?? "";
const county = /^county(\d+)$/.exec(which);
const sheets = county ? countyBook(Math.min(5000, Number(county[1]))) : which === "none" ? [CONTACTS] : [PROJECTS, which === "protected" ? { ...INDICATORS, protected: true } : INDICATORS];
const book = makeBook(county ? "县级绩效自评汇总2024.xlsx" : "县级绩效自评2024.xlsx", sheets);
const fake = new FakeRequestContext(book, { apiVersion: 18 });
const port = new OfficeJsPort(asExcelContext(fake), { supports: (set, v) => fake.supports(set, v) });

/**
 * When the in-memory Excel itself ran a batch (its sync() runs the whole batch at once on the
 * page's thread; in Excel that work happens in the host): the browser test subtracts these
 * spans from long tasks to see the pane's own blocking time.
 */
const hostSpans: [number, number][] = [];
const realSync = fake.sync.bind(fake);
fake.sync = () => {
  const start = performance.now();
  const done = realSync();
  hostSpans.push([start, performance.now()]);
  return done;
};

const ready: Promise<void> = which === "checked" ? checkWorkbook(port, { now: new Date("2025-03-01T08:00:00Z") }).then(() => undefined) : Promise.resolve();

/** When each port call ran (ms since navigation), to tell the fake's own work from the pane's. */
const calls: { name: string; start: number; end: number }[] = [];
async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  await ready;
  const start = performance.now();
  try {
    return await run();
  } finally {
    calls.push({ name, start, end: performance.now() });
  }
}

const testPort: TestPort = {
  readSnapshot: () => timed("readSnapshot", () => port.readSnapshot()),
  readLooks: (r) => timed("readLooks", () => port.readLooks(r)),
  applyPlan: (p) => timed("applyPlan", () => port.applyPlan(p)),
  async select(sheet, cell) {
    const ctx = asExcelContext(fake);
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  },
};

function digest(): string {
  return JSON.stringify(
    book.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      notes: [...s.notes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      merges: s.merges,
    })),
  );
}

window.__jixiaoTestPort = testPort;
window.__jixiaoFakeBook = book;
window.__jixiaoSyncs = () => fake.syncs;
window.__jixiaoBookDigest = digest;
window.__jixiaoReady = ready;
window.__jixiaoPortCalls = calls;
window.__jixiaoHostSpans = hostSpans;
