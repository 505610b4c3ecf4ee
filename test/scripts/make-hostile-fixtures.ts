/**
 * Hostile and unlucky workbooks (issue 10), built in code so that every test can make its own:
 * a 22-project county list with a user note and fill; the same list with a stray value in
 * A1000000, a budget of 1e308, 全年预算数 twice, a 30,000-character target; and the legacy
 * formats (.xls BIFF8, .et, .ods written by SheetJS; an encrypted-.xlsx look-alike).
 *
 *   npx tsx test/scripts/make-hostile-fixtures.ts [folder]   (default /tmp/jixiao-hostile)
 *
 * writes them all, to open in Excel or to try with `jixiao check`. With `--libreoffice` it also
 * regenerates test/fixtures/legacy/county-libreoffice.{xls,ods}: the county list saved by
 * LibreOffice (`soffice --headless --convert-to`), a second writer besides SheetJS, and
 * central-2024-libreoffice.xls, a per-project form with merged cells.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { execFileSync } from "child_process";
import * as XLSX from "@e965/xlsx";
import { runWhenMain } from "./run-script";

export type Row = (string | number | null)[];

export const PROJECT_HEADER = ["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数"];
export const INDICATOR_HEADER = ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"];
export const USER_NOTE = "用户批注：请核对口径";
export const USER_FILL = "FF92D050";

const DEPTS = ["县交通运输局", "县教育局", "县民政局", "县卫生健康委", "县农业农村局"];

/** Rows of the 22-project list (title row, header row, projects), 0-based as ExcelJS adds them. */
export function projectRows(n = 22): Row[] {
  const rows: Row[] = [["XX县2024年度项目支出绩效自评表"], PROJECT_HEADER];
  for (let i = 1; i <= n; i++) rows.push([`P${String(i).padStart(3, "0")}`, `项目${i}`, DEPTS[i % DEPTS.length], 100 + i, 90 + i]);
  return rows;
}

/** Four sound indicators per project; every fourth project has a vague target (flagged on 指标表: highlight + note). */
export function indicatorRows(n = 22): Row[] {
  const rows: Row[] = [INDICATOR_HEADER];
  for (let i = 1; i <= n; i++) {
    const code = `P${String(i).padStart(3, "0")}`;
    rows.push([code, "产出指标", "数量指标", "服务人次", i % 4 === 0 ? "进一步提高" : "≥300人次", "320人次"]);
    rows.push([code, "产出指标", "质量指标", "服务合格率", "≥95%", "97%"]);
    rows.push([code, "效益指标", "社会效益指标", "受益群众人数", "≥1000人", "1200人"]);
    rows.push([code, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%"]);
  }
  return rows;
}

export interface BookOptions {
  projects?: Row[];
  indicators?: Row[];
  /** Extra cells on 项目表 (A1 → value), e.g. { A1000000: "备注" }. */
  extra?: Record<string, string | number>;
}

/** The county list as an ExcelJS workbook: a user note on 项目表!B5 and a user fill on B6. */
export function countyBook(options: BookOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  for (const r of options.projects ?? projectRows()) p.addRow(r);
  p.getCell("B5").note = USER_NOTE;
  p.getCell("B6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: USER_FILL } };
  for (const [a1, v] of Object.entries(options.extra ?? {})) p.getCell(a1).value = v;
  const i = wb.addWorksheet("指标表");
  for (const r of options.indicators ?? indicatorRows()) i.addRow(r);
  return wb;
}

export async function countyBuffer(options: BookOptions = {}): Promise<Buffer> {
  return Buffer.from(await countyBook(options).xlsx.writeBuffer());
}

/** The list with one stray value in A1000000. */
export const strayBook = () => countyBuffer({ extra: { A1000000: "备注：已核对" } });

/** P003's 全年预算数 is 1e308 (a valid double). */
export function hugeBudgetRows(): Row[] {
  const rows = projectRows();
  rows[4][3] = 1e308;
  return rows;
}

/** 全年预算数 as the header of two columns (D and F), F holding other figures. */
export function twoBudgetColumnRows(): Row[] {
  return projectRows().map((r, i) => (i === 0 ? r : i === 1 ? [...r, "全年预算数"] : [...r, 1]));
}

/** P003's first target (指标表!E10) is 30,000 characters long. */
export function longTargetRows(): Row[] {
  const rows = indicatorRows();
  rows[9][4] = "提高".repeat(15000);
  return rows;
}

/** The county list through SheetJS, as `bookType` (xls = BIFF8; et is written as BIFF8 too, as WPS reads and writes it). */
export function legacyBytes(bookType: "xls" | "ods"): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(projectRows()), "项目表");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(indicatorRows()), "指标表");
  return Buffer.from(XLSX.write(wb, { type: "buffer", bookType: bookType === "xls" ? "biff8" : "ods" }) as Uint8Array);
}

/**
 * What Excel writes for a password-protected .xlsx: an OLE compound file (not a zip) holding
 * the streams EncryptionInfo and EncryptedPackage. Built with SheetJS's CFB writer.
 */
export function encryptedLookalike(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(64, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

/** The county list saved by LibreOffice as .xls (MS Excel 97) and .ods, into test/fixtures/legacy. */
async function libreOffice(): Promise<string> {
  const tmp = fs.mkdtempSync("/tmp/jixiao-lo-");
  fs.writeFileSync(path.join(tmp, "county.xlsx"), await countyBuffer());
  const out = path.resolve(__dirname, "../fixtures/legacy");
  for (const to of ["xls", "ods"]) {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${tmp}/profile`, "--convert-to", to, "county.xlsx", "--outdir", tmp], { cwd: tmp, stdio: "ignore" });
    fs.copyFileSync(path.join(tmp, `county.${to}`), path.join(out, `county-libreoffice.${to}`));
  }
  // A per-project form (merged cells throughout) saved as .xls.
  fs.copyFileSync(path.resolve(__dirname, "../fixtures/forms/central-2024.xlsx"), path.join(tmp, "central-2024.xlsx"));
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${tmp}/profile`, "--convert-to", "xls", "central-2024.xlsx", "--outdir", tmp], { cwd: tmp, stdio: "ignore" });
  fs.copyFileSync(path.join(tmp, "central-2024.xls"), path.join(out, "central-2024-libreoffice.xls"));
  fs.rmSync(tmp, { recursive: true, force: true });
  return `wrote ${out}/county-libreoffice.xls and .ods, central-2024-libreoffice.xls`;
}

async function main(): Promise<string> {
  if (process.argv.includes("--libreoffice")) return libreOffice();
  const dir = process.argv[2] ?? "/tmp/jixiao-hostile";
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, Buffer | Promise<Buffer>][] = [
    ["county.xlsx", countyBuffer()],
    ["stray-a1000000.xlsx", strayBook()],
    ["budget-1e308.xlsx", countyBuffer({ projects: hugeBudgetRows() })],
    ["two-budget-columns.xlsx", countyBuffer({ projects: twoBudgetColumnRows() })],
    ["long-target.xlsx", countyBuffer({ indicators: longTargetRows() })],
    ["county.xls", legacyBytes("xls")],
    ["county.et", legacyBytes("xls")],
    ["county.ods", legacyBytes("ods")],
    ["encrypted.xlsx", encryptedLookalike()],
  ];
  for (const [name, data] of files) fs.writeFileSync(path.join(dir, name), await data);
  return `wrote ${files.length} hostile workbooks to ${dir}`;
}

runWhenMain(module, __filename, main);
