/**
 * Between two runs the user inserts a column inside the table. The previous results moved
 * with it; the user's cells that now sit where they used to be must survive the re-run and
 * 清除标记.
 */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";

async function book(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["XX县2024年度项目表"]);
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数"]);
  p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 95]);
  p.addRow(["P002", "困难群众救助", "县民政局", 200, 150]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
  for (const code of ["P001", "P002"]) {
    i.addRow([code, "产出指标", "数量指标", "服务人次", "≥300人次", "320人次"]);
    i.addRow([code, "效益指标", "社会效益指标", "群众生活改善", "达成年度指标", "达成年度指标"]);
    i.addRow([code, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%"]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Insert a user column at `col` (1-based) on the project sheet, as Excel's 插入列 would, with values. */
async function insertColumn(port: ExcelJSPort, col: number, values: string[]): Promise<ExcelJSPort> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("项目表")!;
  // ExcelJS does not move merged areas with spliceColumns; Excel does. Unmerge, splice, merge again shifted.
  type Box = { top: number; left: number; bottom: number; right: number };
  const merges = Object.values((ws as unknown as { _merges: Record<string, Box> })._merges).map((m): Box => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceColumns(col, 0, values);
  for (const m of merges) ws.mergeCells(m.top, m.left >= col ? m.left + 1 : m.left, m.bottom, m.right >= col ? m.right + 1 : m.right);
  return ExcelJSPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "moved.xlsx");
}

function columnOf(snapshotRows: unknown[][], text: string): number[] {
  const cols: number[] = [];
  for (const row of snapshotRows) row.forEach((v, j) => v === text && cols.push(j));
  return cols;
}

test("a re-run after a column was inserted keeps the user's moved cells and writes one result block", async () => {
  let port = await ExcelJSPort.fromBuffer(await book(), "m.xlsx");
  await checkWorkbook(port, { now: new Date("2025-01-05T00:00:00Z") });
  const first = (await port.readSnapshot()).sheets.find((s) => s.name === "项目表")!;
  const band = columnOf(first.values, "绩效助手结果");
  expect(band).toEqual([5]); // F: right after the table (A–E)

  // The user inserts 「备注」 at column C: their data and the old results all move one right,
  // and column F (where the band was) now holds the user's 全年执行数.
  port = await insertColumn(port, 3, [null as unknown as string, "备注", "已核实", "待补充"]);
  const moved = (await port.readSnapshot()).sheets.find((s) => s.name === "项目表")!;
  expect(moved.values[1][5]).toBe("全年执行数");
  expect(moved.values[2][5]).toBe(95);

  await checkWorkbook(port, { now: new Date("2025-01-06T00:00:00Z") });
  const after = (await port.readSnapshot()).sheets.find((s) => s.name === "项目表")!;
  expect(after.values[1].slice(0, 6)).toEqual(["项目编码", "项目名称", "备注", "主管部门", "全年预算数", "全年执行数"]);
  expect(after.values[2].slice(0, 6)).toEqual(["P001", "农村公路养护", "已核实", "县交通运输局", 100, 95]);
  expect(after.values[3].slice(0, 6)).toEqual(["P002", "困难群众救助", "待补充", "县民政局", 200, 150]);
  expect(columnOf(after.values, "绩效助手结果")).toEqual([6]);
  expect(columnOf(after.values, "总分")).toHaveLength(1);

  await clearWorkbook(port);
  const cleared = (await port.readSnapshot()).sheets.find((s) => s.name === "项目表")!;
  expect(columnOf(cleared.values, "绩效助手结果")).toEqual([]);
  expect(cleared.values[2].slice(0, 6)).toEqual(["P001", "农村公路养护", "已核实", "县交通运输局", 100, 95]);
  expect(Math.max(...cleared.values.map((r) => r.filter((v) => v !== null).length))).toBe(6);
});

test("highlights follow their cells when a column was inserted: the user's own fill on the cell now at the old address survives", async () => {
  const src = new ExcelJS.Workbook();
  await src.xlsx.load((await book()) as unknown as ArrayBuffer);
  const yellow: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  src.getWorksheet("项目表")!.getCell("D4").fill = yellow; // the user's colour on P002's 全年预算数
  let port = await ExcelJSPort.fromBuffer(Buffer.from(await src.xlsx.writeBuffer()), "h.xlsx");

  const first = await checkWorkbook(port, { now: new Date("2025-01-05T00:00:00Z") });
  // P002 spent 150 of 200 (75 %) with no reason: E007 on its 全年执行数 cell, E4.
  expect(first.findings.some((f) => f.rule === "E007" && f.sheet === "项目表" && f.cell === "E4")).toBe(true);

  port = await insertColumn(port, 3, [null as unknown as string, "备注", "已核实", "待补充"]);
  await clearWorkbook(port);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("项目表")!;
  expect(ws.getCell("E4").value).toBe(200);
  expect(ws.getCell("E4").fill).toEqual(yellow); // not "restored" to the 全年执行数 cell's original
  expect(ws.getCell("F4").value).toBe(150);
  expect((ws.getCell("F4").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFEB9C"); // our amber is gone
});
