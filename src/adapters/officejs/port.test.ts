import { OfficeJsPort, ProtectionError, joinAreas, savedColor, stripSheet, toCellValue, widthToPoints } from "./port";
import { describeError } from "../../taskpane/errors";
import { asExcelContext, colToLetters, FakeRequestContext, PAYLOAD_LIMIT } from "./fake/excel";
import { cellOf, makeBook, valueAt, type SheetSpec } from "./fake/book";
import type { FakeBookData } from "./fake/book";
import type { WritePlan } from "../../core/plan";

function portFor(book: FakeBookData, apiVersion = 18) {
  const fake = new FakeRequestContext(book, { apiVersion });
  const port = new OfficeJsPort(asExcelContext(fake), { supports: (set, v) => fake.supports(set, v) });
  return { fake, port };
}

const SAMPLE: SheetSpec = {
  name: "项目表",
  rows: [
    ["项目编码", "项目名称", "全年预算数", "执行率", null],
    ["001", "培训项目", 120.5, 0.85, null],
    ["002", { error: "#N/A" }, "", true, null],
    [null, "合计", 120.5, null, null],
  ],
  formats: { D2: "0.0%", A2: "@", C4: "General" },
  merges: ["A4:A5"],
};

describe("OfficeJsPort.readSnapshot", () => {
  it("converts values, errors, formats, merges and visibility", async () => {
    const { port } = portFor(makeBook("a.xlsx", [SAMPLE, { name: "_jixiao", rows: [["run", "{}"]], visibility: "VeryHidden" }]));
    const snap = await port.readSnapshot();
    expect(snap.name).toBe("a.xlsx");
    const s = snap.sheets[0];
    expect(s.values).toEqual([
      ["项目编码", "项目名称", "全年预算数", "执行率"],
      ["001", "培训项目", 120.5, 0.85],
      ["002", { error: "#N/A" }, null, true],
      [null, "合计", 120.5],
    ]);
    expect(s.formats).toEqual({ D2: "0.0%", A2: "@" });
    expect(s.merges).toEqual(["A4:A5"]);
    expect(s.visibility).toBe("visible");
    expect(snap.sheets[1]).toMatchObject({ name: "_jixiao", visibility: "veryHidden", values: [["run", "{}"]] });
  });

  it("reads values that do not start at A1 from A1, and an empty sheet as empty", async () => {
    const { port } = portFor(makeBook("b.xlsx", [{ name: "S", rows: [[], [null, null, "x"]] }, { name: "空" }]));
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values).toEqual([[], [null, null, "x"]]);
    expect(snap.sheets[1].values).toEqual([]);
  });

  it("takes the same few syncs for 1 sheet and for 20 sheets", async () => {
    const one = portFor(makeBook("1.xlsx", [SAMPLE]));
    await one.port.readSnapshot();
    const many = portFor(makeBook("20.xlsx", Array.from({ length: 20 }, (_, i) => ({ ...SAMPLE, name: `表${i}` }))));
    const snap = await many.port.readSnapshot();
    expect(snap.sheets).toHaveLength(20);
    // One for the sheet list, one for every sheet's extent, merges and cells.
    expect(one.fake.syncs).toBe(2);
    expect(many.fake.syncs).toBe(2);
  });

  it("reads a large sheet in row chunks batched into a few syncs", async () => {
    const rows = Array.from({ length: 30000 }, (_, i) => [`P${i}`, i, i * 2, "x", "y", "z", 1, 2]);
    const { fake, port } = portFor(makeBook("big.xlsx", [{ name: "大表", rows }]));
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values).toHaveLength(30000);
    expect(snap.sheets[0].values[29999]).toEqual(["P29999", 29999, 59998, "x", "y", "z", 1, 2]);
    // 2 syncs read the list and the first 625 rows; one asks where the data is (30,000 rows is
    // more than the 20,000 read without asking: here all of it); 235,000 more cells at 40,000 a sync: 6.
    expect(fake.syncs).toBe(9);
    for (const bytes of fake.responses) expect(bytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("reads text-heavy sheets in smaller pieces when Excel finds a response too big", async () => {
    const text = "绩效目标说明".repeat(17); // 102 characters, 306 bytes
    const rows = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `${r}-${c}${text}`));
    const { fake, port } = portFor(makeBook("t.xlsx", [{ name: "文字", rows }]));
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values).toEqual(rows);
    const ok = fake.responses.filter((b) => b <= PAYLOAD_LIMIT);
    expect(ok.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000 * 20 * 306);
    expect(fake.syncs).toBeLessThan(20);
  });

  it("reads sheets wider than the first window, and several large sheets", async () => {
    const wide = Array.from({ length: 40 }, (_, r) => Array.from({ length: 100 }, (_, c) => r * 1000 + c));
    const long = Array.from({ length: 6000 }, (_, r) => [`行${r}`, r]);
    const { fake, port } = portFor(makeBook("w.xlsx", [{ name: "宽", rows: wide }, { name: "长1", rows: long }, { name: "长2", rows: long }]));
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values).toEqual(wide);
    expect(snap.sheets[1].values).toEqual(long);
    expect(snap.sheets[2].values[5999]).toEqual(["行5999", 5999]);
    expect(fake.syncs).toBe(3);
  });

  it("reads every merged area once when a sheet has more than Excel's 512 at a time", async () => {
    // 1,300 two-row merges in column A, one wide merge across the middle, and a small sheet.
    const merges = Array.from({ length: 1300 }, (_, k) => `A${2 * k + 1}:A${2 * k + 2}`);
    merges.push("B1:D2600");
    const rows = Array.from({ length: 2600 }, (_, r) => [r % 2 === 0 ? `项目${r / 2}` : null, r === 0 ? "说明" : null]);
    const { fake, port } = portFor(makeBook("m.xlsx", [{ name: "大表", rows, merges }, SAMPLE]));
    const snap = await port.readSnapshot();
    expect([...snap.sheets[0].merges].sort()).toEqual([...merges].sort());
    expect(snap.sheets[1].merges).toEqual(["A4:A5"]);
    expect(snap.sheets[0].values[2598]).toEqual(["项目1299"]);
    expect(fake.syncs).toBeLessThan(20);
  });

  it("reads no merged areas below ExcelApi 1.13, without failing", async () => {
    const { port } = portFor(makeBook("a.xlsx", [SAMPLE]), 12);
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].values[1]).toEqual(["001", "培训项目", 120.5, 0.85]);
  });
});

