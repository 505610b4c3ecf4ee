/**
 * The write plan of a run, and of 「清除标记」.
 *
 * A run first undoes the previous one (recorded in the state sheet: its result blocks, its
 * sheets, the original fill and note of every cell it highlighted), then writes the new
 * results; so running twice gives the same workbook as running once, and clearing gives
 * back the user's workbook exactly.
 */
import type { CellLooks, PlanAction, PlanValue, SavedFill, WritePlan } from "../core/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { cellAt, sheetSize } from "../core/grid";
import { fromA1, parseRange, rangeToA1, type CellRange } from "../core/address";
import { cellsSignature, encodeState, MARK_ROWS, readState, recordedValue, STATE_SHEET, verifyRun, type HighlightRecord, type RunState, type StateDocs, type VerifiedRun } from "../core/state";
import type { ModelBook } from "../model/model";
import type { ProjectResult } from "../engine/results";
import type { FileReport } from "../engine/report";
import type { Finding } from "../rules/types";
import { t, type Lang } from "../messages";
import { planResultBlocks, type PlannedBlock } from "./blocks";
import { findingsByCell, noteText, worstSeverity } from "./highlights";
import { findingsSheet, logSheet, summarySheet, type SheetsInput } from "./sheets";
import { compressCells } from "./grid";
import { SEVERITY_FILL } from "./style";
import { locatePending, notesReadable, settlePending } from "./notes";
import type { PendingNote } from "../core/state";
import { guardPlan, safeAction, safeValue } from "./guard";
import type { Severity } from "../rulebook/schema";
import { pushAll } from "../core/collections";

export interface WritePlanInput {
  /** The workbook as it is now (it may hold the previous run's results). */
  snapshot: WorkbookSnapshot;
  model: ModelBook;
  results: Map<string, ProjectResult>;
  findings: Finding[];
  report: FileReport;
  preset: string;
  rulebookVersion: string;
  runAt: Date;
  /** Current fill and note of the cells `highlightRequests(findings)` named. */
  looks: CellLooks;
  lang?: Lang;
  /**
   * Documents to remember in the workbook from now on: the user's column corrections (an
   * empty mapping forgets them) and the rulebook (null: back to the default, forget it;
   * key absent: leave the stored one as it is).
   */
  store?: { mapping?: StateDocs["mapping"]; rulebook?: unknown; lastRun?: unknown };
  /** The previous run checked against the snapshot (verifyRun), when the caller already has it. */
  verified?: VerifiedRun;
  /** The snapshot's state documents (readState), when the caller already has them. */
  docs?: StateDocs;
  /** Things to say once in 运行记录 (state left alone, rulebook used, file converted…), in both languages. */
  notices?: { message: string; messageEn: string }[];
}

const TAB_COLOR = "#1F4E78";

function key(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** The block's values as its actions write them (relative to its top-left). */
function blockValues(b: PlannedBlock): PlanValue[][] {
  const r = parseRange(b.range);
  const rows = r.bottom - r.top + 1;
  const width = r.right - r.left + 1;
  const head: PlanValue[][] = Array.from({ length: rows }, () => new Array<PlanValue>(width).fill(null));
  for (const a of b.actions) {
    if (a.kind !== "setValues" || a.sheet !== b.sheet) continue;
    const o = fromA1(a.topLeft);
    a.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const rr = o.row + i - r.top;
        const cc = o.col + j - r.left;
        if (rr >= 0 && rr < rows && cc >= 0 && cc < width) head[rr][cc] = safeValue(v);
      }),
    );
  }
  return head;
}

/**
 * The block's values without copying them, when one setValues writes exactly the block (as the
 * grid builder does): its rows, guarded like the plan's. Else null (blockValues then).
 */
