/** The linear merge loader gives the workbook ExcelJS itself would load. */
import ExcelJS from "exceljs";
import { snapshotFromExcelJS } from "./read";

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("s"));
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

test("merged areas load with their master value, cells inside point at the master, styles stay per cell", async () => {
  const wb = await roundTrip((ws) => {
    ws.getCell("A1").value = "产出指标";
    ws.getCell("A1").font = { bold: true };
    ws.mergeCells("A1:A4");
    ws.getCell("A3").font = { italic: true };
    ws.getCell("B2").value = "数量指标";
    ws.mergeCells("B2:C3");
    ws.getCell("E5").value = "x";
  });
  const ws = wb.getWorksheet("s")!;
  expect(ws.getCell("A3").isMerged).toBe(true);
  expect(ws.getCell("A3").master.address).toBe("A1");
  expect(ws.getCell("A3").value).toBe("产出指标");
  expect(ws.getCell("A3").font?.italic).toBe(true); // its own style, not the master's
  expect(ws.getCell("C3").master.address).toBe("B2");
  expect(ws.getCell("E5").isMerged).toBe(false);
  const snap = await snapshotFromExcelJS(wb, "m.xlsx");
  expect([...snap.sheets[0].merges].sort()).toEqual(["A1:A4", "B2:C3"]);
  // Unmerging still works on a loaded merge.
  ws.unMergeCells("A1:A4");
  expect(ws.getCell("A3").isMerged).toBe(false);
});

test("thousands of merges load (linear, not pairwise)", async () => {
  const wb = await roundTrip((ws) => {
    for (let i = 0; i < 3000; i++) {
      ws.getCell(i * 3 + 1, 1).value = `一级${i}`;
      ws.mergeCells(i * 3 + 1, 1, i * 3 + 3, 1);
    }
  });
  const snap = await snapshotFromExcelJS(wb, "many.xlsx");
  expect(snap.sheets[0].merges).toHaveLength(3000);
  expect(wb.getWorksheet("s")!.getCell(9000, 1).master.address).toBe("A8998");
});