describe("OfficeJsPort.readLooks", () => {
  const spec: SheetSpec = { name: "指标表", rows: [["a", "b"], ["c", "d"]], fills: { A1: "#FFFF00" }, notes: { B2: "用户批注" } };

  it("reads fills and notes of the requested cells in a few syncs (notes once per sheet, fills per row run)", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [spec]));
    const looks = await port.readLooks([{ sheet: "指标表", addresses: ["A1", "B2"] }]);
    // The sheet's notes, their cells, then the fills of both rows.
    expect(fake.syncs).toBe(3);
    expect(looks["指标表"].A1).toEqual({ fill: { fill: "#FFFF00" }, note: null });
    expect(looks["指标表"].B2).toEqual({ fill: { fill: null }, note: "用户批注" });
  });

  it("reads the looks of tens of thousands of cells in requests that stay under the payload limit", async () => {
    const addresses = Array.from({ length: 40000 }, (_, i) => `${colToLetters(i % 100)}${Math.floor(i / 100) + 1}`);
    const { fake, port } = portFor(makeBook("a.xlsx", [{ ...spec, fills: { A1: "#FFFF00", CV400: "#FF0000" } }]));
    const looks = await port.readLooks([{ sheet: "指标表", addresses }]);
    expect(Object.keys(looks["指标表"])).toHaveLength(40000);
    expect(looks["指标表"].CV400).toEqual({ fill: { fill: "#FF0000" }, note: null });
    expect(looks["指标表"].B2.note).toBe("用户批注");
    expect(fake.syncs).toBeGreaterThan(1);
    for (const bytes of fake.payloads) expect(bytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("says a note is unknown below ExcelApi 1.18 (not that the cell has none)", async () => {
    const { port } = portFor(makeBook("a.xlsx", [spec]), 17);
    const looks = await port.readLooks([{ sheet: "指标表", addresses: ["B2"] }]);
    expect(looks["指标表"].B2).toEqual({ fill: { fill: null }, note: null, noteKnown: false });
  });
});

describe("OfficeJsPort.applyPlan", () => {
  it("writes strings as text, never as formulas, and numbers as numbers", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [SAMPLE]));
    const plan: WritePlan = {
      actions: [{ kind: "setValues", sheet: "项目表", topLeft: "F1", values: [["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@x", "001", 42, true, null]] }],
    };
    const stats = await port.applyPlan(plan);
    const s = fake.book.sheets[0];
    expect(["F1", "G1", "H1", "I1", "J1"].map((a) => valueAt(s, a))).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@x", "001"]);
    expect(["F1", "G1", "H1", "I1", "J1"].map((a) => cellOf(s, a)?.numberFormat)).toEqual(["@", "@", "@", "@", "@"]);
    expect(cellOf(s, "F1")?.formula).toBeUndefined();
    expect(valueAt(s, "K1")).toBe(42);
    expect(cellOf(s, "K1")?.numberFormat).toBeUndefined(); // General
    expect(valueAt(s, "L1")).toBe(true);
    expect(valueAt(s, "M1")).toBe("");
    // The sheet list with the workbook's protection, the sheet's protection, then the values.
    expect(stats).toMatchObject({ syncs: 3, actions: 1 });
  });

  it("chunks a 20,000 × 12 block of strings under the payload limit in a few syncs", async () => {
    const { fake, port } = portFor(makeBook("big.xlsx", [{ name: "结果", rows: [["x"]] }]));
    const values = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 12 }, (_, c) => `项目${r}-${c}：绩效目标说明`));
    const stats = await port.applyPlan({ actions: [{ kind: "setValues", sheet: "结果", topLeft: "A1", values }] });
    expect(fake.syncs).toBeGreaterThan(1);
    expect(fake.syncs).toBeLessThanOrEqual(6);
    for (const p of fake.payloads) expect(p).toBeLessThan(PAYLOAD_LIMIT);
    expect(stats.syncs).toBe(fake.syncs);
    expect(stats.payloadBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    const s = fake.book.sheets[0];
    expect(valueAt(s, "A1")).toBe("项目0-0：绩效目标说明");
    expect(valueAt(s, "L20000")).toBe("项目19999-11：绩效目标说明");
    expect(cellOf(s, "L20000")?.numberFormat).toBe("@");
  });

  it("formats many ranges through RangeAreas and restores fills exactly", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "表", rows: [["a", "b", "c"], ["d", "e", "f"]], fills: { B1: "#00FF00" } }]));
    const before = await port.readLooks([{ sheet: "表", addresses: ["A1", "B1", "C2"] }]);
    await port.applyPlan({
      actions: [{ kind: "setFormat", sheet: "表", ranges: ["A1", "B1", "C2"], format: { fill: "#FFC7CE", bold: true, numberFormat: "0.00", border: true } }],
    });
    const s = fake.book.sheets[0];
    expect(cellOf(s, "A1")).toMatchObject({ fill: "#FFC7CE", font: { bold: true }, numberFormat: "0.00", border: true });
    expect(cellOf(s, "C2")?.fill).toBe("#FFC7CE");
    expect(cellOf(s, "B2")?.fill).toBeUndefined();
    await port.applyPlan({
      actions: [{ kind: "restoreFills", sheet: "表", cells: ["A1", "B1", "C2"].map((address) => ({ address, saved: before["表"][address].fill })) }],
    });
    expect(cellOf(s, "A1")?.fill).toBeUndefined();
    expect(cellOf(s, "B1")?.fill).toBe("#00FF00");
    expect(cellOf(s, "C2")?.fill).toBeUndefined();
  });

  it("restores patterned and tinted fills exactly, and highlights over a pattern without keeping it", async () => {
    const fills = {
      A1: { color: "#FFF2CC", pattern: "LightUp", patternColor: "#808080" },
      B1: { color: "#4472C4", tint: 0.6 },
      C1: { color: "#FFFFFF", pattern: "Gray25", patternColor: "#FF0000", patternTint: -0.25 },
      D1: "#00FF00",
    };
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "表", rows: [["a", "b", "c", "d", "e"]], fills }]));
    const cells = ["A1", "B1", "C1", "D1", "E1"];
    const before = await port.readLooks([{ sheet: "表", addresses: cells }]);
    expect(before["表"].A1.fill).toEqual({ fill: { color: "#FFF2CC", pattern: "LightUp", patternColor: "#808080" } });
    expect(before["表"].B1.fill).toEqual({ fill: { color: "#4472C4", tint: 0.6 } });
    expect(before["表"].D1.fill).toEqual({ fill: "#00FF00" });
    expect(before["表"].E1.fill).toEqual({ fill: null });
    const s = fake.book.sheets[0];
    const snapshot = () => cells.map((a) => ({ ...cellOf(s, a) }));
    const original = snapshot();
    await port.applyPlan({ actions: [{ kind: "setFormat", sheet: "表", ranges: cells, format: { fill: "#FFC7CE" } }] });
    // The highlight is a plain fill: no pattern or tint of the user's shows through it.
    expect(cells.map((a) => cellOf(s, a))).toEqual(cells.map((_, i) => ({ value: "abcde"[i], fill: "#FFC7CE" })));
    await port.applyPlan({ actions: [{ kind: "restoreFills", sheet: "表", cells: cells.map((address) => ({ address, saved: before["表"][address].fill })) }] });
    expect(snapshot()).toEqual(original);
  });

  it("restores patterned fills saved by the headless adapter (ExcelJS pattern fills)", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "表", rows: [["a", "b"]] }]));
    const saved = { fill: { type: "pattern", pattern: "lightGray", fgColor: { argb: "FF808080" }, bgColor: { argb: "FFFFF2CC" } } };
    await port.applyPlan({ actions: [{ kind: "restoreFills", sheet: "表", cells: [{ address: "A1", saved }, { address: "B1", saved: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } } }] }] });
    expect(cellOf(fake.book.sheets[0], "A1")).toMatchObject({ fill: "#FFF2CC", pattern: "Gray25", patternColor: "#808080" });
    expect(cellOf(fake.book.sheets[0], "B1")?.fill).toBe("#FFC7CE");
    expect(cellOf(fake.book.sheets[0], "B1")?.pattern).toBeUndefined();
  });

  it("adds, replaces and removes notes (ExcelApi 1.18) and skips them below", async () => {
    const spec: SheetSpec = { name: "表", rows: [["a", "b"]], notes: { B1: "用户的批注" } };
    const { fake, port } = portFor(makeBook("a.xlsx", [spec]));
    await port.applyPlan({
      actions: [
        { kind: "setNote", sheet: "表", address: "A1", text: "绩效助手：缺少指标值" },
        { kind: "setNote", sheet: "表", address: "B1", text: "绩效助手：覆盖" },
      ],
    });
    const s = fake.book.sheets[0];
    expect(s.notes.get("A1")).toBe("绩效助手：缺少指标值");
    expect(s.notes.get("B1")).toBe("绩效助手：覆盖");
    await port.applyPlan({
      actions: [
        { kind: "restoreNote", sheet: "表", address: "A1", text: null },
        { kind: "restoreNote", sheet: "表", address: "B1", text: "用户的批注" },
      ],
    });
    expect(s.notes.has("A1")).toBe(false);
    expect(s.notes.get("B1")).toBe("用户的批注");

    const old = portFor(makeBook("a.xlsx", [spec]), 12);
    await old.port.applyPlan({ actions: [{ kind: "setNote", sheet: "表", address: "A1", text: "x" }] });
    expect(old.fake.book.sheets[0].notes.has("A1")).toBe(false);
  });

  it("creates result sheets with links, merges, freeze, widths, filter, chart and data bars", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "项目表", rows: [["a"]] }, { name: "校验结果", rows: [["old"]] }]));
    const stats = await port.applyPlan({
      actions: [
        { kind: "deleteSheet", sheet: "校验结果" },
        { kind: "deleteSheet", sheet: "不存在" },
        { kind: "addSheet", sheet: "校验结果", tabColor: "#C00000", activate: true },
        { kind: "setValues", sheet: "校验结果", topLeft: "A1", values: [["序号", "单元格", "金额"], [1, null, 20], [2, null, 30]] },
        { kind: "setLink", sheet: "校验结果", address: "B2", text: "项目表!A1", targetSheet: "项目表", targetAddress: "A1" },
        { kind: "merge", sheet: "校验结果", range: "A5:C5" },
        { kind: "freeze", sheet: "校验结果", rows: 1, cols: 0 },
        { kind: "columnWidths", sheet: "校验结果", widths: [{ col: 0, width: 10 }] },
        { kind: "autoFilter", sheet: "校验结果", range: "A1:C3" },
        { kind: "chart", sheet: "校验结果", chartType: "pie", title: "等级分布", dataRange: "A1:C3", anchor: "E2", width: 300 },
        { kind: "dataBar", sheet: "校验结果", range: "C2:C3", color: "#5B9BD5" },
        { kind: "addSheet", sheet: "_jixiao", visibility: "veryHidden" },
        { kind: "clearRange", sheet: "项目表", range: "A1" },
      ],
    });
    const sheets = fake.book.sheets;
    expect(sheets.map((s) => s.name)).toEqual(["项目表", "校验结果", "_jixiao"]);
    const r = sheets[1];
    expect(valueAt(r, "A1")).toBe("序号");
    expect(valueAt(r, "C3")).toBe(30);
    expect(valueAt(r, "B2")).toBe("项目表!A1");
    expect(cellOf(r, "B2")?.hyperlink).toMatchObject({ documentReference: "'项目表'!A1" });
    expect(r.merges).toEqual([{ top: 4, left: 0, bottom: 4, right: 2 }]);
    expect(r.freeze).toEqual({ rows: 1, cols: 0 });
    expect(r.columnWidths.get(0)).toBeCloseTo(52.5); // 70 px, as ExcelJS's <col width="10">
    expect(r.autoFilter).toBe("A1:C3");
    expect(r.charts).toEqual([{ type: "Pie", source: "A1:C3", title: "等级分布", position: "E2", width: 300, height: null }]);
    expect(r.dataBars).toEqual([{ range: "C2:C3", color: "#5B9BD5" }]);
    expect(r.tabColor).toBe("#C00000");
    expect(fake.book.activeSheet).toBe("校验结果");
    expect(sheets[2].visibility).toBe("VeryHidden");
    expect(valueAt(sheets[0], "A1")).toBe("");
    // One sync for the sheet list, one for the protection of the sheets written to, one for all the writes.
    expect(stats.syncs).toBe(3);
    expect(fake.syncs).toBe(3);
  });

  it("deletes a VeryHidden sheet (Excel refuses until it is unhidden), also one added hidden by the same plan", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "项目表", rows: [["a"]] }, { name: "_jixiao", rows: [["run"]], visibility: "VeryHidden" }]));
    await port.applyPlan({
      actions: [
        { kind: "deleteSheet", sheet: "_jixiao" },
        { kind: "addSheet", sheet: "_jixiao", visibility: "veryHidden" },
        { kind: "deleteSheet", sheet: "_jixiao" },
      ],
    });
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["项目表"]);
    expect(fake.book.sheets[0].visibility).toBe("Visible");
  });

  it("highlights and restores thousands of scattered cells through bounded getRanges() lists", async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `${colToLetters(i % 40)}${2 * Math.floor(i / 40) + 1}`);
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "表", rows: [["x"]], fills: { A1: "#00FF00" } }]));
    await port.applyPlan({ actions: [{ kind: "setFormat", sheet: "表", ranges: cells, format: { fill: "#FFC7CE" } }] });
    const s = fake.book.sheets[0];
    expect(cells.every((a) => cellOf(s, a)?.fill === "#FFC7CE")).toBe(true);
    await port.applyPlan({ actions: [{ kind: "restoreFills", sheet: "表", cells: cells.map((address) => ({ address, saved: { fill: address === "A1" ? "#00FF00" : null } })) }] });
    expect(cellOf(s, "A1")?.fill).toBe("#00FF00");
    expect(cells.slice(1).every((a) => cellOf(s, a)?.fill === undefined)).toBe(true);
  });

  it("stops before writing anything when a sheet it writes to is protected, naming the sheet", async () => {
    const { fake, port } = portFor(makeBook("a.xlsx", [{ name: "表", rows: [["a"]] }, { name: "锁", rows: [["a"]], protected: true, protectionOptions: { allowFormatCells: true } }]));
    const plan: WritePlan = {
      actions: [
        { kind: "setValues", sheet: "表", topLeft: "B1", values: [["写入"]] },
        { kind: "addSheet", sheet: "校验结果" },
        { kind: "setFormat", sheet: "锁", ranges: ["A1"], format: { fill: "#FFC7CE" } },
        { kind: "setValues", sheet: "锁", topLeft: "B1", values: [["x"]] },
      ],
    };
    const err = await port.applyPlan(plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtectionError);
    expect((err as ProtectionError).zh).toContain("「锁」");
    expect(describeError(err, "zh-CN")).toContain("工作表「锁」受保护");
    // Nothing half-written: not the first sheet's value, not the new sheet, not the allowed format.
    expect(valueAt(fake.book.sheets[0], "B1")).toBe("");
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["表", "锁"]);
    expect(cellOf(fake.book.sheets[1], "A1")?.fill).toBeUndefined();
  });

  it("stops before writing anything when the workbook structure is protected and the plan adds or deletes sheets", async () => {
    const book = makeBook("a.xlsx", [{ name: "表", rows: [["a"]] }]);
    book.structureProtected = true;
    const { fake, port } = portFor(book);
    const err = await port.applyPlan({ actions: [{ kind: "setValues", sheet: "表", topLeft: "B1", values: [["x"]] }, { kind: "addSheet", sheet: "校验结果" }] }).catch((e: unknown) => e);
    expect(describeError(err, "zh-CN")).toContain("工作簿结构受保护");
    expect(valueAt(fake.book.sheets[0], "B1")).toBe("");
    // Values alone may still be written in a structure-protected workbook.
    await port.applyPlan({ actions: [{ kind: "setValues", sheet: "表", topLeft: "B1", values: [["x"]] }] });
    expect(valueAt(fake.book.sheets[0], "B1")).toBe("x");
  });

  it("round-trips: what it writes it reads back the same", async () => {
    const { port } = portFor(makeBook("a.xlsx", [{ name: "表" }]));
    const values = [["名称", 1.5, "=SUM(A1)"], ["0012", false, null]];
    await port.applyPlan({ actions: [{ kind: "setValues", sheet: "表", topLeft: "A1", values }] });
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values).toEqual([["名称", 1.5, "=SUM(A1)"], ["0012", false]]);
  });
});

