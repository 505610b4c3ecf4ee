/** Turns the parsed options into calls and an exit status (0 ran, 1 --strict with errors, 2 unusable input). */
import * as fs from "fs";
import { buildReport } from "../engine/build-report";
import type { FileReport } from "../engine/report";
import { getPreset, parseRulebookText, RulebookError } from "../rulebook/load";
import type { Rulebook } from "../rulebook/schema";
import { checkFile, UnusableInputError } from "./check-files";
import type { CheckCliOptions } from "./cli";
import { summaryTable, Progress } from "./terminal";
import { ruleRows, rulesTable } from "./rules-list";

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

function loadRulebook(opts: Pick<CheckCliOptions, "rules" | "preset">): Rulebook {
  if (opts.rules) {
    let text: string;
    try {
      text = fs.readFileSync(opts.rules, "utf8");
    } catch {
      throw new UnusableInputError(`无法读取规则库文件：${opts.rules}`, `cannot read rulebook file: ${opts.rules}`);
    }
    const book = parseRulebookText(opts.preset ? JSON.stringify({ extends: opts.preset, ...JSON.parse(text) }) : text);
    return book;
  }
  return getPreset(opts.preset);
}

export async function runCheckCommand(files: string[], opts: CheckCliOptions, io: CommandIO = defaultIO): Promise<number> {
  let rulebook: Rulebook;
  try {
    if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
      throw new UnusableInputError(`--as-of 日期格式应为 YYYY-MM-DD：${opts.asOf}`, `--as-of must be YYYY-MM-DD: ${opts.asOf}`);
    }
    rulebook = loadRulebook(opts);
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

  const reports: FileReport[] = [];
  let sheetAsOf: string | null = null;
  let unusable = false;
  const progress = new Progress(files.length, io);
  const taken = new Set<string>();
  for (const file of files) {
    progress.start(file);
    try {
      const r = await checkFile(file, { rulebook, asOf: opts.asOf ?? null, outDir: opts.write ? opts.out : null, now: io.now, taken });
      reports.push(r.report);
      sheetAsOf ??= r.asOf;
      progress.done(file, r.outPath);
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      unusable = true;
      progress.fail(file);
      io.err(`jixiao: ${e.message}\n`);
    }
  }
  progress.stop();

  // --as-of wins; otherwise the date the files themselves gave (监控截止日期), if any.
  const asOf = opts.asOf ?? sheetAsOf;
  const report = buildReport(reports, rulebook, asOf);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(report, null, 2) + "\n", "utf8");
  if (!opts.quiet && reports.length) io.out(summaryTable(report) + "\n");

  if (unusable) return 2;
  if (opts.strict && report.summary.findings.error > 0) return 1;
  return 0;
}

export function runRulesCommand(opts: { rules?: string; preset?: string; json?: boolean }, io: CommandIO = defaultIO): number {
  let rulebook: Rulebook;
  try {
    rulebook = loadRulebook(opts);
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
