/**
 * Golden write-back tests: the real pipeline (checkWorkbook) on an ExcelJS workbook, written
 * to a buffer and read back, as the CLI does.
 */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { readState, STATE_SHEET } from "../../src/core/state";
import { snapshotFromExcelJS } from "../../src/adapters/exceljs/read";
import { dumpWorkbook, FLAGGED_TARGET, makeUserWorkbook, roundTrip, USER_NOTE, withoutFill, type FixtureOptions, type SheetDump } from "./fixture";

const NOW = new Date("2025-03-01T08:00:00Z");

async function original(options: FixtureOptions = {}): Promise<ExcelJS.Workbook> {
  return roundTrip(makeUserWorkbook(options));
}

/** Run the checker on a copy of `wb` and give back the re-read result. */
async function run(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = await roundTrip(wb);
  await checkWorkbook(new ExcelJSPort(copy, "t.xlsx"), { now: NOW });
  return roundTrip(copy);
}

async function clear(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = await roundTrip(wb);
  await clearWorkbook(new ExcelJSPort(copy, "t.xlsx"));
  return roundTrip(copy);
}

function sheetOf(dump: SheetDump[], name: string): SheetDump {
  const s = dump.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

async function state(wb: ExcelJS.Workbook) {
  return readState(await snapshotFromExcelJS(wb, "t.xlsx")).run;
}

describe("a run on the user's workbook", () => {
  let before: SheetDump[];
  let after: ExcelJS.Workbook;
  let dump: SheetDump[];

  beforeAll(async () => {
    const wb = await original();
    before = dumpWorkbook(wb);
    after = await run(wb);
    dump = dumpWorkbook(after);
  });

  test("every user cell keeps its value and style; highlighted cells change only their fill", async () => {
    const highlighted = new Set(((await state(after))?.highlights ?? []).map((h) => `${h.sheet}!${h.address}`));
    expect(highlighted.has(`指标表!${FLAGGED_TARGET}`)).toBe(true);
    for (const sheet of before) {
      const now = sheetOf(dump, sheet.name);
      expect(now.widths.slice(0, sheet.widths.length)).toEqual(sheet.widths);
      for (const m of sheet.merges) expect(now.merges).toContain(m);
      for (const [address, cell] of Object.entries(sheet.cells)) {
        const got = now.cells[address];
        expect({ address, value: got.value, type: got.type }).toEqual({ address, value: cell.value, type: cell.type });
        if (highlighted.has(`${sheet.name}!${address}`)) expect({ address, style: withoutFill(got.style, cell.style) }).toEqual({ address, style: withoutFill(cell.style, cell.style) });
        else expect({ address, style: got.style, note: got.note }).toEqual({ address, style: cell.style, note: cell.note });
      }
    }
  });

  test("result columns: band over the block on the row above the header, labels in the header row", () => {
    const ps = sheetOf(dump, "项目表");
    // The title is merged over A1:H1, so the block starts at I.
    expect(ps.cells.I1.value).toBe("绩效助手结果");
    expect(ps.merges).toContain("I1:P1");
    const labels = ["I", "J", "K", "L", "M", "N", "O", "P"].map((c) => ps.cells[`${c}2`]?.value);
    expect(labels).toEqual(["执行率", "执行率得分", "指标得分", "总分", "等级", "建议金额", "调整建议", "问题数"]);
    expect(ps.cells.I3.value).toBeCloseTo(0.95, 6);
    expect((ps.cells.I3.style as { numFmt?: string }).numFmt).toBe("0.00%");
    expect(ps.cells.M4.value).toBe("中");
    expect(JSON.stringify(ps.cells.M4.style)).toContain("FFFFEB9C");
    expect(ps.cells.P5.value).toBe(5);
    // Indicator sheet: header row 1, so no band; the labels carry the band's colours.
    const is = sheetOf(dump, "指标表");
    expect(is.cells.J1.value).toBe("计算得分");
    expect(is.cells.K1.value).toBe("问题");
    expect(JSON.stringify(is.cells.J1.style)).toContain("FF1F4E78");
    expect(is.cells.J7.value).toBe(16.67);
    expect(String(is.cells.K4.value)).toContain("进一步提高");
  });

  test("highlight: red fill and a note that keeps the user's own note first", () => {
    const cell = sheetOf(dump, "指标表").cells[FLAGGED_TARGET];
    expect(JSON.stringify(cell.style)).toContain("FFFFC7CE");
    const note = String(cell.note);
    expect(note.startsWith(USER_NOTE)).toBe(true);
    expect(note).toMatch(/【T008 错误】.*建议：/);
    const warn = sheetOf(dump, "项目表").cells.G4;
    expect(JSON.stringify(warn.style)).toContain("FFFFEB9C");
    expect(String(warn.note)).toMatch(/^【E007 警告】/);
  });

  test("result sheets, their order, the very hidden state sheet, and links to the cells", () => {
    expect(dump.map((s) => [s.name, s.state])).toEqual([
      ["项目表", "visible"],
      ["指标表", "visible"],
      [STATE_SHEET, "veryHidden"],
      ["校验结果", "visible"],
      ["领导汇总", "visible"],
      ["运行记录", "visible"],
    ]);
    const fs = sheetOf(dump, "校验结果");
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "K1"].map((a) => fs.cells[a].value)).toEqual(["序号", "级别", "规则", "工作表", "单元格", "项目编码", "项目名称", "主管部门", "说明", "建议", "处理状态"]);
    const links = Object.values(fs.cells).filter((c) => typeof c.value === "object" && c.value !== null && "hyperlink" in (c.value as object));
    expect(links.length).toBe(10);
    expect(links.map((c) => (c.value as { hyperlink: string }).hyperlink)).toContain(`#'指标表'!${FLAGGED_TARGET}`);
    const ws = after.getWorksheet("校验结果") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:K11");
    const summary = sheetOf(dump, "领导汇总");
    const texts = Object.values(summary.cells).map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(["一、总体情况", "二、等级分布", "五、需重点关注的项目", "合计"]));
    const log = sheetOf(dump, "运行记录");
    expect(Object.values(log.cells).map((c) => c.value)).toEqual(expect.arrayContaining(["运行时间", "中央部门 2020（财预〔2020〕10号）", "项目表!I1:P5；指标表!J1:K14"]));
  });

  test("running twice gives the same workbook as running once", async () => {
    const twice = dumpWorkbook(await run(after));
    expect(twice).toEqual(dump);
  });

  test("clearing restores the user's workbook exactly (values, styles, notes, merges, sheets)", async () => {
    expect(dumpWorkbook(await clear(after))).toEqual(before);
    expect(dumpWorkbook(await clear(await run(after)))).toEqual(before);
  });
});

