/**
 * Plan actions for print titles, drop-down lists and links to another workbook: the ExcelJS
 * applier writes them into the file, the Office.js port issues them to Excel (the fake records).
 */
import ExcelJS from "exceljs";
import { applyPlanToWorkbook } from "./exceljs/apply";
import { OfficeJsPort } from "./officejs/port";
import { asExcelContext, FakeRequestContext } from "./officejs/fake/excel";
import { makeBook } from "./officejs/fake/book";
import type { WritePlan } from "../core/plan";

const plan: WritePlan = {
  actions: [
    { kind: "printTitles", sheet: "表", firstRow: 0, lastRow: 1 },
    { kind: "validationList", sheet: "表", range: "C3:C9", values: ["待整改", "已整改", "确认无需修改"] },
    { kind: "setLink", sheet: "表", address: "A3", text: "项目表!B5", targetSheet: "项目表", targetAddress: "B5", targetFile: "报送/县教育局.xlsx" },
  ],
};

describe("print titles, lists and external links", () => {
  it("ExcelJS writes them into the file and reads them back", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").getCell("A1").value = "标题";
    applyPlanToWorkbook(wb, plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.getWorksheet("表") as ExcelJS.Worksheet;
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.getCell("C5").dataValidation).toMatchObject({ type: "list", formulae: ['"待整改,已整改,确认无需修改"'] });
    expect(JSON.parse(JSON.stringify(ws.getCell("A3").value))).toEqual({ text: "项目表!B5", hyperlink: "报送/县教育局.xlsx#'项目表'!B5" });
  });

  it("Office.js sets them through the page layout, data validation and hyperlink address", async () => {
    const fake = new FakeRequestContext(makeBook("book.xlsx", [{ name: "表", rows: [["标题"]] }]));
    const port = new OfficeJsPort(asExcelContext(fake), { supports: (s, v) => fake.supports(s, v) });
    await port.applyPlan(plan);
    const s = fake.book.sheets.find((x) => x.name === "表");
    expect(s?.printTitleRows).toBe("$1:$2");
    expect(s?.validations).toEqual([{ range: "C3:C9", source: "待整改,已整改,确认无需修改", showAlert: false }]);
    expect(s?.cells.get("2,0")?.hyperlink).toEqual({ address: "报送/县教育局.xlsx#'项目表'!B5", documentReference: undefined, textToDisplay: "项目表!B5" });
  });
});
