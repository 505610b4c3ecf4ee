/**
 * Office.js → WorkbookPort: the task pane's and the ribbon command's side of the port.
 *
 * Reading: one sync for the sheet list, one for every sheet's used-range size and merged
 * areas, then the cells of all sheets in row chunks, as many chunks per sync as fit in the
 * response budget (one sync for an ordinary workbook). Writing: the plan's actions in order,
 * queued and synced only when the request payload would pass the budget (Excel on the web
 * refuses a request over 5 MB), so a plan takes a few syncs whatever its size.
 *
 * Excel objects are typed with @types/office-js; no `Excel.*` enum is used at run time (only
 * the equivalent string literals), so the adapter runs against the in-memory fake in tests.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import type { ApplyStats, CellFormat, CellLookRequest, CellLooks, PlanAction, PlanValue, WritePlan } from "../../core/plan";
import type { WorkbookPort } from "../../core/port";
import { colToLetters, parseRange, quoteSheet, rangeToA1, toA1, type CellRange } from "../../core/address";

export interface OfficeJsPortOptions {
  /** Requirement-set check; default: Office.context.requirements.isSetSupported. */
  supports?: (set: string, version: string) => boolean;
  /** Budget for one sync's request (values and formats JSON). Excel's limit is 5 MB. */
  maxPayloadBytes?: number;
  /** Cells read per sync (values + numberFormat + valueTypes come back for each). */
  maxReadCells?: number;
  /** Longest address string given to getRanges() at once. */
  maxAreasAddress?: number;
  /** Name for the snapshot when the host does not give one. */
  workbookName?: string;
}

const DEFAULTS = { maxPayloadBytes: 4_000_000, maxReadCells: 40_000, maxAreasAddress: 2000 };
/** Fixed cost we count for each queued operation (object path and method name). */
const OP_BYTES = 64;

