/** Library layer of `jixiao check`: one file in, a report (and a checked copy) out. */
import * as fs from "fs";
import * as path from "path";
import { openXlsxFile, writeFileAtomic } from "../adapters/xlsx/node";
import type { XlsxPort } from "../adapters/xlsx/port";
import { checkWorkbook } from "../engine/pipeline";
import type { FileReport } from "../engine/report";
import type { Rulebook } from "../rulebook/schema";

/** Input that cannot be checked at all (exit 2), with a one-line Chinese and English reason. */
export class UnusableInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "UnusableInputError";
  }
}

export interface CheckFileOptions {
  rulebook: Rulebook;
  asOf?: string | null;
  /** Folder for the checked copy; null: write none. */
  outDir: string | null;
  /** Paths already written in this batch: a second input with the same name gets 「name (2).xlsx」. */
  taken?: Set<string>;
  now?: Date;
}

export interface CheckFileResult {
  report: FileReport;
  asOf: string | null;
  outPath: string | null;
}

export function checkedCopyPath(input: string, outDir: string, taken: Set<string> = new Set()): string {
  const ext = path.extname(input);
  const stem = path.basename(input, ext);
  let out = path.resolve(outDir, path.basename(input));
  // Never the input itself; never a copy this batch already wrote (same name from another folder).
  if (out === path.resolve(input)) out = path.resolve(outDir, `${stem}.checked${ext}`);
  for (let n = 2; taken.has(out); n++) out = path.resolve(outDir, `${stem} (${n})${ext}`);
  return out;
}

export async function checkFile(file: string, options: CheckFileOptions): Promise<CheckFileResult> {
  if (!fs.existsSync(file)) throw new UnusableInputError(`找不到文件：${file}`, `file not found: ${file}`);
  let port: XlsxPort;
  try {
    port = openXlsxFile(file);
  } catch (e) {
    throw new UnusableInputError(`无法读取 ${path.basename(file)}：不是有效的 .xlsx 文件`, `cannot read ${path.basename(file)}: not a valid .xlsx file (${(e as Error).message})`);
  }
  const outcome = await checkWorkbook(port, { rulebook: options.rulebook, asOf: options.asOf ?? null, now: options.now, write: options.outDir !== null });
  if (outcome.model.missing.some((m) => m.sheet === null && m.role === "projects")) {
    throw new UnusableInputError(`${path.basename(file)} 中找不到项目表（需要含“项目名称”或“项目编码”列的工作表）`, `${path.basename(file)} has no project sheet (a sheet with a 项目名称 or 项目编码 column)`);
  }
  const report = { ...outcome.report, file: path.basename(file) };
  let outPath: string | null = null;
  if (options.outDir !== null) {
    fs.mkdirSync(options.outDir, { recursive: true });
    outPath = checkedCopyPath(file, options.outDir, options.taken);
    options.taken?.add(outPath);
    // The input package with our changes; written to a temporary file and renamed when complete.
    writeFileAtomic(outPath, port.save());
  }
  return { report, asOf: outcome.asOf, outPath };
}
