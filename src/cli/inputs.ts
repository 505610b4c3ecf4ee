/**
 * `jixiao check <files and folders>…`: the inputs a review round checks. A folder gives every
 * .xlsx / .xlsm inside it, recursively, sorted by relative path (compared code unit by code
 * unit: the same order on every machine and locale); anything else in it is listed as skipped
 * with the reason. A file named on the command line is always tried.
 */
import * as fs from "fs";
import * as path from "path";
import { t } from "../messages";

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Name shown in reports and the round's sheets: the file name, or 「folder/sub/file.xlsx」 for files found in a folder. */
  display: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  skipped: { file: string; reason: string; reasonEn: string }[];
}

/** What a folder contributes: Office Open XML workbooks and the legacy formats the converter reads (src/adapters/legacy). */
export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".ods"];

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function walk(dir: string, rel: string, out: { rel: string; abs: string }[], depth: number): void {
  if (depth > 32) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    // Symbolic links to folders are not followed (no loops); links to files are files.
    if (e.isDirectory()) walk(abs, r, out, depth + 1);
    else if (e.isFile() || (e.isSymbolicLink() && safeIsFile(abs))) out.push({ rel: r, abs });
  }
}

function safeIsFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function expandInputs(args: string[]): ExpandedInputs {
  const files: InputFile[] = [];
  const skipped: ExpandedInputs["skipped"] = [];
  const shown = new Set<string>();
  const add = (abs: string, display: string) => {
    let name = display;
    for (let n = 2; shown.has(name); n++) name = `${display} (${n})`;
    shown.add(name);
    files.push({ path: abs, display: name });
  };
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = fs.statSync(arg).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      add(path.resolve(arg), path.basename(arg));
      continue;
    }
    const base = path.basename(path.resolve(arg));
    const found: { rel: string; abs: string }[] = [];
    walk(path.resolve(arg), "", found, 0);
    found.sort((a, b) => byCodeUnits(a.rel, b.rel));
    for (const f of found) {
      const display = `${base}/${f.rel}`;
      const name = path.basename(f.rel);
      const ext = path.extname(name).toLowerCase();
      if (name.startsWith("~$")) skipped.push({ file: display, reason: t("round.cli.temp"), reasonEn: t("round.cli.temp", "en") });
      else if (!WORKBOOK_EXTENSIONS.includes(ext)) skipped.push({ file: display, reason: t("round.cli.notWorkbook"), reasonEn: t("round.cli.notWorkbook", "en") });
      else add(f.abs, display);
    }
  }
  return { files, skipped };
}
