/**
 * The adapter through the real Office.js request serialiser (fake/office-js.ts): what Excel on
 * the web would receive, byte for byte, for a county-sized check and 「清除标记」.
 */
import { OfficeJsPort } from "./port";
import { FakeRequestContext } from "./fake/excel";
import { realOfficeJs } from "./fake/office-js";
import { countyBook } from "./fake/county";
import { makeBook, cellOf } from "./fake/book";
import { checkWorkbook, clearWorkbook } from "../../engine/pipeline";
import type { FakeBookData } from "./fake/book";

const MB4 = 4 * 1024 * 1024;
const NOW = new Date("2025-01-15T08:00:00Z");

function through(book: FakeBookData, limit?: number, apiVersion = 18) {
  const fake = new FakeRequestContext(book, { apiVersion });
  const real = realOfficeJs(fake, limit);
  const port = new OfficeJsPort(real.context, { supports: (s, v) => fake.supports(s, v) });
  return { fake, real, port };
}

/** What a user sees of a workbook: values, fills (with pattern and tint) and notes, sheet by sheet. */
function look(book: FakeBookData): unknown {
  return book.sheets.map((s) => ({
    name: s.name,
    cells: [...s.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.fill)
      .map(([k, c]) => [k, c.value, c.fill ?? null, c.pattern ?? null, c.patternColor ?? null, c.tint ?? null])
      .sort(),
    notes: [...s.notes.entries()].sort(),
  }));
}

describe("the Office.js adapter through the real request serialiser", () => {
  it("checks and clears a 20,000-indicator workbook with thousands of findings, every request under 4 MB", async () => {
    const book = countyBook(2000);
    const before = look(book);
    const { real, port, fake } = through(book);
    const out = await checkWorkbook(port, { now: NOW });
    expect(out.findings.length).toBeGreaterThan(3000);
    const notes = fake.book.sheets.find((s) => s.name === "指标表")?.notes;
    expect(notes?.size).toBeGreaterThan(2000);
    await clearWorkbook(port);
    expect(real.requests.length).toBeGreaterThan(5);
    expect(real.requests.filter((r) => r.refused)).toEqual([]);
    for (const r of real.requests) expect(r.bytes).toBeLessThan(MB4);
    // Office.js really sent megabytes (the old flat 64 bytes per operation sent one 7 MB request).
    expect(Math.max(...real.requests.map((r) => r.bytes))).toBeGreaterThan(1_000_000);
    // 清除标记 gives the workbook back: values, patterned and tinted fills, the user's notes.
    expect(look(fake.book)).toEqual(before);
  }, 120_000);

  it("sends a request Excel refuses for its size again in halves", async () => {
    const rows = Array.from({ length: 300 }, (_, r) => [`项目${r}`, r]);
    const { real, port, fake } = through(makeBook("a.xlsx", [{ name: "表", rows }]), 60_000);
    await port.applyPlan({ actions: [{ kind: "setFormat", sheet: "表", ranges: rows.map((_, r) => `A${r + 1}`).filter((_, r) => r % 2 === 0), format: { fill: "#FFC7CE" } }, ...rows.map((_, r) => ({ kind: "setNote" as const, sheet: "表", address: `B${r + 1}`, text: "绩效助手：" + "说明".repeat(20) }))] });
    expect(real.requests.some((r) => r.refused)).toBe(true);
    for (const r of real.requests.filter((x) => !x.refused)) expect(r.bytes).toBeLessThanOrEqual(60_000);
    const s = fake.book.sheets[0];
    expect(s.notes.size).toBe(300);
    expect(cellOf(s, "A299")?.fill).toBe("#FFC7CE");
  });
});
