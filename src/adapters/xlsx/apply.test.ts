/**
 * Every plan action kind, applied by the xlsx adapter to a user's package and read back by
 * ExcelJS (another reader) and by our own reader. The `ALL` record is typed by the action
 * kinds: a new kind in src/core/plan.ts does not compile here until it is covered.
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { PlanAction } from "../../core/plan";
import { createXlsx, openXlsx } from "./port";
import { installInternalLinkFix } from "../exceljs/links";

installInternalLinkFix(); // ExcelJS reads location-only (internal) links as hyperlinks

type Kind = PlanAction["kind"];
type Of<K extends Kind> = Extract<PlanAction, { kind: K }>;

const ALL: { [K in Kind]: Of<K>[] } = {
  addSheet: [{ kind: "addSheet", sheet: "汇总", tabColor: "#1F4E78" }, { kind: "addSheet", sheet: "_jixiao", visibility: "veryHidden" }, { kind: "addSheet", sheet: "运行记录", activate: true }],
  deleteSheet: [{ kind: "deleteSheet", sheet: "运行记录" }],
  setValues: [{ kind: "setValues", sheet: "汇总", topLeft: "A1", values: [["等级", "项目数", "=SUM(A1)"], ["优", 3, "+1"], ["良", 1, true], [null, Number.NaN, "x".repeat(40000)]] }],
  clearRange: [{ kind: "clearRange", sheet: "表", range: "D1:D2" }],
  setFormat: [{ kind: "setFormat", sheet: "汇总", ranges: ["A1:B1"], format: { fill: "#1F4E78", fontColor: "#FFFFFF", bold: true, italic: true, fontSize: 14, numberFormat: "0.0%", wrap: true, horizontal: "center", vertical: "middle", border: true } }],
  restoreFills: [{ kind: "restoreFills", sheet: "表", cells: [{ address: "A3", saved: { fill: "#00B050" } }] }],
  setNote: [{ kind: "setNote", sheet: "表", address: "B2", text: "【T014 警告】满意度偏低" }],
  restoreNote: [{ kind: "restoreNote", sheet: "表", address: "A1", text: "原来的批注" }],
  setLink: [
    { kind: "setLink", sheet: "汇总", address: "C1", text: "B2", targetSheet: "表", targetAddress: "B2" },
    { kind: "setLink", sheet: "汇总", address: "C2", text: "项目表!B5", targetSheet: "项目表", targetAddress: "B5", targetFile: "报送/县教育局.xlsx" },
  ],
  merge: [{ kind: "merge", sheet: "汇总", range: "A5:C5" }],
  freeze: [{ kind: "freeze", sheet: "汇总", rows: 1, cols: 0 }],
  columnWidths: [{ kind: "columnWidths", sheet: "汇总", widths: [{ col: 0, width: 20 }, { col: 3, width: 30 }] }],
  autoFilter: [{ kind: "autoFilter", sheet: "汇总", range: "A1:B3" }],
  chart: [{ kind: "chart", sheet: "汇总", chartType: "pie", title: "等级分布", dataRange: "A1:B3", anchor: "E1" }],
  printTitles: [{ kind: "printTitles", sheet: "表", firstRow: 0, lastRow: 1 }],
  validationList: [{ kind: "validationList", sheet: "表", range: "C3:C9", values: ["待整改", "已整改", "确认无需修改"] }],
  dataBar: [{ kind: "dataBar", sheet: "汇总", range: "B2:B3", color: "#63BE7B" }],
};

async function userBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "项目";
  ws.getCell("B1").value = "金额";
  ws.getCell("A1").note = "用户的批注";
  ws.getCell("B2").value = 12.5;
  ws.getCell("B2").numFmt = "#,##0.00";
  ws.getCell("A3").value = "无格式";
  ws.getCell("D1").value = "旧结果";
  ws.getCell("D2").value = 1;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const order: Kind[] = ["addSheet", "setValues", "setFormat", "setLink", "merge", "freeze", "columnWidths", "autoFilter", "chart", "dataBar", "clearRange", "restoreFills", "setNote", "restoreNote", "printTitles", "validationList", "deleteSheet"];

test("every action kind is applied", async () => {
  expect([...order].sort()).toEqual(Object.keys(ALL).sort());
  const port = openXlsx(await userBook(), "u.xlsx");
  const actions = order.flatMap((k) => ALL[k] as PlanAction[]);
  const stats = await port.applyPlan({ actions });
  expect(stats.actions).toBe(actions.length);
  const bytes = port.save();
  const parts = unzipSync(bytes);
  const xml = (n: string) => strFromU8(parts[n]);
  const wbXml = xml("xl/workbook.xml");
  expect(wbXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;表&apos;!$1:$2</definedName>'.replace("&apos;", "'").replace("&apos;", "'"));
  expect(wbXml).not.toContain("运行记录");

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([["表", "visible"], ["汇总", "visible"], ["_jixiao", "veryHidden"]]);
  const t = wb.getWorksheet("表") as ExcelJS.Worksheet;
  const s = wb.getWorksheet("汇总") as ExcelJS.Worksheet;
  // setValues: text as text, never a formula; NaN not written; text cut at Excel's limit.
  expect(s.getCell("C1").type).toBe(ExcelJS.ValueType.Hyperlink);
  expect(s.getCell("C2").type).toBe(ExcelJS.ValueType.Hyperlink);
  expect(s.getCell("C3").value).toBe(true);
  expect(s.getCell("B4").value).toBeNull();
  expect(String(s.getCell("C4").value).length).toBe(32767);
  // setFormat
  expect(s.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } });
  expect(s.getCell("A1").font).toMatchObject({ bold: true, italic: true, size: 14, color: { argb: "FFFFFFFF" } });
  expect(s.getCell("A1").numFmt).toBe("0.0%");
  expect(s.getCell("A1").alignment).toMatchObject({ wrapText: true, horizontal: "center", vertical: "middle" });
  expect(s.getCell("A1").border?.top?.style).toBe("thin");
  // setLink: internal location and external file
  expect(JSON.parse(JSON.stringify(s.getCell("C1").value))).toMatchObject({ text: "B2" });
  const sheet2 = xml("xl/worksheets/sheet2.xml");
  expect(sheet2).toContain(`<hyperlink ref="C1" location="'表'!B2"/>`.replace(/'/g, "'"));
  expect(xml("xl/worksheets/_rels/sheet2.xml.rels")).toContain(`Target="报送/县教育局.xlsx#'项目表'!B5" TargetMode="External"`);
  expect(JSON.parse(JSON.stringify(s.getCell("C2").value))).toEqual({ text: "项目表!B5", hyperlink: "报送/县教育局.xlsx#'项目表'!B5" });
  // merge, freeze, widths, filter, data bars (chart fallback + dataBar)
  expect(s.model.merges).toContain("A5:C5");
  expect(s.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(s.getColumn(1).width).toBe(20);
  expect(s.getColumn(4).width).toBe(30);
  expect(s.autoFilter).toBe("A1:B3");
  expect(sheet2.match(/<cfRule type="dataBar"/g)).toHaveLength(1);
  expect(sheet2).toContain('sqref="B2:B3"');
  // The chart: a real chart part in a drawing anchored at E1, over the plan's data.
  expect(sheet2).toMatch(/<drawing r:id="rId\d+"\/>/);
  const chart = xml("xl/charts/chart1.xml");
  expect(chart).toContain("<c:pieChart>");
  expect(chart).toContain("<c:f>&apos;汇总&apos;!$A$2:$A$3</c:f>".replace(/&apos;/g, "'"));
  expect(chart).toContain("<a:t>等级分布</a:t>");
  expect(chart).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>1</c:v></c:pt></c:numCache>');
  expect(chart).toContain('<c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>优</c:v></c:pt><c:pt idx="1"><c:v>良</c:v></c:pt></c:strCache>');
  expect(xml("xl/drawings/drawing1.xml")).toContain("<xdr:col>4</xdr:col>");
  expect(xml("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  // clearRange, restoreFills, notes
  expect(t.getCell("D1").value).toBeNull();
  expect(t.getCell("D2").value).toBeNull();
  expect(t.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
  expect(JSON.stringify(t.getCell("B2").note)).toContain("满意度偏低");
  expect(JSON.stringify(t.getCell("A1").note)).toContain("原来的批注");
  expect(t.getCell("B2").numFmt).toBe("#,##0.00");
  // printTitles and the list
  expect(t.pageSetup.printTitlesRow).toBe("1:2");
  expect(t.getCell("C5").dataValidation).toMatchObject({ type: "list", formulae: ['"待整改,已整改,确认无需修改"'] });
  // Our own reader agrees.
  const snap = await openXlsx(bytes, "u.xlsx").readSnapshot();
  expect(snap.sheets.map((x) => x.name)).toEqual(["表", "汇总", "_jixiao"]);
  expect(snap.sheets[1].values[0]).toEqual(["等级", "项目数", "B2"]);
  expect(snap.sheets[1].values[1]).toEqual(["优", 3, "项目表!B5"]);
});

test("a user's sheet is never deleted", async () => {
  const port = openXlsx(await userBook(), "u.xlsx");
  await expect(port.applyPlan({ actions: [{ kind: "deleteSheet", sheet: "表" }] })).rejects.toThrow(/refusing/);
});

test("createXlsx makes a workbook from a plan alone", async () => {
  const bytes = createXlsx({ actions: [{ kind: "addSheet", sheet: "问题清单" }, { kind: "setValues", sheet: "问题清单", topLeft: "A1", values: [["序号", "说明"], [1, "=危险"]] }] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("问题清单") as ExcelJS.Worksheet;
  expect(ws.getCell("B2").value).toBe("=危险");
  expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
  expect((await openXlsx(bytes, "n.xlsx").readSnapshot()).sheets[0].values).toEqual([["序号", "说明"], [1, "=危险"]]);
});

test("fills saved by the Office.js adapter (colour, pattern, tint) and by ExcelJS are put back", async () => {
  const port = openXlsx(await userBook(), "u.xlsx");
  await port.applyPlan({
    actions: [
      {
        kind: "restoreFills",
        sheet: "表",
        cells: [
          { address: "A1", saved: { fill: "#00B050" } },
          { address: "B1", saved: { fill: { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", tint: 0.4 } } },
          { address: "A3", saved: { fill: { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FF0000FF" }, bgColor: { argb: "FFFFFFFF" } } } },
          { address: "B2", saved: { fill: null } },
        ],
      },
    ],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(port.save()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("表") as ExcelJS.Worksheet;
  expect(ws.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF00B050" } });
  expect(ws.getCell("B1").fill).toMatchObject({ pattern: "mediumGray", fgColor: { argb: "FFFF0000" }, bgColor: { argb: "FFFFFF00" } });
  expect(strFromU8(unzipSync(port.save())["xl/styles.xml"])).toContain('<fill><patternFill patternType="mediumGray"><fgColor rgb="FFFF0000"/><bgColor rgb="FFFFFF00" tint="0.4"/></patternFill></fill>');
  expect(ws.getCell("A3").fill).toMatchObject({ pattern: "darkGrid", fgColor: { argb: "FF0000FF" }, bgColor: { argb: "FFFFFFFF" } });
  expect((ws.getCell("B2").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
  expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
});

test("a note of the user's stays as written (threaded-comment ids, extLst) when another cell gets ours", async () => {
  const parts = unzipSync(await userBook());
  const name = Object.keys(parts).find((n) => /^xl\/comments\d*\.xml$/.test(n)) as string;
  let c = strFromU8(parts[name]);
  c = c.replace(/<comment ref="A1" authorId="(\d+)"/, '<comment ref="A1" authorId="$1" shapeId="0" xr:uid="{00000000-0006-0000-0000-000001000000}"').replace("</commentList>", '</commentList><extLst><ext uri="{X}"/></extLst>');
  c = c.replace(/<comments\b/, '<comments xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"');
  parts[name] = new TextEncoder().encode(c);
  const { zipSync } = await import("fflate");
  const port = openXlsx(zipSync(parts), "u.xlsx");
  await port.applyPlan({ actions: [{ kind: "setNote", sheet: "表", address: "B2", text: "【T014 警告】" }] });
  const out = strFromU8(unzipSync(port.save())[name]);
  expect(out).toContain('shapeId="0" xr:uid="{00000000-0006-0000-0000-000001000000}"');
  expect(out).toContain('<extLst><ext uri="{X}"/></extLst></comments>');
  expect(out).toContain("【T014 警告】");
});
