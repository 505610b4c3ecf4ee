/** The command line's batch input and the review-round options, through the library layer. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCheckCommand, runRulesCommand } from "../../src/cli/commands";
import { expandInputs } from "../../src/cli/inputs";
import { ReportSchema } from "../../src/engine/report";
import { catalogue } from "../../src/messages";
import zhX from "../../src/messages/zh-CN/x";
import enX from "../../src/messages/en/x";
import zhRound from "../../src/messages/zh-CN/round";
import enRound from "../../src/messages/en/round";
import { X_RULES } from "../../src/round/rules";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-round-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false, now: new Date("2025-04-10T09:00:00Z") } };
}

async function book(file: string, code: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数"]);
  p.addRow([code, `项目${code}`, "县教育局", 100]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值"]);
  i.addRow([code, "产出指标", "数量指标", "培训人次", "≥300人次"]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

test("folders are walked recursively in a locale-independent order; other files are listed as skipped", async () => {
  const root = path.join(dir, "报送");
  await book(path.join(root, "b.xlsx"), "B");
  await book(path.join(root, "A", "z.xlsm"), "Z");
  await book(path.join(root, "a.xlsx"), "A");
  await book(path.join(root, "乙.xlsx"), "C");
  fs.writeFileSync(path.join(root, "说明.docx"), "x");
  fs.writeFileSync(path.join(root, "~$a.xlsx"), "lock");
  const e = expandInputs([root]);
  // Code-unit order: upper case before lower case, ASCII before CJK, whatever the machine's locale.
  expect(e.files.map((f) => f.display)).toEqual(["报送/A/z.xlsm", "报送/a.xlsx", "报送/b.xlsx", "报送/乙.xlsx"]);
  expect(e.skipped.map((s) => s.file).sort()).toEqual(["报送/~$a.xlsx", "报送/说明.docx"].sort());
  expect(e.skipped.every((s) => s.reason && s.reasonEn)).toBe(true);
});

test("legacy submissions in a folder (.xls, .ods) are converted and checked with the others", async () => {
  const root = path.join(dir, "旧格式");
  await book(path.join(root, "新.xlsx"), "N");
  fs.mkdirSync(root, { recursive: true });
  for (const f of ["county-libreoffice.xls", "county-libreoffice.ods"]) fs.copyFileSync(path.join(__dirname, "../fixtures/legacy", f), path.join(root, f));
  const t = io();
  const json = path.join(dir, "legacy.json");
  expect(await runCheckCommand([root], { out: path.join(dir, "legacy-out"), write: true, quiet: true, json }, t.io)).toBe(0);
  const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
  expect(report.files.map((f) => f.file)).toEqual(["旧格式/county-libreoffice.ods", "旧格式/county-libreoffice.xls", "旧格式/新.xlsx"]);
  expect(report.files.filter((f) => f.projects.length > 0).length).toBe(3);
  expect(report.round?.skipped ?? []).toEqual([]);
});

test("one unreadable submission is reported and the rest still run (exit 0); nothing readable exits 2", async () => {
  const root = path.join(dir, "批次");
  await book(path.join(root, "好.xlsx"), "G");
  fs.writeFileSync(path.join(root, "坏.xlsx"), "not a zip");
  const t = io();
  const json = path.join(dir, "batch.json");
  expect(await runCheckCommand([root], { out: path.join(dir, "out"), write: false, quiet: true, json }, t.io)).toBe(0);
  expect(t.err.join("")).toContain("坏.xlsx");
  const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
  expect(report.files.map((f) => f.file)).toEqual(["批次/好.xlsx"]);
  expect(report.round?.skipped.map((s) => s.file)).toEqual(["批次/坏.xlsx"]);

  const bad = path.join(dir, "全坏");
  fs.mkdirSync(bad);
  fs.writeFileSync(path.join(bad, "x.xlsx"), "nope");
  const t2 = io();
  expect(await runCheckCommand([bad], { out: path.join(dir, "out"), write: false, quiet: true }, t2.io)).toBe(2);
  const t3 = io();
  expect(await runCheckCommand([path.join(dir, "空")], { out: path.join(dir, "out"), write: false, quiet: true }, t3.io)).toBe(2);
});

test("--previous that is no round's file is refused with a reason, exit 2", async () => {
  const prev = path.join(dir, "prev.json");
  fs.writeFileSync(prev, JSON.stringify({ hello: 1 }));
  await book(path.join(dir, "one.xlsx"), "O");
  const t = io();
  expect(await runCheckCommand([path.join(dir, "one.xlsx")], { out: path.join(dir, "out"), write: false, quiet: true, previous: prev }, t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/上一轮.*prev\.json.*\/.*last round's file prev\.json/);
});

test("jixiao rules lists the cross-submission rules after the others", () => {
  const t = io();
  expect(runRulesCommand({ json: true }, t.io)).toBe(0);
  const rows = JSON.parse(t.out.join("")) as { id: string; severity: string; practice: boolean }[];
  expect(rows.slice(-3).map((r) => [r.id, r.severity])).toEqual([["X001", "warning"], ["X002", "warning"], ["X003", "info"]]);
});

test("X and round messages: both languages, same keys and placeholders; every X message id is used", () => {
  const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [zh, en] of [[zhX, enX], [zhRound, enRound]]) {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh)) {
      if (zh === zhX) expect(zh[k].message).toMatch(/[\u4e00-\u9fff]/);
      expect(ph(en[k].message + en[k].hint)).toEqual(ph(zh[k].message + zh[k].hint));
    }
  }
  for (const k of Object.keys(zhX)) {
    expect(zhX[k].hint.length).toBeGreaterThan(0);
    expect(X_RULES.some((r) => k === r.meta.id || k.startsWith(`${r.meta.id}.`))).toBe(true);
  }
  for (const r of X_RULES) expect(Object.keys(catalogue["zh-CN"]).some((k) => k === r.meta.id || k.startsWith(`${r.meta.id}.`))).toBe(true);
});