describe("safety", () => {
  function formulas(wb: ExcelJS.Workbook): string[] {
    const found: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as unknown;
          const isFormula = cell.type === ExcelJS.ValueType.Formula || (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v));
          if (isFormula || cell.formula) found.push(`${ws.name}!${cell.address}`);
        }),
      ),
    );
    return found;
  }

  test("text that looks like a formula stays text everywhere (=, +, -, @)", async () => {
    const wb = await original({ injection: true });
    expect(formulas(wb)).toEqual([]);
    const out = await run(wb);
    expect(formulas(out)).toEqual([]);
    const dump = dumpWorkbook(out);
    const findings = sheetOf(dump, "校验结果");
    const names = Object.values(findings.cells).map((c) => c.value);
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")', "-2", "@SUM(A1)"]));
    for (const c of Object.values(findings.cells)) if (typeof c.value === "string") expect(c.type).toBe(ExcelJS.ValueType.String);
    const attention = Object.values(sheetOf(dump, "领导汇总").cells).filter((c) => c.value === "@SUM(A1)");
    expect(attention.length).toBeGreaterThan(0);
    expect(attention.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  test("a user cell right of the table pushes the results further right", async () => {
    const wb = await original({ userCellRight: true });
    const out = dumpWorkbook(await run(wb));
    const ps = sheetOf(out, "项目表");
    expect(ps.cells.J4.value).toBe("备注：数据来自预算系统");
    expect(ps.cells.K1.value).toBe("绩效助手结果");
    expect(ps.cells.K2.value).toBe("执行率");
    expect(ps.cells.I2).toBeUndefined();
    expect(ps.merges).toContain("K1:R1");
  });
});
