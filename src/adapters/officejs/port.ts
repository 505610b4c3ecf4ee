/**
 * Office.js → WorkbookPort: the task pane's and the ribbon command's side of the port.
 *
 * Reading: one sync for the sheet list, one for every sheet's used-range size and merged
 * areas, then the cells of all sheets in row chunks, as many chunks per sync as fit in the
 * response budget (one sync for an ordinary workbook). A used range far larger than a table (a
 * stray value in A1000000, or in XFD3) is first asked where its data is (getSpecialCells for
 * constants and formulas, ExcelApi 1.9, one sync), and only those cells are read: the empty
 * rows between become empty arrays of the snapshot, the stray cell stays at its row. Writing: the plan's actions in order,
 * queued and synced only when the request payload would pass the budget (Excel on the web
 * refuses a request over 5 MB), so a plan takes a few syncs whatever its size.
 *
 * Excel objects are typed with @types/office-js; no `Excel.*` enum is used at run time (only
 * the equivalent string literals), so the adapter runs against the in-memory fake in tests.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import type { ApplyStats, CellFormat, CellLook, CellLookRequest, CellLooks, PlanAction, PlanValue, WritePlan } from "../../core/plan";
import type { WorkbookPort } from "../../core/port";
import { colToLetters, fromA1, parseRange, quoteSheet, rangeToA1, toA1, type CellRange } from "../../core/address";
import { t } from "../../messages";
import { maxOf, pushAll } from "../../core/collections";

export interface OfficeJsPortOptions {
  /** Requirement-set check; default: Office.context.requirements.isSetSupported. */
  supports?: (set: string, version: string) => boolean;
  /** Budget for one sync's request, in serialised bytes (see requestCost). Excel on the web refuses over 5 MB. */
  maxPayloadBytes?: number;
  /** Cells read per sync (values + numberFormat + valueTypes come back for each). */
  maxReadCells?: number;
  /** Longest address string given to getRanges() at once. */
  maxAreasAddress?: number;
  /** Name for the snapshot when the host does not give one. */
  workbookName?: string;
  /**
   * A sheet whose used range has more rows than this (or more cells than `probeCells`) is first
   * asked where its data is (getSpecialCells, ExcelApi 1.9), and only those rows are read.
   */
  probeRows?: number;
  probeCells?: number;
  /** Most data areas (constants + formulas) taken from one probe; past it the band is probed in halves or read whole. */
  maxDataAreas?: number;
}

const DEFAULTS = { maxPayloadBytes: 3_500_000, maxReadCells: 40_000, maxAreasAddress: 2000, probeRows: 20_000, probeCells: 200_000, maxDataAreas: 8192 };

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

/**
 * What Office.js serialises for a queued operation, in bytes of request body, measured with the
 * real serialiser (`fake/office-js.ts`): every object path (a sheet, a range, its format, its
 * fill …) costs about 110 bytes plus its arguments and is sent again in every request that uses
 * it; every action (instantiate, set a property, call a method, load) about 80 plus its
 * arguments. A highlighted cell's fill look-up was 550–780 bytes, a link 600, a note 200 plus
 * its text: a flat 64 bytes per operation under-counted by ten times.
 */
export const PATH_BYTES = 120;
export const ACTION_BYTES = 90;
/** Request bytes of `paths` object paths and `actions` actions carrying `args`. */
export function requestCost(paths: number, actions: number, args?: unknown): number {
  return paths * (PATH_BYTES + ACTION_BYTES) + actions * ACTION_BYTES + (args === undefined ? 0 : jsonBytes(args));
}

/** One queued unit of work: it queues its operations when the batch is sent, and may read results after. */
type Queue = () => (() => void) | void;

/**
 * Queues work and syncs only when the next item would take the request (or the expected
 * response) over budget. The items of a batch are queued only when it is sent, so that a batch
 * Excel refuses for its size (RequestPayloadSizeLimitExceeded: nothing of it ran) is sent again
 * in halves; reads (`retryResponse`) are also halved on ResponsePayloadSizeLimitExceeded.
 */
