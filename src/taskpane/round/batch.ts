/**
 * 「汇总多个报送文件」 in the pane: several submitted workbooks, each read with the headless
 * reader, checked by the same engine (write: false), consolidated (src/round) and written as
 * the round's sheets (汇总 / 项目清单 / 问题清单, under free names) into the open workbook.
 * One file that cannot be read or holds no project sheet is reported; the others go on.
 * No React here (tested in batch.test.ts).
 */
import type { WorkbookPort } from "../../core/port";
import type { PlanAction, WritePlan } from "../../core/plan";
import type { WorkbookSnapshot } from "../../core/grid";
import { rangeToA1 } from "../../core/address";
import { encodeState, readState, STATE_SHEET, type StateDocs } from "../../core/state";
import { z } from "zod";
import { checkWorkbook } from "../../engine/pipeline";
import type { Rulebook } from "../../rulebook/schema";
import { consolidate, summaryWorkbookPlan, type RoundFile, type RoundModel } from "../../round";
import { t, type Lang } from "../../messages";
import { fnv64 } from "../../round/hash";
import { describeError } from "../errors";
import type { OpenSubmission } from "./load";

export interface Submitted {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type FileProgress =
  | { file: string; state: "waiting" | "reading" | "checking" }
  | { file: string; state: "done"; projects: number; findings: number }
  | { file: string; state: "failed"; reason: string };

export interface BatchInput {
  files: Submitted[];
  rulebook: Rulebook;
  asOf: string | null;
  lang: Lang;
  now: Date;
  open: OpenSubmission;
  /** Sheet names already in the open workbook. */
  taken: string[];
  /** The open workbook's state sheet alone (see stateOnly in ../host.ts): the sheets an earlier 汇总 wrote are replaced. */
  state?: WorkbookSnapshot;
  /** A1 of the named sheets as they are now (a sheet is replaced only while it still starts as written). */
  firstCells?: (sheets: string[]) => Promise<Record<string, unknown>>;
  onFile(p: FileProgress): void;
  signal?: AbortSignal;
}

export interface BatchOutcome {
  model: RoundModel;
  plan: WritePlan;
  sheets: { summary: string; projects: string; findings: string };
  failed: { file: string; reason: string }[];
}

const EXT = /\.(xlsx|xlsm)$/i;

/** A sheet name not taken (case-blind, as Excel compares them): 「汇总」, else 「汇总 (2)」 … */
export function freeSheetName(base: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((s) => s.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function roundSheetNames(taken: string[], lang: Lang): BatchOutcome["sheets"] {
  const set = new Set(taken);
  const pick = (key: string) => {
    const n = freeSheetName(t(key, lang), set);
    set.add(n);
    return n;
  };
  return { summary: pick("round.sheet.summary"), projects: pick("round.sheet.projects"), findings: pick("round.sheet.findings") };
}

async function contentHash(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const d = new Uint8Array(await subtle.digest("SHA-256", bytes as unknown as ArrayBuffer));
    return [...d].map((b) => b.toString(16).padStart(2, "0")).join("");
  }
  // No Web Crypto (an insecure context): a short hash of the bytes still tells identical files apart.
  return `fnv:${fnv64(new TextDecoder("latin1").decode(bytes))}`;
}

/** The round's sheets the pane wrote into this workbook, kept in its state under this key (a re-import replaces them). */
export const ROUND_SHEETS_KEY = "paneRound";
const RoundSheetsSchema = z.object({ version: z.literal(1), sheets: z.array(z.object({ name: z.string(), a1: z.string() })).max(10) });

/**
 * Sheets an earlier 汇总 wrote that are still there and still start as written (A1): a sheet
 * the user made under that name since, or wrote over, is never deleted.
 */
export async function previousRoundSheets(state: WorkbookSnapshot | undefined, taken: string[], firstCells?: BatchInput["firstCells"]): Promise<string[]> {
  if (!state || !firstCells) return [];
  const doc = RoundSheetsSchema.safeParse((readState(state) as Record<string, unknown>)[ROUND_SHEETS_KEY]);
  if (!doc.success) return [];
  const exists = new Set(taken.map((n) => n.toLowerCase()));
  const there = doc.data.sheets.filter((x) => x.name !== STATE_SHEET && exists.has(x.name.toLowerCase()));
  if (!there.length) return [];
  const now = await firstCells(there.map((x) => x.name));
  return there.filter((x) => x.a1 !== "" && now[x.name] === x.a1).map((x) => x.name);
}

/** A1 of each sheet as the plan writes it. */
function firstCellsOf(plan: WritePlan, sheets: string[]): { name: string; a1: string }[] {
  return sheets.map((name) => {
    const a = plan.actions.find((x) => x.kind === "setValues" && x.sheet === name && x.topLeft === "A1");
    const v = a && a.kind === "setValues" ? a.values[0]?.[0] : null;
    return { name, a1: typeof v === "string" || typeof v === "number" ? String(v) : "" };
  });
}

/** Rewrites the state sheet with `sheets` recorded under ROUND_SHEETS_KEY, every other key kept. */
function recordSheets(state: WorkbookSnapshot, sheets: { name: string; a1: string }[]): PlanAction[] {
  const docs = { ...readState(state), [ROUND_SHEETS_KEY]: { version: 1, sheets } } as Record<string, unknown>;
  const rows = encodeState(docs as StateDocs);
  const existing = state.sheets.find((x) => x.name === STATE_SHEET);
  const actions: PlanAction[] = [];
  if (existing) {
    const n = existing.values.length;
    const cols = existing.values.reduce((m, r) => Math.max(m, r.length), 0);
    if (n > 0 && cols > 0) actions.push({ kind: "clearRange", sheet: STATE_SHEET, range: rangeToA1({ top: 0, left: 0, bottom: n - 1, right: cols - 1 }) });
  } else {
    actions.push({ kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" });
  }
  actions.push({ kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: rows });
  return actions;
}

export class NothingReadError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
    this.name = "NothingReadError";
  }
}

/** Checks every file (one at a time, in the order given), then plans the round's sheets. */
export async function consolidateFiles(input: BatchInput): Promise<BatchOutcome> {
  const { lang } = input;
  const checked: RoundFile[] = [];
  const failed: { file: string; reason: string }[] = [];
  const fail = (file: string, reason: string) => {
    failed.push({ file, reason });
    input.onFile({ file, state: "failed", reason });
  };
  for (const f of input.files) input.onFile({ file: f.name, state: "waiting" });
  for (const f of input.files) {
    if (input.signal?.aborted) break;
    if (!EXT.test(f.name)) {
      fail(f.name, t("ui.batch.notXlsx", lang));
      continue;
    }
    input.onFile({ file: f.name, state: "reading" });
    let port: WorkbookPort;
    let bytes: Uint8Array;
    try {
      bytes = await f.bytes();
      port = await input.open(bytes, f.name);
    } catch (e) {
      fail(f.name, t("ui.batch.unreadable", lang, { reason: describeError(e, lang) }));
      continue;
    }
    input.onFile({ file: f.name, state: "checking" });
    try {
      const out = await checkWorkbook(port, { rulebook: input.rulebook, asOf: input.asOf, now: input.now, write: false });
      if (!out.report.projects.length) {
        fail(f.name, t("ui.batch.noProjects", lang));
        continue;
      }
      checked.push({ file: f.name, contentHash: await contentHash(bytes), report: out.report });
      input.onFile({ file: f.name, state: "done", projects: out.report.projects.length, findings: out.report.findings.length });
    } catch (e) {
      fail(f.name, t("ui.batch.checkFailed", lang, { reason: describeError(e, lang) }));
    }
  }
  if (!checked.length) throw new NothingReadError(t("ui.batch.nothing", "zh-CN"), t("ui.batch.nothing", "en"));
  const date = input.now.toISOString().slice(0, 10);
  const model = consolidate(checked, { grades: input.rulebook.scoring.grades.map((g) => g.grade), skipped: failed, date, asOf: input.asOf }, input.rulebook);
  // An earlier 汇总's sheets are replaced (their names are free again); no user sheet is touched.
  const replaced = await previousRoundSheets(input.state, input.taken, input.firstCells);
  const gone = new Set(replaced.map((n) => n.toLowerCase()));
  const sheets = roundSheetNames(input.taken.filter((n) => !gone.has(n.toLowerCase())), lang);
  const round = summaryWorkbookPlan(model, { lang, linkTarget: () => null, includeState: false, sheetNames: sheets });
  const actions: PlanAction[] = [...replaced.map((sheet) => ({ kind: "deleteSheet" as const, sheet })), ...round.actions];
  if (input.state) for (const a of recordSheets(input.state, firstCellsOf(round, [sheets.summary, sheets.projects, sheets.findings]))) actions.push(a);
  return { model, plan: { actions }, sheets, failed };
}
