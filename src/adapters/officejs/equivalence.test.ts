/**
 * The two adapters must agree: the same workbook checked through the Office.js port (over the
 * in-memory Excel) and through the ExcelJS port ends with the same values in every sheet.
 */
import { excelJsBook, officePort, PLAN_SPECS, SAMPLE_PLAN, valuesOf } from "../testing/equivalence";
import { ExcelJSPort } from "../exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../engine/pipeline";
import type { WritePlan } from "../../core/plan";
import type { CellValue } from "../../core/grid";
import { fromA1 } from "../../core/address";
import { INDICATORS, PROJECTS } from "../../../test/browser/workbook";

/** ExcelJS has no charts: it writes the chart's title at the anchor and a note below it. */
function withoutChartFallback(values: Record<string, unknown[][]>, plan: WritePlan | null): Record<string, unknown[][]> {
  for (const a of plan?.actions ?? []) {
    if (a.kind !== "chart") continue;
    const rows = values[a.sheet];
    const { row, col } = fromA1(a.anchor);
    for (const r of [row, row + 1]) if (rows?.[r] && col < rows[r].length) rows[r][col] = null;
  }
  return valuesOf({ name: "", sheets: Object.entries(values).map(([name, v]) => ({ name, values: v as CellValue[][], merges: [], formats: {} })) });
}

const NOW = new Date("2025-01-15T08:00:00Z");

describe("Office.js and ExcelJS adapters agree", () => {
  it("apply the same plan to the same values", async () => {
    const specs = PLAN_SPECS;
    const plan = SAMPLE_PLAN;
    const o = officePort(specs);
    await o.port.applyPlan(plan);
    const x = new ExcelJSPort(excelJsBook(specs), "book.xlsx");
    await x.applyPlan(plan);
    expect(valuesOf(await o.port.readSnapshot())).toEqual(valuesOf(await x.readSnapshot()));
  });

  it("check and clear a workbook to the same values", async () => {
    const specs = [PROJECTS, INDICATORS];
    const o = officePort(specs);
    const x = new ExcelJSPort(excelJsBook(specs), "book.xlsx");
    const a = await checkWorkbook(o.port, { now: NOW });
    const b = await checkWorkbook(x, { now: NOW });
    expect(a.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(b.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
    expect(a.findings.length).toBeGreaterThan(0);
    const afterCheck = valuesOf(await o.port.readSnapshot());
    expect(Object.keys(afterCheck)).toContain("校验结果");
    expect(afterCheck).toEqual(withoutChartFallback(valuesOf(await x.readSnapshot()), b.plan));
    // Fills and notes landed on the cells findings point at.
    const first = a.findings[0];
    const sheet = o.fake.book.sheets.find((s) => s.name === first.sheet);
    expect(sheet?.notes.get(first.cell)).toContain(first.rule);

    await clearWorkbook(o.port);
    await clearWorkbook(x);
    const cleared = valuesOf(await o.port.readSnapshot());
    expect(cleared).toEqual(valuesOf(await x.readSnapshot()));
    expect(Object.keys(cleared)).toEqual(["项目表", "指标表"]);
    expect(o.fake.book.sheets.every((s) => s.notes.size === 0)).toBe(true);
  });
});
