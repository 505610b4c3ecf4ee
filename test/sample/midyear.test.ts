/**
 * The second bundled sample, a county's 运行监控 on 2024-07-31 (domain.md §5): the committed
 * workbook is what its generator makes, and the engine reports every seeded M001–M006 defect
 * at its cell with its rule and severity, leaves the sound projects alone (green light, nothing
 * above info), and suggests recovering the red-budget project's money behind the 序时进度.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import { analyse, type Analysis } from "../../src/engine/pipeline";
import type { Finding } from "../../src/rules/types";
import { Decimal, round2 } from "../../src/scoring/round";
import { AS_OF, INDICATOR_SHEET, MIDYEAR_BASENAME, PROJECT_SHEET, midyearProjects, recoveryAmount, writeMidyearSample } from "../scripts/make-midyear-sample";
import { cellValues } from "./cells";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const XLSX = join(SAMPLES, `${MIDYEAR_BASENAME}.xlsx`);
const JSON_FILE = join(SAMPLES, `${MIDYEAR_BASENAME}.defects.json`);

interface DefectsDoc {
  asOf: string;
  defects: { rule: string; severity: string; sheet: string; cell: string; project: string; projectName: string }[];
  soundProjects: { code: string; name: string }[];
}
const doc = JSON.parse(readFileSync(JSON_FILE, "utf8")) as DefectsDoc;


describe("the mid-year sample file", () => {
  it("is what the generator makes: regenerating gives the same cells and the same defects list", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-midyear-"));
    try {
      const { xlsx, json } = await writeMidyearSample(dir);
      expect(await cellValues(xlsx)).toEqual(await cellValues(XLSX));
      expect(readFileSync(json, "utf8")).toBe(readFileSync(JSON_FILE, "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("seeds every M rule and severity asked for, and keeps sound projects", () => {
    const kinds = new Set(doc.defects.map((d) => `${d.rule}.${d.severity}`));
    for (const k of ["M001.error", "M001.warning", "M002.error", "M002.warning", "M002.info", "M003.error", "M003.warning", "M004.warning", "M005.warning", "M006.info"]) {
      expect(kinds).toContain(k);
    }
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.soundProjects.length).toBeGreaterThanOrEqual(4);
    const ps = midyearProjects();
    expect(ps.length).toBe(12);
    expect(new Set(ps.map((p) => p.department)).size).toBe(4);
    expect(ps.reduce((n, p) => n + p.indicators.length, 0)).toBeGreaterThanOrEqual(70);
  });
});

describe("the engine on the mid-year sample", () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const snap = await readXlsxFile(XLSX);
    // A clock far from the sheet's date: the as-of date must come from the 监控截止日期 line.
    analysis = analyse(snap, { now: new Date(Date.UTC(2026, 10, 23)) });
  });

  const show = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.project ?? ""} ${f.message}`;
  const projectByCode = (code: string) => analysis.model.projects.find((p) => p.code === code)!;

  it("reads a list-layout monitoring workbook in 万元 as of the sheet's 监控截止日期", () => {
    expect(analysis.model.layout).toBe("list");
    expect(analysis.model.unit).toBe("万元");
    expect(analysis.model.modes).toContain("运行监控");
    expect(analysis.model.modes).not.toContain("绩效自评");
    expect(analysis.asOf).toBe("2024-07-31");
    expect(analysis.model.projects.length).toBe(12);
  });

  it("maps the monitoring columns of both sheets", () => {
    const cols = (sheet: string) => analysis.model.detections.find((d) => d.sheet === sheet)?.columns ?? {};
    expect(cols(PROJECT_SHEET)).toEqual({
      code: "A", name: "B", department: "C", attribute: "D", budget: "E", cumulativeSpent: "F", forecastSpent: "G", executionReason: "H",
    });
    expect(cols(INDICATOR_SHEET)).toEqual({
      projectCode: "A", level1: "B", level2: "C", name: "D", target: "E", current: "F", forecast: "G", reason: "H", possibility: "I",
    });
  });

  it.each(doc.defects.map((d) => [d.rule, d.severity, `${d.sheet}!${d.cell}`, d] as const))("reports %s (%s) at %s", (_rule, _sev, _at, d) => {
    const hit = analysis.findings.find((f) => f.rule === d.rule && f.sheet === d.sheet && f.cell === d.cell);
    if (!hit) {
      const near = analysis.findings.filter((f) => f.rule === d.rule || f.project === d.project).map(show);
      throw new Error(`${d.rule} not reported at ${d.sheet}!${d.cell} (${d.projectName}). Related findings:\n${near.join("\n")}`);
    }
    expect(hit.severity).toBe(d.severity);
    expect(hit.project).toBe(d.project);
  });

  it("reports nothing beyond the seeded defects", () => {
    const seeded = new Set(doc.defects.map((d) => `${d.rule} ${d.sheet}!${d.cell}`));
    const extra = analysis.findings.filter((f) => !seeded.has(`${f.rule} ${f.sheet}!${f.cell}`));
    expect(extra.map(show)).toEqual([]);
  });

  it("leaves the sound projects alone: no error or warning, a green project and budget light", () => {
    const sound = new Set(doc.soundProjects.map((p) => p.code));
    const noisy = analysis.findings.filter((f) => f.project !== null && sound.has(f.project) && f.severity !== "info");
    expect(noisy.map(show)).toEqual([]);
    for (const sp of doc.soundProjects) {
      const p = projectByCode(sp.code);
      const r = analysis.results.get(p.id)!;
      expect([sp.code, r.budgetLight, r.light]).toEqual([sp.code, "green", "green"]);
      // Every indicator judged, and green: none slipped through unread.
      for (const ind of p.indicators) expect([sp.code, ind.name, r.indicators[ind.id]?.light]).toEqual([sp.code, ind.name, "green"]);
      expect(r.suggestion?.action).toBe("按计划执行");
    }
  });

  it("classes each indicator as the generator meant (domain.md §5: counts and amounts cumulative, rates and dates levels)", () => {
    const expected = { cumulative: "cumulative", level: "level", date: "level", tier: "qualitative" } as const;
    for (const gp of midyearProjects()) {
      const p = projectByCode(gp.code);
      const r = analysis.results.get(p.id)!;
      for (const gi of gp.indicators) {
        const ind = p.indicators.find((i) => i.name === gi.name)!;
        expect([gp.code, gi.name, r.indicators[ind.id].monitoringKind]).toEqual([gp.code, gi.name, expected[gi.kind]]);
      }
    }
  });

  it("gives each defective project the light of its worst defect", () => {
    const lights: Record<string, string> = {};
    for (const gp of midyearProjects()) {
      const r = analysis.results.get(projectByCode(gp.code).id)!;
      lights[gp.name] = r.light ?? "none";
    }
    expect(lights).toMatchObject({
      学前教育发展资金: "red", // M001 red
      乡镇卫生院医疗设备购置: "yellow", // M001 yellow
      乡村教师培训专项: "red", // M002 red
      食品安全监督抽检: "red", // M003 red + yellow
      高素质农民培育: "green", // a blue indicator does not outrank green
      农作物病虫害统防统治: "yellow", // M002 yellow
      城乡居民最低生活保障: "green", // M005 is about the forecast, not the light
      特困人员供养服务设施改造: "green", // M006 is about the forecast, not the light
    });
  });

  it("suggests recovering the red-budget project's money: 全年预算数 × (序时进度 − 执行率)", () => {
    const d = doc.defects.find((x) => x.rule === "M001" && x.severity === "error")!;
    const p = projectByCode(d.project);
    const r = analysis.results.get(p.id)!;
    expect(r.budgetLight).toBe("red");
    const budget = p.budget!;
    const spent = p.cumulativeSpent!;
    const amount = round2(new Decimal(budget).times(new Decimal(7).div(12).minus(new Decimal(spent).div(budget))));
    // 480 万元 × (7/12 − 96/480) = 280 − 96 = 184 万元.
    expect([budget, spent, amount]).toEqual([480, 96, 184]);
    expect(amount).toBe(recoveryAmount(midyearProjects().find((x) => x.code === d.project)!));
    expect(r.suggestion).toMatchObject({ action: "建议按支出进度收回", amount, change: -amount });
    expect(r.suggestion!.reason).toContain("收回 184.00 万元");
  });

  it("only urges the yellow-budget project to spend faster, recovering nothing", () => {
    const d = doc.defects.find((x) => x.rule === "M001" && x.severity === "warning")!;
    const r = analysis.results.get(projectByCode(d.project).id)!;
    expect(r.budgetLight).toBe("yellow");
    expect(r.suggestion).toMatchObject({ action: "督促加快支出进度", amount: 0 });
  });
});
