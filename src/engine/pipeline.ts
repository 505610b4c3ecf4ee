/**
 * The pipeline the task pane, the ribbon command and `jixiao check` all run:
 * snapshot → model → rules and scores → report (→ write plan → apply).
 */
import type { WorkbookSnapshot } from "../core/grid";
import type { WorkbookPort } from "../core/port";
import type { CellLookRequest, CellLooks, WritePlan } from "../core/plan";
import { parseRange } from "../core/address";
import { OWN_SHEET_NAMES, readStateChecked, verifyRun, type StateDocs, type VerifiedRun } from "../core/state";
import { readListModel } from "../read";
import { readForms } from "../read/form";
import { parseRulebook, getPreset, RulebookError } from "../rulebook/load";
import { DEFAULT_PRESET } from "../rulebook/presets";
import type { Rulebook } from "../rulebook/schema";
import { runRules } from "../rules/run";
import { D_RULES } from "../rules/d-rules";
import { T_RULES } from "../rules/t-rules";
import { E_RULES } from "../rules/e-rules";
import { M_RULES } from "../rules/m-rules";
import type { Finding } from "../rules/types";
import { evaluate } from "../scoring/evaluate";
import { buildWritePlan, buildClearPlan, highlightRequests } from "../writeplan";
import { mergeRequests, previousLookRequests } from "../writeplan/notes";
import type { Mode, ModelBook } from "../model/model";
import type { ProjectResult } from "./results";
import type { ClearOutcome, RunOptions, RunOutcome } from "./api";
import { buildFileReport } from "./build-report";
import { findingOrder } from "./order";
import type { FileReport } from "./report";
import { lastRunSummary } from "./last-run";
import { t } from "../messages";
import { presetLabel } from "../messages/presets";
import { notice, stateNotices, type Notice } from "./notices";
import { withinTables } from "../read/extent";
import { pushAll } from "../core/collections";
import { timed, timedAsync } from "./timings";

export type { ClearOutcome, RunOptions, RunOutcome };


export interface Analysis {
  model: ModelBook;
  results: Map<string, ProjectResult>;
  findings: Finding[];
  rulebook: Rulebook;
  asOf: string | null;
  state: StateDocs;
  /** The previous run checked against the workbook: what may be cleared, and what is left alone. */
  verified: VerifiedRun;
  /** Where the rulebook came from. */
  rulebookSource: RulebookSource;
  /** Said once to the user (运行记录, the pane, the JSON report). */
  notices: Notice[];
}

export type RulebookSource = "option" | "workbook" | "preset";

/** A sheet named as ours (「校验结果 (2)」…): not read as user data even when it no longer carries its marker. */
const OWN_NAME = new RegExp(`^(${["findings", "summary", "log"].flatMap((k) => (["zh-CN", "en"] as const).map((l) => t(`sheets.${k}.name`, l).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("|")})( \\(\\d+\\))?$`);

/** A findings list the add-in wrote (renamed or kept by the user): its header row is ours; never read as projects. */
function isFindingsList(s: WorkbookSnapshot["sheets"][number]): boolean {
  const row = s.values[0] ?? [];
  const keys = ["no", "severity", "rule", "sheet", "cell"];
  return (["zh-CN", "en"] as const).some((l) => keys.every((k, i) => row[i] === t(`sheets.findings.col.${k}`, l)));
}

/** The workbook as the user made it: the previous run's verified result blocks blanked, its sheets dropped. */
export function userView(book: WorkbookSnapshot, state: StateDocs, verified: VerifiedRun = verifyRun(book, state.run)): WorkbookSnapshot {
  const own = new Set([...OWN_SHEET_NAMES, ...verified.sheets]);
  const blocks = verified.blocks;
  const sheets = book.sheets
    .filter((s) => !own.has(s.name) && !OWN_NAME.test(s.name) && !isFindingsList(s))
    .map((s) => {
      const mine = blocks.filter((b) => b.sheet === s.name);
      if (!mine.length) return s;
      const values = s.values.map((r) => r.slice());
      for (const b of mine) {
        const r = parseRange(b.range);
        for (let i = r.top; i <= r.bottom && i < values.length; i++) {
          for (let j = r.left; j <= r.right && j < values[i].length; j++) values[i][j] = null;
        }
      }
      // Trim trailing empty columns so "the last used column" is the user's.
      for (const row of values) while (row.length && row[row.length - 1] === null) row.pop();
      return { ...s, values };
    });
  return { ...book, sheets };
}

function isoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** Which rulebook a run uses: the one given, else the one stored in the workbook, else the default preset. */
export function chooseRulebook(options: RunOptions, state: StateDocs): Rulebook {
  return rulebookFor(options, state).rulebook;
}

/** The rulebook with where it came from; an invalid stored one is not used, and a notice says so. */
export function rulebookFor(options: RunOptions, state: StateDocs): { rulebook: Rulebook; source: RulebookSource; notice: Notice | null } {
  if (options.rulebook) return { rulebook: options.rulebook, source: "option", notice: null };
  if (state.rulebook !== undefined && state.rulebook !== null) {
    try {
      return { rulebook: parseRulebook(state.rulebook), source: "workbook", notice: null };
    } catch (e) {
      const preset = getPreset();
      const reason = e instanceof RulebookError ? e.zh : String(e);
      const n = notice("notice.rulebook.invalid", { preset: presetLabel(preset.preset), reason });
      n.messageEn = t("notice.rulebook.invalid", "en", { preset: presetLabel(preset.preset, "en"), reason: e instanceof RulebookError ? e.en : reason });
      return { rulebook: preset, source: "preset", notice: n };
    }
  }
  return { rulebook: getPreset(), source: "preset", notice: null };
}

/** The default preset unchanged: nothing worth storing in the workbook. */
function isDefaultRulebook(rb: Rulebook): boolean {
  return canonical(rb) === canonical(getPreset(DEFAULT_PRESET));
}

/** JSON with object keys sorted, so that two equal documents compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** Pure analysis of a snapshot: no writing. */
export function analyse(book: WorkbookSnapshot, options: RunOptions = {}): Analysis {
  const steps = analysisSteps(book, options);
  for (let s = steps.next(); ; s = steps.next()) if (s.done) return s.value;
}

/** The same analysis, awaiting `pause` between its stages (see RunOptions.pause). */
export async function analyseWithPauses(book: WorkbookSnapshot, options: RunOptions, pause: () => Promise<void>): Promise<Analysis> {
  const steps = analysisSteps(book, options);
  for (let s = steps.next(); ; s = steps.next()) {
    if (s.done) return s.value;
    await pause();
  }
}

/** The analysis in stages: each `yield` is a point where a caller without a worker may give the host a turn. */
function* analysisSteps(book: WorkbookSnapshot, options: RunOptions): Generator<void, Analysis, void> {
  const tm = options.timings;
  const progress = options.onProgress ?? (() => undefined);
  const { state, verified, chosen, rulebook, notices, view, model } = timed(tm, "model", () => {
    const reading = readStateChecked(book);
    const state = reading.docs;
    const verified = verifyRun(book, state.run);
    const chosen = rulebookFor(options, state);
    const rulebook = chosen.rulebook;
    const notices = [...stateNotices(reading.problems, verified.left), ...(chosen.notice ? [chosen.notice] : [])];
    // Tables end where a long run of empty rows begins: a lone cell far below is reported (D010), not read.
    const { book: view, strays } = withinTables(userView(book, state, verified));
    // Per-project forms first (they are unmistakable: a 项目名称 label with its value beside it);
    // otherwise list layout, with the user's saved column corrections. (No forms were found, so
    // readModel's own fall-back to forms would only scan for them again: the list reading alone.)
    progress("识别表格", 0.2);
    const model = readForms(view, rulebook) ?? readListModel(view, rulebook, { mapping: options.mapping ?? state.mapping });
    if (strays.length) model.anomalies = [...(model.anomalies ?? []), ...strays];
    return { state, verified, chosen, rulebook, notices, view, model };
  });
  if (options.asOf && !model.modes.includes("运行监控")) model.modes = [...model.modes, "运行监控" as Mode];
  const monitoring = model.modes.includes("运行监控");
  const asOf = monitoring ? (options.asOf ?? model.asOfInSheet ?? rulebook.monitoring.asOf ?? isoDate(options.now ?? new Date())) : null;
  yield;
  progress("检查规则", 0.35);
  // One category at a time (same findings, same order as one run over all of them), so that each is timed.
  const findings = timed(tm, "rules D", () => runRules(D_RULES, { book: model, rulebook }));
  pushAll(findings, timed(tm, "rules T", () => runRules(T_RULES, { book: model, rulebook })));
  yield;
  progress("评分", 0.5);
  const results = timed(tm, "scoring", () => evaluate(model, rulebook, asOf));
  yield;
  pushAll(findings, timed(tm, "rules E", () => runRules(E_RULES, { book: model, rulebook, results, asOf })));
  pushAll(findings, timed(tm, "rules M", () => runRules(M_RULES, { book: model, rulebook, results, asOf })));
  timed(tm, "rules", () => findings.sort(findingOrder(view.sheets.map((s) => s.name))));
  return { model, results, findings, rulebook, asOf, state, verified, rulebookSource: chosen.source, notices };
}

