/**
 * The review round end to end (issue 8, 「Done when」): a generated batch of 23 submissions
 * from 22 departments in mixed layouts and units, checked as one round from the command line
 * (library layer), then a second round after 退回修改 against the first's 汇总.xlsx.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCheckCommand } from "../../src/cli/commands";
import { checkFile } from "../../src/cli/check-files";
import type { CheckCliOptions } from "../../src/cli/cli";
import { ReportSchema, type Report } from "../../src/engine/report";
import { getPreset } from "../../src/rulebook/load";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { writeRoundBatch, type Batch } from "../scripts/make-round-batch";

jest.setTimeout(120_000);

let root: string;
let batch1: Batch;
let report1: Report;
let err1: string;
const NOW = new Date("2025-04-10T09:00:00Z");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false, now: NOW } };
}

const opts = (over: Partial<CheckCliOptions>): CheckCliOptions => ({ out: path.join(root, "out"), write: false, quiet: true, ...over });
const sheetOf = (book: WorkbookSnapshot, name: string) => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-round-"));
  batch1 = await writeRoundBatch(path.join(root, "报送1"), 1);
  const t = io();
  const code = await runCheckCommand([batch1.dir], opts({ json: path.join(root, "r1.json"), summary: path.join(root, "第一轮", "汇总.xlsx"), feedback: path.join(root, "第一轮", "反馈") }), t.io);
  expect(code).toBe(0);
  err1 = t.err.join("");
  report1 = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "r1.json"), "utf8")));
});

afterAll(() => {
  if (!process.env.KEEP_ROUND) fs.rmSync(root, { recursive: true, force: true });
  else process.stdout.write(`round test files kept in ${root}\n`);
});

const shown = (file: string) => `报送1/${file}`;

describe("round 1: the consolidated picture", () => {
  it("checks every workbook in the folder in a stable order; lists the text file as skipped and the damaged one as unreadable, and still runs", () => {
    const expected = [...batch1.submissions.map((s) => s.file), batch1.duplicate.file].map(shown).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(report1.files.map((f) => f.file)).toEqual(expected);
    expect(report1.files.length).toBeGreaterThanOrEqual(20);
    expect(err1).toContain(`跳过 ${shown(batch1.notWorkbook)}`);
    expect(err1).toContain(batch1.damaged);
    expect(report1.round?.skipped.map((s) => s.file).sort()).toEqual([shown(batch1.damaged), shown(batch1.notWorkbook)].sort());
    expect(new Set(batch1.submissions.map((s) => s.layout))).toEqual(new Set(["list", "combined", "form"]));
    expect(batch1.submissions.filter((s) => s.unit === "元").length).toBeGreaterThanOrEqual(2);
  });

  it("totals in 万元 equal the sum of the single-file reports", async () => {
    const rulebook = getPreset();
    let budget = 0;
    let spent = 0;
    let projects = 0;
    const factor: Record<string, number> = { 万元: 1, 元: 1 / 10000 };
    for (const f of report1.files) {
      const single = await checkFile(path.join(root, f.file), { rulebook, outDir: null, now: NOW });
      projects += single.report.projects.length;
      for (const p of single.report.projects) {
        budget += (p.budget ?? 0) * factor[single.report.unit];
        spent += (p.spent ?? 0) * factor[single.report.unit];
      }
    }
    const totals = report1.round!.totals;
    expect(totals.projects).toBe(projects);
    expect(totals.budget).toBeCloseTo(budget, 4);
    expect(totals.spent).toBeCloseTo(spent, 4);
    expect(totals.files).toBe(report1.files.length);
    expect(totals.unreadable).toBe(2);
    // The departments' figures add up to the round's.
    expect(report1.round!.departments.reduce((s, d) => s + d.budget, 0)).toBeCloseTo(totals.budget, 4);
    expect(report1.round!.departments.reduce((s, d) => s + d.findings.error, 0)).toBe(totals.findings.error);
  });

  it("项目清单: every project once per submission, its money in 万元 whatever the file's unit", async () => {
    const book = await readXlsxFile(path.join(root, "第一轮", "汇总.xlsx"));
    const sheet = sheetOf(book, "项目清单");
    expect(sheet.values[0].map(text)).toEqual(["文件", "主管部门", "项目编码", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率", "总分", "等级", "监控灯", "建议金额", "调整建议", "错误数", "警告数", "提示数"]);
    const rows = sheet.values.slice(1).filter((r) => r.some((v) => v !== null));
    const subs = [...batch1.submissions, { ...batch1.submissions.find((s) => s.file === batch1.duplicate.of)!, file: batch1.duplicate.file }];
    expect(rows).toHaveLength(subs.reduce((n, s) => n + s.projects.length, 0));
    for (const s of subs) {
      for (const p of s.projects) {
        const hits = rows.filter((r) => r[0] === shown(s.file) && r[2] === p.code);
        expect([s.file, p.code, hits.length]).toEqual([s.file, p.code, 1]);
        expect(hits[0][4]).toBeCloseTo(p.budget, 4);
        expect(hits[0][5]).toBeCloseTo(p.spent, 4);
      }
    }
  });

  it("flags the project submitted by two departments and the file sent twice, naming both files", () => {
    const cross = report1.round!.cross;
    const x001 = cross.filter((x) => x.rule === "X001");
    expect(x001).toHaveLength(1);
    expect([x001[0].file, x001[0].otherFile].sort()).toEqual(batch1.shared.files.map(shown).sort());
    expect(x001[0].message).toContain(batch1.shared.code);
    const x002 = cross.filter((x) => x.rule === "X002");
    expect(x002).toHaveLength(1);
    expect(x002[0]).toMatchObject({ file: shown(batch1.duplicate.file), otherFile: shown(batch1.duplicate.of) });
    expect(x002[0].message).toContain(batch1.duplicate.file);
    expect(x002[0].message).toContain(batch1.duplicate.of);
    const x003 = cross.filter((x) => x.rule === "X003");
    expect(x003).toHaveLength(1);
    expect(x003[0].severity).toBe("info");
    expect(x003[0].message).toContain("县卫健委");
    expect(x003[0].message).toContain("县卫生健康委员会");
  });

  it("问题清单: every finding of every file with 处理状态 as a drop-down and 单元格 opening the submitted file", async () => {
    const file = path.join(root, "第一轮", "汇总.xlsx");
    const book = await readXlsxFile(file);
    const sheet = sheetOf(book, "问题清单");
    expect(sheet.values[0].map(text)).toEqual(["文件", "主管部门", "项目", "工作表", "单元格", "级别", "说明", "建议", "处理状态", "处理说明"]);
    const all = report1.files.reduce((n, f) => n + f.findings.length, 0) + report1.round!.cross.length;
    expect(sheet.values.slice(1).filter((r) => r.some((v) => v !== null))).toHaveLength(all);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("问题清单")!;
    const link = ws.getCell("E2").value as { hyperlink: string; text: string };
    const [target, where] = link.hyperlink.split("#");
    expect(fs.existsSync(path.resolve(path.dirname(file), decodeURI(target)))).toBe(true);
    expect(where).toMatch(/^'.+'![A-Z]+\d+$/);
    expect(where.endsWith(`!${link.text}`)).toBe(true);
    expect(ws.getCell("I2").dataValidation).toMatchObject({ type: "list" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
  });

  it("--feedback: one workbook per department, with exactly that department's findings", async () => {
    const dir = path.join(root, "第一轮", "反馈");
    const departments = report1.round!.departments.map((d) => d.department);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(departments.map((d) => `审核意见反馈表_${d}.xlsx`).sort());
    const mine = (department: string) => {
      const rows: string[] = [];
      for (const f of report1.files) for (const x of f.findings) if ((x.department ?? "") === department || (!x.department && report1.round!.departments.find((d) => d.department === department)?.files.includes(f.file))) rows.push(`${f.file}|${x.sheet}|${x.cell}|${x.message}`);
      for (const x of report1.round!.cross) if (x.department === department) rows.push(`${x.file}|${x.sheet}|${x.cell}|${x.message}`);
      return rows.sort();
    };
    for (const department of ["县水利局", "县交通运输局", "县卫健委", "县教育局"]) {
      const book = await readXlsxFile(path.join(dir, `审核意见反馈表_${department}.xlsx`));
      const cover = sheetOf(book, "封面");
      expect(cover.values.flat().map(text)).toContain(department);
      const sheet = sheetOf(book, "审核意见");
      expect(sheet.values[0].map(text).slice(-2)).toEqual(["整改情况", "整改说明"]);
      const rows = sheet.values.slice(1).filter((r) => typeof r[0] === "number").map((r) => `${text(r[1])}|${text(r[3])}|${text(r[4])}|${text(r[6])}`);
      expect(rows.sort()).toEqual(mine(department));
      // 整改情况 / 整改说明 are left for the department.
      for (const r of sheet.values.slice(1)) expect([r[9] ?? null, r[10] ?? null]).toEqual([null, null]);
    }
    // Every finding goes to exactly one department.
    const total = report1.files.reduce((n, f) => n + f.findings.length, 0) + report1.round!.cross.length;
    let sum = 0;
    for (const f of files) {
      const book = await readXlsxFile(path.join(dir, f));
      sum += sheetOf(book, "审核意见").values.slice(1).filter((r) => typeof r[0] === "number").length;
    }
    expect(sum).toBe(total);
  });
});

describe("round 2: against the first round's 汇总.xlsx", () => {
  let report2: Report;
  let err2: string;
  let accepted: { file: string; message: string };
  let changed: { file: string; message: string; reason: string };
  let book2: WorkbookSnapshot;

  beforeAll(async () => {
    // The reviewer works in last round's 问题清单: accepts one finding of the department that
    // re-sorted its sheets, one whose values will change, and marks a third without a reason.
    const summary1 = path.join(root, "第一轮", "汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary1);
    const ws = wb.getWorksheet("问题清单")!;
    const rowOf = (pred: (file: string, message: string) => boolean): number => {
      for (let r = 2; r <= ws.rowCount; r++) if (pred(text(ws.getCell(r, 1).value), text(ws.getCell(r, 7).value))) return r;
      throw new Error("no such row");
    };
    const movedFile = shown(batch1.moved);
    const ra = rowOf((f) => f === movedFile);
    ws.getCell(ra, 9).value = "已确认";
    ws.getCell(ra, 10).value = "该县农业项目按省厅统一口径设置，无需修改";
    accepted = { file: movedFile, message: text(ws.getCell(ra, 7).value) };
    const touchFile = shown("县司法局.xlsx");
    const touched = report1.files.find((f) => f.file === touchFile)!.findings.find((x) => x.indicator && x.project)!;
    const rb = rowOf((f, m) => f === touchFile && m === touched.message);
    ws.getCell(rb, 9).value = "已确认";
    ws.getCell(rb, 10).value = "司法所工作量以案件数计，指标合理";
    changed = { file: touchFile, message: touched.message, reason: "司法所工作量以案件数计，指标合理" };
    const rc = rowOf((f) => f === shown("县公安局.xlsx"));
    ws.getCell(rc, 9).value = "已确认";
    await wb.xlsx.writeFile(summary1);

    await writeRoundBatch(path.join(root, "报送2"), 2, { touch: { department: "县司法局", code: touched.project!, indicator: touched.indicator! } });
    // 县教育局 sends its feedback workbook back with the corrected file, answers filled in.
    const fb = new ExcelJS.Workbook();
    await fb.xlsx.readFile(path.join(root, "第一轮", "反馈", "审核意见反馈表_县教育局.xlsx"));
    const comments = fb.getWorksheet("审核意见")!;
    for (let r = 2; r <= comments.rowCount; r++) {
      if (typeof comments.getCell(r, 1).value !== "number") continue;
      comments.getCell(r, 10).value = "已整改";
      comments.getCell(r, 11).value = `已按意见修改（第${r - 1}条）`;
    }
    await fb.xlsx.writeFile(path.join(root, "报送2", "审核意见反馈表_县教育局（已填）.xlsx"));
    // The second round's folder has the same name as the first's (files are matched by department and fingerprint, not by path).
    const t = io();
    const code = await runCheckCommand([path.join(root, "报送2")], opts({ json: path.join(root, "r2.json"), summary: path.join(root, "第二轮", "汇总.xlsx"), feedback: path.join(root, "第二轮", "反馈"), previous: summary1 }), t.io);
    expect(code).toBe(0);
    err2 = t.err.join("");
    report2 = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "r2.json"), "utf8")));
    book2 = await readXlsxFile(path.join(root, "第二轮", "汇总.xlsx"));
  });

  const rowsOf = () => {
    const s = sheetOf(book2, "问题清单");
    return s.values.slice(1).filter((r) => r.some((v) => v !== null)).map((r) => ({ file: text(r[0]), dept: text(r[1]), message: text(r[6]), status: text(r[8]), note: text(r[9]) }));
  };

  it("an accepted finding stays accepted after its file's sheets were re-sorted and rows inserted, and is counted apart", () => {
    const rows = rowsOf();
    const a = rows.filter((r) => r.file === accepted.file.replace("报送1", "报送2") && r.message === accepted.message);
    expect(a).toHaveLength(1);
    expect(a[0].status).toBe("已确认");
    expect(a[0].note).toContain("省厅统一口径");
    expect(report2.round!.comparison!.accepted).toBe(1);
    expect(report2.round!.totals.accepted).toBe(1);
    // Everything else of the re-sorted file is 仍存在: nothing new, nothing fixed, although every cell moved.
    const moved = rows.filter((r) => r.file === shown(batch1.moved).replace("报送1", "报送2"));
    expect(moved.length).toBeGreaterThan(1);
    expect(moved.filter((r) => r.status !== "已确认").every((r) => r.status === "仍存在")).toBe(true);
    expect(report2.round!.fixed.filter((f) => f.department === "县农业农村局")).toEqual([]);
  });

  it("a returned feedback workbook among the submissions is read as the department's answers, shown in 处理说明", () => {
    expect(err2).toContain("收到 县教育局 返回的审核意见反馈表");
    expect(report2.files.some((f) => f.file.includes("审核意见反馈表"))).toBe(false);
    expect(report2.round!.skipped.some((s) => s.file.includes("审核意见反馈表"))).toBe(false);
    const edu = rowsOf().filter((r) => r.dept === "县教育局");
    expect(edu.length).toBeGreaterThan(0);
    for (const r of edu) expect(r.note).toMatch(/部门反馈：已整改，已按意见修改（第\d+条）/);
    expect(edu.some((r) => r.status === "已整改")).toBe(true);
  });

  it("an accepted finding whose values changed comes back as 仍存在, with the old reason shown", () => {
    const r = rowsOf().filter((x) => x.file === changed.file.replace("报送1", "报送2") && x.message === changed.message);
    expect(r).toHaveLength(1);
    expect(r[0].status).toBe("仍存在");
    expect(r[0].note).toContain(changed.reason);
  });

  it("已确认 without a 处理说明 is not accepted, and the reviewer is told", () => {
    expect(err2).toContain("没有填写处理说明");
    expect(rowsOf().filter((r) => r.file.endsWith("县公安局.xlsx")).every((r) => r.status === "仍存在")).toBe(true);
  });

  it("marks 新增 / 仍存在 / 已整改 by fingerprint, and 汇总 shows per department how many were fixed", () => {
    const cmp = report2.round!.comparison!;
    const rows = rowsOf();
    const current = rows.filter((r) => r.status !== "已整改");
    expect(cmp.new + cmp.persisting + cmp.accepted).toBe(current.length);
    expect(rows.filter((r) => r.status === "已整改")).toHaveLength(cmp.fixed);
    // 县教育局 replaced a defective project by sound content: its old findings are fixed.
    const fixedEdu = report2.round!.fixed.filter((f) => f.department === "县教育局");
    expect(fixedEdu.length).toBeGreaterThan(0);
    expect(fixedEdu.every((f) => f.project === batch1.fixedProject.code)).toBe(true);
    // 县民政局's new placeholder is the one 新增; the fixed project's old findings the only 已整改.
    const fresh = rows.filter((r) => r.status === "新增");
    expect(fresh.length).toBeGreaterThan(0);
    for (const r of fresh) expect([r.dept, r.message.includes(batch1.newDefect.indicator) && r.message.includes("XX")]).toEqual(["县民政局", true]);
    expect(fresh).toHaveLength(cmp.new);
    for (const f of report2.round!.fixed) expect([f.department, f.project]).toEqual(["县教育局", batch1.fixedProject.code]);
    // Unchanged departments: exactly last round's findings, all 仍存在.
    for (const dept of ["县水利局", "县交通运输局", "县人力资源和社会保障局"]) {
      const before = report1.files.filter((f) => f.file.includes(dept)).reduce((n, f) => n + f.findings.length, 0);
      const now = rows.filter((r) => r.dept === dept && r.status === "仍存在" && !/^X/.test(r.message));
      expect([dept, now.length]).toEqual([dept, before + report1.round!.cross.filter((x) => x.department === dept).length]);
    }
    // 汇总: the department table shows the fixed count.
    const summary = sheetOf(book2, "汇总").values;
    const head = summary.findIndex((r) => text(r[1]) === "主管部门" && r.map(text).includes("已整改"));
    expect(head).toBeGreaterThan(0);
    const col = summary[head].map(text).indexOf("已整改");
    const edu = summary.slice(head + 1).find((r) => text(r[1]) === "县教育局")!;
    expect(edu[col]).toBe(fixedEdu.length);
    expect(report2.round!.round).toBe(2);
  });

  it("--previous report.json gives the same comparison (without the acceptances made in the workbook)", async () => {
    const t = io();
    const code = await runCheckCommand([path.join(root, "报送2")], opts({ json: path.join(root, "r2b.json"), previous: path.join(root, "r1.json") }), t.io);
    expect(code).toBe(0);
    const r = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "r2b.json"), "utf8")));
    const a = report2.round!.comparison!;
    expect(r.round!.comparison).toEqual({ new: a.new, persisting: a.persisting + a.accepted, fixed: a.fixed, accepted: 0 });
  });
});
