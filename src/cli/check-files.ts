/** Library layer of `jixiao check`: one file in, a report (and a checked copy) out. */
import * as fs from "fs";
import * as path from "path";
import { writeFileAtomic, zlibCodec } from "../adapters/xlsx/node";
import { openXlsx, type XlsxPort } from "../adapters/xlsx/port";
import { OversizeError } from "../adapters/xlsx/zip";
import { InputFormatError, toXlsx, type LegacyFormat } from "../adapters/legacy";
import { checkWorkbook, type RulebookSource } from "../engine/pipeline";
import { notice } from "../engine/notices";
import type { FileReport } from "../engine/report";
import type { Rulebook } from "../rulebook/schema";
import { t } from "../messages";
import { timed, type Timings } from "../engine/timings";

import { UnusableInputError } from "./errors";

export { UnusableInputError };

export interface CheckFileOptions {
  /** The rulebook given on the command line; absent: the one stored in the workbook, else the default preset. */
  rulebook?: Rulebook;
  asOf?: string | null;
  /** Folder for the checked copy; null: write none. */
  outDir: string | null;
  /** Paths already written in this batch: a second input with the same name gets 「name (2).xlsx」. */
  taken?: Set<string>;
  now?: Date;
  /** Time per stage, when asked (`--timings`). */
  timings?: Timings;
}

export interface CheckFileResult {
  report: FileReport;
  asOf: string | null;
  outPath: string | null;
  /** The rulebook the file was checked with, and where it came from. */
  rulebook: Rulebook;
  rulebookSource: RulebookSource;
  /** Set when the input was an .xls / .et / .ods converted to .xlsx. */
  convertedFrom: LegacyFormat | null;
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

/** An input refused with its own reason (encrypted, damaged legacy file, no workbook, a part beyond its stated size), else null. */
function refusal(e: unknown, name: string): UnusableInputError | null {
  if (e instanceof InputFormatError) return new UnusableInputError(e.zh, e.en);
  if (e instanceof OversizeError) return new UnusableInputError(t("cli.input.oversize", "zh-CN", { file: name }), t("cli.input.oversize", "en", { file: name }));
  return null;
}

export async function checkFile(file: string, options: CheckFileOptions): Promise<CheckFileResult> {
  if (!fs.existsSync(file)) throw new UnusableInputError(`找不到文件：${file}`, `file not found: ${file}`);
  let port: XlsxPort;
  let convertedFrom: LegacyFormat | null = null;
  try {
    // .xls / .et / .ods become an .xlsx package in memory; an encrypted or unknown file is refused with its own reason.
    const opened = timed(options.timings, "read", () => {
      const buf = fs.readFileSync(file);
      const input = toXlsx(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file);
      return { input, port: openXlsx(input.xlsx, path.basename(file), zlibCodec) };
    });
    convertedFrom = opened.input.convertedFrom;
    port = opened.port;
  } catch (e) {
    const name = path.basename(file);
    throw refusal(e, name) ?? new UnusableInputError(t("cli.input.notXlsx", "zh-CN", { file: name }), `${t("cli.input.notXlsx", "en", { file: name })} (${(e as Error).message})`);
  }
  let outcome: Awaited<ReturnType<typeof checkWorkbook>>;
  try {
    outcome = await checkWorkbook(port, { rulebook: options.rulebook, asOf: options.asOf ?? null, now: options.now, write: options.outDir !== null, timings: options.timings });
  } catch (e) {
    // The sheets are inflated while they are read: a part beyond its stated size shows up here.
    throw refusal(e, path.basename(file)) ?? e;
  }
  if (outcome.model.missing.some((m) => m.sheet === null && m.role === "projects")) {
    throw new UnusableInputError(`${path.basename(file)} 中找不到项目表（需要含“项目名称”或“项目编码”列的工作表）`, `${path.basename(file)} has no project sheet (a sheet with a 项目名称 or 项目编码 column)`);
  }
  const notices = [...(outcome.report.notices ?? [])];
  if (convertedFrom) {
    const n = notice("notice.converted", { file: path.basename(file), format: t(`format.${convertedFrom}`, "zh-CN") });
    n.messageEn = t("notice.converted", "en", { file: path.basename(file), format: t(`format.${convertedFrom}`, "en") });
    notices.push({ message: n.message, messageEn: n.messageEn });
  }
  const report: FileReport = { ...outcome.report, file: path.basename(file), ...(convertedFrom ? { convertedFrom } : {}), notices };
  let outPath: string | null = null;
  if (options.outDir !== null) {
    makeOutDir(options.outDir);
    // A converted file's checked copy is an .xlsx (name.xls → name.xlsx).
    const named = convertedFrom ? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.xlsx`) : file;
    outPath = checkedCopyPath(named, options.outDir, options.taken);
    options.taken?.add(outPath);
    // The input package with our changes; written to a temporary file and renamed when complete.
    const p = port;
    const out = outPath;
    timed(options.timings, "write", () => writeFileAtomic(out, p.save()));
  }
  return { report, asOf: outcome.asOf, outPath, rulebook: outcome.rulebookUsed.rulebook, rulebookSource: outcome.rulebookUsed.source, convertedFrom };
}

/** The output folder, made if missing; a path that is a file, or a folder that cannot be made, is a clear error (exit 2). */
export function makeOutDir(dir: string): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UnusableInputError(t("cli.out.notDir", "zh-CN", { path: dir }), t("cli.out.notDir", "en", { path: dir }));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UnusableInputError(t("cli.out.cannot", "zh-CN", { path: dir, reason }), t("cli.out.cannot", "en", { path: dir, reason }));
  }
}