/**
 * No project sheet at all (list layout, nothing with 项目名称 / 项目编码 headers): the wrong
 * workbook. A run then writes nothing: no result sheets, no state, no highlights.
 */
export function noProjectSheet(model: ModelBook): boolean {
  return model.layout === "list" && model.projects.length === 0 && model.missing.some((m) => m.role === "projects" && m.sheet === null);
}

/** The cells whose looks a run must read before planning: the ones it highlights, and the previous run's (can this host put notes back). */
export function lookRequestsFor(snapshot: WorkbookSnapshot, a: Analysis): CellLookRequest[] {
  return mergeRequests(highlightRequests(a.findings), previousLookRequests(a.state, snapshot));
}

/** The write plan of an analysed snapshot, once the looks of `lookRequestsFor` are read. */
export function writePlanFor(snapshot: WorkbookSnapshot, a: Analysis, report: FileReport, looks: CellLooks, options: RunOptions = {}): WritePlan {
  const runAt = options.now ?? new Date();
  return buildWritePlan({
    snapshot,
    model: a.model,
    results: a.results,
    findings: a.findings,
    report,
    preset: a.rulebook.preset,
    rulebookVersion: a.rulebook.version,
    runAt,
    looks,
    verified: a.verified,
    // The state documents this analysis read and checked (not read again from the snapshot).
    docs: a.state,
    notices: a.notices,
    // What the user chose in this run travels with the workbook: the next run starts from it.
    store: {
      mapping: options.mapping,
      ...(options.rulebook ? { rulebook: isDefaultRulebook(options.rulebook) ? null : options.rulebook } : {}),
      // What the task pane shows when it is opened again on this workbook.
      lastRun: lastRunSummary({ report, findings: a.findings, preset: a.rulebook.preset, rulebookVersion: a.rulebook.version, runAt, asOf: a.asOf }),
    },
  }).plan;
}

export async function checkWorkbook(port: WorkbookPort, options: RunOptions = {}): Promise<RunOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  progress("读取工作簿", 0.1);
  const tm = options.timings;
  const snapshot = await timedAsync(tm, "read", () => port.readSnapshot());
  const a = options.pause ? await analyseWithPauses(snapshot, options, options.pause) : analyse(snapshot, options);
  const report = timed(tm, "report", () => buildFileReport(snapshot.name, a));
  if (options.write === false || noProjectSheet(a.model)) {
    progress("完成", 1);
    return { model: a.model, results: a.results, findings: a.findings, report, asOf: a.asOf, plan: null, stats: null, notices: a.notices, rulebookUsed: { rulebook: a.rulebook, source: a.rulebookSource } };
  }
  progress("写回结果", 0.7);
  const looks = await timedAsync(tm, "plan", () => port.readLooks(lookRequestsFor(snapshot, a)));
  await options.pause?.();
  const plan = timed(tm, "plan", () => writePlanFor(snapshot, a, report, looks, options));
  const stats = await timedAsync(tm, "write", () => port.applyPlan(plan));
  progress("完成", 1);
  return { model: a.model, results: a.results, findings: a.findings, report, asOf: a.asOf, plan, stats, notices: a.notices, rulebookUsed: { rulebook: a.rulebook, source: a.rulebookSource } };
}

/**
 * 「清除标记」: what the last run wrote and still verifies is removed; what does not is left alone
 * and said in `notices`. `notesKept`: the add-in's notes this host could not remove (no notes
 * API), remembered for later.
 */
export async function clearWorkbook(port: WorkbookPort): Promise<ClearOutcome> {
  const snapshot = await port.readSnapshot();
  const reading = readStateChecked(snapshot);
  const verified = verifyRun(snapshot, reading.docs.run);
  const requests = previousLookRequests(reading.docs, snapshot);
  const looks = requests.length ? await port.readLooks(requests) : undefined;
  const plan = buildClearPlan(snapshot, looks, verified);
  const stats = await port.applyPlan({ actions: plan.actions });
  return { ...stats, notesKept: plan.notesKept, notices: stateNotices(reading.problems, verified.left) };
}
