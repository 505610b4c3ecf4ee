import ExcelJS from "exceljs";
import { applyPlanToWorkbook, readLooksFromWorkbook } from "./apply";
import { ExcelJSPort } from "./port";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(await wb.xlsx.writeBuffer());
  return out;
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

function userBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "项目";
  ws.getCell("B1").value = "金额";
  for (const a of ["A1", "B1"]) {
    ws.getCell(a).font = { bold: true, name: "宋体" };
    ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  }
  ws.getCell("B2").value = 12.5;
  ws.getCell("B2").numFmt = "#,##0.00";
  ws.getCell("A3").value = "无格式";
  return wb;
}

describe("applyPlanToWorkbook", () => {
  it("changes one cell's fill without touching cells that share its style object", async () => {
    const wb = await roundTrip(userBook());
    const ws = wb.getWorksheet("表") as ExcelJS.Worksheet;
    // ExcelJS hands out one style object for cells with the same style id.
    expect(ws.getCell("A1").style).toBe(ws.getCell("B1").style);
    const b1 = json(ws.getCell("B1").style);
    applyPlanToWorkbook(wb, { actions: [{ kind: "setFormat", sheet: "表", ranges: ["A1"], format: { fill: "#FFC7CE" } }] });
    expect(json(ws.getCell("B1").style)).toEqual(b1);
    expect(json(ws.getCell("A1").fill)).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(json(ws.getCell("A1").font)).toEqual(json(ws.getCell("B1").font));
  });

  it("puts a recorded look back exactly, rich notes included, after a save in between", async () => {
    const src = userBook();
    const ws0 = src.getWorksheet("表") as ExcelJS.Worksheet;
    ws0.getCell("B2").note = { texts: [{ text: "作者:", font: { bold: true, size: 9 } }, { text: "请核对金额", font: { size: 9 } }] } as ExcelJS.Comment;
    const original = await roundTrip(src);
    const before = { b2: json((original.getWorksheet("表") as ExcelJS.Worksheet).getCell("B2").model), a3: json((original.getWorksheet("表") as ExcelJS.Worksheet).getCell("A3").model) };
    const looks = readLooksFromWorkbook(original, [{ sheet: "表", addresses: ["B2", "A3", "D9"] }]);
    expect(looks["表"].B2.note).toBe("作者:请核对金额");
    expect(looks["表"].D9).toEqual({ fill: { fill: null, style: {} }, note: null });
    // Reading looks never creates cells.
    expect((original.getWorksheet("表") as ExcelJS.Worksheet).findCell(9, 4)).toBeUndefined();

    applyPlanToWorkbook(original, {
      actions: [
        { kind: "setFormat", sheet: "表", ranges: ["B2", "A3"], format: { fill: "#FFEB9C" } },
        { kind: "setNote", sheet: "表", address: "B2", text: "【T014 警告】…" },
        { kind: "setNote", sheet: "表", address: "A3", text: "【E001 错误】…" },
      ],
    });
    const highlighted = await roundTrip(original);
    applyPlanToWorkbook(highlighted, {
      actions: [
        { kind: "restoreFills", sheet: "表", cells: [{ address: "B2", saved: looks["表"].B2.fill }, { address: "A3", saved: looks["表"].A3.fill }] },
        { kind: "restoreNote", sheet: "表", address: "B2", text: looks["表"].B2.note, data: looks["表"].B2.noteData },
        { kind: "restoreNote", sheet: "表", address: "A3", text: null },
      ],
    });
    const restored = (await roundTrip(highlighted)).getWorksheet("表") as ExcelJS.Worksheet;
    expect(json(restored.getCell("B2").model)).toEqual(before.b2);
    expect(json(restored.getCell("A3").model)).toEqual(before.a3);
  });

  it("a fill recorded by the Office.js adapter (a colour) is put back as a solid fill", () => {
    const wb = userBook();
    applyPlanToWorkbook(wb, { actions: [{ kind: "restoreFills", sheet: "表", cells: [{ address: "A3", saved: { fill: "#00B050" } }] }] });
    expect(json((wb.getWorksheet("表") as ExcelJS.Worksheet).getCell("A3").fill)).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
  });

  it("clearRange removes values, formats, notes and merges of the add-in's block", async () => {
    const wb = userBook();
    applyPlanToWorkbook(wb, {
      actions: [
        { kind: "setValues", sheet: "表", topLeft: "D1", values: [["绩效助手结果", null], ["执行率", "等级"], [0.95, "优"]] },
        { kind: "merge", sheet: "表", range: "D1:E1" },
        { kind: "setFormat", sheet: "表", ranges: ["D1:E2"], format: { fill: "#1F4E78", bold: true } },
        { kind: "setNote", sheet: "表", address: "E3", text: "说明" },
      ],
    });
    applyPlanToWorkbook(wb, { actions: [{ kind: "clearRange", sheet: "表", range: "D1:E3" }] });
    const ws = (await roundTrip(wb)).getWorksheet("表") as ExcelJS.Worksheet;
    for (const a of ["D1", "E1", "D2", "E2", "D3", "E3"]) {
      const c = ws.findCell(Number(a.slice(1)), a.charCodeAt(0) - 64);
      expect(c === undefined || (c.value === null && json(c.style) !== null && Object.keys(c.style).length === 0 && !c.note)).toBe(true);
    }
    expect(ws.model.merges ?? []).toEqual([]);
    // Writing the block again after clearing works (no "already merged").
    expect(() => applyPlanToWorkbook(wb, { actions: [{ kind: "merge", sheet: "表", range: "D1:E1" }] })).not.toThrow();
  });

  it("writes strings that look like formulas as text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s");
    applyPlanToWorkbook(wb, { actions: [{ kind: "setValues", sheet: "s", topLeft: "A1", values: [['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "=1+1"]] }] });
    const ws = (await roundTrip(wb)).getWorksheet("s") as ExcelJS.Worksheet;
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(1, c);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
    }
    expect(ws.getCell("A1").value).toBe('=HYPERLINK("http://x","y")');
  });

  it("links, sheets, freeze, filter, widths, and data bars in place of charts", async () => {
    const wb = userBook();
    const stats = applyPlanToWorkbook(wb, {
      actions: [
        { kind: "addSheet", sheet: "_s", visibility: "veryHidden" },
        { kind: "addSheet", sheet: "汇总", tabColor: "#1F4E78" },
        { kind: "setValues", sheet: "汇总", topLeft: "A1", values: [["等级", "项目数"], ["优", 3], ["良", 1]] },
        { kind: "setLink", sheet: "汇总", address: "C1", text: "B2", targetSheet: "表", targetAddress: "B2" },
        { kind: "freeze", sheet: "汇总", rows: 1, cols: 0 },
        { kind: "autoFilter", sheet: "汇总", range: "A1:B3" },
        { kind: "columnWidths", sheet: "汇总", widths: [{ col: 0, width: 20 }] },
        { kind: "chart", sheet: "汇总", chartType: "pie", title: "等级分布", dataRange: "A1:B3", anchor: "E1" },
      ],
    });
    expect(stats).toMatchObject({ syncs: 0, actions: 8 });
    const out = await roundTrip(wb);
    expect(out.worksheets.map((w) => [w.name, w.state])).toEqual([["表", "visible"], ["_s", "veryHidden"], ["汇总", "visible"]]);
    const ws = out.getWorksheet("汇总") as ExcelJS.Worksheet;
    expect(json(ws.getCell("C1").value)).toEqual({ text: "B2", hyperlink: "#'表'!B2" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:B3");
    expect(ws.getColumn(1).width).toBe(20);
    const cf = (wb.getWorksheet("汇总") as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([["B2:B3", "dataBar"]]);
    // Nothing claims a chart that is not there.
    expect(ws.getCell("E1").value).toBeNull();
    wb.removeWorksheet((wb.getWorksheet("汇总") as ExcelJS.Worksheet).id);
    applyPlanToWorkbook(wb, { actions: [{ kind: "deleteSheet", sheet: "_s" }] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表"]);
  });
});

describe("internal links", () => {
  it("are written as Excel writes them (location only, no external relationship) and read back", async () => {
    const wb = userBook();
    wb.addWorksheet("结果");
    applyPlanToWorkbook(wb, { actions: [{ kind: "setLink", sheet: "结果", address: "A1", text: "B2", targetSheet: "表", targetAddress: "B2" }] });
    (wb.getWorksheet("结果") as ExcelJS.Worksheet).getCell("A2").value = { text: "外部", hyperlink: "https://example.org/" };
    const buf = await wb.xlsx.writeBuffer();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require("jszip") as { loadAsync(b: unknown): Promise<{ file(n: string): { async(t: "string"): Promise<string> } | null }> };
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("xl/worksheets/sheet2.xml")?.async("string");
    expect(xml).toContain('<hyperlink ref="A1" location="&apos;表&apos;!B2"/>');
    expect(xml).toMatch(/<hyperlink ref="A2" r:id="rId\d+"\/>/);
    const rels = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")?.async("string");
    expect(rels).toContain("https://example.org/");
    expect(rels).not.toContain("#");
    const back = (await roundTrip(wb)).getWorksheet("结果") as ExcelJS.Worksheet;
    expect(json(back.getCell("A1").value)).toEqual({ text: "B2", hyperlink: "#'表'!B2" });
    expect(json(back.getCell("A2").value)).toEqual({ text: "外部", hyperlink: "https://example.org/" });
  });
});

describe("ExcelJSPort", () => {
  it("reads a snapshot, reads looks and applies a plan on the wrapped workbook", async () => {
    const port = await ExcelJSPort.fromBuffer(Buffer.from(await userBook().xlsx.writeBuffer()), "u.xlsx");
    const snap = await port.readSnapshot();
    expect(snap.name).toBe("u.xlsx");
    expect(snap.sheets[0].values[1]).toEqual([null, 12.5]);
    const looks = await port.readLooks([{ sheet: "表", addresses: ["A1"] }]);
    expect(looks["表"].A1.fill.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    await port.applyPlan({ actions: [{ kind: "setValues", sheet: "表", topLeft: "C1", values: [["x"]] }] });
    expect((await port.readSnapshot()).sheets[0].values[0]).toEqual(["项目", "金额", "x"]);
    expect((await port.toBuffer()).length).toBeGreaterThan(1000);
  });
});
