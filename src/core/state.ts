/**
 * The add-in's own memory inside the workbook, so that it travels with the file:
 * a very hidden sheet 「_jixiao」 whose rows are `key | chunk | chunk | …` (JSON split in
 * pieces under Excel's 32,767-character cell limit).
 *
 * Keys: "run" (what the last run wrote, to replace or clear it), "mapping" (the user's
 * column-mapping corrections), "rulebook" (the rulebook stored with the workbook); other keys
 * (written by other parts of the add-in) are kept as they are.
 *
 * Nothing here is trusted: the state is validated (zod) record by record, and what it says the
 * add-in wrote is checked against the workbook before anything is cleared, deleted or restored
 * (see ./state-verify.ts). A workbook passed between colleagues, a renamed or copied sheet or a
 * hand-edited state then leaves every user cell, note and sheet as it is.
 */
import type { z } from "zod";
import { lazyObject, once, zodNow } from "./lazy";
import type { PlanValue, SavedFill } from "./plan";
import type { WorkbookSnapshot } from "./grid";
import { parseRange } from "./address";
import { MAX_BLOCK_COLS } from "./state-verify";
import { maxOf } from "./collections";

export const STATE_SHEET = "_jixiao";

/** Sheets the add-in writes itself (and the state sheet): never read as user data. */
export const OWN_SHEET_NAMES: readonly string[] = [STATE_SHEET, "校验结果", "领导汇总", "运行记录"];
const CHUNK = 30000;

export interface HighlightRecord {
  sheet: string;
  address: string;
  /** The fill the cell had before the add-in first touched it. */
  saved: SavedFill;
  /** The note the cell had before (null: none). */
  note: string | null;
  /** The cell's value when it was highlighted: the cell is restored only where this value still is. */
  value?: PlanValue;
  /** Adapter-specific JSON of that note with its formatting (see CellLook.noteData). */
  noteData?: unknown;
  /**
   * false: the cell was first highlighted where notes could not be read (Office.js without
   * ExcelApi 1.18), so its note is unknown: the add-in never wrote, deletes or overwrites it.
   */
  noteKnown?: false;
}

/**
 * A note the add-in wrote that a host without notes could not remove (cleared or re-run there):
 * kept in the state (key "notes") until a host with notes puts back `note` (null: none).
 */
export interface PendingNote {
  sheet: string;
  address: string;
  note: string | null;
  value?: PlanValue;
  noteData?: unknown;
}

export interface BlockRecord {
  sheet: string;
  range: string;
  /**
   * The block's first rows as written (band and labels). A later run or 「清除标记」 looks for
   * them to find the block again: if the user inserted rows or columns since, the block is found
   * where it moved to, and if it cannot be found nothing is cleared.
   */
  head?: PlanValue[][];
  /**
   * Signature of every value the block holds as written (cellsSignature). The block is cleared
   * only where the cells still hold exactly that; a record without one is never cleared.
   */
  sig?: string;
}

export interface RunState {
  version: 1;
  runAt: string;
  preset: string;
  rulebookVersion: string;
  /** Ranges on user sheets the add-in wrote (result columns with their header band). */
  blocks: BlockRecord[];
  /** Sheets the add-in created (校验结果, 领导汇总, 运行记录). */
  sheets: string[];
  /**
   * Each created sheet's marker: the signature of its first rows as written (sheet name →
   * cellsSignature). A sheet is deleted only when it is named here and still carries its marker.
   */
  marks?: Record<string, string>;
  highlights: HighlightRecord[];
}

/** A user's correction of the column detection: sheet → field → column letter (or null: "no such column"). */
export type MappingOverride = Record<string, Record<string, string | null>>;

/** The state documents; keys other than these (other parts of the add-in) pass through unchanged. */
export type StateDocs = Partial<{ run: RunState; mapping: MappingOverride; rulebook: unknown; notes: PendingNote[] }> & { [key: string]: unknown };

/** Excel's limits: a range the state names beyond them is malformed. */
const MAX_ROW = 1048576;
const MAX_COL = 16384;
/** A block's recorded head is two rows high: a record with more is not ours. */
const MAX_HEAD_ROWS = 4;

function validRange(s: string, single: boolean): boolean {
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(s.trim())) return false;
  if (single && s.includes(":")) return false;
  try {
    const r = parseRange(s);
    return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROW && r.right < MAX_COL;
  } catch {
    return false;
  }
}

