/**
 * The bundled sample workbook is what its generator makes, with the defects it says it holds.
 * (The engine's findings on it: sample-engine.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import { SAMPLE_BASENAME, INDICATOR_SHEET, PROJECT_SHEET, sampleProjects, writeSample, projectTotal, gradeOf } from "../scripts/make-sample";
import { cellValues } from "./cells";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const XLSX = join(SAMPLES, `${SAMPLE_BASENAME}.xlsx`);
const JSON_FILE = join(SAMPLES, `${SAMPLE_BASENAME}.defects.json`);

interface DefectsDoc {
  defects: { rule: string; sheet: string; cell: string; project: string; projectName: string }[];
  soundProjects: { code: string; name: string; total: number; grade: string }[];
}
const doc = JSON.parse(readFileSync(JSON_FILE, "utf8")) as DefectsDoc;


async function mergesOf(path: string): Promise<Record<string, string[]>> {
  const snap = await readXlsxFile(path);
  return Object.fromEntries(snap.sheets.map((s) => [s.name, [...s.merges].sort()]));
}

describe("the sample generator", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-sample-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("regenerates the committed workbook cell for cell, merges included, and the same defects list", async () => {
    const { xlsx, json } = await writeSample(dir);
    const [fresh, committed] = await Promise.all([cellValues(xlsx), cellValues(XLSX)]);
    expect(Object.keys(fresh)).toEqual([PROJECT_SHEET, INDICATOR_SHEET]);
    expect(fresh).toEqual(committed);
    expect(await mergesOf(xlsx)).toEqual(await mergesOf(XLSX));
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(doc);
  });

  it("has the promised size and shape", () => {
    const projects = sampleProjects();
    const listed = projects.filter((p) => !p.orphan);
    expect(listed.length).toBeGreaterThanOrEqual(20);
    const indicators = projects.reduce((n, p) => n + p.indicators.length, 0);
    expect(indicators).toBeGreaterThanOrEqual(140);
    expect(new Set(listed.map((p) => p.department)).size).toBe(5);
    // Sound projects of every grade, with declared totals that are the domain.md §4 scores.
    const sound = projects.filter((p) => p.sound);
    expect(new Set(sound.map((p) => p.declaredGrade))).toEqual(new Set(["优", "良", "中", "差"]));
    for (const p of sound) {
      expect(p.declaredTotal).toBe(projectTotal(p));
      expect(p.declaredGrade).toBe(gradeOf(projectTotal(p)));
      const weights = p.indicators.reduce((s, i) => s + i.weight, 0);
      expect(weights).toBeCloseTo(90, 6);
    }
  });

  it("lists each seeded rule once per placement, on cells that exist", async () => {
    const rules = doc.defects.map((d) => d.rule).sort();
    for (const r of ["T001", "T002", "T003", "T004", "T008", "T009", "T010", "T011", "T012", "T013", "T014", "T015", "T016", "E003", "E004", "E005", "E006", "E007", "E008", "D002", "D003", "D005", "D008"]) {
      expect(rules).toContain(r);
    }
    const snap = await readXlsxFile(XLSX);
    const keys = new Set<string>();
    for (const d of doc.defects) {
      keys.add(`${d.rule}@${d.sheet}!${d.cell}`);
      expect(snap.sheets.some((s) => s.name === d.sheet)).toBe(true);
    }
    expect(keys.size).toBe(doc.defects.length);
    // Spot checks that the defect is really in the cell it is listed at.
    const cell = (sheet: string, a1: string) => valueAt(snap, sheet, a1);
    const find = (rule: string) => doc.defects.find((d) => d.rule === rule)!;
    expect(cell(find("D005").sheet, find("D005").cell)).toBe("约50万");
    expect(cell(find("T008").sheet, find("T008").cell)).toBe("进一步提高");
    expect(String(cell(find("T010").sheet, find("T010").cell))).toContain("XX");
    expect(cell(find("T014").sheet, find("T014").cell)).toBe("≥70%");
    expect(cell(find("T001").sheet, find("T001").cell)).toBeNull();
  });
});

function valueAt(snap: Awaited<ReturnType<typeof readXlsxFile>>, sheet: string, a1: string): unknown {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return s.values[Number(m[2]) - 1]?.[col - 1] ?? null;
}

