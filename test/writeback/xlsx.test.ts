/**
 * The golden write-back tests through the package adapter (src/adapters/xlsx), as
 * `jixiao check` now runs them: bytes in, the patched package out, read back by ExcelJS.
 * Also: the same results as the ExcelJS adapter, and the input parts kept byte for byte.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { openXlsx } from "../../src/adapters/xlsx/port";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { installInternalLinkFix } from "../../src/adapters/exceljs/links";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { readState, STATE_SHEET } from "../../src/core/state";
import { dumpWorkbook, FLAGGED_TARGET, makeUserWorkbook, USER_NOTE, withoutFill, type FixtureOptions, type SheetDump } from "./fixture";

installInternalLinkFix();

const NOW = new Date("2025-03-01T08:00:00Z");

async function original(options: FixtureOptions = {}): Promise<Uint8Array> {
  return new Uint8Array((await makeUserWorkbook(options).xlsx.writeBuffer()) as ArrayBuffer);
}

async function run(bytes: Uint8Array): Promise<Uint8Array> {
  const port = openXlsx(bytes, "t.xlsx");
  await checkWorkbook(port, { now: NOW });
  return port.save();
}

async function clear(bytes: Uint8Array): Promise<Uint8Array> {
  const port = openXlsx(bytes, "t.xlsx");
  await clearWorkbook(port);
  return port.save();
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const dump = async (bytes: Uint8Array) => dumpWorkbook(await load(bytes));

function sheetOf(d: SheetDump[], name: string): SheetDump {
  const s = d.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Values and notes only (styles are spelled differently by the two writers). */
