/**
 * One workbook moved between Excel hosts with and without the notes API (ExcelApi 1.18): the
 * user's own notes are never deleted or overwritten, and the add-in's notes are always removed
 * in the end, whichever host checks and whichever clears.
 */
import { OfficeJsPort } from "./port";
import { asExcelContext, FakeRequestContext } from "./fake/excel";
import { makeBook, type FakeBookData, type SheetSpec } from "./fake/book";
import { checkWorkbook, clearWorkbook } from "../../engine/pipeline";
import { readState } from "../../core/state";
import { INDICATORS, PROJECTS } from "../../../test/browser/workbook";

const NOW = new Date("2025-01-15T08:00:00Z");

/** The same workbook data opened in an Excel with the given ExcelApi minor version. */
function host(book: FakeBookData, apiVersion: number): OfficeJsPort {
  const fake = new FakeRequestContext(book, { apiVersion });
  return new OfficeJsPort(asExcelContext(fake), { supports: (s, v) => fake.supports(s, v) });
}

function book(): { data: FakeBookData; cell: string } {
  const data = makeBook("county.xlsx", [PROJECTS, INDICATORS]);
  return { data, cell: "" };
}

/** A workbook whose first finding cell carries the user's own note. */
async function withUserNote(): Promise<{ data: FakeBookData; cell: string; sheet: string }> {
  const probe = makeBook("probe.xlsx", [PROJECTS, INDICATORS]);
  const out = await checkWorkbook(host(probe, 18), { now: NOW, write: false });
  const f = out.findings.find((x) => x.sheet === "指标表") ?? out.findings[0];
  const spec: SheetSpec = f.sheet === "指标表" ? { ...INDICATORS, notes: { [f.cell]: "用户自己的批注" } } : INDICATORS;
  const projects: SheetSpec = f.sheet === "项目表" ? { ...PROJECTS, notes: { [f.cell]: "用户自己的批注" } } : PROJECTS;
  return { data: makeBook("county.xlsx", [projects, spec]), cell: f.cell, sheet: f.sheet };
}

const USER = ["项目表", "指标表"];
const notesOf = (data: FakeBookData) => Object.fromEntries(data.sheets.filter((s) => USER.includes(s.name)).map((s) => [s.name, Object.fromEntries(s.notes)]));
const noteCount = (data: FakeBookData) => data.sheets.reduce((n, s) => n + s.notes.size, 0);

describe("notes across Excel versions (ExcelApi 1.17 ↔ 1.18)", () => {
  it("1.17 → 1.18 → 1.17 → 1.18: the user's note survives every step and ours are removed in the end", async () => {
    const { data, cell, sheet } = await withUserNote();
    const original = notesOf(data);

    // Checked where notes cannot be read: no note written, the user's untouched.
    await checkWorkbook(host(data, 17), { now: NOW });
    expect(notesOf(data)).toEqual(original);
    const state = readState((await host(data, 17).readSnapshot()));
    expect(state.run?.highlights.find((h) => h.address === cell && h.sheet === sheet)?.noteKnown).toBe(false);

    // Re-checked with notes: the user's note is learnt now and kept above ours.
    await checkWorkbook(host(data, 18), { now: NOW });
    const s = data.sheets.find((x) => x.name === sheet);
    expect(s?.notes.get(cell)).toMatch(/^用户自己的批注\n/);
    expect(s?.notes.size).toBeGreaterThan(1);

    // Cleared without notes: ours cannot be removed there; the state keeps what is needed.
    const kept = await clearWorkbook(host(data, 17));
    expect(kept.notesKept).toBeGreaterThan(1);
    const after = readState(await host(data, 17).readSnapshot());
    expect(after.run).toBeUndefined();
    expect(after.notes?.find((n) => n.address === cell)?.note).toBe("用户自己的批注");

    // Cleared with notes: the user's note exactly as it was, ours gone, the state sheet gone.
    const done = await clearWorkbook(host(data, 18));
    expect(done.notesKept).toBe(0);
    expect(notesOf(data)).toEqual(original);
    expect(data.sheets.map((x) => x.name)).toEqual(["项目表", "指标表"]);
  });

  it("checked with notes and cleared without: the notes stay recorded, and a later check with notes replaces them", async () => {
    const { data, cell, sheet } = await withUserNote();
    const original = notesOf(data);
    await checkWorkbook(host(data, 18), { now: NOW });
    const written = noteCount(data);
    expect(written).toBeGreaterThan(1);
    // Re-checked without notes: nothing overwritten, nothing lost from the state.
    await checkWorkbook(host(data, 17), { now: NOW });
    const cleared = await clearWorkbook(host(data, 17));
    expect(cleared.notesKept).toBe(written);
    // A new check with notes takes the recorded user notes, not our old ones, as the user's.
    await checkWorkbook(host(data, 18), { now: NOW });
    const note = data.sheets.find((x) => x.name === sheet)?.notes.get(cell) ?? "";
    expect(note.startsWith("用户自己的批注\n")).toBe(true);
    expect(note.split("用户自己的批注").length).toBe(2);
    await clearWorkbook(host(data, 18));
    expect(notesOf(data)).toEqual(original);
  });

  it("a workbook checked and cleared only without notes never gets or loses a note", async () => {
    const { data } = book();
    await checkWorkbook(host(data, 17), { now: NOW });
    expect(data.sheets.every((s) => s.notes.size === 0)).toBe(true);
    const r = await clearWorkbook(host(data, 17));
    expect(r.notesKept).toBe(0);
    expect(data.sheets.map((x) => x.name)).toEqual(["项目表", "指标表"]);
  });
});