/** The schemas, built on first use (zod is loaded then: see src/core/lazy.ts). */
const schemas = once(() => {
  const z = zodNow();
  const PlanValueSchema = z.union([z.string(), z.number().refine(Number.isFinite), z.boolean(), z.null()]);
  const SheetName = z.string().min(1).max(255);
  /**
   * A saved look is adapter JSON (an ExcelJS fill and style, an Office.js colour) that is put back
   * as it is: only shapes an adapter can take are accepted, so a hand-edited one cannot make the
   * workbook unwritable.
   */
  const Obj = z.record(z.string(), z.unknown());
  const Colour = z.looseObject({
    argb: z
      .string()
      .regex(/^[0-9A-Fa-f]{6,8}$/)
      .optional(),
    theme: z.number().optional(),
    tint: z.number().optional(),
  });
  const FillJson = z.union([
    z.null(),
    z.string().regex(/^(#[0-9A-Fa-f]{6}|[A-Za-z]{1,30})$/),
    z.looseObject({ color: z.string().regex(/^(#[0-9A-Fa-f]{6}|[A-Za-z]{1,30})$/) }),
    z.looseObject({ type: z.literal("pattern"), pattern: z.string().regex(/^[A-Za-z]+$/), fgColor: Colour.optional(), bgColor: Colour.optional() }),
    z.looseObject({ type: z.literal("gradient"), stops: z.array(z.looseObject({ position: z.number(), color: Colour })) }),
  ]);
  /** A whole saved style: ExcelJS's style object, or the package adapter's fill XML (xlsxFill, applyFill). */
  const StyleJson = z.looseObject({
    fill: FillJson.optional(),
    font: Obj.optional(),
    border: Obj.optional(),
    alignment: Obj.optional(),
    protection: Obj.optional(),
    numFmt: z.string().optional(),
    xlsxFill: z.string().max(10000).nullable().optional(),
    applyFill: z.string().max(10).nullable().optional(),
  });
  const SavedFillSchema = z.looseObject({ fill: FillJson.optional(), style: StyleJson.optional() });
  /** A note with its formatting: ExcelJS's runs of text, or the package adapter's run XML (src/adapters/xlsx). */
  const NoteJson = z.union([
    z.looseObject({ texts: z.array(z.looseObject({ text: z.string(), font: Obj.optional() })) }),
    z.looseObject({ xlsx: z.string().max(100000), authorId: z.number().int().min(0).optional() }),
  ]);

  const HighlightRecordSchema = z.looseObject({
    sheet: SheetName,
    address: z.string().refine((a) => validRange(a, true), "not a cell address"),
    saved: SavedFillSchema,
    note: z.string().max(32767).nullable(),
    value: PlanValueSchema.optional(),
    noteData: NoteJson.optional(),
  });

  const BlockRecordSchema = z.looseObject({
    sheet: SheetName,
    range: z.string().refine((a) => validRange(a, false), "not a range"),
    head: z.array(z.array(PlanValueSchema).max(MAX_BLOCK_COLS)).max(MAX_HEAD_ROWS).optional(),
    sig: z.string().max(100).optional(),
  });

  /** The run record's frame; its lists are validated item by item (one bad item does not void the rest). */
  const RunFrameSchema = z.looseObject({
    version: z.literal(1),
    runAt: z.string(),
    preset: z.string(),
    rulebookVersion: z.string(),
    blocks: z.array(z.unknown()),
    sheets: z.array(z.unknown()),
    marks: z.record(z.string(), z.string()).optional(),
    highlights: z.array(z.unknown()),
  });

  const PendingNoteSchema = z.looseObject({
    sheet: SheetName,
    address: z.string().refine((a) => validRange(a, true), "not a cell address"),
    note: z.string().max(32767).nullable(),
    value: PlanValueSchema.optional(),
    noteData: NoteJson.optional(),
  });

  const MappingSchema = z.record(z.string(), z.record(z.string(), z.string().max(3).nullable()));

  return { SheetName, HighlightRecordSchema, BlockRecordSchema, RunFrameSchema, PendingNoteSchema, MappingSchema };
});

export const HighlightRecordSchema = lazyObject(() => schemas().HighlightRecordSchema);
export const BlockRecordSchema = lazyObject(() => schemas().BlockRecordSchema);
export const PendingNoteSchema = lazyObject(() => schemas().PendingNoteSchema);
export const MappingSchema = lazyObject(() => schemas().MappingSchema);

/** What could not be read in the state sheet: ignored, and said once to the user. */
export interface StateProblem {
  /** "row": a row whose JSON is damaged; "run" / "mapping": a document of the wrong shape; "records": items of the run ignored. */
  kind: "row" | "run" | "mapping" | "records";
  key: string;
  /** Items ignored ("records"). */
  count?: number;
}

export interface StateReading {
  docs: StateDocs;
  problems: StateProblem[];
}

function validateRun(raw: unknown, problems: StateProblem[]): RunState | undefined {
  const { RunFrameSchema, SheetName } = schemas();
  const frame = RunFrameSchema.safeParse(raw);
  if (!frame.success) {
    problems.push({ kind: "run", key: "run" });
    return undefined;
  }
  let bad = 0;
  // Validated, but kept as written (key order and extra keys included): a re-run writes the same state.
  const keep = <T>(items: unknown[], schema: z.ZodType<T>): T[] => {
    const out: T[] = [];
    for (const item of items) {
      if (schema.safeParse(item).success) out.push(item as T);
      else bad++;
    }
    return out;
  };
  const run: RunState = {
    ...(raw as RunState),
    blocks: keep(frame.data.blocks, BlockRecordSchema) as BlockRecord[],
    sheets: keep(frame.data.sheets, SheetName),
    highlights: keep(frame.data.highlights, HighlightRecordSchema) as HighlightRecord[],
  };
  if (bad) problems.push({ kind: "records", key: "run", count: bad });
  return run;
}

/**
 * Read and validate the state documents of a snapshot. Never throws: a damaged row or a
 * document of the wrong shape is left out and listed in `problems`.
 */
export function readStateChecked(book: WorkbookSnapshot): StateReading {
  const sheet = book.sheets.find((s) => s.name === STATE_SHEET);
  const docs: StateDocs = {};
  const problems: StateProblem[] = [];
  if (!sheet) return { docs, problems };
  const raw: Record<string, unknown> = {};
  for (const row of sheet.values) {
    const key = row?.[0];
    if (typeof key !== "string" || !key) continue;
    const json = row
      .slice(1)
      .map((c) => (typeof c === "string" ? c : ""))
      .join("");
    try {
      raw[key] = JSON.parse(json);
    } catch {
      problems.push({ kind: "row", key: key.slice(0, 40) });
    }
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === "run") {
      const run = validateRun(value, problems);
      if (run) docs.run = run;
    } else if (key === "notes") {
      // Notes a host without notes could not remove: each must name a cell and the user's note.
      const list = Array.isArray(value) ? value : null;
      const ok = (list ?? []).filter((n) => PendingNoteSchema.safeParse(n).success) as PendingNote[];
      if (!list) problems.push({ kind: "records", key, count: 1 });
      else if (ok.length < list.length) problems.push({ kind: "records", key, count: list.length - ok.length });
      if (ok.length) docs.notes = ok;
    } else if (key === "mapping") {
      const m = MappingSchema.safeParse(value);
      if (m.success) docs.mapping = m.data;
      else problems.push({ kind: "mapping", key });
    } else {
      // The rulebook is validated where it is used (its own schema and messages); other keys belong to other parts.
      docs[key] = value;
    }
  }
  return { docs, problems };
}

/** Read the state documents from a snapshot (missing, damaged or malformed state = left out, never a crash). */
export function readState(book: WorkbookSnapshot): StateDocs {
  return readStateChecked(book).docs;
}

/** The state sheet's rows for the given documents. */
export function encodeState(docs: StateDocs): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const [key, doc] of Object.entries(docs)) {
    if (doc === undefined) continue;
    const json = JSON.stringify(doc);
    const row: PlanValue[] = [key];
    for (let i = 0; i < json.length; i += CHUNK) row.push(json.slice(i, i + CHUNK));
    if (row.length === 1) row.push("");
    rows.push(row);
  }
  const width = maxOf(
    rows.map((r) => r.length),
    2,
  );
  return rows.map((r) => [...r, ...new Array<PlanValue>(width - r.length).fill(null)]);
}

export { cellsSignature, locateBlocks, locateHighlights, recordedValue, sheetMark, verifyRun, MARK_ROWS, type VerifiedRun, type LeftAlone, type LocatedBlock } from "./state-verify";
