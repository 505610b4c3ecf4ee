/**
 * The package adapter and the Office.js adapter agree: the same workbook checked through the
 * Office.js port (over the in-memory Excel) and through the xlsx port ends with the same values
 * in every sheet, and clearing gives the same workbook back (as the ExcelJS adapter does in
 * src/adapters/officejs/equivalence.test.ts).
 */
import type { SheetSpec } from "../officejs/fake/book";
import { excelJsBook, officePort, PLAN_SPECS, SAMPLE_PLAN, valuesOf } from "../testing/equivalence";
import { openXlsx, type XlsxPort } from "./port";
import { checkWorkbook, clearWorkbook } from "../../engine/pipeline";
import { INDICATORS, PROJECTS } from "../../../test/browser/workbook";

async function xlsxPort(specs: SheetSpec[]): Promise<XlsxPort> {
  return openXlsx(new Uint8Array((await excelJsBook(specs).xlsx.writeBuffer()) as ArrayBuffer), "book.xlsx");
}

const NOW = new Date("2025-01-15T08:00:00Z");

describe("Office.js and package (xlsx) adapters agree", () => {
  it("apply the same plan to the same values", async () => {
    const specs = PLAN_SPECS;
    const plan = SAMPLE_PLAN;
    const o = officePort(specs);
    await o.port.applyPlan(plan);
    const x = await xlsxPort(specs);
    await x.applyPlan(plan);
    expect(valuesOf(await o.port.readSnapshot())).toEqual(valuesOf(await x.readSnapshot()));
    // And after a save and a fresh open.
    expect(valuesOf(await openXlsx(x.save(), "book.xlsx").readSnapshot())).toEqual(valuesOf(await o.port.readSnapshot()));
  });

  it("check and clear a workbook to the same values", async () => {
    const specs = [PROJECTS, INDICATORS];
    const o = officePort(specs);
    let x = await xlsxPort(specs);
    const a = await checkWorkbook(o.port, { now: NOW });
    const b = await checkWorkbook(x, { now: NOW });
    expect(a.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(b.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
    expect(a.findings.length).toBeGreaterThan(0);
    const afterCheck = valuesOf(await o.port.readSnapshot());
    expect(Object.keys(afterCheck)).toContain("校验结果");
    x = openXlsx(x.save(), "book.xlsx");
    expect(valuesOf(await x.readSnapshot())).toEqual(afterCheck);
    // Running again through either gives the same values as running once.
    await checkWorkbook(o.port, { now: NOW });
    await checkWorkbook(x, { now: NOW });
    expect(valuesOf(await x.readSnapshot())).toEqual(valuesOf(await o.port.readSnapshot()));

    await clearWorkbook(o.port);
    await clearWorkbook(x);
    const cleared = valuesOf(await o.port.readSnapshot());
    expect(valuesOf(await openXlsx(x.save(), "book.xlsx").readSnapshot())).toEqual(cleared);
    expect(Object.keys(cleared)).toEqual(["项目表", "指标表"]);
  });
});