describe("helpers", () => {
  it("strips the sheet from Excel addresses", () => {
    expect(stripSheet("'My, sheet'!$A$3:$A$7")).toBe("A3:A7");
    expect(stripSheet("B2")).toBe("B2");
  });
  it("maps Excel errors and empty strings", () => {
    expect(toCellValue("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue(0, "Double")).toBe(0);
  });
  it("reads saved fills of both adapters", () => {
    expect(savedColor("#FFFF00")).toBe("#FFFF00");
    expect(savedColor(null)).toBeNull();
    expect(savedColor({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } })).toBe("#FFC7CE");
    expect(savedColor({ type: "pattern", pattern: "none" })).toBeNull();
  });
  it("converts file column widths (ECMA-376 <col width>) to points as Excel shows them", () => {
    // Excel's default 8.43-character column is stored as width 9.140625 and shown as 64 px = 48 pt.
    expect(widthToPoints(9.140625)).toBe(48);
    expect(widthToPoints(10)).toBe(52.5); // 70 px
    expect(widthToPoints(24)).toBe(126); // 168 px
    expect(widthToPoints(0)).toBe(0);
  });
  it("joins ranges into bounded address strings", () => {
    expect(joinAreas(["A1", "B2", "C3"], 6)).toEqual(["A1, B2", "C3"]);
  });
});