function writtenValues(b: PlannedBlock): PlanValue[][] | null {
  let only: PlanAction | null = null;
  for (const a of b.actions) {
    if (a.kind !== "setValues" || a.sheet !== b.sheet) continue;
    if (only) return null;
    only = a;
  }
  if (!only || only.kind !== "setValues") return null;
  const r = parseRange(b.range);
  const o = fromA1(only.topLeft);
  const width = r.right - r.left + 1;
  if (o.row !== r.top || o.col !== r.left || only.values.length !== r.bottom - r.top + 1) return null;
  for (const line of only.values) if (line.length !== width) return null;
  const safe = safeAction(only);
  return safe.kind === "setValues" ? safe.values : null;
}

/** The block's first two rows as recorded (empty cells null). */
function headOf(values: PlanValue[][], range: string): PlanValue[][] {
  const r = parseRange(range);
  const width = r.right - r.left + 1;
  return values.slice(0, 2).map((line) => {
    const head = new Array<PlanValue>(width).fill(null);
    line.forEach((v, j) => {
      if (j < width) head[j] = safeValue(v);
    });
    return head;
  });
}

/**
 * The marker of a sheet the plan creates: the signature of its first rows as the actions write
 * them (values and link texts). A later run deletes the sheet only where it still carries it.
 */
function sheetMarkOf(sheet: string, actions: PlanAction[]): string {
  const rows: PlanValue[][] = [];
  const put = (r: number, c: number, v: PlanValue) => {
    if (r < 0 || r >= MARK_ROWS || c < 0) return;
    while (rows.length <= r) rows.push([]);
    rows[r][c] = safeValue(v);
  };
  for (const a of actions) {
    if (a.sheet !== sheet) continue;
    if (a.kind === "setValues") {
      const o = fromA1(a.topLeft);
      for (let i = 0; i < a.values.length && o.row + i < MARK_ROWS; i++) a.values[i].forEach((v, j) => put(o.row + i, o.col + j, v));
    } else if (a.kind === "setLink") {
      // One link a finding: only those in the first rows count (put leaves the others out).
      const o = fromA1(a.address);
      put(o.row, o.col, a.text);
    }
  }
  return cellsSignature(rows);
}

/** Undo the previous run's writes on the user's sheets and drop its sheets: only what verified. `keep`: cells highlighted again (not restored). */
function undoActions(snapshot: WorkbookSnapshot, verified: VerifiedRun, keep: Set<string>, looks?: CellLooks, pending: PendingNote[] = []): PlanAction[] {
  const names = new Set(snapshot.sheets.map((s) => s.name));
  const dropped = new Set(verified.sheets);
  const actions: PlanAction[] = [];
  for (const b of verified.blocks) if (!dropped.has(b.sheet)) actions.push({ kind: "clearRange", sheet: b.sheet, range: b.range });
  const restore = new Map<string, { address: string; saved: SavedFill }[]>();
  const notes: PlanAction[] = [];
  for (const { record: h, address } of verified.highlights) {
    if (address === null || !names.has(h.sheet) || dropped.has(h.sheet) || keep.has(key(h.sheet, address))) continue;
    const list = restore.get(h.sheet) ?? [];
    list.push({ address, saved: h.saved });
    restore.set(h.sheet, list);
    // A note never read (noteKnown false) was never written either: leave it. Ours, where notes
    // cannot be handled now: remembered until a host with notes removes it.
    if (h.noteKnown === false) continue;
    if (notesReadable(looks, h.sheet, address)) notes.push({ kind: "restoreNote", sheet: h.sheet, address, text: h.note, ...(h.noteData !== undefined ? { data: h.noteData } : {}) });
    else pending.push({ sheet: h.sheet, address, note: h.note, ...(h.value !== undefined ? { value: h.value } : {}), ...(h.noteData !== undefined ? { noteData: h.noteData } : {}) });
  }
  for (const [sheet, cells] of restore) actions.push({ kind: "restoreFills", sheet, cells });
  pushAll(actions, notes);
  for (const s of verified.sheets) if (names.has(s) && s !== STATE_SHEET) actions.push({ kind: "deleteSheet", sheet: s });
  return actions;
}

