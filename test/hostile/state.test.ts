/**
 * A stale or tampered state sheet never costs the user a cell, a note or a sheet (issue 10):
 * on check and on 清除标记, headless and through the Office.js fake. A state of the wrong
 * shape is ignored with a notice, never a crash; a huge range never hangs.
 */
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { STATE_SHEET } from "../../src/core/state";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { indicatorRows, projectRows, USER_FILL, USER_NOTE } from "../scripts/make-hostile-fixtures";
import { EXCELJS, fillsOnB, notesOnB, NOW, OFFICEJS, rawState, sheetNames, tamper, userCells, writeState } from "./helpers";

const FOREIGN_NOTE = "外来批注（别人的工作簿）";
const LATER = new Date("2025-01-06T00:00:00Z");
const userFill = `#${USER_FILL.slice(2)}`;

/** Records a tampering colleague (or a stale copy) leaves: they point at the user's data. */
function hostileRecords(run: Record<string, unknown>): void {
  const blocks = run.blocks as unknown[];
  blocks.push(
    { sheet: "项目表", range: "A1:XFD1048576" },
    { sheet: "指标表", range: "A2:F67", head: [] },
    { sheet: "项目表", range: "A3:E24", head: [["P001"]], sig: "v2:9:forged" },
  );
  (run.sheets as unknown[]).push("指标表", "项目表");
  run.marks = { ...(run.marks as object), 指标表: "v2:3:forged" };
  const highlights = run.highlights as unknown[];
  for (let r = 5; r <= 26; r++) highlights.push({ sheet: "项目表", address: `B${r}`, saved: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }, style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } } } }, note: FOREIGN_NOTE });
  highlights.push({ sheet: "项目表", address: "C5", saved: { fill: "#FF0000" }, note: FOREIGN_NOTE, value: "不是这个值" });
}

function logText(snap: WorkbookSnapshot): string {
  const log = snap.sheets.find((s) => s.name === "运行记录");
  return (log?.values ?? []).flat().filter((v) => typeof v === "string").join("\n");
}

