/**
 * The standalone page's state outside the pane: the files the user chose, what the engine
 * worker made of them, and the PaneHost the (unchanged) task-pane UI drives. All chosen files
 * are checked in one go; the pane shows them together, each sheet named 「file › sheet」, so
 * findings and column corrections always say which workbook they belong to.
 */
import type { ApplyStats } from "../core/plan";
import type { MappingOverride } from "../core/state";
import type { RunOptions } from "../engine/api";
import type { FileReport, Report } from "../engine/report";
import type { Finding } from "../rules/types";
import type { PaneHost, PaneOutcome, StoredSettings } from "../taskpane/host";
import type { WorkbookPort } from "../core/port";
import type { EngineWorker as PaneEngine } from "../worker/client";
import type { AnalysisResult, EngineApi, ProgressCallback, WorkerRunOptions } from "../worker/protocol";
import { t } from "../messages";
import { getPreset } from "../rulebook/load";
import type { PreviousOutcome, RoundWorkbooks, CheckRequest, CheckResponse, CheckedFile, ClearedFile, FailedFile, FileOutcome, InputFile, ProgressFn, StoredSettingsDoc } from "./engine";
import { uniqueNames } from "./downloads";

/** What the session needs of the engine: the worker (./worker.ts), or ./engine's functions in a test. */
export interface Engine {
  check(files: InputFile[], req: CheckRequest, onProgress: ProgressFn): Promise<CheckResponse>;
  /** Stop the call in progress (it fails); the next call starts afresh. */
  cancel?(): void;
  clear(files: InputFile[]): Promise<(ClearedFile | FailedFile)[]>;
  settings(file: InputFile): Promise<StoredSettingsDoc>;
}

export const SHEET_SEP = " › ";

export interface ChosenFile {
  /** Unique in the session: the name shown, 「a (2).xlsx」 for a second 「a.xlsx」. */
  key: string;
  name: string;
  size: number;
  blob: Blob;
}

export type FileStatus =
  | { kind: "waiting" }
  | { kind: "checking" }
  | { kind: "checked"; result: CheckedFile }
  | { kind: "failed"; zh: string; en: string }
  /** A feedback workbook a department sent back: its answers went into the round. */
  | { kind: "returned"; zh: string; en: string }
  | { kind: "cleared"; result: ClearedFile };

export interface SessionView {
  files: ChosenFile[];
  status: Record<string, FileStatus>;
  /** The JSON report of the last check (all files checked in it). */
  report: Report | null;
  /** Several files checked: the round's consolidated and feedback workbooks. */
  round: RoundWorkbooks | null;
  /** Names of dropped files that are not workbooks the page can check. */
  rejected: string[];
  /** 「上一轮汇总（可选）」: last round's 汇总.xlsx or report.json, compared against by the next check. */
  previous: ChosenFile | null;
  /** What the last check made of it (read, with its notes; or why it could not be). */
  previousResult: PreviousOutcome | null;
  /** A file offered as last round's summary that is neither .xlsx nor .json. */
  previousRejected: string | null;
  busy: boolean;
}

const ACCEPTED = /\.(xlsx|xlsm)$/i;
const PREVIOUS = /\.(xlsx|xlsm|json)$/i;

export class Session {
  private view: SessionView = { files: [], status: {}, report: null, round: null, rejected: [], previous: null, previousResult: null, previousRejected: null, busy: false };
  private listeners = new Set<() => void>();
  private paneHost: PaneHost;