/** Rewrite the state sheet (or add it, very hidden, when the workbook has none). */
function stateActions(snapshot: WorkbookSnapshot, docs: StateDocs): PlanAction[] {
  const existing = snapshot.sheets.find((s) => s.name === STATE_SHEET);
  const rows = encodeState(docs);
  const actions: PlanAction[] = [];
  if (existing) {
    const { rows: n, cols } = sheetSize(existing);
    if (n > 0 && cols > 0) actions.push({ kind: "clearRange", sheet: STATE_SHEET, range: rangeToA1({ top: 0, left: 0, bottom: n - 1, right: cols - 1 }) });
  } else {
    actions.push({ kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" });
  }
  if (rows.length) actions.push({ kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: rows });
  return actions;
}

/** A sheet name not taken by a user sheet: 「校验结果」, else 「校验结果 (2)」 … */
function freeName(base: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((s) => s.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function insideAny(p: { row: number; col: number }, ranges: CellRange[] | undefined): boolean {
  if (!ranges) return false;
  for (const r of ranges) if (p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right) return true;
  return false;
}

export function buildWritePlan(input: WritePlanInput): { plan: WritePlan; state: RunState } {
  const { snapshot, findings, looks } = input;
  const lang: Lang = input.lang ?? "zh-CN";
  const docs = input.docs ?? readState(snapshot);
  const prev = docs.run;
  const verified = input.verified ?? verifyRun(snapshot, prev);
  const prevSheets = new Set(verified.sheets);
  const userSheets = new Set(snapshot.sheets.map((s) => s.name).filter((n) => n !== STATE_SHEET && !prevSheets.has(n)));

  // A finding a reviewer accepted (审核确认) marks no cell of the user's and is no problem in the
  // result columns: it is listed in 校验结果 as accepted and counted apart in 领导汇总.
  const open = input.report ? findings.filter((_, i) => !input.report.findings[i]?.accepted) : findings;

  // (a) result blocks
  const blocks = planResultBlocks({
    snapshot,
    model: input.model,
    results: input.results,
    findings: open,
    previous: verified.blocks.filter((b) => userSheets.has(b.sheet)).map(({ sheet, range }) => ({ sheet, range })),
    lang,
  }).filter((b) => userSheets.has(b.sheet));
  const blockRanges = new Map<string, CellRange[]>();
  for (const b of blocks) blockRanges.set(b.sheet, [...(blockRanges.get(b.sheet) ?? []), parseRange(b.range)]);

  // (b) highlights
  // The previous run's highlights where their cells are now (see locateHighlights).
  const prevHighlights = new Map(
    verified.highlights
      .filter((x): x is { record: HighlightRecord; address: string } => x.address !== null)
      .map((x) => [key(x.record.sheet, x.address), { ...x.record, address: x.address }] as const),
  );
  const valueAt = (s: SheetSnapshot | undefined, p: { row: number; col: number }) => (s ? recordedValue(cellAt(s, p.row, p.col)) : null);
  // Whether notes can be handled at a cell (notesReadable), the whole-book answer found once.
  let bookReadable: boolean | null = null;
  const readableAt = (look: CellLooks[string][string] | undefined): boolean => {
    if (!looks) return true;
    if (look) return look.noteKnown !== false;
    return (bookReadable ??= notesReadable(looks));
  };
  const highlights: HighlightRecord[] = [];
  const pendingAt = new Map(locatePending(snapshot, docs.notes).map((p) => [key(p.sheet, p.address), p] as const));
  const keepPending: PendingNote[] = [];
  const fills = new Map<string, Map<Severity, { row: number; col: number }[]>>();
  const noteActions: PlanAction[] = [];
  const noteLines = new Map<string, string>();
  for (const [sheet, cells] of findingsByCell(open)) {
    if (!userSheets.has(sheet)) continue;
    const ranges = blockRanges.get(sheet);
    const sheetSnap = snapshot.sheets.find((x) => x.name === sheet);
    const sheetLooks = looks?.[sheet];
    const bySev = fills.get(sheet) ?? new Map<Severity, { row: number; col: number }[]>();
    fills.set(sheet, bySev);
    for (const [address, list] of cells) {
      const p = fromA1(address);
      if (insideAny(p, ranges)) continue;
      const at = key(sheet, address);
      const before = prevHighlights.get(at);
      const look = sheetLooks?.[address];
      const readable = readableAt(look);
      const pend = pendingAt.get(at);
      let record: HighlightRecord;
      if (before) {
        record = before;
        if (record.noteKnown === false && readable && look) {
          // First highlighted where notes were unknown (so never written): the note there now is the user's.
          const { noteKnown: _unknown, ...rest } = record;
          record = { ...rest, note: look.note, ...(look.noteData !== undefined ? { noteData: look.noteData } : {}) };
        }
      } else {
        // Without the cell's original look it could not be restored exactly: leave it alone.
        if (!look) continue;
        if (pend && readable) {
          // Our note from an earlier run is still on the cell: the user's note is the one remembered.
          pendingAt.delete(at);
          record = { sheet, address, saved: look.fill, note: pend.note, ...(pend.noteData !== undefined ? { noteData: pend.noteData } : {}) };
        } else {
          record = { sheet, address, saved: look.fill, note: look.note, ...(look.noteData !== undefined ? { noteData: look.noteData } : {}), ...(readable ? {} : { noteKnown: false as const }) };
        }
      }
      // Where and with what value the cell is now highlighted: how the next run or 清除标记 finds it.
      record = { ...record, address, value: valueAt(sheetSnap, p) };
      highlights.push(record);
      const severity = worstSeverity(list);
      const cellsOfSev = bySev.get(severity);
      if (cellsOfSev) cellsOfSev.push(p);
      else bySev.set(severity, [p]);
      // A note is written only where it can be read: an unknown note is never overwritten.
      if (record.noteKnown === false || !readable) continue;
      const ours = noteText(list, lang, noteLines);
      const text = record.note ? `${record.note}\n${t("sheets.note.yours", lang)}\n${ours}` : ours;
      noteActions.push({ kind: "setNote", sheet, address, text });
    }
  }
  const keep = new Set(highlights.map((h) => key(h.sheet, h.address)));

  // (c) our sheets, named so that no user sheet is touched
  const taken = new Set(userSheets);
  const names = {
    findings: freeName(t("sheets.findings.name", lang), taken),
    summary: "",
    log: "",
  };
  taken.add(names.findings);
  names.summary = freeName(t("sheets.summary.name", lang), taken);
  taken.add(names.summary);
  names.log = freeName(t("sheets.log.name", lang), taken);

  const state: RunState = {
    version: 1,
    runAt: input.runAt.toISOString(),
    preset: input.preset,
    rulebookVersion: input.rulebookVersion,
    blocks: blocks.map((b) => {
      const values = writtenValues(b) ?? blockValues(b);
      return { sheet: b.sheet, range: b.range, head: headOf(values, b.range), sig: cellsSignature(values) };
    }),
    sheets: [names.findings, names.summary, names.log],
    highlights,
  };

  const sheetsInput: SheetsInput = {
    snapshot,
    model: input.model,
    results: input.results,
    findings,
    report: input.report,
    preset: input.preset,
    rulebookVersion: input.rulebookVersion,
    runAt: input.runAt,
    lang,
    userSheets,
    blocks: state.blocks,
    highlighted: highlights.length,
    notices: (input.notices ?? []).map((n) => (lang === "en" ? n.messageEn : n.message)),
  };

  const actions: PlanAction[] = [];
  pushAll(actions, undoActions(snapshot, verified, keep, looks, keepPending));
  for (const p of pendingAt.values()) {
    const a = settlePending(p, looks, keepPending);
    if (a) actions.push(a);
  }
  // (d) the state first: should applying stop half-way, 「清除标记」 still knows what to remove.
  // A given mapping replaces the stored one ({} forgets the corrections); a given rulebook is
  // remembered unless it is the default (then nothing needs remembering).
  const remembered: StateDocs = { ...docs };
  const store = input.store;
  if (store?.mapping !== undefined) {
    if (Object.keys(store.mapping).length) remembered.mapping = store.mapping;
    else delete remembered.mapping;
  }
  if (store && "rulebook" in store) {
    if (store.rulebook === undefined || store.rulebook === null) delete remembered.rulebook;
    else remembered.rulebook = store.rulebook;
  }
  if (keepPending.length) remembered.notes = keepPending;
  else delete remembered.notes;
  const own: PlanAction[] = [];
  own.push({ kind: "addSheet", sheet: names.findings, tabColor: TAB_COLOR });
  pushAll(own, findingsSheet(names.findings, sheetsInput));
  own.push({ kind: "addSheet", sheet: names.summary, tabColor: TAB_COLOR });
  pushAll(own, summarySheet(names.summary, sheetsInput));
  own.push({ kind: "addSheet", sheet: names.log, tabColor: TAB_COLOR });
  pushAll(own, logSheet(names.log, sheetsInput));
  state.marks = Object.fromEntries(state.sheets.map((s) => [s, sheetMarkOf(s, own)]));
  // The pane's last-run summary (src/core/last-run.ts) belongs to this run only.
  const extra: Record<string, unknown> = store?.lastRun !== undefined ? { lastRun: store.lastRun } : {};
  if (store?.lastRun === undefined) delete (remembered as Record<string, unknown>).lastRun;
  pushAll(actions, stateActions(snapshot, { ...remembered, run: state, ...extra } as StateDocs));
  for (const b of blocks) pushAll(actions, b.actions);
  for (const [sheet, bySev] of fills) {
    for (const sev of ["info", "warning", "error"] as Severity[]) {
      const cells = bySev.get(sev);
      if (cells?.length) actions.push({ kind: "setFormat", sheet, ranges: compressCells(cells), format: { fill: SEVERITY_FILL[sev] } });
    }
  }
  pushAll(actions, noteActions);
  pushAll(actions, own);
  return { plan: guardPlan({ actions }), state };
}

/** 「清除标记」: remove every trace of the previous run; keep the stored mapping and rulebook. */
export function buildClearPlan(snapshot: WorkbookSnapshot, looks?: CellLooks, verified?: VerifiedRun): WritePlan & { notesKept: number } {
  const docs = readState(snapshot);
  if (!docs.run && !docs.notes?.length) return { actions: [], notesKept: 0 };
  // `looks` (of the recorded cells) say whether this host can handle notes: where it cannot, the
  // add-in's notes stay recorded (key "notes") for a later 清除标记 with notes.
  const pending: PendingNote[] = [];
  const actions = docs.run ? undoActions(snapshot, verified ?? verifyRun(snapshot, docs.run), new Set(), looks, pending) : [];
  for (const p of locatePending(snapshot, docs.notes)) {
    const a = settlePending(p, looks, pending);
    if (a) actions.push(a);
  }
  const rest: StateDocs = { ...docs };
  delete rest.run;
  if (pending.length) rest.notes = pending;
  else delete rest.notes;
  delete (rest as Record<string, unknown>).lastRun;
  const remaining = Object.values(rest).some((v) => v !== undefined);
  if (remaining) pushAll(actions, stateActions(snapshot, rest));
  else if (snapshot.sheets.some((s) => s.name === STATE_SHEET)) actions.push({ kind: "deleteSheet", sheet: STATE_SHEET });
  return { ...guardPlan({ actions }), notesKept: pending.length };
}