export function officeSupports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported(set, version));
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();
function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v) ?? "").length;
}

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const TO_EXCEL_VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
const CHART_TYPES = { pie: "Pie", columnClustered: "ColumnClustered", barClustered: "BarClustered" } as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const BORDERS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** "Sheet1!A3:A7" or "'My sheet'!A3:A7" → "A3:A7" (addresses Excel returns carry the sheet). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Excel's value → snapshot value: errors become { error }, empty strings null. */
export function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === null || v === undefined || type === "Empty") return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Column width in the plan → points (Office.js `format.columnWidth` is in points).
 *
 * The plan's width is what ExcelJS writes to the file's `<col width>`: ECMA-376 §18.3.1.13, a
 * count of maximum-digit widths that already includes the 5-pixel padding. Excel shows it as
 * Truncate(((256·width + Truncate(128/MDW)) / 256) · MDW) pixels (MDW = 7 for the default
 * Calibri 11), and a point is 4/3 of a pixel at 96 dpi, so width 10 → 70 px → 52.5 pt: the same
 * column the headless adapter makes. (Adding the padding again, as (chars·7 + 5), made every
 * column 5 px wider than the ExcelJS file's.)
 */
export function widthToPoints(width: number): number {
  const MDW = 7;
  const px = Math.trunc(((256 * width + Math.trunc(128 / MDW)) / 256) * MDW);
  return px * 0.75;
}

/** Join A1 ranges into getRanges() address strings no longer than `max` characters. */
export function joinAreas(ranges: string[], max: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of ranges) {
    if (cur && cur.length + 2 + r.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur}, ${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}

/** Queues work and syncs only when the next item would take the request over budget. */
class Batcher {
  syncs = 0;
  totalBytes = 0;
  private pendingBytes = 0;
  private pendingOps = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    readonly budget: number,
  ) {}

  /** Make room for `bytes`, then let `queue` add its operations. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pendingOps > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    queue();
    this.pendingBytes += bytes;
    this.totalBytes += bytes;
    this.pendingOps++;
  }

  async flush(): Promise<void> {
    if (this.pendingOps === 0) return;
    this.pendingBytes = 0;
    this.pendingOps = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}

interface SheetRead {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetSnapshot["visibility"];
  /** A1 to the bottom-right of the cells with values. */
  area: Excel.Range;
  /** The first window of `area`, read with the extents (null when they had to be read alone). */
  first: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  /** The used range with formats (where merged areas are), when they are read apart. */
  used: Excel.Range | null;
}

interface MergeBand {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Chunk {
  sheet: number;
  top: number;
  left: number;
  range: Excel.Range;
}

interface ChunkSpec {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Excel refused a request or response for its size (5 MB in Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /PayloadSizeLimitExceeded/i.test(`${String(err?.code ?? "")} ${String(err?.message ?? "")}`);
}

/** Columns of the first read window (most sheets are narrower). */
const WINDOW_COLS = 64;
/** Fewest rows of the first window, however many sheets there are. */
const MIN_WINDOW_ROWS = 20;

export class OfficeJsPort implements WorkbookPort {
  private readonly opts: Required<Omit<OfficeJsPortOptions, "workbookName">> & { workbookName?: string };

  constructor(
    private readonly ctx: Excel.RequestContext,
    options: OfficeJsPortOptions = {},
  ) {
    this.opts = { ...DEFAULTS, supports: officeSupports, ...options };
  }

  private supports(minor: number): boolean {
    return this.opts.supports("ExcelApi", `1.${minor}`);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const ctx = this.ctx;
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    ctx.workbook.load("name");
    await ctx.sync();

    // One sync for every sheet: its extent (A1 to the last cell with a value), its merged areas,
    // and the cells of a first window (the top-left `windowCols` × `windowRows`, sized so that all
    // windows together stay within the read budget). An ordinary workbook is read completely here.
    const withMerges = this.supports(13);
    const budget = this.opts.maxReadCells;
    const windowCols = WINDOW_COLS;
    const windowRows = Math.max(MIN_WINDOW_ROWS, Math.floor(budget / Math.max(1, sheets.items.length) / windowCols));
    const extents = (window: boolean, merges: boolean): SheetRead[] =>
      sheets.items.map((ws) => {
        // getUsedRange (not …OrNullObject) gives A1 on a blank sheet, so these ranges always exist.
        const area = ws.getRange("A1").getBoundingRect(ws.getUsedRange(true));
        area.load("rowCount,columnCount");
        let first: Excel.Range | null = null;
        if (window) {
          first = area.getIntersection(ws.getRangeByIndexes(0, 0, windowRows, windowCols));
          first.load("values,numberFormat,valueTypes");
        }
        let merged: Excel.RangeAreas | null = null;
        let used: Excel.Range | null = null;
        if (merges) {
          // `areas` gives each merged area whole (the RangeAreas' own address may not).
          merged = ws.getUsedRange(false).getMergedAreasOrNullObject();
          merged.areas.load("items/address");
        } else if (withMerges) {
          used = ws.getUsedRange(false);
          used.load("rowIndex,columnIndex,rowCount,columnCount");
        }
        return { ws, name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible", area, first, merged, used };
      });
    // Text-heavy sheets can make even the first windows too big for one response: then read the
    // extents alone and everything in chunks. A sheet with more than 512 merged areas makes
    // getMergedAreasOrNullObject fail the whole sync: then read the merges apart, in row bands.
    let window = true;
    let merges = withMerges;
    let reads: SheetRead[];
    for (;;) {
      reads = extents(window, merges);
      try {
        await ctx.sync();
        break;
      } catch (e) {
        if (isPayloadError(e) && window) window = false;
        else if (!isPayloadError(e) && merges) merges = false;
        else throw e;
      }
    }

    const out: SheetSnapshot[] = reads.map((s) => ({ name: s.name, values: [], merges: [], formats: {}, visibility: s.visibility }));
    // The rest: right of the window and below it (or whole sheets without a window), in row
    // chunks grouped so that one sync returns at most `maxReadCells` cells.
    const groups: ChunkSpec[][] = [[]];
    let groupCells = 0;
    const plan = (sheet: number, top: number, left: number, rows: number, cols: number): void => {
      if (rows <= 0 || cols <= 0) return;
      const step = Math.max(1, Math.floor(budget / cols));
      for (let r = top; r < top + rows; r += step) {
        const n = Math.min(step, top + rows - r);
        if (groupCells > 0 && groupCells + n * cols > budget) {
          groups.push([]);
          groupCells = 0;
        }
        groups[groups.length - 1].push({ sheet, top: r, left, rows: n, cols });
        groupCells += n * cols;
      }
    };
    reads.forEach((s, i) => {
      const rows = s.area.rowCount;
      const cols = s.area.columnCount;
      if (s.first) {
        this.addChunk(out[i], { sheet: i, top: 0, left: 0, range: s.first });
        plan(i, 0, windowCols, Math.min(rows, windowRows), cols - windowCols);
        plan(i, windowRows, 0, rows - windowRows, cols);
      } else {
        plan(i, 0, 0, rows, cols);
      }
    });
    for (const group of groups) {
      if (group.length > 0) await this.readGroup(reads, out, group);
    }
    reads.forEach((s, i) => {
      if (s.merged && !s.merged.isNullObject) out[i].merges = s.merged.areas.items.map((a) => stripSheet(a.address));
      trim(out[i]);
    });
    if (withMerges && !merges) {
      const bands: MergeBand[] = [];
      reads.forEach((s, i) => {
        const u = s.used;
        if (u && u.rowCount > 0 && u.columnCount > 0) bands.push({ sheet: i, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
      });
      await this.readMerges(reads, out, bands);
    }
    let name = this.opts.workbookName ?? "";
    if (!name) {
      try {
        name = ctx.workbook.name;
      } catch {
        name = "workbook";
      }
    }
    return { name: name || "workbook", sheets: out };
  }

  /**
   * One sync for a group of chunks (bounded by the response budget), never per sheet or cell.
   * Should Excel still find the response too big (long texts), the group is read in halves.
   */
  private async readGroup(reads: SheetRead[], out: SheetSnapshot[], group: ChunkSpec[]): Promise<void> {
    const chunks: Chunk[] = group.map((g) => {
      const range = reads[g.sheet].ws.getRangeByIndexes(g.top, g.left, g.rows, g.cols);
      range.load("values,numberFormat,valueTypes");
      return { sheet: g.sheet, top: g.top, left: g.left, range };
    });
    try {
      await this.ctx.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      let halves: ChunkSpec[][];
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        halves = [group.slice(0, mid), group.slice(mid)];
      } else if (group[0].rows > 1) {
        const g = group[0];
        const n = Math.ceil(g.rows / 2);
        halves = [[{ ...g, rows: n }], [{ ...g, top: g.top + n, rows: g.rows - n }]];
      } else {
        throw e; // one row too big for a response: nothing smaller to ask for
      }
      for (const h of halves) await this.readGroup(reads, out, h);
      return;
    }
    for (const c of chunks) this.addChunk(out[c.sheet], c);
  }

  /**
   * Merged areas of row bands, one sync for a group; a band Excel refuses (more than 512 merged
   * areas) is read in halves. Excel gives only the merged areas whose top-left cell is in the
   * range, so bands that split the rows never give an area twice.
   */
  private async readMerges(reads: SheetRead[], out: SheetSnapshot[], group: MergeBand[]): Promise<void> {
    if (group.length === 0) return;
    const pending = group.map((g) => {
      const merged = reads[g.sheet].ws.getRangeByIndexes(g.top, g.left, g.rows, g.cols).getMergedAreasOrNullObject();
      merged.areas.load("items/address");
      return { sheet: g.sheet, merged };
    });
    try {
      await this.ctx.sync();
    } catch (e) {
      if (isPayloadError(e)) throw e;
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        await this.readMerges(reads, out, group.slice(0, mid));
        await this.readMerges(reads, out, group.slice(mid));
      } else if (group[0].rows > 1) {
        const g = group[0];
        const n = Math.ceil(g.rows / 2);
        await this.readMerges(reads, out, [{ ...g, rows: n }]);
        await this.readMerges(reads, out, [{ ...g, top: g.top + n, rows: g.rows - n }]);
      } else {
        throw e; // one row with more merged areas than Excel gives at once
      }
      return;
    }
    for (const p of pending) {
      if (!p.merged.isNullObject) out[p.sheet].merges.push(...p.merged.areas.items.map((a) => stripSheet(a.address)));
    }
  }

  private addChunk(sheet: SheetSnapshot, c: Chunk): void {
    const values = c.range.values;
    const types = c.range.valueTypes;
    const formats = c.range.numberFormat;
    for (let i = 0; i < values.length; i++) {
      const row = (sheet.values[c.top + i] ??= []);
      while (row.length < c.left) row.push(null);
      for (let j = 0; j < values[i].length; j++) {
        row[c.left + j] = toCellValue(values[i][j], types[i][j]);
        const f = formats[i][j];
        if (typeof f === "string" && f !== "General" && f !== "") sheet.formats[toA1(c.top + i, c.left + j)] = f;
      }
    }
  }

  /**
   * Fills and notes of the requested cells: one proxy chain per cell (getRange → format.fill, and
   * notes.getItemOrNullObject), synced whenever the queued requests reach the payload budget, so
   * that thousands of cells never make one request over Excel on the web's 5 MB.
   */
  async readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    const ctx = this.ctx;
    const withNotes = this.supports(18);
    const out: CellLooks = {};
    let pending: { sheet: string; address: string; fill: Excel.RangeFill; note: Excel.Note | null }[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      await ctx.sync();
      for (const p of pending) {
        const noFill = p.fill.pattern === "None" || !p.fill.color;
        (out[p.sheet] ??= {})[p.address] = {
          fill: { fill: noFill ? null : p.fill.color },
          note: p.note && !p.note.isNullObject ? p.note.content : null,
        };
      }
      pending = [];
      pendingBytes = 0;
    };
    for (const req of requests) {
      if (req.addresses.length === 0) continue;
      const sheetBytes = jsonBytes(req.sheet);
      for (const address of req.addresses) {
        // Sheet lookup, range, format, fill, load; and for notes: sheet, notes, item, load.
        const bytes = (withNotes ? 9 : 5) * OP_BYTES + 2 * (sheetBytes + address.length);
        if (pending.length > 0 && pendingBytes + bytes > this.opts.maxPayloadBytes) await flush();
        const ws = ctx.workbook.worksheets.getItem(req.sheet);
        // `format.fill` is a navigation property (a proxy), not a value read before a load.
        // eslint-disable-next-line office-addins/load-object-before-read
        const fill = ws.getRange(address).format.fill;
        fill.load("color,pattern");
        let note: Excel.Note | null = null;
        if (withNotes) {
          note = ws.notes.getItemOrNullObject(address);
          note.load("content");
        }
        pending.push({ sheet: req.sheet, address, fill, note });
        pendingBytes += bytes;
      }
    }
    await flush();
    return out;
  }

  async applyPlan(plan: WritePlan): Promise<ApplyStats> {
    const ctx = this.ctx;
    const b = new Batcher(ctx, this.opts.maxPayloadBytes);
    const actions = plan.actions;
    const withNotes = this.supports(18);

    // Which sheets exist (to add or delete only what needs it), and which cells have notes.
    const exists = new Set<string>();
    /** Sheets that are VeryHidden now: Excel refuses to delete one (InvalidOperation) until it is unhidden. */
    const veryHidden = new Set<string>();
    const notes = new Map<string, Excel.Note>();
    const noteKey = (sheet: string, address: string): string => `${sheet.toLowerCase()}!${address}`;
    const needsSheets = actions.some((a) => a.kind === "addSheet" || a.kind === "deleteSheet");
    const noteActions = withNotes ? actions.filter((a) => a.kind === "setNote" || a.kind === "restoreNote") : [];
    if (needsSheets || noteActions.length > 0) {
      const list = ctx.workbook.worksheets;
      list.load("items/name,items/visibility");
      b.syncs++;
      await ctx.sync();
      for (const ws of list.items) {
        exists.add(ws.name.toLowerCase());
        if (ws.visibility === "VeryHidden") veryHidden.add(ws.name.toLowerCase());
      }
    }
    if (noteActions.length > 0) {
      const lookups: { k: string; note: Excel.Note }[] = [];
      for (const a of noteActions) {
        if (a.kind !== "setNote" && a.kind !== "restoreNote") continue;
        const k = noteKey(a.sheet, a.address);
        if (!exists.has(a.sheet.toLowerCase()) || lookups.some((l) => l.k === k)) continue;
        const note = ctx.workbook.worksheets.getItem(a.sheet).notes.getItemOrNullObject(a.address);
        note.load("content");
        lookups.push({ k, note });
      }
      if (lookups.length > 0) {
        b.syncs++;
        await ctx.sync();
        for (const l of lookups) if (!l.note.isNullObject) notes.set(l.k, l.note);
      }
    }

    const sheet = (name: string): Excel.Worksheet => ctx.workbook.worksheets.getItem(name);
    for (const a of actions) {
      await this.applyAction(a, sheet, b, { exists, veryHidden, notes, noteKey, withNotes });
    }
    await b.flush();
    return { syncs: b.syncs, payloadBytes: b.totalBytes, actions: actions.length };
  }

  private async applyAction(
    a: PlanAction,
    sheet: (name: string) => Excel.Worksheet,
    b: Batcher,
    st: { exists: Set<string>; veryHidden: Set<string>; notes: Map<string, Excel.Note>; noteKey: (s: string, a: string) => string; withNotes: boolean },
  ): Promise<void> {
    const ctx = this.ctx;
    switch (a.kind) {
      case "addSheet": {
        const ws = st.exists.has(a.sheet.toLowerCase()) ? sheet(a.sheet) : ctx.workbook.worksheets.add(a.sheet);
        st.exists.add(a.sheet.toLowerCase());
        if (a.visibility === "veryHidden") st.veryHidden.add(a.sheet.toLowerCase());
        else if (a.visibility) st.veryHidden.delete(a.sheet.toLowerCase());
        await b.add(jsonBytes(a) + OP_BYTES * 3, () => {
          if (a.visibility) ws.visibility = TO_EXCEL_VISIBILITY[a.visibility];
          if (a.tabColor) ws.tabColor = a.tabColor;
          if (a.activate) ws.activate();
        });
        return;
      }
      case "deleteSheet": {
        if (!st.exists.has(a.sheet.toLowerCase())) return;
        st.exists.delete(a.sheet.toLowerCase());
        const unhide = st.veryHidden.delete(a.sheet.toLowerCase());
        for (const k of [...st.notes.keys()]) if (k.startsWith(`${a.sheet.toLowerCase()}!`)) st.notes.delete(k);
        await b.add(OP_BYTES * 2, () => {
          const ws = sheet(a.sheet);
          // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete
          // operation will fail with an InvalidOperation exception" (Hidden does not reduce the
          // visible sheets, so this is always allowed).
          if (unhide) ws.visibility = "Hidden";
          ws.delete();
        });
        return;
      }
      case "setValues":
        await this.setValues(a.sheet, a.topLeft, a.values, sheet, b);
        return;
      case "clearRange":
        await b.add(OP_BYTES + a.range.length, () => sheet(a.sheet).getRange(a.range).clear("All"));
        return;
      case "setFormat":
        await this.setFormat(a.sheet, a.ranges, a.format, sheet, b);
        return;
      case "restoreFills": {
        const byColor = new Map<string | null, string[]>();
        for (const c of a.cells) {
          const color = savedColor(c.saved.fill);
          const list = byColor.get(color) ?? [];
          list.push(c.address);
          byColor.set(color, list);
        }
        for (const [color, cells] of byColor) {
          for (const addr of joinAreas(cells, this.opts.maxAreasAddress)) {
            await b.add(OP_BYTES * 2 + addr.length + 10, () => {
              const fill = sheet(a.sheet).getRanges(addr).format.fill;
              if (color === null) fill.clear();
              else fill.color = color;
            });
          }
        }
        return;
      }
      case "setNote":
      case "restoreNote": {
        if (!st.withNotes) return;
        const k = st.noteKey(a.sheet, a.address);
        const existing = st.notes.get(k);
        const text = a.text;
        await b.add(jsonBytes(text) + OP_BYTES, () => {
          if (text === null) {
            if (existing) existing.delete();
            st.notes.delete(k);
          } else if (existing) {
            existing.content = text;
          } else {
            st.notes.set(k, sheet(a.sheet).notes.add(a.address, text));
          }
        });
        return;
      }
      case "setLink": {
        const ref = `${quoteSheet(a.targetSheet)}!${a.targetAddress}`;
        await b.add(jsonBytes([a.text, ref]) * 2 + OP_BYTES * 3, () => {
          const r = sheet(a.sheet).getRange(a.address);
          r.numberFormat = [["@"]];
          r.values = [[a.text]];
          r.hyperlink = a.targetFile ? { address: `${a.targetFile}#${ref}`, textToDisplay: a.text } : { documentReference: ref, textToDisplay: a.text };
        });
        return;
      }
      case "merge":
        await b.add(OP_BYTES, () => sheet(a.sheet).getRange(a.range).merge(false));
        return;
      case "freeze":
        await b.add(OP_BYTES * 2, () => {
          const ws = sheet(a.sheet);
          ws.freezePanes.unfreeze();
          if (a.rows > 0 && a.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, a.rows, a.cols));
          else if (a.rows > 0) ws.freezePanes.freezeRows(a.rows);
          else if (a.cols > 0) ws.freezePanes.freezeColumns(a.cols);
        });
        return;
      case "columnWidths":
        await b.add(OP_BYTES * a.widths.length, () => {
          const ws = sheet(a.sheet);
          for (const w of a.widths) {
            const L = colToLetters(w.col);
            ws.getRange(`${L}:${L}`).format.columnWidth = widthToPoints(w.width);
          }
        });
        return;
      case "autoFilter":
        await b.add(OP_BYTES, () => {
          const ws = sheet(a.sheet);
          ws.autoFilter.apply(ws.getRange(a.range));
        });
        return;
      case "chart":
        await b.add(jsonBytes(a) + OP_BYTES * 4, () => {
          const ws = sheet(a.sheet);
          const chart = ws.charts.add(CHART_TYPES[a.chartType], ws.getRange(a.dataRange), "Auto");
          chart.title.text = a.title;
          chart.setPosition(a.anchor);
          if (a.width) chart.width = a.width;
          if (a.height) chart.height = a.height;
        });
        return;
      case "dataBar":
        await b.add(OP_BYTES * 2, () => {
          const cf = sheet(a.sheet).getRange(a.range).conditionalFormats.add("DataBar");
          cf.dataBar.positiveFormat.fillColor = a.color;
        });
        return;
      case "printTitles":
        await b.add(OP_BYTES, () => sheet(a.sheet).pageLayout.setPrintTitleRows(`$${a.firstRow + 1}:$${a.lastRow + 1}`));
        return;
      case "validationList":
        await b.add(jsonBytes(a.values) + OP_BYTES * 2, () => {
          const dv = sheet(a.sheet).getRange(a.range).dataValidation;
          dv.errorAlert = { showAlert: false, style: "Warning", message: "", title: "" };
          dv.rule = { list: { inCellDropDown: true, source: a.values.map((v) => v.replace(/[",]/g, "")).join(",") } };
        });
        return;
      default: {
        const never: never = a;
        throw new Error(`unknown plan action ${JSON.stringify(never)}`);
      }
    }
  }

  /** A block of values, in row chunks that fit the budget; strings go in as text ("@"). */
  private async setValues(name: string, topLeft: string, values: PlanValue[][], sheet: (n: string) => Excel.Worksheet, b: Batcher): Promise<void> {
    if (values.length === 0) return;
    const origin = parseRange(topLeft);
    const width = Math.max(...values.map((r) => r.length));
    if (width === 0) return;
    const rows = values.map((r) => (r.length === width ? r : [...r, ...new Array<PlanValue>(width - r.length).fill(null)]));
    const cellValues = rows.map((r) => r.map((v) => (v === null ? "" : v)));
    const formats = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : v === null ? null : "General")));
    const chunkBudget = Math.max(1, Math.floor(b.budget * 0.9) - OP_BYTES * 2);
    let start = 0;
    while (start < rows.length) {
      let bytes = 0;
      let end = start;
      while (end < rows.length) {
        const rb = jsonBytes(cellValues[end]) + jsonBytes(formats[end]) + 2;
        if (end > start && bytes + rb > chunkBudget) break;
        bytes += rb;
        end++;
      }
      const s = start;
      const e = end;
      await b.add(bytes + OP_BYTES * 2, () => {
        const r = sheet(name).getRangeByIndexes(origin.top + s, origin.left, e - s, width);
        r.numberFormat = formats.slice(s, e);
        r.values = cellValues.slice(s, e);
      });
      start = end;
    }
  }

  /** One format on many ranges: RangeAreas for the look, per range for the number format. */
  private async setFormat(name: string, ranges: string[], f: CellFormat, sheet: (n: string) => Excel.Worksheet, b: Batcher): Promise<void> {
    if (ranges.length === 0) return;
    const looks = f.fill !== undefined || f.fontColor !== undefined || f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.wrap !== undefined || f.horizontal !== undefined || f.vertical !== undefined || f.border;
    if (looks) {
      for (const addr of joinAreas(ranges, this.opts.maxAreasAddress)) {
        await b.add(addr.length + jsonBytes(f) + OP_BYTES * 8, () => {
          const fmt = sheet(name).getRanges(addr).format;
          if (f.fill === null) fmt.fill.clear();
          else if (f.fill !== undefined) fmt.fill.color = f.fill;
          if (f.fontColor !== undefined) fmt.font.color = f.fontColor;
          if (f.bold !== undefined) fmt.font.bold = f.bold;
          if (f.italic !== undefined) fmt.font.italic = f.italic;
          if (f.fontSize !== undefined) fmt.font.size = f.fontSize;
          if (f.wrap !== undefined) fmt.wrapText = f.wrap;
          if (f.horizontal) fmt.horizontalAlignment = H_ALIGN[f.horizontal];
          if (f.vertical) fmt.verticalAlignment = V_ALIGN[f.vertical];
          if (f.border) for (const edge of BORDERS) fmt.borders.getItem(edge).style = "Continuous";
        });
      }
    }
    const numberFormat = f.numberFormat;
    if (numberFormat !== undefined) {
      const cellBytes = jsonBytes(numberFormat) + 1;
      const rowsPerChunk = (cols: number): number => Math.max(1, Math.floor((b.budget * 0.9) / (cellBytes * cols + 2)));
      for (const a1 of ranges) {
        const r: CellRange = parseRange(a1);
        const cols = r.right - r.left + 1;
        const step = rowsPerChunk(cols);
        for (let top = r.top; top <= r.bottom; top += step) {
          const n = Math.min(step, r.bottom - top + 1);
          const t = top;
          await b.add(n * (cellBytes * cols + 2) + OP_BYTES, () => {
            sheet(name).getRangeByIndexes(t, r.left, n, cols).numberFormat = Array.from({ length: n }, () => new Array<string>(cols).fill(numberFormat));
          });
        }
      }
    }
  }
}

/**
 * The colour in a saved fill: this adapter saves "#RRGGBB" or null; a workbook checked headless
 * carries ExcelJS fills ({ type: "pattern", pattern: "solid", fgColor: { argb } }).
 */
export function savedColor(fill: unknown): string | null {
  if (typeof fill === "string" && fill) return fill;
  if (!fill || typeof fill !== "object") return null;
  const f = fill as { color?: unknown; type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
  if (typeof f.color === "string") return f.color;
  if (f.type === "pattern" && f.pattern !== "none" && typeof f.fgColor?.argb === "string" && /^[0-9A-F]{8}$/i.test(f.fgColor.argb)) {
    return `#${f.fgColor.argb.slice(2).toUpperCase()}`;
  }
  return null;
}

function trim(s: SheetSnapshot): void {
  for (let i = 0; i < s.values.length; i++) {
    const row = s.values[i] ?? [];
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    s.values[i] = n === row.length ? row : row.slice(0, n);
  }
  let rows = s.values.length;
  while (rows > 0 && s.values[rows - 1].length === 0) rows--;
  s.values.length = rows;
}

export { rangeToA1 };
