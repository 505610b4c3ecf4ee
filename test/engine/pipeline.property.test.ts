/**
 * Bad input gets a finding or a clear error, never a crash: random list workbooks under real
 * headers, with every kind of cell a finance officer's sheet may hold, go through the whole
 * pipeline (read → rules → scores → lights → suggestions → report → write plan).
 */
import fc from "fast-check";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { fromA1 } from "../../src/core/address";
import { analyse } from "../../src/engine/pipeline";
import { buildFileReport } from "../../src/engine/build-report";
import { ReportSchema } from "../../src/engine/report";
import { buildWritePlan, highlightRequests } from "../../src/writeplan";
import type { CellLooks } from "../../src/core/plan";
import { getPreset } from "../../src/rulebook/load";

const PROJECT_HEADERS = ["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数", "全年预算数", "全年执行数", "1-7月执行数", "年度总体目标", "自评得分", "自评等级"];
const INDICATOR_HEADERS = ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析", "1-7月完成值", "完成目标可能性"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom("P1", "P2", "P3", "产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标", "培训人次", "满意度", "合格率") },
  { weight: 2, arbitrary: fc.constantFrom("≥500人次", "≤90万元", "≥100百分比", "≥85%", "10辆", "优良", "达成年度指标", "未达成年度指标且效果较差", "2024年12月底前", "进一步提高", "XX", "约50万", "五十", "见附件", "=SUM(A1)", "+1", "-", "经常性", "一次性", "确定能", "完全不可能", "优", "差", "") },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.constant(0)) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#DIV/0!" }, true, false) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

function sheet(name: string, headers: string[], rows: CellValue[][], merges: string[]): SheetSnapshot {
  return { name, values: [headers, ...rows], merges, formats: {} };
}

const book: fc.Arbitrary<WorkbookSnapshot> = fc
  .record({
    projects: fc.array(fc.array(cell, { minLength: PROJECT_HEADERS.length, maxLength: PROJECT_HEADERS.length }), { maxLength: 6 }),
    indicators: fc.array(fc.array(cell, { minLength: INDICATOR_HEADERS.length, maxLength: INDICATOR_HEADERS.length }), { maxLength: 14 }),
    merge: fc.boolean(),
  })
  .map(({ projects, indicators, merge }) => ({
    name: "random.xlsx",
    sheets: [
      sheet("项目表", PROJECT_HEADERS, projects, []),
      sheet("指标表", INDICATOR_HEADERS, indicators, merge && indicators.length > 2 ? ["B2:B3"] : []),
    ],
  }));

const asOf = fc.option(fc.constantFrom("2024-07-31", "2024-01-01", "2024-12-31", "2025-03-15"), { nil: undefined });
const preset = fc.constantFrom("central-2020", "sichuan-2023", "five-grade");

test("the whole pipeline never throws, and every finding points at a real cell with a message", () => {
  fc.assert(
    fc.property(book, asOf, preset, (b, date, name) => {
      const a = analyse(b, { asOf: date ?? null, rulebook: getPreset(name), now: new Date("2024-08-01T00:00:00Z") });
      for (const f of a.findings) {
        expect(f.message.length).toBeGreaterThan(0);
        expect(f.message).not.toMatch(/^\[/); // a message missing from the catalogue shows its key
        if (f.sheet) expect(() => fromA1(f.cell)).not.toThrow();
      }
      for (const r of a.results.values()) {
        for (const v of [r.executionRate, r.executionScore, r.indicatorScore, r.totalScore]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        if (r.suggestion) expect(Number.isFinite(r.suggestion.amount)).toBe(true);
      }
      const report = buildFileReport(b.name, a);
      ReportSchema.shape.files.element.parse(report);
      const looks: CellLooks = {};
      for (const req of highlightRequests(a.findings)) {
        looks[req.sheet] ??= {};
        for (const addr of req.addresses) looks[req.sheet][addr] = { fill: { fill: null }, note: null };
      }
      const { plan } = buildWritePlan({ snapshot: b, model: a.model, results: a.results, findings: a.findings, report, preset: name, rulebookVersion: "t", runAt: new Date(0), looks });
      expect(plan.actions.length).toBeGreaterThan(0);
    }),
    { numRuns: 250 },
  );
});

test("a budget next to zero gives a finite execution rate in the report (found by the property test above, seed 852263902)", () => {
  const row = (code: string, budget: number, spent: number): CellValue[] => [code, `项目${code}`, "教育局", "经常性", budget, budget, spent, null, null, null, null];
  const b: WorkbookSnapshot = {
    name: "tiny.xlsx",
    sheets: [sheet("项目表", PROJECT_HEADERS, [row("P1", 2.225e-308, 1), row("P2", 5e-324, 1), row("P3", 100, 90)], []), sheet("指标表", INDICATOR_HEADERS, [], [])],
  };
  const a = analyse(b, { asOf: null, rulebook: getPreset("central-2020"), now: new Date("2024-08-01T00:00:00Z") });
  const report = ReportSchema.shape.files.element.parse(buildFileReport(b.name, a));
  const rates = report.projects.map((p) => p.executionRate);
  for (const r of rates) if (r !== null) expect(Number.isFinite(r)).toBe(true);
  expect(rates[2]).toBe(0.9);
});
