/**
 * Other hostile inputs (issue 10): a stray value in A1000000, a budget of 1e308, 全年预算数
 * twice, a 30,000-character target. Each checks in seconds, is reported, and writes no
 * non-finite number and no cell over Excel's 32,767 characters.
 */
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, type RunOutcome } from "../../src/engine/pipeline";
import type { PlanAction } from "../../src/core/plan";
import { guardPlan, CELL_TEXT_MAX } from "../../src/writeplan/guard";
import { t } from "../../src/messages";
import { countyBuffer, hugeBudgetRows, longTargetRows, strayBook, twoBudgetColumnRows } from "../scripts/make-hostile-fixtures";
import { NOW } from "./helpers";

async function check(buf: Buffer | Promise<Buffer>, options: Parameters<typeof checkWorkbook>[1] = {}): Promise<RunOutcome> {
  const port = await ExcelJSPort.fromBuffer(await buf, "hostile.xlsx");
  return checkWorkbook(port, { now: NOW, ...options });
}

const values = (a: PlanAction) => (a.kind === "setValues" ? a.values.flat() : a.kind === "setNote" || a.kind === "setLink" ? [a.text] : []);

/** Every number and text the plan writes, and the JSON report, are finite and within Excel's cell limit. */
function expectWritable(out: RunOutcome): void {
  for (const a of out.plan!.actions) {
    for (const v of values(a)) {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      if (typeof v === "string") {
        expect(v.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
        expect(v).not.toMatch(/Infinity|NaN/);
      }
    }
  }
  const json = JSON.stringify(out.report);
  expect(json).not.toMatch(/Infinity|NaN/);
}

test("a stray value in A1000000 below 22 projects: 22 projects, one D010 at A1000000, a result block of 24 rows", async () => {
  const out = await check(strayBook());
  expect(out.report.projects).toHaveLength(22);
  const stray = out.findings.filter((f) => f.rule === "D010");
  expect(stray).toHaveLength(1);
  expect(stray[0]).toMatchObject({ sheet: "项目表", cell: "A1000000", severity: "warning" });
  expect(stray[0].message).toContain("第 1000000 行");
  expect(stray[0].message).toContain("第 24 行");
  expect(stray[0].messageEn).toContain("row 1000000");
  // Nothing materialised beyond the data: no action writes a million rows.
  for (const a of out.plan!.actions) if (a.kind === "setValues") expect(a.values.length).toBeLessThan(200);
  const block = out.plan!.actions.find((a) => a.kind === "setValues" && a.sheet === "项目表");
  expect(block && block.kind === "setValues" ? block.values.length : 0).toBe(24);
  expect(out.report.findings.some((f) => f.rule === "D003" || f.rule === "D002")).toBe(false);
});

test("a stray value in XFD3 (Excel's last column): D010 there, no result columns beyond Excel's edge, the copy still saves", async () => {
  const port = await ExcelJSPort.fromBuffer(await countyBuffer({ extra: { XFD3: "远处" } }), "right.xlsx");
  const out = await checkWorkbook(port, { now: NOW });
  expect(out.report.projects).toHaveLength(22);
  const f = out.findings.filter((x) => x.rule === "D010");
  expect(f).toEqual([expect.objectContaining({ sheet: "项目表", cell: "XFD3" })]);
  expect(f[0].message).toContain("表格到 E 列结束");
  expect(out.plan!.actions.some((a) => a.kind === "setValues" && a.sheet === "项目表")).toBe(false);
  await expect(port.toBuffer()).resolves.toBeInstanceOf(Buffer);
  const { clearWorkbook } = await import("../../src/engine/pipeline");
  await clearWorkbook(port);
  expect((await port.readSnapshot()).sheets.map((s) => s.name)).toEqual(["项目表", "指标表"]);
});

test("a budget of 1e308 is a finding (D011), is not used, and no Infinity or NaN is written or reported", async () => {
  const out = await check(countyBuffer({ projects: hugeBudgetRows() }));
  const f = out.findings.filter((x) => x.rule === "D011");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ sheet: "项目表", cell: "D5", severity: "error", project: "P003" });
  expect(f[0].message).toContain("1000000000000 万元");
  expect(f[0].messageEn).toContain("beyond any plausible budget");
  expect(out.report.projects[2].budget).toBeNull();
  expect(out.findings.some((x) => x.rule === "D009")).toBe(false);
  expectWritable(out);
});

test("the plausible-amount bound is a rulebook parameter", async () => {
  const { parseRulebook } = await import("../../src/rulebook/load");
  const rb = parseRulebook({ rules: { D011: { params: { maxWanYuan: 110 } } } });
  const out = await check(countyBuffer(), { rulebook: rb, write: false });
  // Budgets 101…122 and spending 91…112 万元: those over 110 are implausible under this rulebook.
  expect(out.findings.filter((x) => x.rule === "D011").map((x) => x.cell)).toEqual(["D13", "D14", "D15", "D16", "D17", "D18", "D19", "D20", "D21", "D22", "D23", "E23", "D24", "E24"]);
});

