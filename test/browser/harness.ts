/**
 * Browser-test harness (bundled only with `webpack --env harness`): an in-memory Excel holding
 * a small workbook, wrapped in the real Office.js adapter, handed to the task pane as
 * `window.__jixiaoTestPort`. `window.__jixiaoFakeBook` lets the test look at what was written.
 */
import { OfficeJsPort } from "../../src/adapters/officejs/port";
import { asExcelContext, FakeRequestContext } from "../../src/adapters/officejs/fake/excel";
import { makeBook, type FakeBookData } from "../../src/adapters/officejs/fake/book";
import type { TestPort } from "../../src/taskpane/host";
import { INDICATORS, PROJECTS } from "./workbook";

declare global {
  interface Window {
    __jixiaoFakeBook?: FakeBookData;
    __jixiaoSyncs?: () => number;
  }
}

const book = makeBook("县级绩效自评2024.xlsx", [PROJECTS, INDICATORS]);
const fake = new FakeRequestContext(book, { apiVersion: 18 });
const port = new OfficeJsPort(asExcelContext(fake), { supports: (set, v) => fake.supports(set, v) });

const testPort: TestPort = {
  readSnapshot: () => port.readSnapshot(),
  readLooks: (r) => port.readLooks(r),
  applyPlan: (p) => port.applyPlan(p),
  async select(sheet, cell) {
    const ctx = asExcelContext(fake);
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  },
};

window.__jixiaoTestPort = testPort;
window.__jixiaoFakeBook = book;
window.__jixiaoSyncs = () => fake.syncs;