function values(d: SheetDump[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of d) {
    if (s.name === STATE_SHEET) continue;
    const cells: Record<string, unknown> = {};
    for (const [a, c] of Object.entries(s.cells)) {
      if (c.value === null) continue;
      const note = c.note === null ? null : typeof c.note === "string" ? c.note : ((c.note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
      cells[a] = { value: c.value, note };
    }
    out[s.name] = cells;
  }
  return out;
}

describe("a run through the package adapter", () => {
  let input: Uint8Array;
  let before: SheetDump[];
  let after: Uint8Array;
  let afterDump: SheetDump[];

  beforeAll(async () => {
    input = await original();
    before = await dump(input);
    after = await run(input);
    afterDump = await dump(after);
  });

  test("every user cell keeps its value and style; highlighted cells change only their fill", async () => {
    const snap = await openXlsx(after, "t.xlsx").readSnapshot();
    const highlighted = new Set((readState(snap).run?.highlights ?? []).map((h) => `${h.sheet}!${h.address}`));
    expect(highlighted.has(`指标表!${FLAGGED_TARGET}`)).toBe(true);
    for (const sheet of before) {
      const now = sheetOf(afterDump, sheet.name);
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

  test("the same results, notes and sheets as the ExcelJS adapter", async () => {
    const wb = await load(input);
    await checkWorkbook(new ExcelJSPort(wb, "t.xlsx"), { now: NOW });
    const viaExcelJS = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(afterDump.map((s) => [s.name, s.state])).toEqual(dumpWorkbook(viaExcelJS).map((s) => [s.name, s.state]));
    expect(values(afterDump)).toEqual(values(dumpWorkbook(viaExcelJS)));
    const ps = sheetOf(afterDump, "项目表");
    expect(ps.cells.I1.value).toBe("绩效助手结果");
    expect(ps.merges).toContain("I1:P1");
    expect((ps.cells.I3.style as { numFmt?: string }).numFmt).toBe("0.00%");
    const cell = sheetOf(afterDump, "指标表").cells[FLAGGED_TARGET];
    expect(JSON.stringify(cell.style)).toContain("FFFFC7CE");
    expect(values(afterDump)["指标表"][FLAGGED_TARGET]).toMatchObject({ note: expect.stringMatching(new RegExp(`^${USER_NOTE}[\\s\\S]*【T008 错误】`)) });
    const ws = (await load(after)).getWorksheet("校验结果") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // The same filter as the ExcelJS adapter writes (the findings sheet's header and its rows).
    expect(ws.autoFilter).toBe((viaExcelJS.getWorksheet("校验结果") as ExcelJS.Worksheet).autoFilter);
    expect(String(ws.autoFilter)).toMatch(/^A1:[A-Z]+11$/);
    const links = Object.values(sheetOf(afterDump, "校验结果").cells).filter((c) => typeof c.value === "object" && c.value !== null && "hyperlink" in (c.value as object));
    expect(links.map((c) => (c.value as { hyperlink: string }).hyperlink)).toContain(`#'指标表'!${FLAGGED_TARGET}`);
  });

  test("every part of the input is in the copy, byte for byte unless patched", () => {
    const a = unzipSync(input);
    const b = unzipSync(after);
    const patched = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/comments1.xml", "xl/comments2.xml", "xl/drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing2.vml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/_rels/sheet2.xml.rels"]);
    for (const name of Object.keys(a)) {
      expect(b[name]).toBeDefined();
      if (!patched.has(name)) expect({ name, same: Buffer.from(a[name]).equals(Buffer.from(b[name])) }).toEqual({ name, same: true });
    }
  });

  test("running twice gives the same workbook as running once", async () => {
    const twice = await run(after);
    expect(await dump(twice)).toEqual(afterDump);
    expect(Object.keys(unzipSync(twice)).sort()).toEqual(Object.keys(unzipSync(after)).sort());
  });

  test("clearing restores the user's workbook exactly (values, styles, notes, merges, sheets)", async () => {
    expect(await dump(await clear(after))).toEqual(before);
    expect(await dump(await clear(await run(after)))).toEqual(before);
  });

  test("clearing leaves the package's parts as they were: no part of ours stays behind", async () => {
    const names = (b: Uint8Array) => Object.keys(unzipSync(b)).filter((n) => !n.endsWith("/")).sort();
    expect(names(await clear(after))).toEqual(names(input));
    // A workbook without any note: the notes' parts and the sheets' legacyDrawing go again.
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("项目表");
    p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数"]);
    p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 95]);
    p.addRow(["P002", "困难群众救助", "县民政局", 200, 150]);
    const i = wb.addWorksheet("指标表");
    i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
    for (const code of ["P001", "P002"]) i.addRow([code, "产出指标", "数量指标", "服务人次", "进一步提高", "320人次"]);
    const plain = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(names(plain).some((n) => /comments|vml/.test(n))).toBe(false);
    const checked = await run(plain);
    expect(names(checked).some((n) => /comments/.test(n))).toBe(true);
    const back = await clear(checked);
    expect(names(back)).toEqual(names(plain));
    for (const [n, d] of Object.entries(unzipSync(back))) if (n.startsWith("xl/worksheets/sheet")) expect(Buffer.from(d).toString("utf8")).not.toContain("legacyDrawing");
  });

  test("the checked copy read by our reader gives the values ExcelJS reads", async () => {
    const ours = await openXlsx(after, "t.xlsx").readSnapshot();
    const theirs = await (await ExcelJSPort.fromBuffer(Buffer.from(after), "t.xlsx")).readSnapshot();
    expect(ours).toEqual(theirs);
  });
});

test("a workbook checked earlier by the ExcelJS adapter: re-checked and cleared by the package adapter", async () => {
  const input = await original();
  const wb = await load(input);
  await checkWorkbook(new ExcelJSPort(wb, "t.xlsx"), { now: NOW });
  const byExcelJS = new Uint8Array(await wb.xlsx.writeBuffer());
  const rechecked = await run(byExcelJS);
  expect(values(await dump(rechecked))).toEqual(values(await dump(await run(input))));
  const cleared = await dump(await clear(rechecked));
  expect(values(cleared)).toEqual(values(await dump(input)));
  expect(cleared.map((s) => s.name)).toEqual(["项目表", "指标表"]);
});

describe("safety through the package adapter", () => {
  test("text that looks like a formula stays text everywhere (=, +, -, @)", async () => {
    const out = await run(await original({ injection: true }));
    const wb = await load(out);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type === ExcelJS.ValueType.Formula || Boolean(cell.formula)).toBe(false);
        }),
      ),
    );
    const names = Object.values(sheetOf(dumpWorkbook(wb), "校验结果").cells).map((c) => c.value);
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")', "-2", "@SUM(A1)"]));
    const parts = unzipSync(out);
    for (const [name, data] of Object.entries(parts)) if (name.startsWith("xl/worksheets/sheet")) expect(Buffer.from(data).toString("utf8")).not.toMatch(/<f[\s>]/);
  });

  test("a user cell right of the table pushes the results further right", async () => {
    const out = await dump(await run(await original({ userCellRight: true })));
    const ps = sheetOf(out, "项目表");
    expect(ps.cells.J4.value).toBe("备注：数据来自预算系统");
    expect(ps.cells.K1.value).toBe("绩效助手结果");
    expect(ps.merges).toContain("K1:R1");
  });
});