describe.each([EXCELJS, OFFICEJS])("state sheet, $name", (ports) => {
  it("a tampered state (blocks without head, huge ranges, user sheets listed, looks without value) touches no user cell, note or sheet on check and on clear", async () => {
    const opened = await ports.open();
    const { port } = opened;
    const original = userCells(await port.readSnapshot());
    await checkWorkbook(port, { now: NOW });
    expect(userCells(await port.readSnapshot())).toEqual(original);

    await tamper(port, hostileRecords);
    const second = await checkWorkbook(port, { now: LATER });
    const after = await port.readSnapshot();
    expect(userCells(after)).toEqual(original);
    expect(sheetNames(after)).toEqual(expect.arrayContaining(["项目表", "指标表"]));
    expect(Object.values(notesOnB(opened))).not.toContain(FOREIGN_NOTE);
    expect(notesOnB(opened).B5).toContain(USER_NOTE);
    expect(fillsOnB(opened)).toEqual({ B6: userFill });
    // Said once, in the outcome and in 运行记录.
    const keys = second.notices.map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining(["notice.left.blocks", "notice.left.sheets", "notice.left.highlights"]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(second.notices.find((n) => n.key === "notice.left.sheets")?.message).toContain("「指标表」");
    expect(second.notices.find((n) => n.key === "notice.left.sheets")?.messageEn).toContain("not deleted");
    expect(logText(after)).toContain(second.notices[0].message);
    // The re-run still replaced its own results: one band on 项目表.
    expect(after.sheets.find((s) => s.name === "项目表")!.values.flat().filter((v) => v === "绩效助手结果")).toHaveLength(1);

    await tamper(port, hostileRecords);
    const cleared = await clearWorkbook(port);
    const end = await port.readSnapshot();
    expect(userCells(end)).toEqual(original);
    expect(sheetNames(end)).toEqual(["项目表", "指标表"]);
    expect(Object.values(notesOnB(opened))).toEqual([USER_NOTE]);
    expect(fillsOnB(opened)).toEqual({ B6: userFill });
    expect(end.sheets[0].values.flat()).not.toContain("绩效助手结果");
    expect(cleared.notices.map((n) => n.key)).toEqual(expect.arrayContaining(["notice.left.blocks", "notice.left.sheets", "notice.left.highlights"]));
  });

  it("a state of the wrong shape (blocks: 5, sheets: {}) or a damaged row is ignored with a notice, never a crash", async () => {
    const opened = await ports.open();
    const { port } = opened;
    const original = userCells(await port.readSnapshot());
    await checkWorkbook(port, { now: NOW });
    await tamper(port, (run, docs) => {
      run.blocks = 5;
      run.sheets = {};
      docs.mapping = "项目表";
    });
    const out = await checkWorkbook(port, { now: LATER });
    expect(out.notices.map((n) => n.key)).toEqual(expect.arrayContaining(["notice.state.run", "notice.state.mapping"]));
    expect(out.notices[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(out.notices[0].messageEn).toMatch(/record/);
    expect(userCells(await port.readSnapshot())).toEqual(original);

    await writeState(port, {}, [["run", "{\"version\":1,\"blocks\":[{"], ["mapping", "[1,2"]]);
    const cleared = await clearWorkbook(port);
    expect(cleared.notices.map((n) => n.key)).toEqual(["notice.state.row", "notice.state.row"]);
    expect(userCells(await port.readSnapshot())).toEqual(original);
    const again = await checkWorkbook(port, { now: LATER });
    expect(again.report.projects).toHaveLength(22);
  });

  it("thousands of look-alike block records cannot make a run hang, and touch nothing", async () => {
    const { port } = await ports.open();
    const original = userCells(await port.readSnapshot());
    await checkWorkbook(port, { now: NOW });
    await tamper(port, (run) => {
      for (let i = 0; i < 2500; i++) (run.blocks as unknown[]).push({ sheet: "指标表", range: `A${2 + (i % 80)}:F${90 + i}`, head: [["P001"]], sig: `v2:${i}:forged` });
    });
    const out = await checkWorkbook(port, { now: LATER });
    expect(userCells(await port.readSnapshot())).toEqual(original);
    expect(out.notices.find((n) => n.key === "notice.left.blocks")?.message).toMatch(/等 2500 处/);
  });

  it("records of the wrong shape are dropped one by one; the sound ones still work", async () => {
    const opened = await ports.open();
    const { port } = opened;
    await checkWorkbook(port, { now: NOW });
    await tamper(port, (run) => {
      (run.blocks as unknown[]).push(5, { sheet: "项目表", range: "not a range" }, { sheet: "项目表" });
      (run.highlights as unknown[]).push({ sheet: "项目表", address: "B5:XFD9", saved: {}, note: null }, null);
      (run.sheets as unknown[]).push(7);
    });
    const cleared = await clearWorkbook(port);
    expect(cleared.notices.map((n) => n.key)).toEqual(["notice.state.records"]);
    expect(cleared.notices[0].message).toContain("6");
    const end = await port.readSnapshot();
    expect(sheetNames(end)).toEqual(["项目表", "指标表"]);
    expect(end.sheets[0].values.flat()).not.toContain("绩效助手结果");
  });

  it("stale state: our sheet renamed and a user sheet now under its name, a user's own 领导汇总: neither is deleted", async () => {
    const opened = await ports.open();
    const { port } = opened;
    await checkWorkbook(port, { now: NOW });
    // The user renames our 校验结果 to keep it, deletes 领导汇总 and puts last year's own summary there.
    await port.applyPlan({
      actions: [
        { kind: "deleteSheet", sheet: "领导汇总" },
        { kind: "addSheet", sheet: "领导汇总" },
        { kind: "setValues", sheet: "领导汇总", topLeft: "A1", values: [["2023年度绩效汇总（手工）"], ["项目", "得分"], ["项目1", 91]] },
      ],
    });
    rename(opened, "校验结果", "审核意见");
    await port.applyPlan({ actions: [{ kind: "addSheet", sheet: "校验结果" }, { kind: "setValues", sheet: "校验结果", topLeft: "A1", values: [["我的校验记录"], ["第一条"]] }] });
    const out = await checkWorkbook(port, { now: LATER });
    const after = await port.readSnapshot();
    const get = (n: string) => after.sheets.find((s) => s.name === n)?.values;
    expect(String(get("领导汇总 (2)")?.[0]?.[0])).toMatch(/ 预算绩效情况汇总$/);
    expect(get("领导汇总 (2)")?.[4]).toEqual(["项目个数", 22]);
    expect(sheetNames(after)).toEqual(expect.arrayContaining(["审核意见", "校验结果", "领导汇总", "校验结果 (2)", "领导汇总 (2)"]));
    expect(get("校验结果")?.[0]?.[0]).toBe("我的校验记录");
    expect(get("领导汇总")?.[2]).toEqual(["项目1", 91]);
    expect(out.notices.find((n) => n.key === "notice.left.sheets")?.message).toContain("「校验结果」");

    await clearWorkbook(port);
    const end = await port.readSnapshot();
    expect(sheetNames(end).sort()).toEqual(["项目表", "指标表", "领导汇总", "审核意见", "校验结果"].sort());
    expect(end.sheets.find((s) => s.name === "校验结果")?.values[1]).toEqual(["第一条"]);
  });

  it("a copied sheet: the user's copy of our 校验结果 (same content, another name) survives the re-run and 清除标记", async () => {
    const { port } = await ports.open();
    await checkWorkbook(port, { now: NOW });
    const ours = (await port.readSnapshot()).sheets.find((s) => s.name === "校验结果")!;
    const copy = ours.values.map((r) => r.map((v) => (typeof v === "object" && v !== null ? null : v)));
    await port.applyPlan({ actions: [{ kind: "addSheet", sheet: "校验结果 (2)" }, { kind: "setValues", sheet: "校验结果 (2)", topLeft: "A1", values: copy }] });
    await checkWorkbook(port, { now: LATER });
    let snap = await port.readSnapshot();
    expect(sheetNames(snap)).toEqual(expect.arrayContaining(["校验结果 (2)", "校验结果"]));
    expect(snap.sheets.find((s) => s.name === "校验结果 (2)")!.values).toEqual(copy);
    await clearWorkbook(port);
    snap = await port.readSnapshot();
    expect(sheetNames(snap)).toEqual(["项目表", "指标表", "校验结果 (2)"]);
    expect(snap.sheets.find((s) => s.name === "校验结果 (2)")!.values).toEqual(copy);
  });

  it("a workbook passed on with a colleague's state: the other workbook's records touch nothing here", async () => {
    const a = await ports.open();
    await checkWorkbook(a.port, { now: NOW });
    const foreign = rawState(await a.port.readSnapshot());
    // Colleague B's workbook: same sheet names, other projects, the very hidden state copied in with a template.
    const rows = projectRows().map((r, i) => (i < 2 ? r : [r[0], `乙${r[1]}`, r[2], 500, 10]));
    const b = await ports.open(rows, indicatorRows(), [{ name: "校验结果", rows: [["B 的手工清单"], ["保留"]] }, { name: "运行记录", rows: [["B 的记录"]] }]);
    const original = userCells(await b.port.readSnapshot());
    await writeState(b.port, foreign);
    const out = await checkWorkbook(b.port, { now: LATER });
    const after = await b.port.readSnapshot();
    expect(userCells(after)).toEqual(original);
    expect(after.sheets.find((s) => s.name === "校验结果")?.values).toEqual([["B 的手工清单"], ["保留"]]);
    expect(after.sheets.find((s) => s.name === "运行记录")?.values).toEqual([["B 的记录"]]);
    expect(out.notices.map((n) => n.key)).toContain("notice.left.sheets");
    await writeState(b.port, foreign);
    await clearWorkbook(b.port);
    const end = await b.port.readSnapshot();
    expect(userCells(end)).toEqual(original);
    expect(end.sheets.find((s) => s.name === "校验结果")?.values).toEqual([["B 的手工清单"], ["保留"]]);
    expect(Object.values(notesOnB(b))).toEqual([USER_NOTE]);
    expect(fillsOnB(b)).toEqual({ B6: userFill });
  });

  it("rows sorted with the results (the whole table): the old block still holds what was written, so it is replaced, not left twice", async () => {
    const { port } = await ports.open();
    await checkWorkbook(port, { now: NOW });
    const snap = await port.readSnapshot();
    const rows = snap.sheets.find((s) => s.name === "项目表")!.values;
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: number) => Array.from({ length: width }, (_, j) => (rows[r][j] ?? null) as string | number | null);
    // P001 and P002 swap places, their result cells with them (Excel's 排序 on the whole table).
    await port.applyPlan({ actions: [{ kind: "setValues", sheet: "项目表", topLeft: "A3", values: [line(3), line(2)] }] });
    const out = await checkWorkbook(port, { now: LATER });
    expect(out.notices.filter((n) => n.key === "notice.left.blocks")).toEqual([]);
    const after = (await port.readSnapshot()).sheets.find((s) => s.name === "项目表")!.values;
    expect(after.flat().filter((v) => v === "绩效助手结果")).toHaveLength(1);
    expect(after[2].slice(0, 2)).toEqual(["P002", "项目2"]);
  });

  it("saved looks of a shape no adapter takes are dropped: the workbook stays writable", async () => {
    const { port } = await ports.open();
    await checkWorkbook(port, { now: NOW });
    await tamper(port, (run) => {
      (run.highlights as unknown[]).push(
        { sheet: "项目表", address: "B7", value: "项目5", saved: { fill: 5, style: { font: "x", border: 7 } }, note: null, noteData: 42 },
        { sheet: "项目表", address: "B8", value: "项目6", saved: { fill: { type: "pattern", pattern: "solid", fgColor: 3 } }, note: "n", noteData: { texts: 5 } },
        { sheet: "项目表", address: "B9", value: "项目7", saved: { fill: "#GGHHII" }, note: "n", noteData: [1, 2] },
      );
    });
    const cleared = await clearWorkbook(port);
    expect(cleared.notices.map((n) => n.key)).toContain("notice.state.records");
    if (port instanceof ExcelJSPort) await expect(port.toBuffer()).resolves.toBeInstanceOf(Buffer);
  });

  it("keys other parts of the add-in keep in the state survive a run and 清除标记", async () => {
    const { port } = await ports.open();
    await checkWorkbook(port, { now: NOW });
    await tamper(port, (run, docs) => {
      docs.summary = { lastRun: "2025-01-05", projects: 22 };
      (run.highlights as Record<string, unknown>[]).forEach((h) => (h.noteUnknown = true));
    });
    await checkWorkbook(port, { now: LATER });
    expect(rawState(await port.readSnapshot()).summary).toEqual({ lastRun: "2025-01-05", projects: 22 });
    await clearWorkbook(port);
    const end = await port.readSnapshot();
    expect(sheetNames(end)).toContain(STATE_SHEET);
    expect(rawState(end)).toEqual({ summary: { lastRun: "2025-01-05", projects: 22 } });
  });
});

function rename(target: { fake?: { sheets: { name: string }[] }; wb?: { getWorksheet(n: string): { name: string } | undefined } }, from: string, to: string): void {
  if (target.fake) target.fake.sheets.find((s) => s.name === from)!.name = to;
  else target.wb!.getWorksheet(from)!.name = to;
}

describe("state sheet, the command line's package adapter (src/adapters/xlsx)", () => {
  it("a tampered state touches no user cell, note or sheet on check and on clear, and the package still opens", async () => {
    const { openXlsx } = await import("../../src/adapters/xlsx/port");
    const { countyBuffer } = await import("../scripts/make-hostile-fixtures");
    const buf = await countyBuffer();
    const port = openXlsx(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), "county.xlsx");
    const original = userCells(await port.readSnapshot());
    const bCells = [{ sheet: "项目表", addresses: Array.from({ length: 22 }, (_, i) => `B${i + 3}`) }];
    const looksBefore = await port.readLooks(bCells);
    await checkWorkbook(port, { now: NOW });
    await tamper(port, hostileRecords);
    const second = await checkWorkbook(port, { now: LATER });
    expect(userCells(await port.readSnapshot())).toEqual(original);
    expect(second.notices.map((n) => n.key)).toEqual(expect.arrayContaining(["notice.left.blocks", "notice.left.sheets", "notice.left.highlights"]));
    await tamper(port, hostileRecords);
    await clearWorkbook(port);
    const reopened = openXlsx(port.save(), "county.xlsx");
    const end = await reopened.readSnapshot();
    expect(userCells(end)).toEqual(original);
    expect(sheetNames(end)).toEqual(["项目表", "指标表"]);
    const looksAfter = await reopened.readLooks(bCells);
    expect(Object.values(looksAfter["项目表"]).map((l) => l.note)).toEqual(Object.values(looksBefore["项目表"]).map((l) => l.note));
    expect(Object.values(looksAfter["项目表"]).map((l) => l.fill.fill)).toEqual(Object.values(looksBefore["项目表"]).map((l) => l.fill.fill));
  });
});
