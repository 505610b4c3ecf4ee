/**
 * What the standalone page's engine worker does, as plain functions (so jest runs them in Node):
 * bytes of one or several workbooks in; per file the report, the findings and the checked
 * copy's bytes out, plus the JSON report of contract.md for all of them — exactly what
 * `jixiao check --out DIR --json FILE` gives for the same files.
 */
import type { ApplyStats } from "../core/plan";
import { readState, type MappingOverride } from "../core/state";
import type { Report, FileReport } from "../engine/report";
import { consolidate, feedbackWorkbooks, previousFromReport, previousFromSummary, PreviousRoundError, roundReport, summaryWorkbookPlan } from "../round";
import { responsesFromFeedback, type ReturnedFeedback } from "../round/responses";
import type { PreviousRound, RoundFile } from "../round/types";
import { buildReport } from "../engine/build-report";
import { checkWorkbook, clearWorkbook } from "../engine/pipeline";
import type { Rulebook } from "../rulebook/schema";
import type { Finding } from "../rules/types";
import { t } from "../messages";
import { createWorkbook, openWorkbook, UnreadableWorkbookError } from "./open";
import { checkedName, clearedName } from "./downloads";

export interface InputFile {
  /** Unique within a batch (the page's display name); the key of `mappings`. */
  key: string;
  /** The file's own name (what the JSON report calls it). */
  name: string;
  bytes: Uint8Array;
}

export interface CheckRequest {
  rulebook: Rulebook;
  asOf: string | null;
  /** Column corrections per file key; an empty object means "none" (or "drop the stored ones"). */
  mappings?: Record<string, MappingOverride | undefined>;
  now?: Date;
  /** Last round's 汇总.xlsx or report.json (「上一轮汇总」): the round marks 新增 / 仍存在 / 已整改, as `jixiao check --previous`. */
  previous?: InputFile | null;
}

/** Last round's file read back: what the round compared against, or why it could not be read. */
export type PreviousOutcome =
  | {
      ok: true;
      name: string;
      /** Last round's number (this round is the next). */
      round: number;
      /** Rows of its 问题清单 marked 已确认 without a 处理说明 (not accepted), one sentence each. */
      notes: { zh: string; en: string }[];
    }
  | { ok: false; name: string; zh: string; en: string };

export interface CheckedFile {
  key: string;
  name: string;
  ok: true;
  report: FileReport;
  findings: Finding[];
  stats: ApplyStats | null;
  asOf: string | null;
  /** The checked copy (.xlsx bytes) and the name to save it under. */
  checked: Uint8Array;
  checkedName: string;
}

export interface FailedFile {
  key: string;
  name: string;
  ok: false;
  /** One sentence, zh-CN and English. */
  zh: string;
  en: string;
}

/** A 审核意见反馈表 a department sent back (chosen among the submissions): its answers go into the round. */
export interface ReturnedFile {
  key: string;
  name: string;
  ok: false;
  returned: ReturnedFeedback;
  zh: string;
  en: string;
}

export type FileOutcome = CheckedFile | FailedFile | ReturnedFile;

export interface RoundWorkbooks {
  /** 本轮审核汇总: 汇总, 项目清单, 问题清单 over every file checked. */
  summary: { name: string; bytes: Uint8Array };
  /** One 审核意见反馈表 per department. */
  feedback: { name: string; department: string; bytes: Uint8Array }[];
}

export interface CheckResponse {
  files: FileOutcome[];
  /** The JSON report over the files that could be checked (null when none could). */
  report: Report | null;
  /** Several files: the review round's consolidated and feedback workbooks (as `jixiao check --summary --feedback`). */
  round: RoundWorkbooks | null;
  /** The 「上一轮汇总」 given, read (or why not: then nothing was checked). */
  previous?: PreviousOutcome | null;
}

/** Progress per file: index of the file, the engine's stage (zh-CN), its fraction. */
export type ProgressFn = (file: number, stage: string, fraction: number) => void;

function failed(f: InputFile, key: string, params: Record<string, string>): FailedFile {
  return { key: f.key, name: f.name, ok: false, zh: t(key, "zh-CN", params), en: t(key, "en", params) };
}

function isEmpty(m: MappingOverride | undefined): boolean {
  return !m || Object.values(m).every((fields) => Object.keys(fields).length === 0);
}

