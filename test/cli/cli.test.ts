/**
 * The command line, through its library layer (no process spawned) and once as a real
 * process via the bin, as a newcomer runs it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { runCheckCommand } from "../../src/cli/commands";
import type { CheckCliOptions } from "../../src/cli/cli";
import { ReportSchema } from "../../src/engine/report";
import { VERSION } from "../../src/engine/version";

const root = path.resolve(__dirname, "../..");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false, now: new Date("2024-12-31T12:00:00Z") } };
}

function opts(over: Partial<CheckCliOptions> = {}): CheckCliOptions {
  return { out: path.join(dir, "out"), write: true, quiet: false, ...over };
}

async function smallBook(file: string, opt: { overspend?: boolean; noProjects?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (opt.noProjects) {
    wb.addWorksheet("说明").addRow(["这是一个没有项目表的工作簿"]);
  } else {
    const p = wb.addWorksheet("项目表");
    p.addRow(["项目编码", "项目名称", "主管部门", "年初预算数", "全年预算数", "全年执行数", "年度总体目标"]);
    p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 100, opt.overspend ? 130 : 95, "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"]);
    const i = wb.addWorksheet("指标表");
    i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值"]);
    i.addRow(["P001", "产出指标", "数量指标", "养护里程", "≥300公里"]);
    i.addRow(["P001", "产出指标", "质量指标", "路况优良率", "≥90%"]);
    i.addRow(["P001", "产出指标", "时效指标", "养护完成时间", "2024年12月底前"]);
    i.addRow(["P001", "效益指标", "社会效益指标", "群众出行条件改善", "达成年度指标"]);
    i.addRow(["P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"]);
  }
  await wb.xlsx.writeFile(file);
}

test("version matches package.json", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  expect(VERSION).toBe(pkg.version);
});

test("checks a workbook, writes a checked copy and a JSON report that matches the contract", async () => {
  const file = path.join(dir, "a.xlsx");
  await smallBook(file, { overspend: true });
  const before = fs.readFileSync(file);
  const json = path.join(dir, "a.json");
  const t = io();
  const code = await runCheckCommand([file], opts({ json }), t.io);
  expect(code).toBe(0);
  expect(fs.readFileSync(file).equals(before)).toBe(true); // the input is never modified
  expect(fs.existsSync(path.join(dir, "out", "a.xlsx"))).toBe(true);
  const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
  expect(report.files).toHaveLength(1);
  const p = report.files[0].projects[0];
  expect(p).toMatchObject({ code: "P001", name: "农村公路养护", department: "县交通运输局", budget: 100, spent: 130, executionRate: 1.3 });
  expect(report.files[0].findings.some((f) => f.rule === "D008" && f.sheet === "项目表" && f.cell === "F2")).toBe(true);
  expect(t.out.join("")).toContain("a.xlsx");
});

test("--strict exits 1 when an error finding exists, 0 without --strict", async () => {
  const file = path.join(dir, "b.xlsx");
  await smallBook(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet("项目表")!.getCell("D2").value = -5; // negative amount → D006 error
  await wb.xlsx.writeFile(file);
  expect(await runCheckCommand([file], opts({ write: false }), io().io)).toBe(0);
  expect(await runCheckCommand([file], opts({ write: false, strict: true }), io().io)).toBe(1);
});

test("an unreadable file and a workbook with no project sheet exit 2 with a Chinese and English reason", async () => {
  const bad = path.join(dir, "bad.xlsx");
  fs.writeFileSync(bad, "not a zip");
  let t = io();
  expect(await runCheckCommand([bad], opts(), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/无法读取.*\/ cannot read/);

  const none = path.join(dir, "none.xlsx");
  await smallBook(none, { noProjects: true });
  t = io();
  expect(await runCheckCommand([none], opts(), t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/找不到项目表.*no project sheet/);
});

test("an invalid rulebook is refused with its path, exit 2", async () => {
  const file = path.join(dir, "c.xlsx");
  await smallBook(file);
  const rules = path.join(dir, "rules.json");
  fs.writeFileSync(rules, JSON.stringify({ targets: { satisfactionFloor: "high" } }));
  const t = io();
  expect(await runCheckCommand([file], opts({ rules }), t.io)).toBe(2);
  expect(t.err.join("")).toContain("targets.satisfactionFloor");
});

test("the bin runs as a process: npx-style entry with no build step", () => {
  const file = path.join(dir, "d.xlsx");
  return smallBook(file).then(() => {
    const json = path.join(dir, "d.json");
    const out = execFileSync(process.execPath, [path.join(root, "src/cli/bin.cjs"), "check", file, "--json", json, "--out", path.join(dir, "out2")], { encoding: "utf8" });
    expect(out).toContain("d.xlsx");
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.tool.name).toBe("jixiao");
    expect(report.files[0].projects[0].code).toBe("P001");
  });
});

test("jixiao rules lists every catalogue id with the rulebook's severity and switches", async () => {
  const { runRulesCommand } = await import("../../src/cli/commands");
  const rules = path.join(dir, "off.json");
  fs.writeFileSync(rules, JSON.stringify({ rules: { T014: { enabled: false }, T004: { severity: "error" } } }));
  const t = io();
  expect(runRulesCommand({ rules, json: true }, t.io)).toBe(0);
  const rows = JSON.parse(t.out.join("")) as { id: string; severity: string; enabled: boolean }[];
  const ids = rows.map((r) => r.id);
  for (const id of ["D001", "D009", "T001", "T023", "E001", "E009", "M001", "M006"]) expect(ids).toContain(id);
  expect(rows.find((r) => r.id === "T014")!.enabled).toBe(false);
  expect(rows.find((r) => r.id === "T004")!.severity).toBe("error");
  const text = io();
  runRulesCommand({}, text.io);
  expect(text.out.join("")).toContain("T014");
});

test("the report's as-of date: --as-of wins, else the sheet's 监控截止日期", async () => {
  const file = path.join(root, "test/fixtures/reading/monitoring.xlsx");
  const json = path.join(dir, "m.json");
  expect(await runCheckCommand([file], opts({ write: false, json, quiet: true }), io().io)).toBe(0);
  const fromSheet = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
  expect(fromSheet.asOf).toBe("2024-06-30");
  expect(fromSheet.files[0].modes).toContain("运行监控");
  expect(await runCheckCommand([file], opts({ write: false, json, quiet: true, asOf: "2024-09-30" }), io().io)).toBe(0);
  expect(ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8"))).asOf).toBe("2024-09-30");
});

test("two inputs with the same name from different folders get two checked copies, and the input is never the output", async () => {
  const a = path.join(dir, "x1");
  const b = path.join(dir, "x2");
  fs.mkdirSync(a, { recursive: true });
  fs.mkdirSync(b, { recursive: true });
  await smallBook(path.join(a, "同名.xlsx"));
  await smallBook(path.join(b, "同名.xlsx"));
  const out = path.join(dir, "same-out");
  expect(await runCheckCommand([path.join(a, "同名.xlsx"), path.join(b, "同名.xlsx")], opts({ out, quiet: true }), io().io)).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(["同名 (2).xlsx", "同名.xlsx"]);
  const { checkedCopyPath } = await import("../../src/cli/check-files");
  expect(checkedCopyPath(path.join(a, "同名.xlsx"), a)).toBe(path.join(a, "同名.checked.xlsx"));
});