test("全年预算数 twice: one D012 naming both columns, no budget guessed, no false 超支; a column correction settles it", async () => {
  const out = await check(countyBuffer({ projects: twoBudgetColumnRows() }), { write: false });
  const f = out.findings.filter((x) => x.rule === "D012");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ sheet: "项目表", cell: "D2", severity: "error" });
  expect(f[0].message).toContain("D 列「全年预算数」");
  expect(f[0].message).toContain("F 列「全年预算数」");
  expect(f[0].messageEn).toContain("column F");
  expect(out.findings.filter((x) => x.rule === "D008")).toEqual([]);
  expect(out.report.projects.every((p) => p.budget === null)).toBe(true);
  expect(out.report.detected.find((d) => d.sheet === "项目表")?.columns).not.toHaveProperty("budget");

  const picked = await check(countyBuffer({ projects: twoBudgetColumnRows() }), { write: false, mapping: { 项目表: { budget: "D" } } });
  expect(picked.findings.filter((x) => x.rule === "D012")).toEqual([]);
  expect(picked.report.projects[0].budget).toBe(101);
  const other = await check(countyBuffer({ projects: twoBudgetColumnRows() }), { write: false, mapping: { 项目表: { budget: "F" } } });
  expect(other.report.projects[0].budget).toBe(1);
});

test("a 30,000-character target is quoted shortened; no cell or note over 32,767 characters", async () => {
  const out = await check(countyBuffer({ indicators: longTargetRows() }));
  const onTarget = out.findings.filter((x) => x.sheet === "指标表" && x.cell === "E10");
  expect(onTarget.length).toBeGreaterThan(0);
  for (const f of out.findings) {
    expect(f.message.length).toBeLessThan(400);
    expect(f.messageEn.length).toBeLessThan(500);
  }
  expect(onTarget.some((f) => f.message.includes("提高提高") && f.message.includes("…"))).toBe(true);
  expectWritable(out);
});

test("the write plan's last guard: non-finite numbers become empty cells, over-long texts are cut", () => {
  const long = "长".repeat(40000);
  const plan = guardPlan({
    actions: [
      { kind: "setValues", sheet: "S", topLeft: "A1", values: [[Infinity, NaN, -Infinity, 1.5, long]] },
      { kind: "setNote", sheet: "S", address: "A1", text: long },
      { kind: "setLink", sheet: "S", address: "A2", text: long, targetSheet: "S", targetAddress: "A1" },
    ],
  });
  const [v, n, l] = plan.actions;
  expect(v.kind === "setValues" && v.values[0].slice(0, 4)).toEqual([null, null, null, 1.5]);
  expect(v.kind === "setValues" && (v.values[0][4] as string).length).toBe(CELL_TEXT_MAX);
  expect(n.kind === "setNote" && n.text.length).toBe(CELL_TEXT_MAX);
  expect(l.kind === "setLink" && l.text.endsWith("…")).toBe(true);
});

test("messages never show a non-finite number, and quote sheet text shortened", () => {
  expect(t("D008", "zh-CN", { spent: Infinity, budget: NaN, over: 1e308, unit: "万元" })).not.toMatch(/Infinity|NaN/);
  const long = t("D002", "zh-CN", { row: 3, indicator: "指".repeat(100), project: "P1" });
  expect(long).toContain(`${"指".repeat(60)}…`);
  expect(long).not.toContain("指".repeat(61));
});

test("a form whose 年度资金总额 is 1e308: D011 there too, and that amount is not used (财政拨款 still is)", async () => {
  const { readXlsxFile } = await import("../../src/adapters/exceljs/read");
  const { analyse } = await import("../../src/engine/pipeline");
  const { fromA1 } = await import("../../src/core/address");
  const snap = await readXlsxFile(`${__dirname}/../fixtures/forms/central-2024.xlsx`);
  const first = analyse(snap).model.projects[0];
  const cell = first.origin.cells.budget!;
  const p = fromA1(cell);
  snap.sheets.find((s) => s.name === first.origin.sheet)!.values[p.row][p.col] = 1e308;
  const a = analyse(snap);
  expect(a.findings.filter((f) => f.rule === "D011").map((f) => f.cell)).toEqual([cell]);
  expect(a.model.projects[0].budget).not.toBe(1e308);
  expect(Number.isFinite(a.model.projects[0].budget ?? 0)).toBe(true);
  expect(a.findings.some((f) => /Infinity|NaN/.test(f.message + f.messageEn))).toBe(false);
});
