/**
 * The workbook as a patched package: a WritePlan becomes edits of the parts it touches —
 * cells inserted or replaced in their rows (one streaming pass per touched sheet), styles
 * appended, notes and links with their parts and relationships, sheet-level elements
 * (merges, panes, filter, widths, data bars, lists) put in schema order, our own sheets as
 * new parts, workbook.xml / its relationships / [Content_Types].xml edited in place.
 * Every other part stays byte for byte as it came.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import type { ApplyStats, CellFormat, CellLookRequest, CellLooks, PlanAction, PlanValue, WritePlan } from "../../core/plan";
import { colToLetters, fromA1, parseRange, quoteSheet, rangeToA1, toA1, type CellRange } from "../../core/address";
import { OWN_SHEET_NAMES, readState, STATE_SHEET } from "../../core/state";
import { CT, Package, REL, relativeTarget, relsPathOf } from "./package";
import { PackageError, readSharedStrings, readSheet, readWorkbookInfo, type SheetInfo, type WorkbookInfo } from "./read";
import { attrAt, attrEnd, CellCursor, refColumn, rowCells, visitSheet, parseRef, type CellToken, type SheetOut } from "./sheet";
import { fillXmlOf, Styles } from "./styles";
import { allSpans, attrs, elementSpan, esc, escText, findOpen, rawAttr, setAttr, unesc } from "./xml";
import { AUTHOR, commentsXml, newVml, noteText, parseComments, plainNoteXml, runsFromExcelJS, safeFragment, syncVml, type CommentsModel } from "./comments";
import { ByteOut, type Codec } from "./zip";
import { CHART_CT, chartAnchor, chartXml, DRAWING_CT, EMPTY_DRAWING, type ChartAction } from "./charts";
import { maxOf } from "../../core/collections";

const MAX_TEXT = 32767;
/** Patched sheet bytes go to the part's writer in pieces of this size. */
const PIECE = 16 << 20;

/** What a plan does to one cell, in order: a value (stored as itself, no wrapper), a format, a fill put back. */
type Op = PlanValue | { k: "format"; f: CellFormat & { underline?: boolean } } | { k: "restore"; fill: string | null; apply: string | null };
/** One op, or several in order (kept compact: a county's result columns are hundreds of thousands of cells). */
type Ops = Op | Op[];

/**
 * A row's edited cells: column → ops, as two small parallel arrays (a Map per row costs several
 * times more, and a county's result block has a row per indicator), and the row's part of
 * value blocks and formatted ranges as column spans (a result block is a few blocks and ranges
 * over every row: one span a row instead of an op a cell). A cell's ops are its own, then the
 * spans over it in order: an op of its own that comes after spans first turns them into the
 * cells' own ops.
 */
class RowOps {
  private cols: number[] = [];
  private ops: Ops[] = [];
  /** Pending spans, flat: left, right, then a format op or a line of values (the value at column c is line[c - left]). */
  private sp: Span[] | null = null;

  get size(): number {
    return this.sp === null ? this.cols.length : this.keys().length;
  }

  private find(col: number): number {
    const n = this.cols.length;
    // Writes come column by column: the last one is the usual hit.
    if (n && this.cols[n - 1] === col) return n - 1;
    return this.cols.indexOf(col);
  }

  /** The pending spans (flat left, right, op or line), or null. */
  spans(): Span[] | null {
    return this.sp;
  }

  private covered(col: number): boolean {
    const sp = this.sp;
    if (sp === null) return false;
    for (let i = 0; i < sp.length; i += 3) if ((sp[i] as number) <= col && col <= (sp[i + 1] as number)) return true;
    return false;
  }

  has(col: number): boolean {
    return this.find(col) >= 0 || this.covered(col);
  }

  /** The cell's own ops (the spans over it not included). */
  own(col: number): Ops | undefined {
    const i = this.find(col);
    return i < 0 ? undefined : this.ops[i];
  }

  /** All the cell's ops in order (its own, then the spans over it). */
  get(col: number): Ops | undefined {
    const mine = this.own(col);
    if (!this.covered(col)) return mine;
    const list = opsList(mine).slice();
    const sp = this.sp as Span[];
    for (let i = 0; i < sp.length; i += 3) if ((sp[i] as number) <= col && col <= (sp[i + 1] as number)) list.push(spanOp(sp, i, col));
    return list;
  }

  /** A format over columns left…right, after the ops the cells have. */
  addSpan(left: number, right: number, op: Op | PlanValue[]): void {
    (this.sp ??= []).push(left, right, op);
  }

  /** The spans made the cells' own ops, in order. */
  private settle(): void {
    const sp = this.sp;
    if (sp === null) return;
    this.sp = null;
    for (let i = 0; i < sp.length; i += 3) for (let c = sp[i] as number; c <= (sp[i + 1] as number); c++) this.add(c, spanOp(sp, i, c));
  }

  /** One more op for the cell: its first, or after those it has. */
  add(col: number, op: Op): void {
    if (this.sp !== null) this.settle();
    const i = this.find(col);
    if (i < 0) {
      this.cols.push(col);
      this.ops.push(op);
      return;
    }
    const cur = this.ops[i];
    if (Array.isArray(cur)) cur.push(op);
    else this.ops[i] = [cur, op];
  }

  delete(col: number): boolean {
    this.settle();
    const i = this.find(col);
    if (i < 0) return false;
    this.cols.splice(i, 1);
    this.ops.splice(i, 1);
    return true;
  }

  /** The columns: the cells' own in order, then those only spans reach (in span order). */
  keys(): number[] {
    const k = this.cols.slice();
    const sp = this.sp;
    if (sp === null) return k;
    for (let i = 0; i < sp.length; i += 3) for (let c = sp[i] as number; c <= (sp[i + 1] as number); c++) if (k.indexOf(c) < 0) k.push(c);
    return k;
  }

  /** The columns in increasing order. */
  sortedKeys(): number[] {
    const k = this.keys();
    for (let i = 1; i < k.length; i++) if (k[i] < k[i - 1]) return k.sort((a, b) => a - b);
    return k;
  }

  minKey(): number {
    let min = Infinity;
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) if (cols[i] < min) min = cols[i];
    const sp = this.sp;
    if (sp !== null) for (let i = 0; i < sp.length; i += 3) if ((sp[i] as number) < min) min = sp[i] as number;
    return min;
  }

  maxKey(): number {
    let max = -1;
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) if (cols[i] > max) max = cols[i];
    const sp = this.sp;
    if (sp !== null) for (let i = 1; i < sp.length; i += 3) if ((sp[i] as number) > max) max = sp[i] as number;
    return max;
  }

  *[Symbol.iterator](): IterableIterator<[number, Ops]> {
    for (const c of this.keys()) yield [c, this.get(c) as Ops];
  }
}

const isValueOp = (o: Op): o is PlanValue => o === null || typeof o !== "object";
type Span = number | Op | PlanValue[];
/** The op span i of a flat span list gives the cell in column c. */
const spanOp = (sp: Span[], i: number, c: number): Op => {
  const o = sp[i + 2];
  return Array.isArray(o) ? o[c - (sp[i] as number)] : (o as Op);
};
const opsList = (o: Ops | undefined): Op[] => (o === undefined ? [] : Array.isArray(o) ? o : [o]);

type TailOp =
  | { k: "merge"; range: string }
  | { k: "clear"; r: CellRange }
  | { k: "link"; ref: string; location: string; file?: string };