class Batcher {
  syncs = 0;
  totalBytes = 0;
  largest = 0;
  private items: { bytes: number; queue: Queue }[] = [];
  private pendingBytes = 0;
  private pendingResponse = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    readonly budget: number,
    private readonly retryResponse = false,
  ) {}

  /** Make room for `bytes` of request (and `response` bytes of answer), then queue the item. */
  async add(bytes: number, queue: Queue, response = 0): Promise<void> {
    if (this.items.length > 0 && (this.pendingBytes + bytes > this.budget || this.pendingResponse + response > this.budget)) await this.flush();
    this.items.push({ bytes, queue });
    this.pendingBytes += bytes;
    this.pendingResponse += response;
    this.totalBytes += bytes;
  }

  async flush(): Promise<void> {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.largest = Math.max(this.largest, this.pendingBytes);
    this.pendingBytes = 0;
    this.pendingResponse = 0;
    await this.send(items);
  }

  private async send(items: { bytes: number; queue: Queue }[]): Promise<void> {
    const thens = items.map((i) => i.queue());
    this.syncs++;
    try {
      await this.ctx.sync();
    } catch (e) {
      const retry = items.length > 1 && (isRequestPayloadError(e) || (this.retryResponse && isPayloadError(e)));
      if (!retry) throw e;
      const mid = Math.ceil(items.length / 2);
      await this.send(items.slice(0, mid));
      await this.send(items.slice(mid));
      return;
    }
    for (const t of thens) if (t) t();
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

interface ProbeBand {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** A block of cells, 0-based. */
export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * The rectangles to read for a sheet's data areas (from getSpecialCells): areas whose rows are
 * at most `rowGap` apart form a run, and in each run areas at most `colGap` columns apart one
 * rectangle (their rows and columns). Every area is inside one rectangle; a far-away cell gets
 * its own small one, so reading stays bounded by the data, not by the used range.
 */
export function dataRects(areas: Rect[], rowGap = 8, colGap = 16): Rect[] {
  const sorted = areas.filter((a) => a.rows > 0 && a.cols > 0).sort((a, b) => a.top - b.top || a.left - b.left);
  const out: Rect[] = [];
  let run: Rect[] = [];
  let runBottom = -1;
  const close = (): void => {
    const byCol = [...run].sort((a, b) => a.left - b.left);
    let cur: { top: number; bottom: number; left: number; right: number } | null = null;
    const emit = (): void => {
      if (cur) out.push({ top: cur.top, left: cur.left, rows: cur.bottom - cur.top + 1, cols: cur.right - cur.left + 1 });
    };
    for (const a of byCol) {
      const bottom = a.top + a.rows - 1;
      const right = a.left + a.cols - 1;
      if (cur && a.left <= cur.right + colGap + 1) {
        cur.top = Math.min(cur.top, a.top);
        cur.bottom = Math.max(cur.bottom, bottom);
        cur.right = Math.max(cur.right, right);
      } else {
        emit();
        cur = { top: a.top, bottom, left: a.left, right };
      }
    }
    emit();
    run = [];
  };
  for (const a of sorted) {
    if (run.length > 0 && a.top > runBottom + rowGap + 1) close();
    run.push(a);
    runBottom = Math.max(runBottom, a.top + a.rows - 1);
  }
  if (run.length > 0) close();
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Excel refused a request or response for its size (5 MB in Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /PayloadSizeLimitExceeded/i.test(`${String(err?.code ?? "")} ${String(err?.message ?? "")}`);
}

/** Excel refused the request itself for its size: nothing of it ran, so it can be sent again in parts. */
export function isRequestPayloadError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /RequestPayloadSizeLimitExceeded/i.test(`${String(err?.code ?? "")} ${String(err?.message ?? "")}`);
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
    // A sheet whose used range is far larger than a table (a stray value in A1000000) is read
    // only where its data is: the rest of it is known to be empty.
    const large = reads.flatMap((s, i) => (this.isLarge(s.area.rowCount, s.area.columnCount) ? [i] : []));
    const located = large.length > 0 && this.supports(9) ? await this.locateData(reads, large) : new Map<number, Rect[]>();
    reads.forEach((s, i) => {
      const rows = s.area.rowCount;
      const cols = s.area.columnCount;
      const rects = located.get(i) ?? [{ top: 0, left: 0, rows, cols }];
      if (s.first) this.addChunk(out[i], { sheet: i, top: 0, left: 0, range: s.first });
      for (const r of rects) {
        if (s.first) {
          // The part of the rectangle right of the first window, then the part below it.
          const top = r.top;
          const bottom = Math.min(r.top + r.rows, windowRows);
          const left = Math.max(r.left, windowCols);
          plan(i, top, left, bottom - top, r.left + r.cols - left);
          const below = Math.max(r.top, windowRows);
          plan(i, below, r.left, r.top + r.rows - below, r.cols);
        } else {
          plan(i, r.top, r.left, r.rows, r.cols);
        }
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

  private isLarge(rows: number, cols: number): boolean {
    return rows > this.opts.probeRows || rows * cols > this.opts.probeCells;
  }

  /**
   * Where the data of large sheets is: their constant and formula cells as rectangles to read
   * (dataRects), one sync for all of them. A probe Excel refuses (too many areas, or any other
   * failure) or one that gives more than `maxDataAreas` areas is asked again in halves of its
   * rows while it is large, and otherwise read whole, as before: bounded either way.
   */
  private async locateData(reads: SheetRead[], sheets: number[]): Promise<Map<number, Rect[]>> {
    const found = new Map<number, Rect[]>();
    const add = (sheet: number, rects: Rect[]): void => void found.set(sheet, [...(found.get(sheet) ?? []), ...rects]);
    const probe = async (bands: ProbeBand[]): Promise<void> => {
      const pending = bands.map((b) => {
        const range = reads[b.sheet].ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols);
        const kinds = (["Constants", "Formulas"] as const).map((kind) => {
          const areas = range.getSpecialCellsOrNullObject(kind);
          areas.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
          return areas;
        });
        return { band: b, kinds };
      });
      let failed = false;
      try {
        await this.ctx.sync();
      } catch (e) {
        if (isPayloadError(e) && bands.length === 1 && bands[0].rows <= 1) throw e;
        failed = true;
      }
      if (failed && bands.length > 1) {
        for (const b of bands) await probe([b]);
        return;
      }
      for (const { band, kinds } of pending) {
        const areas = failed ? null : kinds.flatMap((k) => (k.isNullObject ? [] : k.areas.items));
        if (areas && areas.length <= this.opts.maxDataAreas) {
          add(band.sheet, dataRects(areas.map((a) => ({ top: a.rowIndex, left: a.columnIndex, rows: a.rowCount, cols: a.columnCount }))));
        } else if (band.rows > this.opts.probeRows) {
          const n = Math.ceil(band.rows / 2);
          await probe([{ ...band, rows: n }]);
          await probe([{ ...band, top: band.top + n, rows: band.rows - n }]);
        } else {
          add(band.sheet, [{ top: band.top, left: band.left, rows: band.rows, cols: band.cols }]);
        }
      }
    };
    await probe(sheets.map((i) => ({ sheet: i, top: 0, left: 0, rows: reads[i].area.rowCount, cols: reads[i].area.columnCount })));
    return found;
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
      if (!p.merged.isNullObject) pushAll(out[p.sheet].merges, p.merged.areas.items.map((a) => stripSheet(a.address)));
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
   * Fills and notes of the requested cells. Fills: one getCellProperties per run of adjacent
   * cells in a row (ExcelApi 1.9: colour, pattern, pattern colour and both tints come back for
   * every cell), each sheet looked up once, batched by the request and response budget. Notes
   * (ExcelApi 1.18): each sheet's notes loaded once (the collection, then each note's cell),
   * not one look-up per cell. Without 1.18 a note cannot be read: the look says so
   * (`noteKnown: false`), so that the write plan neither deletes nor overwrites it.
   */
  async readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    const ctx = this.ctx;
    const withNotes = this.supports(18);
    const out: CellLooks = {};
    const wanted = requests.filter((r) => r.addresses.length > 0);
    const notes = withNotes ? await this.loadNotes(wanted.map((r) => r.sheet)) : null;
    const b = new Batcher(ctx, this.opts.maxPayloadBytes, true);
    for (const req of wanted) {
      const ws = ctx.workbook.worksheets.getItem(req.sheet);
      const sheetNotes = notes?.get(req.sheet.toLowerCase());
      const looks = (out[req.sheet] ??= {});
      for (const run of rowRuns(req.addresses)) {
        const cells = run.right - run.left + 1;
        await b.add(
          requestCost(1, 2, FILL_PROPS) + 16,
          () => {
            const props = ws.getRangeByIndexes(run.row, run.left, 1, cells).getCellProperties(FILL_PROPS);
            return () => {
              // Runs after the Batcher's sync (the rule cannot see through the deferred call).
              // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
              const line = props.value[0] ?? [];
              for (const address of run.addresses) {
                const p = fromA1(address);
                const fill = line[p.col - run.left]?.format?.fill;
                const look: CellLook = { fill: { fill: savedFillOf(fill) }, note: null };
                if (!notes) look.noteKnown = false;
                else look.note = sheetNotes?.get(address)?.content ?? null;
                looks[address] = look;
              }
            };
          },
          cells * 170,
        );
      }
    }
    await b.flush();
    return out;
  }

  /**
   * The notes of the given sheets (ExcelApi 1.18), by cell: one load of each sheet's note
   * collection, then the cell of every note, in batches within the budget.
   */
  private async loadNotes(sheetNames: string[]): Promise<Map<string, Map<string, { note: Excel.Note; content: string }>>> {
    const ctx = this.ctx;
    const names = [...new Set(sheetNames.map((n) => n.toLowerCase()))];
    const out = new Map<string, Map<string, { note: Excel.Note; content: string }>>();
    if (names.length === 0) return out;
    const b = new Batcher(ctx, this.opts.maxPayloadBytes, true);
    const collections: { name: string; notes: Excel.NoteCollection }[] = [];
    for (const name of names) {
      const original = sheetNames.find((n) => n.toLowerCase() === name) as string;
      await b.add(requestCost(3, 1), () => {
        const notes = ctx.workbook.worksheets.getItem(original).notes;
        notes.load("items/content");
        collections.push({ name, notes });
      });
    }
    await b.flush();
    for (const c of collections) {
      const byCell = new Map<string, { note: Excel.Note; content: string }>();
      out.set(c.name, byCell);
      for (const note of c.notes.items) {
        await b.add(
          requestCost(2, 1) + 40,
          () => {
            const cell = note.getLocation();
            cell.load("address");
            // Runs after the Batcher's sync (the rule cannot see through the deferred call).
            // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
            return () => byCell.set(stripSheet(cell.address).split(":")[0], { note, content: note.content });
          },
          120,
        );
      }
    }
    await b.flush();
    return out;
  }

  async applyPlan(plan: WritePlan): Promise<ApplyStats> {
    const ctx = this.ctx;
    const b = new Batcher(ctx, this.opts.maxPayloadBytes);
    const actions = plan.actions;
    const withNotes = this.supports(18);
    if (actions.length === 0) return { syncs: 0, payloadBytes: 0, actions: 0 };

    // Before anything is written: which sheets exist, and whether the workbook or any sheet the
    // plan writes to is protected. A protected one stops the run here, by name, with nothing
    // written (Excel would refuse part-way through and leave a half-written run).
    const exists = new Set<string>();
    /** Sheets that are VeryHidden now: Excel refuses to delete one (InvalidOperation) until it is unhidden. */
    const veryHidden = new Set<string>();
    const list = ctx.workbook.worksheets;
    list.load("items/name,items/visibility");
    const bookProtection = ctx.workbook.protection;
    bookProtection.load("protected");
    b.syncs++;
    await ctx.sync();
    const names = new Map<string, string>();
    for (const ws of list.items) {
      exists.add(ws.name.toLowerCase());
      names.set(ws.name.toLowerCase(), ws.name);
      if (ws.visibility === "VeryHidden") veryHidden.add(ws.name.toLowerCase());
    }
    const structural = actions.some(
      (a) => (a.kind === "addSheet" && (!exists.has(a.sheet.toLowerCase()) || a.visibility !== undefined)) || (a.kind === "deleteSheet" && exists.has(a.sheet.toLowerCase())),
    );
    if (structural && bookProtection.protected) throw new ProtectionError(null);
    const written = [...new Set(actions.filter((a) => a.kind !== "deleteSheet" && exists.has(a.sheet.toLowerCase())).map((a) => a.sheet.toLowerCase()))];
    const protections = written.map((k) => {
      const p = ctx.workbook.worksheets.getItem(names.get(k) as string).protection;
      p.load("protected");
      return { name: names.get(k) as string, p };
    });
    if (protections.length > 0) {
      b.syncs++;
      await ctx.sync();
      const locked = protections.find((x) => x.p.protected);
      if (locked) throw new ProtectionError(locked.name);
    }

    // The notes already on the sheets the plan puts notes on (to add, replace or remove them).
    const noteSheets = withNotes ? actions.filter((a) => (a.kind === "setNote" || a.kind === "restoreNote") && exists.has(a.sheet.toLowerCase())).map((a) => a.sheet) : [];
    const loaded = await this.loadNotes(noteSheets);
    const notes = new Map<string, Excel.Note>();
    const noteKey = (sheet: string, address: string): string => `${sheet.toLowerCase()}!${address}`;
    for (const [sheet, byCell] of loaded) for (const [address, n] of byCell) notes.set(`${sheet}!${address}`, n.note);

    // One worksheet proxy per sheet name, not one per cell (each is an object path Office.js
    // sends in every request that uses it); dropped when the plan adds or deletes that sheet.
    const proxies = new Map<string, Excel.Worksheet>();
    const sheet = (name: string): Excel.Worksheet => {
      const k = name.toLowerCase();
      let ws = proxies.get(k);
      if (!ws) {
        ws = ctx.workbook.worksheets.getItem(name);
        proxies.set(k, ws);
      }
      return ws;
    };
    const forget = (name: string): void => void proxies.delete(name.toLowerCase());
    for (const a of actions) {
      await this.applyAction(a, sheet, b, { exists, veryHidden, notes, noteKey, withNotes, forget });
    }
    await b.flush();
    return { syncs: b.syncs, payloadBytes: b.totalBytes, actions: actions.length };
  }

  private async applyAction(
    a: PlanAction,
    sheet: (name: string) => Excel.Worksheet,
    b: Batcher,
    st: {
      exists: Set<string>;
      veryHidden: Set<string>;
      notes: Map<string, Excel.Note>;
      noteKey: (s: string, a: string) => string;
      withNotes: boolean;
      forget: (name: string) => void;
    },
  ): Promise<void> {
    const ctx = this.ctx;
    switch (a.kind) {
      case "addSheet": {
        const existed = st.exists.has(a.sheet.toLowerCase());
        st.exists.add(a.sheet.toLowerCase());
        if (a.visibility === "veryHidden") st.veryHidden.add(a.sheet.toLowerCase());
        else if (a.visibility) st.veryHidden.delete(a.sheet.toLowerCase());
        await b.add(requestCost(3, 4, a), () => {
          // Proxies are made when a batch is sent: a sheet proxy made before this point of the batch
          // names the sheet as it was, so later actions look the sheet up again. The proxy
          // worksheets.add() gives is valid in its own request only.
          st.forget(a.sheet);
          const ws = existed ? ctx.workbook.worksheets.getItem(a.sheet) : ctx.workbook.worksheets.add(a.sheet);
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
        await b.add(requestCost(3, 2, a.sheet), () => {
          st.forget(a.sheet);
          const ws = ctx.workbook.worksheets.getItem(a.sheet);
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
        await b.add(requestCost(3, 1, a.range), () => sheet(a.sheet).getRange(a.range).clear("All"));
        return;
      case "setFormat":
        await this.setFormat(a.sheet, a.ranges, a.format, sheet, b);
        return;
      case "restoreFills": {
        const byFill = new Map<string, { fill: ExcelFill | null; cells: string[] }>();
        for (const c of a.cells) {
          const fill = excelFill(c.saved.fill);
          const k = JSON.stringify(fill);
          const group = byFill.get(k) ?? { fill, cells: [] };
          group.cells.push(c.address);
          byFill.set(k, group);
        }
        for (const { fill, cells } of byFill.values()) {
          for (const addr of joinAreas(cells, this.opts.maxAreasAddress)) {
            await b.add(requestCost(5, 7, [addr, fill]), () => {
              const f = sheet(a.sheet).getRanges(addr).format.fill;
              f.clear();
              if (fill === null) return;
              f.color = fill.color;
              if (fill.pattern) f.pattern = fill.pattern as Excel.FillPattern;
              if (fill.patternColor) f.patternColor = fill.patternColor;
              if (fill.tint) f.tintAndShade = fill.tint;
              if (fill.patternTint) f.patternTintAndShade = fill.patternTint;
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
        if (text === null) {
          if (!existing) return;
          st.notes.delete(k);
          await b.add(requestCost(1, 1), () => existing.delete());
        } else if (existing) {
          await b.add(requestCost(1, 1, text), () => {
            existing.content = text;
          });
        } else {
          // A note added here is looked up again by cell if a later action of the plan changes it
          // (the proxy notes.add() gives is valid in its own request only).
          st.notes.set(k, sheet(a.sheet).notes.getItem(a.address));
          await b.add(requestCost(3, 1, [a.address, text]), () => {
            sheet(a.sheet).notes.add(a.address, text);
          });
        }
        return;
      }
      case "setLink": {
        const ref = `${quoteSheet(a.targetSheet)}!${a.targetAddress}`;
        await b.add(requestCost(1, 3, [a.address, a.text, ref, a.text, a.targetFile ?? ""]) + 60, () => {
          const r = sheet(a.sheet).getRange(a.address);
          r.numberFormat = [["@"]];
          r.values = [[a.text]];
          r.hyperlink = a.targetFile ? { address: `${a.targetFile}#${ref}`, textToDisplay: a.text } : { documentReference: ref, textToDisplay: a.text };
        });
        return;
      }
      case "merge":
        await b.add(requestCost(1, 1, a.range), () => sheet(a.sheet).getRange(a.range).merge(false));
        return;
      case "freeze":
        await b.add(requestCost(3, 3), () => {
          const ws = sheet(a.sheet);
          ws.freezePanes.unfreeze();
          if (a.rows > 0 && a.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, a.rows, a.cols));
          else if (a.rows > 0) ws.freezePanes.freezeRows(a.rows);
          else if (a.cols > 0) ws.freezePanes.freezeColumns(a.cols);
        });
        return;
      case "columnWidths":
        await b.add(requestCost(2 * a.widths.length, a.widths.length, a.widths), () => {
          const ws = sheet(a.sheet);
          for (const w of a.widths) {
            const L = colToLetters(w.col);
            ws.getRange(`${L}:${L}`).format.columnWidth = widthToPoints(w.width);
          }
        });
        return;
      case "autoFilter":
        await b.add(requestCost(3, 1, a.range), () => {
          const ws = sheet(a.sheet);
          ws.autoFilter.apply(ws.getRange(a.range));
        });
        return;
      case "chart":
        await b.add(requestCost(4, 5, a), () => {
          const ws = sheet(a.sheet);
          const chart = ws.charts.add(CHART_TYPES[a.chartType], ws.getRange(a.dataRange), "Auto");
          chart.title.text = a.title;
          chart.setPosition(a.anchor);
          if (a.width) chart.width = a.width;
          if (a.height) chart.height = a.height;
        });
        return;
      case "dataBar":
        await b.add(requestCost(5, 1, a), () => {
          const cf = sheet(a.sheet).getRange(a.range).conditionalFormats.add("DataBar");
          cf.dataBar.positiveFormat.fillColor = a.color;
        });
        return;
      case "printTitles":
        await b.add(requestCost(2, 1, a), () => sheet(a.sheet).pageLayout.setPrintTitleRows(`$${a.firstRow + 1}:$${a.lastRow + 1}`));
        return;
      case "validationList":
        await b.add(requestCost(2, 2, a), () => {
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
    const width = maxOf(values.map((r) => r.length));
    if (width === 0) return;
    const rows = values.map((r) => (r.length === width ? r : [...r, ...new Array<PlanValue>(width - r.length).fill(null)]));
    const cellValues = rows.map((r) => r.map((v) => (v === null ? "" : v)));
    const formats = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : v === null ? null : "General")));
    const fixed = requestCost(1, 2) + 40;
    const chunkBudget = Math.max(1, Math.floor(b.budget * 0.9) - fixed);
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
      await b.add(bytes + fixed, () => {
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
        await b.add(requestCost(f.border ? 9 + BORDERS.length * 2 : 9, 12, [addr, f]), () => {
          const fmt = sheet(name).getRanges(addr).format;
          // A highlight replaces the whole fill: setting only the colour would keep a pattern.
          if (f.fill !== undefined) fmt.fill.clear();
          if (f.fill) fmt.fill.color = f.fill;
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
      const fixed = requestCost(1, 1) + 20;
      const rowsPerChunk = (cols: number): number => Math.max(1, Math.floor((b.budget * 0.9 - fixed) / (cellBytes * cols + 2)));
      for (const a1 of ranges) {
        const r: CellRange = parseRange(a1);
        const cols = r.right - r.left + 1;
        const step = rowsPerChunk(cols);
        for (let top = r.top; top <= r.bottom; top += step) {
          const n = Math.min(step, r.bottom - top + 1);
          const t = top;
          await b.add(n * (cellBytes * cols + 2) + fixed, () => {
            sheet(name).getRangeByIndexes(t, r.left, n, cols).numberFormat = Array.from({ length: n }, () => new Array<string>(cols).fill(numberFormat));
          });
        }
      }
    }
  }
}

/** The fill properties read for every highlighted cell (all ExcelApi 1.9). */
const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

/** A fill as Office.js sets it again. */
export interface ExcelFill {
  color: string;
  pattern?: string;
  patternColor?: string;
  tint?: number;
  patternTint?: number;
}

/**
 * The saved form of a fill Excel reported: null (none), "#RRGGBB" (plain solid, as before), or the
 * whole ExcelFill when it has a pattern or a tint, so that it comes back exactly.
 */
export function savedFillOf(fill: Excel.CellPropertiesFill | undefined): string | ExcelFill | null {
  if (!fill || !fill.color || fill.pattern === "None") return null;
  const out: ExcelFill = { color: fill.color.toUpperCase() };
  const pattern = fill.pattern;
  if (pattern && pattern !== "Solid") {
    out.pattern = pattern;
    if (fill.patternColor) out.patternColor = fill.patternColor.toUpperCase();
    if (fill.patternTintAndShade) out.patternTint = fill.patternTintAndShade;
  }
  if (fill.tintAndShade) out.tint = fill.tintAndShade;
  return out.pattern || out.tint ? out : out.color;
}

/** ExcelJS pattern names → Excel.FillPattern (a workbook checked headless, cleared in Excel). */
const EXCELJS_PATTERNS: Record<string, string> = {
  darkGray: "Gray75",
  mediumGray: "Gray50",
  lightGray: "Gray25",
  gray125: "Gray16",
  gray0625: "Gray8",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
};

function argbColor(c: { argb?: unknown } | undefined): string | undefined {
  return typeof c?.argb === "string" && /^[0-9A-F]{8}$/i.test(c.argb) ? `#${c.argb.slice(2).toUpperCase()}` : undefined;
}

/** A saved fill of either adapter → what to set in Excel (null: no fill). */
export function excelFill(saved: unknown): ExcelFill | null {
  if (typeof saved === "string") return saved ? { color: saved } : null;
  if (!saved || typeof saved !== "object") return null;
  const f = saved as ExcelFill & { type?: unknown; fgColor?: { argb?: unknown }; bgColor?: { argb?: unknown } };
  if (typeof f.color === "string") return { ...f };
  if (f.type === "pattern" && typeof f.pattern === "string" && f.pattern !== "none") {
    if (f.pattern === "solid") {
      const c = argbColor(f.fgColor);
      return c ? { color: c } : null;
    }
    const pattern = EXCELJS_PATTERNS[f.pattern];
    if (!pattern) return null;
    // ExcelJS: fgColor is the pattern's colour, bgColor the cell behind it.
    return { color: argbColor(f.bgColor) ?? "#FFFFFF", pattern, ...(argbColor(f.fgColor) ? { patternColor: argbColor(f.fgColor) } : {}) };
  }
  return null;
}

/** Cells of one row, in runs of adjacent columns (a gap of up to 3 cells is read through). */
export function rowRuns(addresses: string[]): { row: number; left: number; right: number; addresses: string[] }[] {
  const byRow = new Map<number, { col: number; address: string }[]>();
  for (const address of new Set(addresses)) {
    const p = fromA1(address);
    const list = byRow.get(p.row) ?? [];
    list.push({ col: p.col, address });
    byRow.set(p.row, list);
  }
  const out: { row: number; left: number; right: number; addresses: string[] }[] = [];
  for (const row of [...byRow.keys()].sort((x, y) => x - y)) {
    const cells = (byRow.get(row) ?? []).sort((x, y) => x.col - y.col);
    let cur: { row: number; left: number; right: number; addresses: string[] } | null = null;
    for (const c of cells) {
      if (cur && c.col - cur.right <= 4) {
        cur.right = c.col;
        cur.addresses.push(c.address);
      } else {
        cur = { row, left: c.col, right: c.col, addresses: [c.address] };
        out.push(cur);
      }
    }
  }
  return out;
}

/** A protected sheet (or workbook structure, `sheet` null) the plan would have written to: nothing was written. */
export class ProtectionError extends Error {
  readonly code = "AccessDenied";
  readonly zh: string;
  readonly en: string;
  constructor(readonly sheet: string | null) {
    const key = sheet === null ? "excel.protected.workbook" : "excel.protected.sheet";
    const params = { sheet: sheet ?? "" };
    super(t(key, "en", params));
    this.name = "ProtectionError";
    this.zh = t(key, "zh-CN", params);
    this.en = t(key, "en", params);
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
