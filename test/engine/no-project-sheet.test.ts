/** The wrong workbook (no project sheet at all): nothing is written to it. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, noProjectSheet } from "../../src/engine/pipeline";

async function notAProjectWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("通讯录");
  s.addRow(["姓名", "电话", "科室"]);
  s.addRow(["张三", "13800000000", "预算科"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a workbook without a project sheet is left as it was, and the outcome says why", async () => {
  const port = await ExcelJSPort.fromBuffer(await notAProjectWorkbook(), "通讯录.xlsx");
  const before = JSON.stringify(await port.readSnapshot());
  let applied = 0;
  const apply = port.applyPlan.bind(port);
  port.applyPlan = async (plan) => {
    applied++;
    return apply(plan);
  };
  const out = await checkWorkbook(port, { now: new Date("2025-01-05T00:00:00Z") });
  expect(noProjectSheet(out.model)).toBe(true);
  expect(out.plan).toBeNull();
  expect(out.stats).toBeNull();
  expect(applied).toBe(0);
  expect(JSON.stringify(await port.readSnapshot())).toBe(before);
  // The findings still say what is missing (D001), for the pane to show.
  expect(out.findings.some((f) => f.rule === "D001")).toBe(true);
});
