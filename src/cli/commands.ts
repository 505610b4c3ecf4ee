/** Turns the parsed options into calls and an exit status (0 ran, 1 --strict with errors, 2 unusable input). */
import * as fs from "fs";
import { createHash } from "crypto";
import { Timings } from "../engine/timings";
import type { FileReport } from "../engine/report";
import * as path from "path";
import { getPreset, parseRulebook, RulebookError } from "../rulebook/load";
import type { RulebookSource } from "../engine/pipeline";
import type { Rulebook } from "../rulebook/schema";
import { UnusableInputError } from "./errors";
import type { CheckCliOptions } from "./cli";
import { summaryTable, Progress } from "./terminal";
import { ruleRows, rulesTable } from "./rules-list";
import { expandInputs } from "./inputs";
import type { CheckedInput } from "./round";
import type { ReturnedFeedback } from "../round/responses";
import { t } from "../messages";
import { presetLabel } from "../messages/presets";
import type { PreviousRound } from "../round/types";

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  now?: Date;
}

const defaultIO: CommandIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** A rulebook file as JSON (a UTF-8 byte-order mark, as Windows Notepad writes, is fine). */
function readRulebookDoc(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new UnusableInputError(`无法读取规则库文件：${file}`, `cannot read rulebook file: ${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new RulebookError(`规则库不是有效的 JSON：${(e as Error).message}`, `the rulebook is not valid JSON: ${(e as Error).message}`, "");
  }
}

/** The rulebook the command line names (--rules, --preset), or undefined: then each workbook's stored one, else the default preset. */
function loadRulebook(opts: Pick<CheckCliOptions, "rules" | "preset">): Rulebook | undefined {
  if (opts.rules) {
    const doc = readRulebookDoc(opts.rules);
    if (!opts.preset) return parseRulebook(doc);
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
      throw new RulebookError(t("cli.rules.notObject", "zh-CN", { path: opts.rules }), t("cli.rules.notObject", "en", { path: opts.rules }), "");
    }
    return parseRulebook({ extends: opts.preset, ...doc });
  }
  return opts.preset ? getPreset(opts.preset) : undefined;
}

/** --json's folder must exist and the path must not be a folder: said before any file is checked (exit 2). */
function checkJsonPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UnusableInputError(t("cli.json.isDir", "zh-CN", { path: file }), t("cli.json.isDir", "en", { path: file }));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UnusableInputError(t("cli.json.noDir", "zh-CN", { path: file, dir }), t("cli.json.noDir", "en", { path: file, dir }));
}

function writeJson(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UnusableInputError(t("cli.json.cannot", "zh-CN", { path: file, reason }), t("cli.json.cannot", "en", { path: file, reason }));
  }
}

/** 「规则库：工作簿中保存的规则库（five-grade，版本 …）。 / Rulebook: the one stored in the workbook (…).」 */
function rulebookLine(source: RulebookSource, rb: Rulebook): string {
  // The preset's name as the pane and 领导汇总 show it (「中央部门 2020（财预〔2020〕10号）」), not its id.
  const line = (lang: "zh-CN" | "en") => t(`notice.rulebook.${source}`, lang, { preset: presetLabel(rb.preset, lang), version: rb.version });
  return `${line("zh-CN")} / ${line("en")}`;
}

export async function runCheckCommand(files: string[], opts: CheckCliOptions, io: CommandIO = defaultIO): Promise<number> {
  // The workbook adapter and the round are loaded by the command that reads workbooks, not by `jixiao rules`.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { checkFile, makeOutDir } = require("./check-files") as typeof import("./check-files");
  const { readPrevious, readReturnedFeedback, runRound } = require("./round") as typeof import("./round");
  const { buildReport } = require("../engine/build-report") as typeof import("../engine/build-report");
  /* eslint-enable @typescript-eslint/no-require-imports */
  let rulebook: Rulebook | undefined;
  try {
    if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
      throw new UnusableInputError(`--as-of 日期格式应为 YYYY-MM-DD：${opts.asOf}`, `--as-of must be YYYY-MM-DD: ${opts.asOf}`);
    }
    rulebook = loadRulebook(opts);
    // Output paths are checked before any work: a clear reason, not a raw EEXIST / ENOENT after the run.
    if (opts.write) makeOutDir(opts.out);
    if (opts.json) checkJsonPath(opts.json);
  } catch (e) {
    if (e instanceof UnusableInputError || e instanceof RulebookError) {
      io.err(`jixiao: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SyntaxError) {
      io.err(`jixiao: 规则库不是有效的 JSON / the rulebook is not valid JSON: ${e.message}\n`);
      return 2;
    }
    throw e;
  }


  // Folders give every workbook inside them (src/cli/inputs.ts); last round is read first.
  const inputs = expandInputs(files);
  let previous: PreviousRound | null = null;
  if (opts.previous) {
    try {
      const p = await readPrevious(opts.previous);
      previous = p.previous;
      for (const u of p.unexplained) io.err(`jixiao: ${t("round.cli.acceptNoReason", "zh-CN", u)} / ${t("round.cli.acceptNoReason", "en", u)}\n`);
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      io.err(`jixiao: ${e.message}\n`);
      return 2;
    }
  }
  for (const s of inputs.skipped) io.err(`jixiao: ${t("round.cli.skipped", "zh-CN", { file: s.file, reason: s.reason })} / ${t("round.cli.skipped", "en", { file: s.file, reason: s.reasonEn })}\n`);

  const reports: FileReport[] = [];
  const checked: CheckedInput[] = [];
  const failed: { file: string; reason: string }[] = [];
  const returned: ReturnedFeedback[] = [];
  const used: { source: RulebookSource; rulebook: Rulebook }[] = [];
  let sheetAsOf: string | null = null;
  const progress = new Progress(inputs.files.length, io);
  const taken = new Set<string>();
  let startUpCounted = false;
  for (const input of inputs.files) {
    const file = input.path;
    progress.start(file);
    // A 审核意见反馈表 a department sent back with its corrected file: its answers, not a submission.
    // The file's bytes, read once: its content hash (the same file sent twice) and the feedback test.
    const bytes = readBytes(file);
    const fb = bytes ? await readReturnedFeedback(file, bytes) : null;
    if (fb) {
      returned.push(fb);
      progress.done(file, null);
      const p = { department: fb.department, file: input.display, n: fb.responses.length };
      io.err(`jixiao: ${t("round.cli.feedbackBack", "zh-CN", p)} / ${t("round.cli.feedbackBack", "en", p)}\n`);
      continue;
    }
    try {
      const timings = opts.timings ? new Timings() : undefined;
      // Start-up (the process until the first file) is counted once, with the first file.
      if (timings && !startUpCounted) {
        timings.add("start-up", performance.now());
        startUpCounted = true;
      }
      const r = await checkFile(file, { rulebook, asOf: opts.asOf ?? null, outDir: opts.write ? opts.out : null, now: io.now, taken, timings });
      if (timings) io.err(`# ${input.display}\n${timings.lines().join("\n")}\n`);
      const report = { ...r.report, file: input.display };
      reports.push(report);
      checked.push({ path: file, display: input.display, contentHash: bytes ? createHash("sha256").update(bytes).digest("hex") : null, report });
      if (!used.some((u) => u.source === r.rulebookSource && u.rulebook.preset === r.rulebook.preset && u.rulebook.version === r.rulebook.version)) used.push({ source: r.rulebookSource, rulebook: r.rulebook });
      sheetAsOf ??= r.asOf;
      progress.done(file, r.outPath);
    } catch (e) {
      // One submission that cannot be checked is reported; the rest of the round still runs.
      const err = e instanceof UnusableInputError ? e : new UnusableInputError(`无法检查 ${input.display}：${(e as Error).message}`, `cannot check ${input.display}: ${(e as Error).message}`);
      failed.push({ file: input.display, reason: err.zh });
      progress.fail(file);
      io.err(`jixiao: ${err.message}\n`);
    }
  }
  progress.stop();

  // --as-of wins; otherwise the date the files themselves gave (监控截止日期), if any.
  const asOf = opts.asOf ?? sheetAsOf;
  // The report's rulebook: the one given, else the one every file used (stored or default).
  const reportRulebook = rulebook ?? (used.length === 1 ? used[0].rulebook : getPreset());
  const report = buildReport(reports, reportRulebook, asOf);
  report.rulebook.source = rulebook ? "option" : used.length === 1 ? used[0].source : "preset";
  const roundMode = Boolean(opts.summary || opts.feedback || opts.previous) || inputs.files.length + inputs.skipped.length > 1;
  let roundLines: string[] = [];
  if (roundMode && reports.length) {
    const skipped = [...inputs.skipped.map((s) => ({ file: s.file, reason: s.reason })), ...failed];
    const round = await runRound(checked, skipped, opts, { rulebook: reportRulebook, asOf, now: io.now, previous, feedback: returned });
    report.round = round.report;
    roundLines = round.lines;
  }
  if (opts.json) {
    try {
      writeJson(opts.json, JSON.stringify(report, null, 2) + "\n");
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      io.err(`jixiao: ${e.message}\n`);
      return 2;
    }
  }
  if (!opts.quiet && reports.length) {
    io.out(summaryTable(report) + "\n");
    for (const u of used) io.out(rulebookLine(u.source, u.rulebook) + "\n");
    for (const f of reports) for (const n of f.notices ?? []) io.out(`${f.file}: ${n.message} / ${n.messageEn}\n`);
  }
  if (!opts.quiet) for (const line of roundLines) io.out(line + "\n");

  // Exit 2 only when nothing at all could be checked.
  if (!reports.length) {
    if (!inputs.files.length) io.err(`jixiao: ${t("round.cli.nothingRead")} / ${t("round.cli.nothingRead", "en")}\n`);
    return 2;
  }
  const errors = report.round ? report.round.totals.findings.error : report.summary.findings.error;
  if (opts.strict && errors > 0) return 1;
  return 0;
}

function readBytes(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

export function runRulesCommand(opts: { rules?: string; preset?: string; json?: boolean }, io: CommandIO = defaultIO): number {
  let rulebook: Rulebook;
  try {
    rulebook = loadRulebook(opts) ?? getPreset();
  } catch (e) {
    if (e instanceof UnusableInputError || e instanceof RulebookError) {
      io.err(`jixiao: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.out(opts.json ? JSON.stringify(ruleRows(rulebook), null, 2) + "\n" : rulesTable(rulebook) + "\n");
  return 0;
}