interface SheetEdit {
  cells: Map<number, RowOps>;
  clears: CellRange[];
  tail: TailOp[];
  dataBars: { range: string; color: string }[];
  charts: ChartAction[];
  validations: { range: string; values: string[] }[];
  autoFilter?: string;
  freeze?: { rows: number; cols: number };
  widths: Map<number, number>;
  heights: Map<number, number>;
  tabSelected?: boolean;
  /** Our new sheet (fit its rows after the plan). */
  added: boolean;
  visible: boolean;
}

const WORKSHEET_TEMPLATE = (tabColor?: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<sheetPr>${tabColor ? `<tabColor rgb="FF${tabColor.replace(/^#/, "").toUpperCase()}"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>` +
  `<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;

const TAIL_ORDER = [
  "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
  "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];
const HEAD_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData"];

/** Replace (or insert, in schema order) a top-level element of a worksheet segment. */
function upsert(seg: string, order: string[], name: string, prefix: string, xml: string | null, fallback: string): string {
  const s = elementSpan(seg, prefix + name);
  if (s) return seg.slice(0, s.start) + (xml ?? "") + seg.slice(s.end);
  if (xml === null) return seg;
  return insertAt(seg, order, name, prefix, xml, fallback);
}

function insertAt(seg: string, order: string[], name: string, prefix: string, xml: string, fallback: string): string {
  const i = order.indexOf(name);
  for (const later of order.slice(i + 1)) {
    const at = findOpen(seg, prefix + later);
    if (at >= 0) return seg.slice(0, at) + xml + seg.slice(at);
  }
  const at = seg.lastIndexOf(fallback);
  return at < 0 ? seg + xml : seg.slice(0, at) + xml + seg.slice(at);
}

/** No holes (a sparse array's missing items are skipped, as forEach would). */
function dense(line: PlanValue[]): boolean {
  for (let j = 0; j < line.length; j++) if (line[j] === undefined && !(j in line)) return false;
  return true;
}

function inRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function inside(inner: CellRange, outer: CellRange): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function safeRange(ref: string): CellRange | null {
  try {
    return parseRange(ref.replace(/\$/g, ""));
  } catch {
    return null;
  }
}

/** Plain text for a cell: never over Excel's 32,767 characters, never split inside a surrogate pair. */
export function cellText(s: string): string {
  if (s.length <= MAX_TEXT) return s;
  let t = s.slice(0, MAX_TEXT);
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t;
}

function cellXml(ref: string, s: number, v: PlanValue, p: string): string {
  const sa = s ? ` s="${s}"` : "";
  if (v === null || v === "" || (typeof v === "number" && !Number.isFinite(v))) return s ? `<${p}c r="${ref}"${sa}/>` : "";
  if (typeof v === "number") return `<${p}c r="${ref}"${sa}><${p}v>${String(v)}</${p}v></${p}c>`;
  if (typeof v === "boolean") return `<${p}c r="${ref}"${sa} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  // Text is always an inline string, never a formula, whatever it starts with.
  return `<${p}c r="${ref}"${sa} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escText(cellText(String(v)))}</${p}t></${p}is></${p}c>`;
}

function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

export class XlsxBook {
  readonly pkg: Package;
  private infoCache: WorkbookInfo | null = null;
  private stylesCache: Styles | null = null;
  private stylesPart: string | null = null;
  private sstCache: string[] | null = null;
  private edits = new Map<string, SheetEdit>();
  private comments = new Map<string, { model: CommentsModel; changed: boolean }>();
  private dropCalcChain = false;

  /** `cellByCell`: value blocks and formatted ranges kept as an op a cell, without spans (the tests' reference). */
  constructor(bytes: Uint8Array, codec: Codec, private readonly cellByCell = false) {
    this.pkg = new Package(bytes, codec);
    this.info(); // refuse what is not a workbook at once
  }

  info(): WorkbookInfo {
    return (this.infoCache ??= readWorkbookInfo(this.pkg));
  }

  private styles(): Styles {
    if (this.stylesCache) return this.stylesCache;
    const wb = this.info().part;
    const rel = this.pkg.rels(wb).find((r) => r.type === REL.styles || r.type.endsWith("/styles"));
    const part = rel?.part ? this.pkg.find(rel.part) : null;
    this.stylesPart = part ?? "xl/styles.xml";
    this.stylesCache = new Styles(part ? this.pkg.text(part) : null);
    return this.stylesCache;
  }

  private sst(): string[] {
    return (this.sstCache ??= readSharedStrings(this.pkg, this.info().part));
  }

  private sheetInfo(name: string): SheetInfo {
    const s = this.info().sheets.find((x) => x.name === name);
    if (!s) throw new Error(`write plan names a sheet that does not exist: ${name}`);
    if (!s.part || s.kind !== "worksheet") throw new Error(`not a worksheet: ${name}`);
    return s;
  }

  // ---------------------------------------------------------------- reading

  snapshot(name: string): WorkbookSnapshot {
    const info = this.info();
    const styles = this.styles();
    const sst = this.sst();
    const sheets: SheetSnapshot[] = info.sheets.map((s) => readSheet(this.pkg, s, sst, styles, info.date1904));
    return { name, sheets };
  }

  looks(requests: CellLookRequest[]): CellLooks {
    const out: CellLooks = {};
    const styles = this.styles();
    for (const req of requests) {
      const info = this.info().sheets.find((s) => s.name === req.sheet);
      if (!info?.part || info.kind !== "worksheet") continue;
      const wanted = new Map<number, Map<number, string>>();
      for (const a of req.addresses) {
        const p = parseRef(a);
        if (!p) continue;
        const m = wanted.get(p.row) ?? new Map<number, string>();
        m.set(p.col, a);
        wanted.set(p.row, m);
      }
      const styleOf = new Map<string, number>();
      const cursor = new CellCursor();
      let prefix = "";
      const part = info.part;
      visitSheet((sink) => this.pkg.stream(part, sink), {
        head: (_x, p) => void (prefix = p),
        row: (buf, _start, openEnd, end, r) => {
          const cols = wanted.get(r);
          if (!cols) return;
          cursor.reset(buf, openEnd, end, prefix);
          while (cursor.next()) {
            const a = cols.get(cursor.col);
            if (a) styleOf.set(a, cursor.s);
          }
        },
        tail: () => undefined,
      }, undefined, this.pkg.codec);
      const notes = this.commentsOf(info).model;
      const looks = (out[req.sheet] ??= {});
      for (const address of req.addresses) {
        const s = styleOf.get(address) ?? 0;
        const n = notes.notes.get(address.toUpperCase());
        looks[address] = {
          fill: { fill: styles.fillOf(s), style: { xlsxFill: styles.fillXml(s), applyFill: styles.applyFillAttr(s) } },
          note: n ? noteText(n) : null,
          ...(n ? { noteData: { xlsx: n.textXml, authorId: n.authorId } } : {}),
        };
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- comments

  private commentsPartOf(info: SheetInfo): string | null {
    const rel = this.pkg.rels(info.part as string).find((r) => r.type === REL.comments || r.type.endsWith("/comments"));
    return rel?.part ? this.pkg.find(rel.part) : null;
  }

  private commentsOf(info: SheetInfo): { model: CommentsModel; changed: boolean } {
    const hit = this.comments.get(info.name);
    if (hit) return hit;
    const part = this.commentsPartOf(info);
    const entry = { model: parseComments(part ? this.pkg.text(part) : null), changed: false };
    this.comments.set(info.name, entry);
    return entry;
  }

  private authorId(m: CommentsModel): number {
    let i = m.authors.indexOf(esc(AUTHOR));
    if (i < 0) {
      m.authors.push(esc(AUTHOR));
      i = m.authors.length - 1;
    }
    return i;
  }

  private setNote(sheet: string, address: string, textXml: string | null, authorId?: number): void {
    const info = this.sheetInfo(sheet);
    const c = this.commentsOf(info);
    const ref = address.replace(/\$/g, "").toUpperCase();
    if (textXml === null) {
      if (c.model.notes.delete(ref)) {
        c.changed = true;
        this.edit(sheet);
      }
      return;
    }
    const old = c.model.notes.get(ref);
    if (!old) c.model.order.push(ref);
    const id = authorId !== undefined && authorId >= 0 && authorId < c.model.authors.length ? authorId : (old?.authorId ?? this.authorId(c.model));
    c.model.notes.set(ref, { authorId: id, textXml });
    c.changed = true;
    this.edit(sheet);
  }

  /**
   * Write the sheet's notes: the comments part and the VML shapes. Returns the id of a new VML
   * relationship (the sheet then needs a legacyDrawing element), or "remove" when the last note
   * went and the VML held nothing else (the legacyDrawing element goes too).
   */
  private flushComments(info: SheetInfo): string | null {
    const c = this.comments.get(info.name);
    if (!c?.changed) return null;
    const sheetPart = info.part as string;
    const refs = c.model.order.filter((r) => c.model.notes.has(r));
    let part = this.commentsPartOf(info);
    c.changed = false;
    if (!refs.length) {
      // No note left (清除标记 on a sheet that had none): the parts go, as they were before.
      const rels = this.pkg.rels(sheetPart);
      for (const r of rels) {
        if (!r.part || !/\/(comments|vmlDrawing)$/.test(r.type)) continue;
        const p = this.pkg.find(r.part);
        if (!p) continue;
        if (r.type.endsWith("/vmlDrawing")) {
          const { xml, shapes } = syncVml(this.pkg.text(p), []);
          if (shapes > 0) {
            this.pkg.setText(p, xml);
            continue;
          }
        }
        this.pkg.remove(p);
        this.pkg.removeOverride(p);
        this.pkg.removeRel(sheetPart, r.id);
        if (r.type.endsWith("/vmlDrawing")) return `remove:${r.id}`;
      }
      return null;
    }
    if (!part) {
      part = this.pkg.freeName("xl/comments", ".xml");
      this.pkg.addRel(sheetPart, REL.comments, relativeTarget(sheetPart, part));
      this.pkg.addOverride(part, CT.comments);
    }
    this.pkg.setText(part, commentsXml(c.model, refs));
    const cells = refs.map((r) => parseRef(r)).filter((x): x is { row: number; col: number } => x !== null);
    const vmlRel = this.pkg.rels(sheetPart).find((r) => r.type === REL.vmlDrawing || r.type.endsWith("/vmlDrawing"));
    let vmlPart = vmlRel?.part ? this.pkg.find(vmlRel.part) : null;
    let newRid: string | null = null;
    if (!vmlPart) {
      if (!cells.length) return null;
      vmlPart = this.pkg.freeName("xl/drawings/vmlDrawing", ".vml");
      const n = Number(/(\d+)\.vml$/.exec(vmlPart)?.[1] ?? 1);
      this.pkg.setText(vmlPart, newVml(n + 1000));
      this.pkg.ensureDefault("vml", CT.vml);
      newRid = this.pkg.addRel(sheetPart, REL.vmlDrawing, relativeTarget(sheetPart, vmlPart));
    }
    this.pkg.setText(vmlPart, syncVml(this.pkg.text(vmlPart), cells).xml);
    return newRid;
  }

  // ---------------------------------------------------------------- plan

  private edit(sheet: string): SheetEdit {
    let e = this.edits.get(sheet);
    if (!e) {
      e = { cells: new Map(), clears: [], tail: [], dataBars: [], charts: [], validations: [], widths: new Map(), heights: new Map(), added: false, visible: true };
      this.edits.set(sheet, e);
    }
    return e;
  }

  /** The row of the last op (plans write row by row: most lookups are the same row again); dropped whenever rows are. */
  private lastOps: RowOps | null = null;
  private lastEdit: SheetEdit | null = null;
  private lastRow = -1;

  private rowOps(e: SheetEdit, row: number): RowOps {
    let r = this.lastOps;
    if (r === null || this.lastEdit !== e || this.lastRow !== row) {
      r = e.cells.get(row) ?? null;
      if (!r) e.cells.set(row, (r = new RowOps()));
      this.lastOps = r;
      this.lastEdit = e;
      this.lastRow = row;
    }
    return r;
  }

  private op(e: SheetEdit, row: number, col: number, op: Op): void {
    if (row < 0 || col < 0 || row >= 1048576 || col >= 16384) return;
    this.rowOps(e, row).add(col, op);
  }

  apply(plan: WritePlan): ApplyStats {
    let payloadBytes = 0;
    for (const a of plan.actions) {
      this.action(a);
      payloadBytes += JSON.stringify(a).length;
    }
    this.flush();
    return { syncs: 0, payloadBytes, actions: plan.actions.length };
  }

  private action(a: PlanAction): void {
    switch (a.kind) {
      case "addSheet":
        return this.addSheet(a.sheet, a.visibility ?? "visible", a.tabColor, a.activate === true);
      case "deleteSheet":
        return this.deleteSheet(a.sheet);
      case "setValues": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        const o = fromA1(a.topLeft);
        // (Holes in sparse arrays are skipped, as forEach would.)
        for (let i = 0; i < a.values.length; i++) {
          const line = a.values[i];
          if (line === undefined && !(i in a.values)) continue;
          const row = o.row + i;
          // A whole line as one span (a line with holes, or past the last column, cell by cell).
          if (!this.cellByCell && line.length && row >= 0 && row < 1048576 && o.col >= 0 && o.col + line.length <= 16384 && dense(line)) {
            this.rowOps(e, row).addSpan(o.col, o.col + line.length - 1, line);
            continue;
          }
          for (let j = 0; j < line.length; j++) {
            const v = line[j];
            if (v === undefined && !(j in line)) continue;
            this.op(e, o.row + i, o.col + j, v);
          }
        }
        return;
      }
      case "clearRange": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        const r = parseRange(a.range);
        // Earlier edits inside the range are void: the clear comes after them.
        this.lastOps = null;
        const rows = e.cells.size < r.bottom - r.top + 1 ? [...e.cells.keys()].filter((k) => k >= r.top && k <= r.bottom) : Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i);
        for (const row of rows) {
          const m = e.cells.get(row);
          if (!m) continue;
          for (const col of [...m.keys()]) if (col >= r.left && col <= r.right) m.delete(col);
          if (!m.size) e.cells.delete(row);
        }
        e.clears.push(r);
        e.tail.push({ k: "clear", r });
        const c = this.commentsOf(this.sheetInfo(a.sheet));
        for (const ref of [...c.model.notes.keys()]) {
          const p = parseRef(ref);
          if (p && inRange(r, p.row, p.col)) {
            c.model.notes.delete(ref);
            c.changed = true;
          }
        }
        return;
      }
      case "setFormat": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        const op: Op = { k: "format", f: a.format };
        for (const range of a.ranges) {
          const r = parseRange(range);
          // The cells the op would reach one by one (op() drops those outside the sheet).
          const left = Math.max(0, r.left);
          const right = Math.min(16383, r.right);
          for (let row = r.top; row <= r.bottom; row++) {
            if (this.cellByCell) for (let col = r.left; col <= r.right; col++) this.op(e, row, col, op);
            else if (left <= right && row >= 0 && row < 1048576) this.rowOps(e, row).addSpan(left, right, op);
            if (a.format.fontSize && a.format.fontSize > 12) e.heights.set(row, Math.max(e.heights.get(row) ?? 0, Math.ceil(a.format.fontSize * 1.8)));
          }
        }
        return;
      }
      case "restoreFills": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        for (const { address, saved } of a.cells) {
          const p = fromA1(address);
          const st = saved.style as { xlsxFill?: unknown; applyFill?: unknown } | undefined;
          let fill: string | null;
          let apply: string | null;
          if (st && typeof st === "object" && "xlsxFill" in st && (st.xlsxFill === null || (typeof st.xlsxFill === "string" && /^<fill[\s>/]/.test(st.xlsxFill) && safeFragment(`<r>${st.xlsxFill}</r>`)))) {
            fill = st.xlsxFill as string | null;
            apply = typeof st.applyFill === "string" && /^(0|1|true|false)$/.test(st.applyFill) ? st.applyFill : null;
          } else {
            fill = fillXmlOf(saved.fill);
            apply = fill === null ? null : "1";
          }
          this.op(e, p.row, p.col, { k: "restore", fill, apply });
        }
        return;
      }
      case "setNote":
        return this.setNote(a.sheet, a.address, plainNoteXml(a.text));
      case "restoreNote": {
        const d = a.data as { xlsx?: unknown; authorId?: unknown } | undefined;
        if (d && typeof d.xlsx === "string" && safeFragment(d.xlsx)) return this.setNote(a.sheet, a.address, d.xlsx, typeof d.authorId === "number" ? d.authorId : undefined);
        const runs = runsFromExcelJS(a.data);
        if (runs !== null) return this.setNote(a.sheet, a.address, runs);
        return this.setNote(a.sheet, a.address, a.text === null ? null : plainNoteXml(a.text));
      }
      case "setLink": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        const p = fromA1(a.address);
        this.op(e, p.row, p.col, a.text);
        this.op(e, p.row, p.col, { k: "format", f: { fontColor: "#0563C1", underline: true } });
        e.tail.push({ k: "link", ref: toA1(p.row, p.col), location: `${quoteSheet(a.targetSheet)}!${a.targetAddress}`, file: a.targetFile });
        return;
      }
      case "merge":
        this.sheetInfo(a.sheet);
        this.edit(a.sheet).tail.push({ k: "merge", range: rangeToA1(parseRange(a.range)) });
        return;
      case "freeze":
        this.sheetInfo(a.sheet);
        this.edit(a.sheet).freeze = { rows: Math.max(0, Math.floor(a.rows)), cols: Math.max(0, Math.floor(a.cols)) };
        return;
      case "columnWidths": {
        this.sheetInfo(a.sheet);
        const e = this.edit(a.sheet);
        for (const w of a.widths) if (Number.isInteger(w.col) && w.col >= 0 && w.col < 16384 && Number.isFinite(w.width) && w.width > 0) e.widths.set(w.col, Math.min(255, w.width));
        return;
      }
      case "autoFilter":
        this.sheetInfo(a.sheet);
        this.edit(a.sheet).autoFilter = rangeToA1(parseRange(a.range));
        return;
      case "chart": {
        // A real chart part (a drawing anchored at `anchor`), over a data range with a header row and a label column.
        this.sheetInfo(a.sheet);
        const r = parseRange(a.dataRange);
        fromA1(a.anchor);
        if (r.bottom > r.top && r.right > r.left) this.edit(a.sheet).charts.push(a);
        return;
      }
      case "dataBar":
        this.sheetInfo(a.sheet);
        this.edit(a.sheet).dataBars.push({ range: rangeToA1(parseRange(a.range)), color: a.color });
        return;
      case "printTitles":
        return this.printTitles(a.sheet, a.firstRow, a.lastRow);
      case "validationList":
        this.sheetInfo(a.sheet);
        this.edit(a.sheet).validations.push({ range: rangeToA1(parseRange(a.range)), values: a.values });
        return;
      default: {
        const never: never = a;
        throw new Error(`unknown plan action ${(never as { kind: string }).kind}`);
      }
    }
  }

  // ---------------------------------------------------------------- workbook.xml

  private workbookXml(): string {
    return this.pkg.text(this.info().part);
  }

  private setWorkbookXml(xml: string): void {
    this.pkg.setText(this.info().part, xml);
    this.infoCache = null;
  }

  private relPrefix(xml: string): { xml: string; p: string } {
    const m = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml);
    if (m) return { xml, p: m[1] };
    return { xml: xml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${"http://schemas.openxmlformats.org/officeDocument/2006/relationships"}"`), p: "r" };
  }

  private addSheet(name: string, visibility: "visible" | "hidden" | "veryHidden", tabColor: string | undefined, activate: boolean): void {
    if (this.info().sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet already exists: ${name}`);
    const wbPart = this.info().part;
    const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
    this.pkg.setText(part, WORKSHEET_TEMPLATE(tabColor));
    this.pkg.addOverride(part, CT.worksheet);
    const rid = this.pkg.addRel(wbPart, REL.worksheet, relativeTarget(wbPart, part));
    const { xml, p: rp } = this.relPrefix(this.workbookXml());
    const wp = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
    const id = maxOf(this.info().sheets.map((s) => s.sheetId), 0) + 1;
    const el = `<${wp}sheet name="${esc(name)}" sheetId="${id}"${visibility !== "visible" ? ` state="${visibility}"` : ""} ${rp}:id="${rid}"/>`;
    let next: string;
    const sp = elementSpan(xml, `${wp}sheets`);
    if (sp && !sp.selfClosing) {
      const close = xml.lastIndexOf(`</${wp}sheets>`, sp.end);
      next = xml.slice(0, close) + el + xml.slice(close);
    } else if (sp) next = xml.slice(0, sp.start) + `<${wp}sheets>${el}</${wp}sheets>` + xml.slice(sp.end);
    else next = xml.replace(/<\/(\w+:)?workbook>/, (c) => `<${wp}sheets>${el}</${wp}sheets>${c}`);
    const index = this.info().sheets.length;
    if (activate) next = this.setActiveTab(next, index);
    this.setWorkbookXml(next);
    const e = this.edit(name);
    e.added = true;
    e.visible = visibility === "visible";
    if (activate) {
      e.tabSelected = true;
      for (const s of this.info().sheets) if (s.name !== name && s.kind === "worksheet") this.edit(s.name).tabSelected = false;
    }
  }

  private setActiveTab(xml: string, index: number): string {
    const bv = /<(\w+:)?workbookView\b[^>]*>/.exec(xml);
    if (!bv) {
      const wp = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
      return xml.replace(new RegExp(`<${wp}sheets[\\s>/]`), (m) => `<${wp}bookViews><${wp}workbookView activeTab="${index}"/></${wp}bookViews>${m}`);
    }
    return xml.replace(bv[0], () => setAttr(bv[0], "activeTab", String(index)));
  }

  private isOwnSheet(name: string): boolean {
    if (OWN_SHEET_NAMES.includes(name)) return true;
    if (/^(校验结果|领导汇总|运行记录|_jixiao) \(\d+\)$/.test(name)) return true;
    const state = this.info().sheets.find((s) => s.name === STATE_SHEET);
    if (!state) return false;
    const snap = readSheet(this.pkg, state, this.sst(), this.styles(), false);
    return readState({ name: "", sheets: [snap] }).run?.sheets.includes(name) ?? false;
  }

  private deleteSheet(name: string): void {
    const info = this.info();
    const index = info.sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    if (!this.isOwnSheet(name)) throw new Error(`refusing to delete a sheet the add-in did not create: ${name}`);
    const sheet = info.sheets[index];
    let xml = this.workbookXml();
    const wp = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
    const sp = elementSpan(xml, `${wp}sheets`);
    if (sp) {
      const spans = allSpans(xml, `${wp}sheet`, sp.openEnd, sp.end);
      const s = spans[index];
      if (s) xml = xml.slice(0, s.start) + xml.slice(s.end);
    }
    // Names local to later sheets keep pointing at their sheet; names local to this one go.
    xml = xml.replace(/<((?:\w+:)?definedName)\b([^>]*)>([\s\S]*?)<\/\1>|<(?:\w+:)?definedName\b[^>]*\/>/g, (el) => {
      const open = el.slice(0, el.indexOf(">") + 1);
      const id = rawAttr(open, "localSheetId");
      if (id === undefined) return el;
      const n = Number(id);
      if (n === index) return "";
      if (n > index) return setAttr(open, "localSheetId", String(n - 1)) + el.slice(open.length);
      return el;
    });
    xml = xml.replace(/<(?:\w+:)?definedNames\b[^>]*>\s*<\/(?:\w+:)?definedNames>/, "");
    const remaining = info.sheets.filter((_, i) => i !== index);
    const bv = /<(\w+:)?workbookView\b[^>]*>/.exec(xml);
    if (bv) {
      let tag = bv[0];
      const active = Number(rawAttr(tag, "activeTab") ?? 0);
      if (active > index) tag = setAttr(tag, "activeTab", String(active - 1));
      else if (active === index) {
        const firstVisible = Math.max(0, remaining.findIndex((s) => s.state === "visible"));
        tag = setAttr(tag, "activeTab", String(firstVisible));
      }
      const first = Number(rawAttr(tag, "firstSheet") ?? 0);
      if (first > index || first >= remaining.length) tag = setAttr(tag, "firstSheet", String(Math.max(0, Math.min(first - 1, remaining.length - 1))));
      xml = xml.replace(bv[0], () => tag);
    }
    this.setWorkbookXml(xml);
    this.pkg.removeRel(info.part, sheet.rid);
    if (sheet.part) {
      // The add-in's own sheet: its notes, drawing and charts go with it.
      const drop = (p: string) => {
        this.pkg.remove(p);
        this.pkg.removeOverride(p);
      };
      for (const r of this.pkg.rels(sheet.part)) {
        if (!r.part || !/\/(comments|vmlDrawing|drawing)$/.test(r.type)) continue;
        const p = this.pkg.find(r.part);
        if (!p) continue;
        if (r.type.endsWith("/drawing")) {
          for (const c of this.pkg.rels(p)) {
            const cp = c.part && /\/chart$/.test(c.type) ? this.pkg.find(c.part) : null;
            if (cp) drop(cp);
          }
          if (this.pkg.has(relsPathOf(p))) this.pkg.remove(relsPathOf(p));
        }
        drop(p);
      }
      const rels = relsPathOf(sheet.part);
      if (this.pkg.has(rels)) this.pkg.remove(rels);
      this.pkg.remove(sheet.part);
      this.pkg.removeOverride(sheet.part);
    }
    this.edits.delete(name);
    this.lastOps = null;
    this.comments.delete(name);
  }

  private printTitles(sheet: string, firstRow: number, lastRow: number): void {
    this.sheetInfo(sheet);
    const index = this.info().sheets.findIndex((s) => s.name === sheet);
    let xml = this.workbookXml();
    const wp = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
    const el = `<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(`${quoteSheet(sheet)}!$${firstRow + 1}:$${lastRow + 1}`)}</${wp}definedName>`;
    const re = /<((?:\w+:)?definedName)\b([^>]*)>([\s\S]*?)<\/\1>/g;
    let replaced = false;
    xml = xml.replace(re, (m, _t, a: string) => {
      const at = attrs(`<x ${a}>`);
      if (at.name === "_xlnm.Print_Titles" && at.localSheetId === String(index)) {
        replaced = true;
        return el;
      }
      return m;
    });
    if (!replaced) {
      const dn = elementSpan(xml, `${wp}definedNames`);
      if (dn && !dn.selfClosing) {
        const close = xml.lastIndexOf(`</${wp}definedNames>`, dn.end);
        xml = xml.slice(0, close) + el + xml.slice(close);
      } else {
        const block = `<${wp}definedNames>${el}</${wp}definedNames>`;
        if (dn) xml = xml.slice(0, dn.start) + block + xml.slice(dn.end);
        else {
          // definedNames follows sheets / functionGroups / externalReferences.
          let at = -1;
          for (const after of ["externalReferences", "functionGroups", "sheets"]) {
            const s = elementSpan(xml, `${wp}${after}`);
            if (s) {
              at = s.end;
              break;
            }
          }
          xml = at < 0 ? xml : xml.slice(0, at) + block + xml.slice(at);
        }
      }
    }
    this.setWorkbookXml(xml);
  }

  // ---------------------------------------------------------------- flush

  private fitRows(e: SheetEdit): void {
    // Wrapped text on our own sheets gets rows tall enough (what Office.js does with autofitRows).
    for (const [row, cols] of e.cells) {
      let lines = 1;
      for (const [col, ops] of cols) {
        let v: PlanValue = null;
        let wrap = false;
        for (const o of opsList(ops)) {
          if (isValueOp(o)) v = o;
          else if (o.k === "format" && o.f.wrap !== undefined) wrap = o.f.wrap;
        }
        if (!wrap || typeof v !== "string") continue;
        const width = Math.max(1, (e.widths.get(col) ?? 8.43) - 1);
        lines = Math.max(lines, v.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / width)), 0));
      }
      if (lines > 1) e.heights.set(row, Math.max(e.heights.get(row) ?? 0, 15 * Math.min(lines, 27)));
    }
  }

  private flush(): void {
    for (const [name, e] of this.edits) {
      const info = this.info().sheets.find((s) => s.name === name);
      if (!info?.part) continue;
      if (e.added && e.visible) this.fitRows(e);
      const legacyRid = this.flushComments(info);
      const drawingRid = this.flushCharts(info, e);
      this.patchSheet(info, e, legacyRid, drawingRid);
    }
    this.edits.clear();
    this.lastOps = null;
    const styles = this.stylesCache;
    if (styles?.changed) {
      const part = this.stylesPart as string;
      if (!styles.existed) {
        const wb = this.info().part;
        this.pkg.addRel(wb, REL.styles, relativeTarget(wb, part));
        this.pkg.addOverride(part, CT.styles);
      }
      this.pkg.setText(part, styles.toXml());
      this.stylesCache = new Styles(this.pkg.text(part));
    }
    if (this.dropCalcChain) this.removeCalcChain();
  }

  /** The sheet's charts as chart parts in its drawing (a new drawing part when it has none); returns a new drawing relationship id. */
  private flushCharts(info: SheetInfo, e: SheetEdit): string | null {
    if (!e.charts.length) return null;
    const sheetPart = info.part as string;
    const rel = this.pkg.rels(sheetPart).find((r) => r.type.endsWith("/drawing") && r.part);
    let drawing = rel?.part ? this.pkg.find(rel.part) : null;
    let newRid: string | null = null;
    if (!drawing) {
      drawing = this.pkg.freeName("xl/drawings/drawing", ".xml");
      this.pkg.setText(drawing, EMPTY_DRAWING);
      this.pkg.addOverride(drawing, DRAWING_CT);
      newRid = this.pkg.addRel(sheetPart, `${"http://schemas.openxmlformats.org/officeDocument/2006/relationships"}/drawing`, relativeTarget(sheetPart, drawing));
    }
    let xml = this.pkg.text(drawing);
    const prefix = /<(\w+:)?wsDr\b/.exec(xml)?.[1] ?? "xdr:";
    let id = 1;
    for (const m of xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)) id = Math.max(id, Number(m[1]));
    let anchors = "";
    for (const a of e.charts) {
      const chart = this.pkg.freeName("xl/charts/chart", ".xml");
      this.pkg.setText(chart, chartXml(a, (row, col) => {
        // The value the plan leaves in the cell (the chart's data is the add-in's own cells).
        const ops = e.cells.get(row)?.get(col);
        let v: PlanValue | undefined;
        for (const o of opsList(ops)) if (isValueOp(o)) v = o;
        return v;
      }));
      this.pkg.addOverride(chart, CHART_CT);
      const rid = this.pkg.addRel(drawing, `${"http://schemas.openxmlformats.org/officeDocument/2006/relationships"}/chart`, relativeTarget(drawing, chart));
      anchors += chartAnchor(a, rid, ++id);
    }
    if (prefix !== "xdr:") anchors = anchors.replace(/<(\/?)xdr:/g, `<$1${prefix}`);
    if (!/xmlns:a="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/main"/.test(xml)) xml = xml.replace(/<((?:\w+:)?wsDr)\b/, '<$1 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"');
    xml = /<(\w+:)?wsDr\b[^>]*\/>/.test(xml) ? xml.replace(/<((?:\w+:)?wsDr)\b([^>]*)\/>/, (_m, t: string, at: string) => `<${t}${at}>${anchors}</${t}>`) : xml.replace(/<\/((?:\w+:)?wsDr)>\s*$/, (_m, t: string) => `${anchors}</${t}>`);
    this.pkg.setText(drawing, xml);
    return newRid;
  }

  /** A formula cell was overwritten: Excel rebuilds its calculation chain when the part is absent. */
  private removeCalcChain(): void {
    const wb = this.info().part;
    for (const r of this.pkg.rels(wb)) {
      if (r.type !== REL.calcChain && !r.type.endsWith("/calcChain")) continue;
      const p = r.part ? this.pkg.find(r.part) : null;
      if (p) {
        this.pkg.remove(p);
        this.pkg.removeOverride(p);
      }
      this.pkg.removeRel(wb, r.id);
    }
    this.dropCalcChain = false;
  }

  private patchSheet(info: SheetInfo, e: SheetEdit, legacyRid: string | null, drawingRid: string | null = null): void {
    const part = info.part as string;
    const styles = this.styles();
    // The rows with cells or heights, in order (plans write rows in order: usually no sort).
    const rowKeys = Array.from(e.cells.keys());
    for (const h of e.heights.keys()) if (!e.cells.has(h)) rowKeys.push(h);
    for (let i = 1; i < rowKeys.length; i++) {
      if (rowKeys[i] < rowKeys[i - 1]) {
        rowKeys.sort((a, b) => a - b);
        break;
      }
    }
    let ki = 0;
    let prefix = "";
    let maxRow = -1;
    let maxCol = -1;
    for (const [r, cols] of e.cells) {
      if (r > maxRow) maxRow = r;
      const c = cols.maxKey();
      if (c > maxCol) maxCol = c;
    }
    const needsRelNs = drawingRid !== null || (legacyRid !== null && !legacyRid.startsWith("remove:")) || e.tail.some((t) => t.k === "link" && t.file);

    // A1 references of new cells, the column letters made once per column.
    const letters: string[] = [];
    const ref = (row: number, col: number) => (letters[col] ??= colToLetters(col)) + String(row + 1);
    // ops: the cell's own; spans: its row's format spans (those over the cell come after its own ops).
    const applyOps = (tok: CellToken | null, rowXml: string, row: number, col: number, ops: Ops | undefined, cleared: boolean, spans: Span[] | null): string => {
      let s = tok?.s ?? 0;
      let keep = tok !== null;
      let v: PlanValue = null;
      if (cleared) {
        s = 0;
        keep = false;
      }
      const many = Array.isArray(ops);
      const n = many ? ops.length : ops === undefined ? 0 : 1;
      for (let i = 0; i < n; i++) {
        const o = many ? ops[i] : (ops as Op);
        if (isValueOp(o)) {
          keep = false;
          v = o;
        } else if (o.k === "format") s = styles.derive(s, o.f);
        else s = styles.withFill(s, o.fill, o.apply);
      }
      if (spans !== null) {
        for (let i = 0; i < spans.length; i += 3) {
          const left = spans[i] as number;
          if (left > col || col > (spans[i + 1] as number)) continue;
          const o = spanOp(spans, i, col);
          if (isValueOp(o)) {
            keep = false;
            v = o;
          } else if (o.k === "format") s = styles.derive(s, o.f);
          else s = styles.withFill(s, o.fill, o.apply);
        }
      }
      if (tok && keep) {
        let x = rowXml.slice(tok.start, tok.end);
        if (!tok.hasRef) x = setAttr(x.slice(0, tok.openEnd - tok.start), "r", ref(row, col)) + x.slice(tok.openEnd - tok.start);
        if (s === tok.s) return x;
        const openLen = x.indexOf(">") + 1;
        return setAttr(x.slice(0, openLen), "s", s ? String(s) : null) + x.slice(openLen);
      }
      if (tok && findOpen(rowXml.slice(tok.openEnd, tok.end), `${prefix}f`) >= 0) this.dropCalcChain = true;
      return cellXml(ref(row, col), s, v, prefix);
    };

    const newRow = (r: number): string => {
      const cols = e.cells.get(r);
      let cells = "";
      if (cols) for (const c of cols.sortedKeys()) cells += applyOps(null, "", r, c, cols.own(c), false, cols.spans());
      const h = e.heights.get(r);
      if (!cells && h === undefined) return "";
      return `<${prefix}row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells}</${prefix}row>`;
    };

    let rowClose = "</row>";
    let cellSpace = "<c ";
    // Read and written in pieces: neither the input nor the output sheet is ever whole in memory.
    const writer = this.pkg.writer(part);
    // Built in place as bytes; handed to the writer in pieces of at most PIECE (bounded memory for huge sheets).
    const bytes = new ByteOut(Math.min(this.pkg.sizeHint(part) + (1 << 16), PIECE) * 1.25);
    const emit: SheetOut = {
      text: (s) => {
        bytes.text(s);
        if (bytes.length > PIECE) writer.push(bytes.take());
      },
      bytes: (b) => {
        bytes.bytes(b);
        if (bytes.length > PIECE) writer.push(bytes.take());
      },
    };

    visitSheet(
      (sink) => this.pkg.stream(part, sink),
      {
        head: (xml, p) => {
          prefix = p;
          rowClose = `</${p}row>`;
          cellSpace = `<${p}c `;
          return this.patchHead(xml, p, e, maxRow, maxCol, needsRelNs);
        },
        row: (buf, start, te, end, r, splice, hasR) => {
          let pre = "";
          while (ki < rowKeys.length && rowKeys[ki] < r) pre += newRow(rowKeys[ki++]);
          if (ki < rowKeys.length && rowKeys[ki] === r) ki++;
          const ops = e.cells.get(r);
          const clearing = e.clears.length > 0 && e.clears.some((c) => r >= c.top && r <= c.bottom);
          const h = e.heights.get(r);
          if (!ops && !clearing && h === undefined) {
            if (hasR) {
              if (pre) splice(start, start, pre);
            } else splice(start, te, pre + setAttr(buf.slice(start, te), "r", String(r + 1)));
            return;
          }
          // The common case: new cells right of the row's last cell, nothing cleared — appended without re-parsing the row.
          if (ops && !clearing && h === undefined && hasR && buf.charCodeAt(te - 2) !== 47) {
            const lastC = buf.lastIndexOf(cellSpace, end - cellSpace.length);
            const tag = lastC >= start ? buf.slice(lastC, buf.indexOf(">", lastC) + 1) : null;
            const m = tag !== null ? /^<[\w:]*c\s[^>]*?\br\s*=\s*["']([A-Za-z]+\d+)["']/.exec(tag) : null;
            const refCol = m ? refColumn(m[1]) : -1;
            const lastCol = tag === null ? -1 : refCol >= 0 ? refCol : Infinity;
            const bodyEnd = end - rowClose.length;
            if (ops.minKey() > lastCol && bodyEnd >= start && buf.startsWith(rowClose, bodyEnd)) {
              let cells = "";
              const spans = ops.spans();
              for (const c of ops.sortedKeys()) cells += applyOps(null, "", r, c, ops.own(c), false, spans);
              // The open tag without its spans (only that attribute cut out: the rest is copied as it is).
              if (pre) splice(start, start, pre);
              const at = attrAt(buf, start, te, "spans");
              if (at >= 0) splice(at, attrEnd, "");
              splice(bodyEnd, bodyEnd, cells);
              return;
            }
          }
          const xml = buf.slice(start, end);
          const rte = te - start;
          let open = setAttr(setAttr(xml.slice(0, rte), "spans", null), "r", String(r + 1));
          if (h !== undefined) open = setAttr(setAttr(open, "ht", String(h)), "customHeight", "1");
          open = open.replace(/\s*\/>$/, ">");
          const out: { col: number; xml: string }[] = [];
          const seen = new Set<number>();
          for (const tok of rowCells(xml, prefix)) {
            if (seen.has(tok.col)) continue;
            seen.add(tok.col);
            const has = ops?.has(tok.col) === true;
            const cellOps = has ? ops?.own(tok.col) : undefined;
            const cleared = clearing && e.clears.some((c) => inRange(c, r, tok.col));
            if (!has && !cleared && tok.hasRef) {
              out.push({ col: tok.col, xml: xml.slice(tok.start, tok.end) });
              continue;
            }
            const x = applyOps(tok, xml, r, tok.col, cellOps, cleared, has ? (ops?.spans() ?? null) : null);
            if (x) out.push({ col: tok.col, xml: x });
          }
          if (ops) {
            for (const col of ops.keys()) {
              if (seen.has(col)) continue;
              const x = applyOps(null, "", r, col, ops.own(col), false, ops.spans());
              if (x) out.push({ col, xml: x });
            }
          }
          out.sort((a, b) => a.col - b.col);
          splice(start, end, pre + open + out.map((c) => c.xml).join("") + rowClose);
        },
        endRows: () => {
          let rest = "";
          while (ki < rowKeys.length) rest += newRow(rowKeys[ki++]);
          return rest;
        },
        tail: (xml) => this.patchTail(info, xml, prefix, e, legacyRid, drawingRid),
      },
      emit,
      this.pkg.codec,
    );
    if (bytes.length) writer.push(bytes.take(false));
    writer.set();
  }

  private patchHead(head: string, p: string, e: SheetEdit, maxRow: number, maxCol: number, needsRelNs: boolean): string {
    let x = head;
    if (needsRelNs && !/xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(x)) {
      x = x.replace(/<((?:\w+:)?worksheet)\b/, '<$1 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    }
    const close = `<${p}sheetData`;
    if (maxRow >= 0) {
      const d = /<(?:\w+:)?dimension\b[^>]*>/.exec(x);
      if (d) {
        const ref = attrs(d[0]).ref;
        const old = ref ? safeRange(ref) : null;
        const r: CellRange = old ? { top: Math.min(old.top, 0), left: Math.min(old.left, 0), bottom: Math.max(old.bottom, maxRow), right: Math.max(old.right, maxCol) } : { top: 0, left: 0, bottom: maxRow, right: Math.max(0, maxCol) };
        x = x.replace(d[0], () => setAttr(d[0], "ref", rangeToA1({ ...r, top: old ? old.top : 0, left: old ? old.left : 0 })));
      }
    }
    if (e.freeze || e.tabSelected !== undefined) {
      let sv = elementSpan(x, `${p}sheetViews`);
      if (!sv) {
        x = insertAt(x, HEAD_ORDER, "sheetViews", p, `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>`, close);
        sv = elementSpan(x, `${p}sheetViews`);
      }
      const v = sv ? elementSpan(x, `${p}sheetView`, sv.openEnd) : null;
      if (v && sv && v.start < sv.end) {
        let open = x.slice(v.start, v.openEnd).replace(/\s*\/>$/, ">");
        let inner = v.selfClosing ? "" : x.slice(v.openEnd, v.end - `</${p}sheetView>`.length);
        if (e.tabSelected !== undefined) open = setAttr(open, "tabSelected", e.tabSelected ? "1" : null);
        if (e.freeze) {
          inner = inner.replace(/<(?:\w+:)?pane\b[^>]*\/>/g, "").replace(/<(?:\w+:)?selection\b[^>]*\/>/g, "");
          const { rows, cols } = e.freeze;
          if (rows > 0 || cols > 0) {
            const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
            const tl = toA1(rows, cols);
            inner = `<${p}pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${tl}" activePane="${pane}" state="frozen"/><${p}selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>` + inner;
          }
        }
        x = x.slice(0, v.start) + open + inner + `</${p}sheetView>` + x.slice(v.end);
      }
    }
    if (e.widths.size) {
      const cs = elementSpan(x, `${p}cols`);
      type Col = { min: number; max: number; open: string };
      const cols: Col[] = [];
      if (cs && !cs.selfClosing) {
        for (const s of allSpans(x, `${p}col`, cs.openEnd, cs.end)) {
          const tag = x.slice(s.start, s.openEnd).replace(/>$/, "/>").replace(/\/\/>$/, "/>");
          const a = attrs(tag);
          cols.push({ min: Number(a.min) || 1, max: Number(a.max) || Number(a.min) || 1, open: tag });
        }
      }
      for (const [c0, width] of e.widths) {
        const c = c0 + 1;
        const i = cols.findIndex((k) => k.min <= c && c <= k.max);
        const w = (tag: string) => setAttr(setAttr(tag, "width", String(width)), "customWidth", "1");
        if (i < 0) {
          cols.push({ min: c, max: c, open: w(`<${p}col min="${c}" max="${c}"/>`) });
          continue;
        }
        const k = cols[i];
        const piece = (min: number, max: number, tag: string): Col => ({ min, max, open: setAttr(setAttr(tag, "min", String(min)), "max", String(max)) });
        const parts: Col[] = [];
        if (k.min < c) parts.push(piece(k.min, c - 1, k.open));
        parts.push(piece(c, c, w(k.open)));
        if (c < k.max) parts.push(piece(c + 1, k.max, k.open));
        cols.splice(i, 1, ...parts);
      }
      cols.sort((a, b) => a.min - b.min);
      const el = `<${p}cols>${cols.map((k) => k.open).join("")}</${p}cols>`;
      x = upsert(x, HEAD_ORDER, "cols", p, el, close);
    }
    return x;
  }

  private patchTail(info: SheetInfo, tail: string, p: string, e: SheetEdit, legacyRid: string | null, drawingRid: string | null): string {
    let x = tail;
    const end = `</${p}worksheet>`;
    const part = info.part as string;
    const hasMergeOps = e.tail.some((t) => t.k === "merge" || t.k === "clear");
    const hasLinkOps = e.tail.some((t) => t.k === "link" || t.k === "clear");
    if (hasMergeOps) {
      const ms = elementSpan(x, `${p}mergeCells`);
      let merges: string[] = [];
      if (ms && !ms.selfClosing) merges = allSpans(x, `${p}mergeCell`, ms.openEnd, ms.end).map((s) => attrs(x.slice(s.start, s.openEnd)).ref ?? "").filter(Boolean);
      const before = merges.join(",");
      for (const t of e.tail) {
        if (t.k === "clear") merges = merges.filter((m) => {
          const r = safeRange(m);
          return !r || !inside(r, t.r);
        });
        else if (t.k === "merge") {
          const r = parseRange(t.range);
          if (r.top === r.bottom && r.left === r.right) continue;
          // Never over a merged area already there (the user's): the merge is left out.
          if (merges.some((m) => {
            const o = safeRange(m);
            return o !== null && overlaps(o, r);
          })) continue;
          merges.push(t.range);
        }
      }
      if (merges.join(",") !== before) {
        const el = merges.length ? `<${p}mergeCells count="${merges.length}">${merges.map((m) => `<${p}mergeCell ref="${esc(m)}"/>`).join("")}</${p}mergeCells>` : null;
        x = upsert(x, TAIL_ORDER, "mergeCells", p, el, end);
      }
    }
    if (hasLinkOps) {
      const hs = elementSpan(x, `${p}hyperlinks`);
      let links: { ref: string; xml: string; rid?: string }[] = [];
      if (hs && !hs.selfClosing) {
        links = allSpans(x, `${p}hyperlink`, hs.openEnd, hs.end).map((s) => {
          const el = x.slice(s.start, s.end);
          const a = attrs(el.slice(0, el.indexOf(">") + 1));
          const ridKey = Object.keys(a).find((k) => /:id$/.test(k));
          return { ref: (a.ref ?? "").toUpperCase(), xml: el, rid: ridKey ? a[ridKey] : undefined };
        });
      }
      const before = links.length;
      let changed = false;
      const drop = (keep: (l: { ref: string; rid?: string }) => boolean) => {
        links = links.filter((l) => {
          if (keep(l)) return true;
          if (l.rid) this.pkg.removeRel(part, l.rid);
          changed = true;
          return false;
        });
      };
      for (const t of e.tail) {
        if (t.k === "clear") drop((l) => {
          const r = safeRange(l.ref.split(":")[0]);
          return !r || !inRange(t.r, r.top, r.left);
        });
        else if (t.k === "link") {
          drop((l) => l.ref !== t.ref);
          let el: string;
          if (t.file) {
            // The cell in the other workbook as the target's fragment (what Office.js and ExcelJS write; Excel and LibreOffice open it there).
            const rid = this.pkg.addRel(part, REL.hyperlink, `${t.file}#${t.location}`, true);
            el = `<${p}hyperlink ref="${t.ref}" r:id="${rid}"/>`;
            links.push({ ref: t.ref, xml: el, rid });
          } else {
            el = `<${p}hyperlink ref="${t.ref}" location="${esc(t.location)}"/>`;
            links.push({ ref: t.ref, xml: el });
          }
          changed = true;
        }
      }
      if (changed || links.length !== before) x = upsert(x, TAIL_ORDER, "hyperlinks", p, links.length ? `<${p}hyperlinks>${links.map((l) => l.xml).join("")}</${p}hyperlinks>` : null, end);
    }
    if (e.autoFilter) x = upsert(x, TAIL_ORDER, "autoFilter", p, `<${p}autoFilter ref="${e.autoFilter}"/>`, end);
    if (e.dataBars.length) {
      let priority = 0;
      for (const m of x.matchAll(/priority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
      const els = e.dataBars
        .map((d) => `<${p}conditionalFormatting sqref="${d.range}"><${p}cfRule type="dataBar" priority="${++priority}"><${p}dataBar><${p}cfvo type="num" val="0"/><${p}cfvo type="max"/><${p}color rgb="FF${d.color.replace(/^#/, "").toUpperCase()}"/></${p}dataBar></${p}cfRule></${p}conditionalFormatting>`)
        .join("");
      const all = allSpans(x, `${p}conditionalFormatting`);
      if (all.length) {
        const at = all[all.length - 1].end;
        x = x.slice(0, at) + els + x.slice(at);
      } else x = insertAt(x, TAIL_ORDER, "conditionalFormatting", p, els, end);
    }
    if (e.validations.length) {
      const els = e.validations
        .map((v) => {
          const items: string[] = [];
          let len = 2;
          for (const raw of v.values) {
            const s = raw.replace(/[",]/g, "");
            if (!s) continue;
            // A literal list is limited to 255 characters in Excel.
            if (len + s.length + (items.length ? 1 : 0) > 255) break;
            len += s.length + (items.length ? 1 : 0);
            items.push(s);
          }
          return `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="${v.range}"><${p}formula1>${esc(`"${items.join(",")}"`)}</${p}formula1></${p}dataValidation>`;
        })
        .join("");
      const dv = elementSpan(x, `${p}dataValidations`);
      if (dv && !dv.selfClosing) {
        const close = x.lastIndexOf(`</${p}dataValidations>`, dv.end);
        x = x.slice(0, close) + els + x.slice(close);
        const dv2 = elementSpan(x, `${p}dataValidations`) as NonNullable<ReturnType<typeof elementSpan>>;
        const n = allSpans(x, `${p}dataValidation`, dv2.openEnd, dv2.end).length;
        x = x.slice(0, dv2.start) + setAttr(x.slice(dv2.start, dv2.openEnd), "count", String(n)) + x.slice(dv2.openEnd);
      } else x = upsert(x, TAIL_ORDER, "dataValidations", p, `<${p}dataValidations count="${e.validations.length}">${els}</${p}dataValidations>`, end);
    }
    if (drawingRid) x = upsert(x, TAIL_ORDER, "drawing", p, `<${p}drawing r:id="${drawingRid}"/>`, end);
    if (legacyRid?.startsWith("remove:")) {
      const id = legacyRid.slice(7);
      x = x.replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>/g, (el) => (Object.entries(attrs(el)).some(([k, v]) => /:id$/.test(k) && v === id) ? "" : el));
    } else if (legacyRid) x = upsert(x, TAIL_ORDER, "legacyDrawing", p, `<${p}legacyDrawing r:id="${legacyRid}"/>`, end);
    return x;
  }

  save(): Uint8Array {
    return this.pkg.toBytes();
  }
}

export { colToLetters, unesc, PackageError };
export type { CellValue };