async function checkOne(f: InputFile, req: CheckRequest, onProgress: (stage: string, fraction: number) => void): Promise<FileOutcome> {
  let port;
  try {
    port = await openWorkbook(f.bytes, f.name);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return failed(f, "standalone.error.unreadable", { file: f.name, reason: e.reason });
    throw e;
  }
  const snapshot = await port.readSnapshot();
  // A feedback workbook sent back is the department's answers, not a submission (as in `jixiao check`).
  const returned = responsesFromFeedback(snapshot);
  if (returned) {
    const p = { department: returned.department, file: f.key, n: returned.responses.length };
    return { key: f.key, name: f.name, ok: false, returned, zh: t("round.cli.feedbackBack", "zh-CN", p), en: t("round.cli.feedbackBack", "en", p) };
  }
  // No corrections from the page: the ones stored in the workbook apply, as in `jixiao check`.
  let mapping = req.mappings?.[f.key];
  if (isEmpty(mapping) && !readState(snapshot).mapping) mapping = undefined;
  const outcome = await checkWorkbook(port, { rulebook: req.rulebook, asOf: req.asOf, mapping, now: req.now, onProgress });
  if (outcome.model.missing.some((m) => m.sheet === null && m.role === "projects")) {
    return failed(f, "standalone.error.noProjects", { file: f.name });
  }
  return {
    key: f.key,
    name: f.name,
    ok: true,
    report: { ...outcome.report, file: f.name },
    findings: outcome.findings,
    stats: outcome.stats,
    asOf: outcome.asOf,
    checked: await port.save(),
    checkedName: checkedName(f.key, port.keepsMacros),
  };
}

/**
 * Reads last round's 汇总.xlsx or report.json as `jixiao check --previous` does (src/cli/round.ts
 * readPrevious), with the same sentences: the same domain functions on the file's bytes.
 */
export async function readPreviousRound(f: InputFile): Promise<{ outcome: PreviousOutcome; previous: PreviousRound | null }> {
  const fail = (zh: string, en: string): { outcome: PreviousOutcome; previous: null } => ({
    outcome: { ok: false, name: f.name, zh: t("round.cli.previousUnreadable", "zh-CN", { file: f.name, reason: zh }), en: t("round.cli.previousUnreadable", "en", { file: f.name, reason: en }) },
    previous: null,
  });
  try {
    if (/\.json$/i.test(f.name)) {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder("utf-8").decode(f.bytes));
      } catch (e) {
        return fail(t("standalone.previous.notJson", "zh-CN"), `${t("standalone.previous.notJson", "en")} (${(e as Error).message})`);
      }
      const previous = previousFromReport(json, f.name);
      return { outcome: { ok: true, name: f.name, round: previous.round, notes: [] }, previous };
    }
    let port;
    try {
      port = await openWorkbook(f.bytes, f.name);
    } catch (e) {
      if (!(e instanceof UnreadableWorkbookError)) throw e;
      return fail(t("standalone.previous.notXlsx", "zh-CN"), `${t("standalone.previous.notXlsx", "en")} (${e.reason})`);
    }
    const snapshot = await port.readSnapshot();
    const read = previousFromSummary({ ...snapshot, name: f.name });
    const notes = read.unexplained.map((u) => ({ zh: t("round.cli.acceptNoReason", "zh-CN", u), en: t("round.cli.acceptNoReason", "en", u) }));
    return { outcome: { ok: true, name: f.name, round: read.previous.round, notes }, previous: read.previous };
  } catch (e) {
    if (e instanceof PreviousRoundError) return fail(e.zh, e.en);
    throw e;
  }
}

