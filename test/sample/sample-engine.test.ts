/**
 * The engine on the bundled sample: every defect seeded in it is reported at its cell with its
 * rule (assets/samples/sample-county-2024.defects.json, written by the generator from where it
 * put each defect), and the sound projects get nothing above info.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import { analyse, type Analysis } from "../../src/engine/pipeline";
import type { Finding } from "../../src/rules/types";
import { SAMPLE_BASENAME, sampleProjects } from "../scripts/make-sample";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const XLSX = join(SAMPLES, `${SAMPLE_BASENAME}.xlsx`);
const JSON_FILE = join(SAMPLES, `${SAMPLE_BASENAME}.defects.json`);

interface DefectsDoc {
  defects: { rule: string; sheet: string; cell: string; project: string; projectName: string }[];
  soundProjects: { code: string; name: string; total: number; grade: string }[];
}
const doc = JSON.parse(readFileSync(JSON_FILE, "utf8")) as DefectsDoc;

describe("the engine on the sample", () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const snap = await readXlsxFile(XLSX);
    analysis = analyse(snap, { now: new Date(Date.UTC(2025, 2, 31)) });
  });

  const show = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.project ?? ""} ${f.message}`;

  it("reads a list-layout self-evaluation in 万元", () => {
    expect(analysis.model.layout).toBe("list");
    expect(analysis.model.unit).toBe("万元");
    expect(analysis.model.modes).toContain("绩效自评");
    expect(analysis.model.projects.length).toBe(sampleProjects().filter((p) => !p.orphan).length);
  });

  it("maps every column of both sheets, the project sheet's 自评得分 and 偏差原因 included", () => {
    const cols = (sheet: string) => analysis.model.detections.find((d) => d.sheet === sheet)?.columns ?? {};
    expect(cols("项目表")).toEqual({
      code: "A", name: "B", department: "C", implementer: "D", attribute: "E", fundType: "F",
      initialBudget: "G", budget: "H", spent: "I", goal: "J", declaredTotal: "K", declaredGrade: "L", executionReason: "M",
    });
    expect(cols("指标表")).toEqual({
      projectCode: "A", projectName: "B", level1: "C", level2: "D", name: "E", target: "F", actual: "G", weight: "H", score: "I", reason: "J",
    });
  });

  it.each(doc.defects.map((d) => [d.rule, `${d.sheet}!${d.cell}`, d] as const))("reports %s at %s", (_rule, _at, d) => {
    const hit = analysis.findings.find((f) => f.rule === d.rule && f.sheet === d.sheet && f.cell === d.cell);
    if (!hit) {
      const near = analysis.findings.filter((f) => f.rule === d.rule || f.project === d.project).map(show);
      throw new Error(`${d.rule} not reported at ${d.sheet}!${d.cell} (${d.projectName}). Related findings:\n${near.join("\n")}`);
    }
    if (d.rule !== "D002") expect(hit.project).toBe(d.project);
  });

  it("finds nothing above info on the sound projects", () => {
    const sound = new Set(doc.soundProjects.map((p) => p.code));
    const noisy = analysis.findings.filter((f) => f.project !== null && sound.has(f.project) && f.severity !== "info");
    expect(noisy.map(show)).toEqual([]);
  });

  it("recomputes the sound projects' declared totals and grades", () => {
    for (const sp of doc.soundProjects) {
      const p = analysis.model.projects.find((x) => x.code === sp.code)!;
      const r = analysis.results.get(p.id)!;
      expect([sp.code, r.totalScore, r.grade]).toEqual([sp.code, sp.total, sp.grade]);
    }
  });
});