  constructor(private readonly engine: () => Engine) {
    this.paneHost = this.makeHost();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getView = (): SessionView => this.view;

  /** The host for the pane; a new one whenever the chosen files change, so the pane reloads their settings. */
  get host(): PaneHost {
    return this.paneHost;
  }

  private set(next: Partial<SessionView>, filesChanged = false): void {
    this.view = { ...this.view, ...next };
    if (filesChanged) this.paneHost = this.makeHost();
    for (const fn of this.listeners) fn();
  }

  add(list: ArrayLike<File>): void {
    const files = Array.from(list);
    const ok = files.filter((f) => ACCEPTED.test(f.name));
    const rejected = files.filter((f) => !ACCEPTED.test(f.name)).map((f) => f.name);
    const keys = uniqueNames(
      ok.map((f) => f.name),
      this.view.files.map((f) => f.key),
    );
    const added = ok.map((f, i) => ({ key: keys[i], name: f.name, size: f.size, blob: f }));
    const status = { ...this.view.status };
    for (const f of added) status[f.key] = { kind: "waiting" };
    this.set({ files: [...this.view.files, ...added], status, rejected }, added.length > 0);
  }

  remove(key: string): void {
    const status = { ...this.view.status };
    delete status[key];
    this.set({ files: this.view.files.filter((f) => f.key !== key), status, report: null, round: null, rejected: [] }, true);
  }

  /** Chooses (or, with null, drops) last round's 汇总.xlsx or report.json; the results so far no longer hold. */
  setPrevious(file: File | null): void {
    if (file && !PREVIOUS.test(file.name)) {
      this.set({ previousRejected: file.name });
      return;
    }
    const previous = file ? { key: file.name, name: file.name, size: file.size, blob: file } : null;
    this.set({ previous, previousResult: null, previousRejected: null, report: null, round: null });
  }

  removeAll(): void {
    this.set({ files: [], status: {}, report: null, round: null, rejected: [] }, true);
  }

  private async inputs(files: ChosenFile[]): Promise<InputFile[]> {
    return Promise.all(files.map(async (f) => ({ key: f.key, name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  }

  /**
   * The pane runs a check as 「read through the host's port → analyse in the engine → plan →
   * write through the port」. Here the chosen files are read, checked and written in the page's
   * worker, all of them in one go, so the port and the engine the pane gets come as a pair: the
   * port stands for the files (nothing to read or write on the page's thread), the engine's
   * analysis is the whole check of every file, its plan empty.
   */
  paneEngine = (): PaneEngine => {
    const files = this.view.files;
    let cancel: (() => void) | null = null;
    const api = {
      begin: async () => undefined,
      addSheet: async () => undefined,
      addRows: async () => undefined,
      analyse: async (options: WorkerRunOptions, onProgress: ProgressCallback): Promise<AnalysisResult> => {
        let out;
        try {
          out = await this.check(files, { ...options, onProgress }, (stop) => (cancel = stop));
        } finally {
          cancel = null;
        }
        const rb = options.rulebook ?? getPreset();
        return { report: out.report, findings: out.findings, looks: [], noProjectSheet: false, asOf: out.asOf, preset: rb.preset, rulebookVersion: rb.version };
      },
      plan: async () => ({ actions: [] }),
    } satisfies { [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<ReturnType<EngineApi[K]>> };
    // The pane ends every run with terminate(); only 取消 during the check stops the worker (the next run starts another).
    return { api: api as unknown as PaneEngine["api"], terminate: () => cancel?.() };
  };

  private makeHost(): PaneHost {
    const files = this.view.files;
    const port: WorkbookPort = {
      readSnapshot: async () => ({ name: files.map((f) => f.key).join(", "), sheets: [] }),
      readLooks: async () => ({}),
      applyPlan: async () => ({ syncs: 0, payloadBytes: 0, actions: 0 }),
    };
    return {
      kind: "standalone",
      check: (options) => this.check(files, options),
      withPort: (fn) => fn(port),
      clear: () => this.clear(files),
      // The page has no open workbook to go to; the finding names its file, sheet and cell.
      select: async () => undefined,
      loadSettings: () => this.loadSettings(files),
    };
  }

  private async check(files: ChosenFile[], options: RunOptions, onCancel?: (stop: () => void) => void): Promise<PaneOutcome & { asOf: string | null }> {
    if (!files.length) throw new Error(`${t("standalone.error.noFiles", "zh-CN")} / ${t("standalone.error.noFiles", "en")}`);
    const status = { ...this.view.status };
    for (const f of files) status[f.key] = { kind: "checking" };
    this.set({ status, busy: true, report: null, round: null });
    try {
      const req: CheckRequest = {
        // The pane always passes its preset or imported rulebook; the default preset otherwise.
        rulebook: options.rulebook ?? getPreset(),
        asOf: options.asOf ?? null,
        mappings: splitMapping(options.mapping, files.map((f) => f.key)),
        ...(options.now ? { now: options.now } : {}),
      };
      const progress = options.onProgress;
      const inputs = await this.inputs(files);
      const previous = this.view.previous;
      if (previous) req.previous = (await this.inputs([previous]))[0];
      const onProgress = (i: number, stage: string, fraction: number) => progress?.(stage, (i + fraction) / files.length);
      const engine = this.engine();
      onCancel?.(() => engine.cancel?.());
      const res = await engine.check(inputs, req, onProgress);
      this.set({ previousResult: res.previous ?? null });
      // Last round's file is no round's summary: nothing was checked (as `jixiao check --previous`).
      if (res.previous && !res.previous.ok) throw new Error(`${res.previous.zh} / ${res.previous.en}`);
      const next = { ...this.view.status };
      for (const o of res.files) next[o.key] = statusOf(o);
      this.set({ status: next, report: res.report, round: res.round });
      const ok = res.files.filter((o): o is CheckedFile => o.ok);
      if (!ok.length) {
        const failed = res.files.filter((o): o is FailedFile => !o.ok && !("returned" in o));
        throw new Error(failed.map((f) => `${f.zh} / ${f.en}`).join("\n"));
      }
      return { ...mergeOutcomes(ok), asOf: res.report?.asOf ?? null };
    } catch (e) {
      const next = { ...this.view.status };
      for (const f of files) if (next[f.key]?.kind === "checking") next[f.key] = { kind: "waiting" };
      this.set({ status: next });
      throw e;
    } finally {
      this.set({ busy: false });
    }
  }

  private async clear(files: ChosenFile[]): Promise<ApplyStats> {
    if (!files.length) throw new Error(`${t("standalone.error.noFiles", "zh-CN")} / ${t("standalone.error.noFiles", "en")}`);
    this.set({ busy: true });
    try {
      const inputs = await this.inputs(files);
      const res = await this.engine().clear(inputs);
      const next = { ...this.view.status };
      let actions = 0;
      for (const o of res) {
        if (o.ok) actions += o.actions;
        next[o.key] = o.ok ? (o.actions > 0 ? { kind: "cleared", result: o } : { kind: "waiting" }) : { kind: "failed", zh: o.zh, en: o.en };
      }
      this.set({ status: next, report: null, round: null });
      return { syncs: 0, payloadBytes: 0, actions };
    } finally {
      this.set({ busy: false });
    }
  }

  private async loadSettings(files: ChosenFile[]): Promise<StoredSettings> {
    if (!files.length) return {};
    const inputs = await this.inputs(files);
    const docs = [];
    for (const f of inputs) docs.push(await this.engine().settings(f));
    const mapping: MappingOverride = {};
    docs.forEach((d, i) => {
      for (const [sheet, fields] of Object.entries(d.mapping ?? {})) mapping[`${files[i].key}${SHEET_SEP}${sheet}`] = fields;
    });
    // One rulebook for the batch: offered only when the files that store one agree on it.
    const books = [...new Set(docs.filter((d) => d.rulebook !== undefined).map((d) => JSON.stringify(d.rulebook)))];
    return { ...(Object.keys(mapping).length ? { mapping } : {}), ...(books.length === 1 ? { rulebook: JSON.parse(books[0]) as unknown } : {}) };
  }
}

function statusOf(o: FileOutcome): FileStatus {
  if (o.ok) return { kind: "checked", result: o };
  return "returned" in o ? { kind: "returned", zh: o.zh, en: o.en } : { kind: "failed", zh: o.zh, en: o.en };
}

/** The pane's corrections (keyed 「file › sheet」) per file; corrections for files no longer chosen are dropped. */
export function splitMapping(mapping: MappingOverride | undefined, keys: string[]): Record<string, MappingOverride> {
  const out: Record<string, MappingOverride> = {};
  for (const k of keys) out[k] = {};
  if (!mapping) return out;
  for (const [sheet, fields] of Object.entries(mapping)) {
    const k = keys.find((key) => sheet.startsWith(`${key}${SHEET_SEP}`));
    if (k) out[k][sheet.slice(k.length + SHEET_SEP.length)] = fields;
  }
  return out;
}

/** The files' results as one outcome for the pane: sheets named 「file › sheet」. */
export function mergeOutcomes(files: CheckedFile[]): PaneOutcome {
  const name = (key: string, sheet: string) => `${key}${SHEET_SEP}${sheet}`;
  const first = files[0].report;
  const report: FileReport = {
    file: files.map((f) => f.key).join(", "),
    layout: first.layout,
    modes: [...new Set(files.flatMap((f) => f.report.modes))],
    unit: first.unit,
    detected: files.flatMap((f) => f.report.detected.map((d) => ({ ...d, sheet: name(f.key, d.sheet) }))),
    projects: files.flatMap((f) => f.report.projects.map((p) => ({ ...p, sheet: name(f.key, p.sheet), indicators: p.indicators.map((i) => ({ ...i, sheet: name(f.key, i.sheet) })) }))),
    findings: files.flatMap((f) => f.report.findings.map((x) => ({ ...x, sheet: name(f.key, x.sheet) }))),
  };
  const findings: Finding[] = files.flatMap((f) => f.findings.map((x) => ({ ...x, sheet: name(f.key, x.sheet) })));
  // The plans were applied to the copies in the worker; they stay there.
  return { report, findings, stats: null, plan: null };
}