/** Check every file, one after the other; a file that cannot be read fails alone. */
export async function checkFiles(files: InputFile[], req: CheckRequest, onProgress: ProgressFn = () => undefined): Promise<CheckResponse> {
  // Last round is read first: a file that is no round's summary stops the check, as on the command line.
  let previous: PreviousRound | null = null;
  let previousOutcome: PreviousOutcome | null = null;
  if (req.previous) {
    const read = await readPreviousRound(req.previous);
    previousOutcome = read.outcome;
    if (!read.previous) return { files: [], report: null, round: null, previous: previousOutcome };
    previous = read.previous;
  }
  const out: FileOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    onProgress(i, "读取工作簿", 0);
    out.push(await checkOne(files[i], req, (stage, fraction) => onProgress(i, stage, fraction)));
  }
  const ok = out.filter((o): o is CheckedFile => o.ok);
  // --as-of wins; otherwise the first date the files gave (监控截止日期), as the CLI does.
  const asOf = req.asOf ?? ok.find((o) => o.asOf !== null)?.asOf ?? null;
  if (!ok.length) return { files: out, report: null, round: null, previous: previousOutcome };
  const report = buildReport(ok.map((o) => o.report), req.rulebook, asOf);
  if (files.length < 2 && !previous) return { files: out, report, round: null, previous: previousOutcome };
  // Several files, or last round given, are a review round, as on the command line.
  const hashes = await Promise.all(ok.map((o) => contentHash(files.find((f) => f.key === o.key)!.bytes)));
  const roundFiles: RoundFile[] = ok.map((o, i) => ({ file: o.key, contentHash: hashes[i], report: o.report }));
  const skipped = out.filter((o): o is FailedFile => !o.ok && !("returned" in o)).map((o) => ({ file: o.key, reason: o.zh }));
  const responses = out.flatMap((o) => ("returned" in o ? o.returned.responses : []));
  const model = consolidate(
    roundFiles,
    { grades: req.rulebook.scoring.grades.map((g) => g.grade), previous, responses, skipped, date: isoDate(req.now ?? new Date()), asOf },
    req.rulebook,
  );
  report.round = roundReport(model);
  // The round's workbooks link each file to its checked copy, downloaded beside them.
  const copies = new Map(ok.map((o) => [o.key, o.checkedName] as const));
  const linkTarget = (file: string) => copies.get(file) ?? null;
  const feedback = [];
  for (const b of feedbackWorkbooks(model, { linkTarget })) feedback.push({ name: b.fileName, department: b.department, bytes: await createWorkbook(b.plan) });
  const summary = { name: `${t("standalone.round.summaryName", "zh-CN")}.xlsx`, bytes: await createWorkbook(summaryWorkbookPlan(model, { linkTarget })) };
  return { files: out, report, round: { summary, feedback }, previous: previousOutcome };
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** SHA-256 of a file's bytes (the same file sent twice: X002), as the CLI computes it; null where the platform has no digest. */
async function contentHash(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface ClearedFile {
  key: string;
  name: string;
  ok: true;
  /** Cells, columns and sheets the clear plan touched (0: the file carried no marks). */
  actions: number;
  cleared: Uint8Array;
  clearedName: string;
}

/** 清除标记 on copies: each file without what an earlier check wrote into it. */
export async function clearFiles(files: InputFile[]): Promise<(ClearedFile | FailedFile)[]> {
  const out: (ClearedFile | FailedFile)[] = [];
  for (const f of files) {
    let port;
    try {
      port = await openWorkbook(f.bytes, f.name);
    } catch (e) {
      if (e instanceof UnreadableWorkbookError) {
        out.push(failed(f, "standalone.error.unreadable", { file: f.name, reason: e.reason }));
        continue;
      }
      throw e;
    }
    const stats = await clearWorkbook(port);
    out.push({ key: f.key, name: f.name, ok: true, actions: stats.actions, cleared: await port.save(), clearedName: clearedName(f.key, port.keepsMacros) });
  }
  return out;
}

export interface StoredSettingsDoc {
  mapping?: MappingOverride;
  /** The stored rulebook, if it is a valid one. */
  rulebook?: unknown;
}

/** What a workbook remembers (column corrections, its rulebook), without checking it. */
export async function readSettings(f: InputFile): Promise<StoredSettingsDoc> {
  let port;
  try {
    port = await openWorkbook(f.bytes, f.name);
  } catch {
    return {}; // the check says why it cannot be read
  }
  const docs = readState(await port.readSnapshot());
  const out: StoredSettingsDoc = {};
  if (docs.mapping) out.mapping = docs.mapping;
  // Unparsed: the pane says so when a stored rulebook is invalid, as it does inside Excel.
  if (docs.rulebook !== undefined) out.rulebook = docs.rulebook;
  return out;
}
