/**
 * The review round on the command line: after every submission is checked, `--previous`
 * (last round's 汇总.xlsx or report.json), `--summary 汇总.xlsx` and `--feedback DIR`.
 * The work is the pure src/round; this file reads and writes the files.
 */
import * as fs from "fs";
import * as path from "path";
import { inflateEntry, readZip } from "../adapters/xlsx/zip";
import { zlibCodec } from "../adapters/xlsx/node";
import { STATE_SHEET } from "../core/state";
import { openXlsxFile } from "../adapters/xlsx/node";
import type { XlsxPort } from "../adapters/xlsx/port";
import type { FileReport, RoundReport } from "../engine/report";
import { t } from "../messages";
import type { Rulebook } from "../rulebook/schema";
import { planToXlsx } from "../round/workbook";
import { X_RULES, consolidate, feedbackWorkbooks, previousFromReport, previousFromSummary, PreviousRoundError, roundReport, summaryWorkbookPlan } from "../round";
import type { PreviousRound, RoundFile } from "../round/types";
import { responsesFromFeedback, type ReturnedFeedback } from "../round/responses";
import { UnusableInputError } from "./check-files";

export interface RoundCliOptions {
  summary?: string;
  feedback?: string;
  previous?: string;
}

export interface CheckedInput {
  /** Absolute path of the submitted file. */
  path: string;
  display: string;
  contentHash: string | null;
  report: FileReport;
}

/** Reads last round's 汇总.xlsx or report.json (UnusableInputError when it cannot). */
export async function readPrevious(file: string): Promise<{ previous: PreviousRound; unexplained: { file: string; sheet: string; cell: string }[] }> {
  const name = path.basename(file);
  const fail = (zh: string, en: string) => new UnusableInputError(t("round.cli.previousUnreadable", "zh-CN", { file: name, reason: zh }), t("round.cli.previousUnreadable", "en", { file: name, reason: en }));
  if (!fs.existsSync(file)) throw fail("找不到文件", "file not found");
  try {
    if (/\.json$/i.test(file)) {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (e) {
        throw fail("不是有效的 JSON", `not valid JSON (${(e as Error).message})`);
      }
      return { previous: previousFromReport(json, name), unexplained: [] };
    }
    let port: XlsxPort;
    try {
      port = openXlsxFile(file);
    } catch (e) {
      throw fail("不是有效的 .xlsx 文件", `not a valid .xlsx file (${(e as Error).message})`);
    }
    return previousFromSummary(await port.readSnapshot());
  } catch (e) {
    if (e instanceof PreviousRoundError) throw fail(e.zh, e.en);
    throw e;
  }
}

/**
 * Does the file look like one of our 审核意见反馈表 (a 「_jixiao」 sheet beside 「审核意见」)?
 * Only the zip's small workbook.xml is read, so every submission can be asked cheaply.
 */
export function looksLikeFeedback(file: string, bytes?: Uint8Array): boolean {
  try {
    bytes ??= fs.readFileSync(file);
    const entry = readZip(new Uint8Array(bytes)).find((e) => e.name === "xl/workbook.xml");
    const xml = entry ? new TextDecoder().decode(inflateEntry(entry, zlibCodec)) : "";
    return xml.includes(`name="${STATE_SHEET}"`) && [t("round.fb.findings", "zh-CN"), t("round.fb.findings", "en")].some((n) => xml.includes(`name="${n}"`));
  } catch {
    return false;
  }
}

/** A 审核意见反馈表 a department returned (put among the submissions), or null when `file` is none. */
export async function readReturnedFeedback(file: string, bytes?: Uint8Array): Promise<ReturnedFeedback | null> {
  if (!looksLikeFeedback(file, bytes)) return null;
  try {
    const port = openXlsxFile(file);
    return responsesFromFeedback(await port.readSnapshot());
  } catch {
    return null;
  }
}

/** A relative link from `fromDir` to `target`, with forward slashes (an absolute path where no relative one exists). */
export function relativeLink(fromDir: string, target: string): string {
  const rel = path.relative(path.resolve(fromDir), target);
  return (path.isAbsolute(rel) ? target : rel).split(path.sep).join("/");
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export interface RoundOutcome {
  report: RoundReport;
  lines: string[];
}

export async function runRound(
  checked: CheckedInput[],
  skipped: { file: string; reason: string }[],
  opts: RoundCliOptions,
  ctx: { rulebook: Rulebook; asOf: string | null; now?: Date; previous: PreviousRound | null; feedback?: ReturnedFeedback[] },
): Promise<RoundOutcome> {
  const files: RoundFile[] = checked.map((c) => ({ file: c.display, contentHash: c.contentHash, report: c.report }));
  const byDisplay = new Map(checked.map((c) => [c.display, c.path] as const));
  const model = consolidate(
    files,
    { grades: ctx.rulebook.scoring.grades.map((g) => g.grade), previous: ctx.previous, responses: (ctx.feedback ?? []).flatMap((f) => f.responses), skipped, date: isoDate(ctx.now ?? new Date()), asOf: ctx.asOf },
    ctx.rulebook,
  );
  const lines: string[] = [];
  const linkFrom = (dir: string) => (file: string) => {
    const target = byDisplay.get(file);
    return target ? relativeLink(dir, target) : null;
  };
  if (opts.summary) {
    const out = path.resolve(opts.summary);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const bytes = await planToXlsx(summaryWorkbookPlan(model, { linkTarget: linkFrom(path.dirname(out)) }));
    fs.writeFileSync(out, bytes);
    lines.push(`${t("round.cli.summary", "zh-CN", { file: opts.summary })} / ${t("round.cli.summary", "en", { file: opts.summary })}`);
  }
  if (opts.feedback) {
    const dir = path.resolve(opts.feedback);
    fs.mkdirSync(dir, { recursive: true });
    const books = feedbackWorkbooks(model, { linkTarget: linkFrom(dir) });
    for (const b of books) fs.writeFileSync(path.join(dir, b.fileName), await planToXlsx(b.plan));
    lines.push(`${t("round.cli.feedback", "zh-CN", { n: books.length, dir: opts.feedback })} / ${t("round.cli.feedback", "en", { n: books.length, dir: opts.feedback })}`);
  }
  if (model.cross.length) {
    const byRule = (lang: "zh" | "en") =>
      X_RULES.filter((r) => model.cross.some((x) => x.rule === r.meta.id))
        .map((r) => `${r.meta.title[lang]} ${model.cross.filter((x) => x.rule === r.meta.id).length}`)
        .join(lang === "zh" ? "、" : ", ");
    lines.push(`${t("round.cli.cross", "zh-CN", { n: model.cross.length, rules: byRule("zh") })} / ${t("round.cli.cross", "en", { n: model.cross.length, rules: byRule("en") })}`);
  }
  if (opts.previous && model.comparison) {
    const p = { file: path.basename(opts.previous), ...model.comparison };
    lines.push(`${t("round.cli.previous", "zh-CN", p)} / ${t("round.cli.previous", "en", p)}`);
  }
  return { report: roundReport(model), lines };
}
