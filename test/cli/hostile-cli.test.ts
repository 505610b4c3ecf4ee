/**
 * The command line on unlucky input (issue 10): a rulebook with a BOM, --preset with a rulebook
 * that is not an object, a rulebook stored in the workbook (used, and said), bad output paths,
 * and the formats finance offices exchange: .xls, .et, .ods converted, an encrypted .xlsx refused.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCheckCommand } from "../../src/cli/commands";
import type { CheckCliOptions } from "../../src/cli/cli";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook } from "../../src/engine/pipeline";
import { ReportSchema, type Report } from "../../src/engine/report";
import { getPreset } from "../../src/rulebook/load";
import { encodeState, STATE_SHEET } from "../../src/core/state";
import { countyBuffer, encryptedLookalike, legacyBytes } from "../scripts/make-hostile-fixtures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false, now: new Date("2024-12-31T12:00:00Z") } };
}

const opts = (over: Partial<CheckCliOptions> = {}): CheckCliOptions => ({ out: path.join(dir, "out"), write: true, quiet: false, ...over });

async function county(name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await countyBuffer());
  return file;
}

function report(file: string): Report {
  return ReportSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

test("a rulebook saved with a UTF-8 byte-order mark is accepted", async () => {
  const file = await county("bom.xlsx");
  const rules = path.join(dir, "bom.json");
  fs.writeFileSync(rules, "\uFEFF" + JSON.stringify({ extends: "five-grade" }), "utf8");
  const t = io();
  const json = path.join(dir, "bom.report.json");
  expect(await runCheckCommand([file], opts({ rules, json }), t.io)).toBe(0);
  expect(report(json).rulebook).toMatchObject({ preset: "five-grade", source: "option" });
});

test.each([["[1, 2]"], ["5"], ['"central-2020"'], ["null"]])("--preset with a rulebook %s that is not an object is refused clearly (exit 2)", async (text) => {
  const file = await county("np.xlsx");
  const rules = path.join(dir, "np.json");
  fs.writeFileSync(rules, text);
  const t = io();
  expect(await runCheckCommand([file], opts({ rules, preset: "sichuan-2023" }), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/规则库必须是一个 JSON 对象.*\/ the rulebook must be a JSON object/);
});

async function withStoredRulebook(name: string, stored: unknown): Promise<string> {
  const port = await ExcelJSPort.fromBuffer(await countyBuffer(), name);
  if (stored === "five-grade") {
    await checkWorkbook(port, { rulebook: getPreset("five-grade") });
  } else {
    await port.applyPlan({ actions: [{ kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" }, { kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: encodeState({ rulebook: stored }) }] });
  }
  const file = path.join(dir, name);
  await port.save(file);
  return file;
}

test("jixiao check uses the rulebook stored in the workbook, as the pane does, and says so (console and JSON)", async () => {
  const file = await withStoredRulebook("stored.xlsx", "five-grade");
  const json = path.join(dir, "stored.report.json");
  const t = io();
  expect(await runCheckCommand([file], opts({ json }), t.io)).toBe(0);
  const r = report(json);
  expect(r.files[0].rulebook).toEqual({ preset: "five-grade", version: getPreset("five-grade").version, source: "workbook" });
  expect(r.rulebook).toMatchObject({ preset: "five-grade", source: "workbook" });
  expect(Object.keys(r.summary.grades)).toContain("低");
  // Named as the pane names it, not by its id.
  expect(t.out.join("")).toContain("规则库：工作簿中保存的规则库「五档等级（优/良/中/低/差）」");
  expect(t.out.join("")).toContain("Rulebook: the one stored in the workbook, “Five grades (A/B/C/D/E)”");
  expect(t.out.join("")).not.toContain("five-grade");
  // Given on the command line, it wins, and the report says so.
  const t2 = io();
  expect(await runCheckCommand([file], opts({ json, preset: "central-2020" }), t2.io)).toBe(0);
  expect(report(json).files[0].rulebook).toMatchObject({ preset: "central-2020", source: "option" });
});

test("an invalid stored rulebook is not used, and a notice says so", async () => {
  const file = await withStoredRulebook("badstored.xlsx", { targets: { satisfactionFloor: "high" } });
  const json = path.join(dir, "badstored.report.json");
  const t = io();
  expect(await runCheckCommand([file], opts({ json }), t.io)).toBe(0);
  const f = report(json).files[0];
  expect(f.rulebook).toMatchObject({ preset: "central-2020", source: "preset" });
  expect(f.notices?.[0].message).toContain("工作簿中保存的规则库无效");
  expect(f.notices?.[0].message).toContain("targets.satisfactionFloor");
  expect(f.notices?.[0].messageEn).toContain("stored in the workbook is invalid");
  expect(f.notices?.[0].message).toContain("改用默认预设「中央部门 2020（财预〔2020〕10号）」");
  expect(f.notices?.[0].messageEn).toContain("the default preset, “Central departments 2020 (Caiyu [2020] No. 10)”, was used");
  expect(f.notices?.[0].messageEn).toContain("targets.satisfactionFloor");
  expect(t.out.join("")).toContain("工作簿中保存的规则库无效");
});

test("--out pointing at a file and --json into a missing folder: clear bilingual errors, exit 2, nothing written", async () => {
  const file = await county("paths.xlsx");
  const notDir = path.join(dir, "a-file.txt");
  fs.writeFileSync(notDir, "x");
  let t = io();
  expect(await runCheckCommand([file], opts({ out: notDir }), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/--out 指向的是一个文件，不是文件夹.*\/ --out points at a file, not a folder/);
  expect(t.err.join("")).not.toMatch(/EEXIST|ENOTDIR/);

  t = io();
  const json = path.join(dir, "no-such-folder", "r.json");
  expect(await runCheckCommand([file], opts({ json }), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/无法写入 JSON 报告.*所在文件夹.*不存在.*\/ cannot write the JSON report.*does not exist/);
  expect(t.err.join("")).not.toMatch(/ENOENT/);

  t = io();
  expect(await runCheckCommand([file], opts({ json: dir }), t.io)).toBe(2);
  expect(t.err.join("")).toContain("是一个文件夹");
});

test.each([
  ["county.xls", () => legacyBytes("xls"), "xls", "Excel 97–2003"],
  ["county.et", () => legacyBytes("xls"), "et", "WPS"],
  ["county.ods", () => legacyBytes("ods"), "ods", "OpenDocument"],
  // The same list saved by LibreOffice (a second writer): test/fixtures/legacy, `make-hostile-fixtures.ts --libreoffice`.
  ["county-libreoffice.xls", () => fs.readFileSync(path.join(__dirname, "../fixtures/legacy/county-libreoffice.xls")), "xls", "Excel 97–2003"],
  ["county-libreoffice.ods", () => fs.readFileSync(path.join(__dirname, "../fixtures/legacy/county-libreoffice.ods")), "ods", "OpenDocument"],
] as const)("%s is converted to .xlsx, checked as usual, written as name.xlsx, and the report says so", async (name, bytes, format, words) => {
  const sub = fs.mkdtempSync(path.join(dir, `${format}-`));
  const file = path.join(sub, name);
  fs.writeFileSync(file, bytes());
  const out = path.join(sub, "out");
  const json = path.join(sub, "r.json");
  const t = io();
  expect(await runCheckCommand([file], opts({ out, json }), t.io)).toBe(0);
  const r = report(json);
  expect(r.files[0]).toMatchObject({ file: name, convertedFrom: format });
  expect(r.files[0].projects).toHaveLength(22);
  expect(r.files[0].findings.filter((f) => f.rule === "T008")).toHaveLength(5);
  expect(r.files[0].notices?.some((n) => n.message.includes("已转换为 .xlsx") && n.messageEn.includes(words))).toBe(true);
  expect(t.out.join("")).toContain("已转换为 .xlsx");
  const copy = path.join(out, name.replace(/\.\w+$/, ".xlsx"));
  expect(fs.readdirSync(out)).toEqual([path.basename(copy)]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(copy);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["项目表", "指标表", "校验结果", "领导汇总", "运行记录"]));
  expect(wb.getWorksheet("项目表")!.getCell("B3").value).toBe("项目1");
  // The input is never modified.
  expect(fs.readFileSync(file).equals(Buffer.from(bytes()))).toBe(true);
});

test("an encrypted .xlsx, a damaged .xls and a file that is no workbook each get their own message", async () => {
  const enc = path.join(dir, "secret.xlsx");
  fs.writeFileSync(enc, encryptedLookalike());
  let t = io();
  expect(await runCheckCommand([enc], opts(), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/secret\.xlsx 设有打开密码（已加密）.*\/ secret\.xlsx is password-protected/);

  const broken = path.join(dir, "broken.xls");
  const xls = legacyBytes("xls");
  fs.writeFileSync(broken, Buffer.concat([xls.subarray(0, 1536), Buffer.alloc(2048, 0xff)]));
  t = io();
  expect(await runCheckCommand([broken], opts(), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/无法读取 broken\.xls：Excel 97–2003（\.xls） 文件已损坏或不受支持.*\/ cannot read broken\.xls: the Excel 97–2003 \(\.xls\) file is damaged/);

  const text = path.join(dir, "notes.xlsx");
  fs.writeFileSync(text, "项目编码,项目名称\nP001,养护");
  t = io();
  expect(await runCheckCommand([text], opts(), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/不是 Excel 工作簿.*\/ cannot read notes\.xlsx: not an Excel workbook/);
});

test("a per-project form saved as .xls by LibreOffice reads exactly as the .xlsx it came from (merges, money, scores, findings)", async () => {
  const { toXlsx } = await import("../../src/adapters/legacy");
  const { readXlsxFile } = await import("../../src/adapters/exceljs/read");
  const { analyse } = await import("../../src/engine/pipeline");
  const fixtures = path.join(__dirname, "../fixtures");
  const original = analyse(await readXlsxFile(path.join(fixtures, "forms/central-2024.xlsx")));
  const converted = toXlsx(fs.readFileSync(path.join(fixtures, "legacy/central-2024-libreoffice.xls")), "central-2024.xls");
  expect(converted.convertedFrom).toBe("xls");
  const port = await ExcelJSPort.fromBuffer(Buffer.from(converted.xlsx), "central-2024.xls");
  const fromXls = analyse(await port.readSnapshot());
  const view = (a: typeof original) => ({
    layout: a.model.layout,
    projects: a.model.projects.map((p) => ({ name: p.name, budget: p.budget, spent: p.spent, indicators: p.indicators.length, total: a.results.get(p.id)?.totalScore, grade: a.results.get(p.id)?.grade })),
    findings: a.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
  });
  expect(view(fromXls)).toEqual(view(original));
  expect(view(original).projects).toHaveLength(1);
});

test("a workbook whose sheet inflates beyond its stated size (a zip bomb) is refused with a message, the batch goes on", async () => {
  const { readZip, writeZip } = await import("../../src/adapters/xlsx/zip");
  const good = await county("good.xlsx");
  const entries = readZip(new Uint8Array(fs.readFileSync(good)));
  const bomb = path.join(dir, "bomb.xlsx");
  fs.writeFileSync(bomb, writeZip(entries.map((e) => (e.name.startsWith("xl/worksheets/sheet") ? { ...e, size: 10 } : e))));
  const t = io();
  const json = path.join(dir, "bomb.report.json");
  const code = await runCheckCommand([bomb, good], opts({ json }), t.io);
  expect(code).not.toBe(2); // the good file was checked
  expect(t.err.join("")).toMatch(/无法读取 bomb\.xlsx：文件中的某一部分解压后超过其声明的大小.*\/ cannot read bomb\.xlsx: a part of it unpacks to more than its stated size/);
  const r = report(json);
  expect(r.files.map((f) => f.file)).toEqual(["good.xlsx"]);
  expect(fs.existsSync(path.join(dir, "out", "bomb.xlsx"))).toBe(false);
});
