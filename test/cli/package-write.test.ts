/**
 * `jixiao check` writes through the package adapter: the copy appears only when complete
 * (temporary file + rename), a failed file leaves any earlier copy as it was, and in a batch
 * a failed file is reported while the others go on and the JSON report is still written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { runCheckCommand } from "../../src/cli/commands";
import { writeFileAtomic } from "../../src/adapters/xlsx/node";
import { ReportSchema } from "../../src/engine/report";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-pkg-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const err: string[] = [];
  return { err, io: { out: () => undefined, err: (s: string) => void err.push(s), isTTY: false, now: new Date("2024-12-31T12:00:00Z") } };
}

async function book(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数"]);
  p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 95]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值"]);
  i.addRow(["P001", "产出指标", "数量指标", "养护里程", "≥300公里"]);
  await wb.xlsx.writeFile(file);
}

/** A package that opens but whose first sheet is cut off in the middle of its rows. */
function breakSheet(file: string): void {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const xml = Buffer.from(parts["xl/worksheets/sheet1.xml"]).toString("utf8");
  parts["xl/worksheets/sheet1.xml"] = new Uint8Array(Buffer.from(xml.slice(0, xml.indexOf("</sheetData>") - 10)));
  fs.writeFileSync(file, zipSync(parts));
}

test("a failed file is reported, the batch goes on, the report is written, an earlier copy is kept", async () => {
  const good = path.join(dir, "good.xlsx");
  const bad = path.join(dir, "bad.xlsx");
  await book(good);
  await book(bad);
  const out = path.join(dir, "out");
  const json = path.join(dir, "r.json");
  expect(await runCheckCommand([bad], { out, write: true, quiet: true }, io().io)).toBe(0);
  const earlier = fs.readFileSync(path.join(out, "bad.xlsx"));
  breakSheet(bad);
  const t = io();
  const code = await runCheckCommand([bad, good], { out, write: true, quiet: true, json }, t.io);
  expect(code).toBe(0); // exit 2 only when nothing at all could be checked
  expect(t.err.join("")).toMatch(/无法检查 .*bad\.xlsx.*\/ cannot check/);
  const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
  expect(report.files.map((f) => f.file)).toEqual(["good.xlsx"]);
  expect(fs.readFileSync(path.join(out, "bad.xlsx")).equals(earlier)).toBe(true);
  expect(fs.statSync(path.join(out, "good.xlsx")).size).toBeGreaterThan(1000);
  expect(fs.readdirSync(out).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});

test("an atomic write that fails leaves the target as it was and no temporary file", () => {
  const target = path.join(dir, "t.xlsx");
  fs.writeFileSync(target, "earlier good copy");
  const missing = path.join(dir, "no-such-folder", "t.xlsx");
  expect(() => writeFileAtomic(missing, new Uint8Array([1, 2, 3]))).toThrow();
  writeFileAtomic(target, new Uint8Array([80, 75]));
  expect(fs.readFileSync(target)).toEqual(Buffer.from([80, 75]));
  expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});
