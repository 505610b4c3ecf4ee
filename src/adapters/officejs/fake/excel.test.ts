/** The fake must be as strict as Excel, or the adapter tests prove nothing. */
import { asExcelContext, FakeRequestContext, PAYLOAD_LIMIT } from "./excel";
import { cellOf, makeBook, valueAt } from "./book";

function book() {
  return makeBook("t.xlsx", [
    { name: "项目表", rows: [["编码", "名称"], ["001", "培训"]] },
    { name: "锁定", rows: [["x"]], protected: true },
  ]);
}

describe("in-memory Excel fake", () => {
  it("refuses to give a property that was not loaded", async () => {
    const ctx = asExcelContext(new FakeRequestContext(book()));
    const r = ctx.workbook.worksheets.getItem("项目表").getRange("A1:B2");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    // Loaded but not yet synced: still not available.
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(r.values).toEqual([["编码", "名称"], ["001", "培训"]]);
    // A property not in the load list stays unavailable.
    expect(() => r.numberFormat).toThrow(/PropertyNotLoaded/);
  });

  it("gives merged areas as Excel does: whole, only those starting in the range, at most 512", async () => {
    const merges = ["A1:A3", "B2:C2", ...Array.from({ length: 513 }, (_, k) => `E${k + 1}:F${k + 1}`)];
    const ctx = asExcelContext(new FakeRequestContext(makeBook("m.xlsx", [{ name: "S", merges }])));
    const ws = ctx.workbook.worksheets.getItem("S");
    const some = ws.getRange("A2:C3").getMergedAreasOrNullObject();
    some.areas.load("items/address");
    await ctx.sync();
    // A1:A3 starts above A2:C3, so Excel leaves it out (office-js issue #3611).
    expect(some.areas.items.map((a) => a.address)).toEqual(["S!B2:C2"]);
    ws.getRange("E1:F513").getMergedAreasOrNullObject();
    await expect(ctx.sync()).rejects.toThrow(/GeneralException/);
  });

  it("gives special cells as Excel does: constants or formulas as areas, a null object when none, a failure past 8,192 areas", async () => {
    const rows = [["项目", "金额"], ["a", 1], ["b", 2], [null, null, "x"]];
    const fake = new FakeRequestContext(makeBook("s.xlsx", [{ name: "S", rows }, { name: "空" }, { name: "散", rows: Array.from({ length: 8193 }, (_, r) => (r % 2 ? [null, r] : [r])) }]));
    const ctx = asExcelContext(fake);
    const s = ctx.workbook.worksheets.getItem("S");
    s.getRange("A1:C3").values = [[null, null, "=A2"], [null, null, null], [null, null, null]];
    const constants = s.getRange("A1:C1000000").getSpecialCellsOrNullObject("Constants");
    constants.areas.load("items/address,items/rowCount");
    const formulas = s.getRange("A1:C1000000").getSpecialCellsOrNullObject("Formulas");
    formulas.areas.load("items/address");
    const none = ctx.workbook.worksheets.getItem("空").getRange("A1:E100").getSpecialCellsOrNullObject("Constants");
    none.load("areaCount");
    await ctx.sync();
    expect(constants.areas.items.map((a) => a.address)).toEqual(["S!A1:B3", "S!C4"]);
    expect(formulas.areas.items.map((a) => a.address)).toEqual(["S!C1"]);
    expect(none.isNullObject).toBe(true);
    // The areas' items count towards the response.
    expect(fake.responses[fake.responses.length - 1]).toBeGreaterThan(30);
    ctx.workbook.worksheets.getItem("空").getRange("A1:E100").getSpecialCells("Constants");
    await expect(ctx.sync()).rejects.toThrow(/ItemNotFound/);
    ctx.workbook.worksheets.getItem("散").getRange("A1:B8193").getSpecialCellsOrNullObject("Constants");
    await expect(ctx.sync()).rejects.toThrow(/GeneralException/);
    expect(() => s.getRange("A1").getSpecialCells("Blanks")).toThrow(/NotImplemented/);
    const old = asExcelContext(new FakeRequestContext(makeBook("o.xlsx", [{ name: "S", rows }]), { apiVersion: 8 }));
    expect(() => old.workbook.worksheets.getItem("S").getRange("A1").getSpecialCellsOrNullObject("Constants")).toThrow(/ApiNotFound/);
  });

  it("refuses a getRanges() address list that is too long, as Excel does", async () => {
    const fake = new FakeRequestContext(book());
    const ctx = asExcelContext(fake);
    const ws = ctx.workbook.worksheets.getItem("项目表");
    ws.getRanges("A1:B2, D4; F6").format.fill.color = "#FFFF00";
    await ctx.sync();
    expect(cellOf(fake.book.sheets[0], "F6")?.fill).toBe("#FFFF00");
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(", ");
    ws.getRanges(long).format.fill.color = "#FFFF00";
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
  });

  it("refuses collection items and isNullObject before a sync", async () => {
    const ctx = asExcelContext(new FakeRequestContext(book()));
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    const missing = sheets.getItemOrNullObject("没有");
    expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
    sheets.load("items/name");
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["项目表", "锁定"]);
    expect(missing.isNullObject).toBe(true);
  });

  it("queues writes until sync, then applies them in order", async () => {
    const fake = new FakeRequestContext(book());
    const ctx = asExcelContext(fake);
    const r = ctx.workbook.worksheets.getItem("项目表").getRange("C1");
    r.values = [["新"]];
    expect(valueAt(fake.book.sheets[0], "C1")).toBe("");
    await ctx.sync();
    expect(valueAt(fake.book.sheets[0], "C1")).toBe("新");
    expect(fake.syncs).toBe(1);
  });

  it("evaluates strings the way Excel does unless the cell is text", async () => {
    const fake = new FakeRequestContext(book());
    const ctx = asExcelContext(fake);
    const ws = ctx.workbook.worksheets.getItem("项目表");
    ws.getRange("A3:D3").values = [["=HYPERLINK(\"x\")", "+1", "007", "-abc"]];
    const t = ws.getRange("A4:B4");
    t.numberFormat = [["@", "@"]];
    t.values = [["=HYPERLINK(\"x\")", "007"]];
    await ctx.sync();
    const s = fake.book.sheets[0];
    expect(cellOf(s, "A3")?.formula).toBe("=HYPERLINK(\"x\")");
    expect(valueAt(s, "B3")).toBe(1);
    expect(valueAt(s, "C3")).toBe(7);
    expect(cellOf(s, "D3")?.formula).toBe("-abc");
    expect(valueAt(s, "A4")).toBe("=HYPERLINK(\"x\")");
    expect(valueAt(s, "B4")).toBe("007");
  });

  it("throws at sync on a protected or missing sheet and on a wrong-sized array", async () => {
    const ctx = asExcelContext(new FakeRequestContext(book()));
    ctx.workbook.worksheets.getItem("锁定").getRange("A1").values = [["y"]];
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    ctx.workbook.worksheets.getItem("没有").getRange("A1").values = [["y"]];
    await expect(ctx.sync()).rejects.toThrow(/ItemNotFound/);
    ctx.workbook.worksheets.getItem("项目表").getRange("A1:B1").values = [["y"]];
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
  });

  it("refuses a request over the payload limit", async () => {
    const fake = new FakeRequestContext(book());
    const ctx = asExcelContext(fake);
    const big = Array.from({ length: 2000 }, () => ["x".repeat(3000)]);
    ctx.workbook.worksheets.getItem("项目表").getRange("A1:A2000").values = big;
    await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.payloads[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(valueAt(fake.book.sheets[0], "A1")).toBe("编码");
  });

  it("refuses a response over the payload limit, leaving the properties unloaded", async () => {
    const rows = Array.from({ length: 3000 }, () => ["y".repeat(2000)]);
    const fake = new FakeRequestContext(makeBook("big.xlsx", [{ name: "大", rows }]));
    const ctx = asExcelContext(fake);
    const r = ctx.workbook.worksheets.getItem("大").getRange("A1:A3000");
    r.load("values");
    await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
  });

  it("has no notes or merged areas below their requirement sets", () => {
    const ctx = asExcelContext(new FakeRequestContext(book(), { apiVersion: 12 }));
    const ws = ctx.workbook.worksheets.getItem("项目表");
    expect(() => ws.notes).toThrow(/ApiNotFound/);
    expect(() => ws.getRange("A1").getMergedAreasOrNullObject()).toThrow(/ApiNotFound/);
  });

  it("protects sheets with their options and the workbook's structure, as Excel does", async () => {
    const data = makeBook("p.xlsx", [
      { name: "开放", rows: [["a"]] },
      { name: "格式可改", rows: [["x"]], protected: true, protectionOptions: { allowFormatCells: true } },
    ]);
    const fake = new FakeRequestContext(data);
    const ctx = asExcelContext(fake);
    const ws = ctx.workbook.worksheets.getItem("格式可改");
    const p = ws.protection;
    p.load("protected,options");
    const wb = ctx.workbook.protection;
    wb.load("protected");
    await ctx.sync();
    expect(p.protected).toBe(true);
    expect(p.options).toEqual({ allowFormatCells: true });
    expect(wb.protected).toBe(false);
    ws.getRange("A1").format.fill.color = "#FFFF00"; // allowed by the options
    await ctx.sync();
    ws.getRange("A1").values = [["y"]];
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    ws.getRange("A1").format.columnWidth = 20; // not allowed: allowFormatColumns
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    data.structureProtected = true;
    ctx.workbook.worksheets.add("新表");
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    ctx.workbook.worksheets.getItem("开放").getRange("B1").values = [["值可写"]];
    await ctx.sync();
    expect(valueAt(data.sheets[0], "B1")).toBe("值可写");
  });

  it("keeps a fill's pattern when only the colour is set, and gives fills through getCellProperties", async () => {
    const data = makeBook("f.xlsx", [{ name: "S", rows: [["a", "b"]], fills: { A1: { color: "#FFF2CC", pattern: "LightUp", patternColor: "#808080", tint: 0.4 } } }]);
    const ctx = asExcelContext(new FakeRequestContext(data));
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1").format.fill.color = "#FFC7CE";
    const props = ws.getRange("A1:B1").getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } });
    expect(() => props.value).toThrow(/PropertyNotLoaded|not been loaded/);
    await ctx.sync();
    expect(props.value).toEqual([
      [
        { format: { fill: { color: "#FFC7CE", pattern: "LightUp", patternColor: "#808080", tintAndShade: 0.4 } } },
        { format: { fill: { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 } } },
      ],
    ]);
    ws.getRange("A1").format.fill.clear();
    await ctx.sync();
    expect(cellOf(data.sheets[0], "A1")).toEqual({ value: "a" });
  });

  it("loads a sheet's notes as a collection, each with its cell", async () => {
    const data = makeBook("n.xlsx", [{ name: "S", rows: [["a"]], notes: { A1: "一", C3: "三" } }]);
    const ctx = asExcelContext(new FakeRequestContext(data));
    const notes = ctx.workbook.worksheets.getItem("S").notes;
    notes.load("items/content");
    await ctx.sync();
    const cells = notes.items.map((n) => {
      const r = n.getLocation();
      r.load("address");
      return r;
    });
    await ctx.sync();
    expect(notes.items.map((n) => n.content)).toEqual(["一", "三"]);
    expect(cells.map((r) => r.address)).toEqual(["S!A1", "S!C3"]);
  });
});
