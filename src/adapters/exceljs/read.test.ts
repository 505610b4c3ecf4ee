import ExcelJS from "exceljs";
import os from "os";
import path from "path";
import fs from "fs";
import { readXlsxFile, snapshotFromExcelJS, toCellValue, dateToSerial } from "./read";

async function roundTrip(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return snapshotFromExcelJS(back, "t.xlsx");
}

describe("toCellValue", () => {
  it("maps every ExcelJS value kind", () => {
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(12.5)).toBe(12.5);
    expect(toCellValue("x")).toBe("x");
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue({ richText: [{ text: "培训" }, { text: "人次" }] })).toBe("培训人次");
    expect(toCellValue({ formula: "A1+1", result: 3 })).toBe(3);
    expect(toCellValue({ sharedFormula: "B2", result: 7 })).toBe(7);
    expect(toCellValue({ formula: "VLOOKUP(1,A:B,2,0)", result: { error: "#N/A" } })).toEqual({ error: "#N/A" });
    expect(toCellValue({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(toCellValue({ text: "链接", hyperlink: "http://x" })).toBe("链接");
    expect(toCellValue({ text: { richText: [{ text: "富" }, { text: "链" }] }, hyperlink: "#A1" })).toBe("富链");
    expect(toCellValue(new Date(Date.UTC(2024, 11, 31)))).toBe(45657);
    expect(toCellValue({ formula: "TODAY()", result: new Date(Date.UTC(2024, 0, 1)) })).toBe(45292);
  });
  it("converts 1904-system dates", () => {
    expect(dateToSerial(new Date(Date.UTC(1904, 0, 2)), true)).toBe(1);
  });
});

describe("snapshotFromExcelJS", () => {
  it("reads values, formats, merges, visibility", async () => {
    const snap = await roundTrip((wb) => {
      const ws = wb.addWorksheet("项目表");
      ws.getCell("A1").value = "2024年度项目";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = "项目名称";
      ws.getCell("B2").value = "金额";
      ws.getCell("C2").value = "日期";
      ws.getCell("A3").value = { richText: [{ text: "甲" }, { text: "项目" }] };
      ws.getCell("B3").value = 10;
      ws.getCell("B4").value = 20;
      ws.getCell("B5").value = { formula: "B3+B4", result: 30 };
      ws.getCell("B3").numFmt = "0.00";
      ws.getCell("C3").value = new Date(Date.UTC(2024, 11, 31));
      ws.getCell("C3").numFmt = "yyyy-mm-dd";
      ws.getCell("D3").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("E7").value = "远";
      const h = wb.addWorksheet("_jixiao");
      h.state = "veryHidden";
      h.getCell("A1").value = "run";
    });
    const s = snap.sheets[0];
    expect(snap.name).toBe("t.xlsx");
    expect(s.name).toBe("项目表");
    expect(s.values[0][0]).toBe("2024年度项目");
    expect(s.values[0][1] ?? null).toBeNull(); // merged slave is null, as Excel reports it
    expect(s.values[2]).toEqual(["甲项目", 10, 45657, { error: "#N/A" }]);
    expect(s.values[4][1]).toBe(30);
    expect(s.values[6][4]).toBe("远");
    expect(s.merges).toEqual(["A1:C1"]);
    expect(s.formats).toMatchObject({ B3: "0.00", C3: "yyyy-mm-dd" });
    expect(s.formats.A2).toBeUndefined();
    expect(s.visibility).toBe("visible");
    expect(snap.sheets[1].visibility).toBe("veryHidden");
  });

  it("reads shared formulas' results from a file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellValue;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jx-")), "shared.xlsx");
    await wb.xlsx.writeFile(file);
    const snap = await readXlsxFile(file);
    expect(snap.name).toBe("shared.xlsx");
    expect(snap.sheets[0].values).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });
});

describe("dates set in memory", () => {
  it("get a date format even without a numFmt", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 5, 30));
    const snap = await snapshotFromExcelJS(wb, "m.xlsx");
    expect(snap.sheets[0].values[0][0]).toBe(45473);
    expect(snap.sheets[0].formats.A1).toBe("yyyy-mm-dd");
  });
});
