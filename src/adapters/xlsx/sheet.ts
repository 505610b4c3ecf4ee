/**
 * Streaming over a worksheet part: the bytes are decoded (whole when the part is inflated whole,
 * else in chunks) and cut into the head (everything before the rows), one `<row>` at a time, and
 * the tail (after `</sheetData>`), so no object model is ever built. The same scanner reads the
 * snapshot and writes the patched copy: a row is handed over as offsets into the decoded text
 * (no string per row), the visitor splices in what changes, and everything else is copied
 * through as long runs of the original text.
 *
 * The scanning here is by hand over character codes, but each piece does exactly what the
 * regular expressions it replaced did (`/\s(r|s|t)\s*=\s*["']([^"']*)["']/g` for a cell's
 * attributes, `/\sr\s*=\s*["'](\d+)["']/` for a row's number), so that hostile markup reads the
 * same as before; sheet.test.ts checks them against those expressions on generated markup.
 */
import { isNameEnd } from "./xml";
import { asciiText, type Codec, type Sink } from "./zip";

const CHUNK = 1 << 20;

/** Replace `buf[from, to)` with `text` in the output (calls in increasing order within the row). */
export type Splice = (from: number, to: number, text: string) => void;

export interface SheetVisitor {
  /** Everything up to and including the `<sheetData>` open tag (or a self-closing `<sheetData/>`). */
  head(xml: string, prefix: string): string | void;
  /**
   * One row element `buf[start, end)`, its open tag ending before `openEnd`; r is 0-based
   * (`numbered`: the tag says it; else it follows the row before). The row is copied as it is
   * unless `splice` is called (only when writing).
   */
  row(buf: string, start: number, openEnd: number, end: number, r: number, splice: Splice, numbered: boolean): void;
  /** Before the close of sheetData: rows to append. */
  endRows?(): string | void;
  /** Everything after `</sheetData>` (or after `<sheetData/>`). */
  tail(xml: string): string | void;
}

/** Where a patched sheet goes: text, and (for an ASCII part read whole) runs of its own bytes. */
export interface SheetOut {
  text(s: string): void;
  bytes?(b: Uint8Array): void;
}

export class SheetFormatError extends Error {}

/** `\s` of a JavaScript regular expression (no u flag), by character code. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Number(s.slice(a, b)), without the slice for plain digits. */
function numberAt(s: string, a: number, b: number): number {
  if (b > a && b - a <= 15) {
    let n = 0;
    let i = a;
    for (; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (i === b) return n;
  }
  return Number(s.slice(a, b));
}

/** Column of an A1 reference `s[a, b)` (what `parseRef` gives), or -1; the row in `refRow`. */
let refRow = 0;
function refAt(s: string, a: number, b: number): number {
  let col = 0;
  let i = a;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
  }
  const row = numberAt(s, i, b);
  if (!col || !Number.isInteger(row) || row < 1) return -1;
  refRow = row - 1;
  return col - 1;
}

/** The column (0-based) of an A1 reference, or -1 where `parseRef` gives null. */
export function refColumn(ref: string): number {
  return refAt(ref, 0, ref.length);
}

/** Column index (0-based) of an A1 reference's letters, and its row (0-based), or null. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const col = refAt(ref, 0, ref.length);
  return col < 0 ? null : { row: refRow, col };
}

/**
 * After an attribute's name at `q`: `\s*=\s*` and an opening quote before `end`. The quote's
 * offset, or -1 (the part the attribute scanners below share).
 */
function quoteAfter(s: string, q: number, end: number): number {
  let i = q;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  if (i >= end || s.charCodeAt(i) !== 61) return -1;
  i++;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  if (i >= end) return -1;
  const quote = s.charCodeAt(i);
  return quote === 34 || quote === 39 ? i : -1;
}

/**
 * The row number (0-based) in the open tag `s[a, te]` (te: its '>'), or null — the first match of
 * `/\sr\s*=\s*["'](\d+)["']/` in it.
 */
export function rowNumberAt(s: string, a: number, te: number): number | null {
  for (let k = a; k < te; k++) {
    if (s.charCodeAt(k + 1) !== 114 || !isSpace(s.charCodeAt(k))) continue;
    const q = quoteAfter(s, k + 2, te);
    if (q < 0) continue;
    const d = q + 1;
    let e = d;
    while (e < te) {
      const c = s.charCodeAt(e);
      if (c < 48 || c > 57) break;
      e++;
    }
    const close = s.charCodeAt(e);
    if (e === d || e >= te || (close !== 34 && close !== 39)) continue;
    return numberAt(s, d, e) - 1;
  }
  return null;
}

export function rowNumberOf(openTag: string): number | null {
  const te = openTag.lastIndexOf(">");
  return rowNumberAt(openTag, 0, te < 0 ? openTag.length : te);
}

const isNameEndCode = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** End of the attribute `attrAt` found last. */
export let attrEnd = 0;

/**
 * Where the first `name="…"` attribute of the tag `s[a, b)` starts (its end in `attrEnd`), or
 * -1: the match of `/\sname\s*=\s*(?:"[^"]*"|'[^']*')/` in the tag.
 */
export function attrAt(s: string, a: number, b: number, name: string): number {
  const m = name.length;
  const first = name.charCodeAt(0);
  // (Not indexOf: it would search past the tag, to the end of the sheet, when the name is absent.)
  for (let k = a; k + 1 + m <= b; k++) {
    if (s.charCodeAt(k + 1) !== first || !isSpace(s.charCodeAt(k)) || !s.startsWith(name, k + 1)) continue;
    const q = quoteAfter(s, k + 1 + m, b);
    if (q < 0) continue;
    const close = s.indexOf(s.charCodeAt(q) === 34 ? '"' : "'", q + 1);
    if (close < 0 || close >= b) continue;
    attrEnd = close + 1;
    return k;
  }
  return -1;
}

/**
 * `tag` without its first `name="…"` attribute: what
 * `tag.replace(/\sname\s*=\s*(?:"[^"]*"|'[^']*')/, "")` gives (`setAttr(tag, name, null)`).
 */
export function withoutAttr(tag: string, name: string): string {
  const k = attrAt(tag, 0, tag.length, name);
  return k < 0 ? tag : tag.slice(0, k) + tag.slice(attrEnd);
}

/** A cell's `t` attribute, the usual ones without a new string. */
function typeAt(s: string, a: number, b: number): string {
  const n = b - a;
  if (n === 1) {
    const c = s.charCodeAt(a);
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (n === 3 && s.startsWith("str", a)) return "str";
  else if (n === 9 && s.startsWith("inlineStr", a)) return "inlineStr";
  return s.slice(a, b);
}

/**
 * The cells of one row, in order, through one cursor (no object per cell): `next()` moves to
 * the next cell and fills start / openEnd / end (offsets in the text), col (implicit where `r`
 * is missing), s and t — what `rowCells` gives for each.
 */
export class CellCursor {
  start = 0;
  openEnd = 0;
  end = 0;
  col = -1;
  s = 0;
  t = "n";
  hasRef = false;
  private buf = "";
  private p = 0;
  private rowEnd = 0;
  private open = "<c";
  private close = "</c>";

  /** Start on the row `buf[start, rowEnd)` whose open tag ends before `openEnd`. */
  reset(buf: string, openEnd: number, rowEnd: number, prefix: string): this {
    this.buf = buf;
    this.rowEnd = rowEnd;
    if (this.open.length !== prefix.length + 2 || !this.open.startsWith(prefix, 1)) {
      this.open = `<${prefix}c`;
      this.close = `</${prefix}c>`;
    }
    // A self-closing row has no cells.
    this.p = buf.charCodeAt(openEnd - 2) === 47 ? rowEnd : openEnd;
    this.col = -1;
    return this;
  }

  next(): boolean {
    const buf = this.buf;
    const rowEnd = this.rowEnd;
    const open = this.open;
    const n = open.length;
    if (this.p >= rowEnd) return false;
    let i = buf.indexOf(open, this.p);
    while (i >= 0 && i + n < rowEnd && !isNameEndCode(buf.charCodeAt(i + n))) i = buf.indexOf(open, i + 1);
    if (i < 0 || i + n >= rowEnd) return this.done();
    const te = buf.indexOf(">", i);
    if (te < 0 || te >= rowEnd) return this.done();
    let end: number;
    if (buf.charCodeAt(te - 1) === 47) end = te + 1;
    else {
      const c = buf.indexOf(this.close, te);
      end = c < 0 || c + this.close.length > rowEnd ? rowEnd : c + this.close.length;
    }
    let s = 0;
    let t = "n";
    let hasRef = false;
    // /\s(r|s|t)\s*=\s*["']([^"']*)["']/g over the open tag buf[i, te].
    for (let k = i; k < te; k++) {
      const name = buf.charCodeAt(k + 1);
      if ((name !== 114 && name !== 115 && name !== 116) || !isSpace(buf.charCodeAt(k))) continue;
      const q = quoteAfter(buf, k + 2, te);
      if (q < 0) continue;
      const vs = q + 1;
      let ve = vs;
      for (; ve < te; ve++) {
        const c = buf.charCodeAt(ve);
        if (c === 34 || c === 39) break;
      }
      if (ve >= te) continue;
      if (name === 114) {
        const col = refAt(buf, vs, ve);
        if (col >= 0) {
          this.col = col;
          hasRef = true;
        }
      } else if (name === 115) s = numberAt(buf, vs, ve) || 0;
      else t = typeAt(buf, vs, ve);
      k = ve;
    }
    if (!hasRef) this.col++;
    this.start = i;
    this.openEnd = te + 1;
    this.end = end;
    this.s = s;
    this.t = t;
    this.hasRef = hasRef;
    this.p = end;
    return true;
  }

  private done(): false {
    this.p = this.rowEnd;
    return false;
  }
}

export interface CellToken {
  /** Offsets in the row string. */
  start: number;
  openEnd: number;
  end: number;
  col: number;
  s: number;
  t: string;
  hasRef: boolean;
}

/** The cells of a row string, in order (columns implicit where `r` is missing). */
export function rowCells(row: string, prefix: string): CellToken[] {
  const out: CellToken[] = [];
  const c = new CellCursor().reset(row, row.indexOf(">") + 1, row.length, prefix);
  while (c.next()) out.push({ start: c.start, openEnd: c.openEnd, end: c.end, col: c.col, s: c.s, t: c.t, hasRef: c.hasRef });
  return out;
}

/** The text of whole ASCII parts already decoded (the package keeps a sheet's bytes for its second pass). */
const asciiTexts = new WeakMap<Uint8Array, string>();

/**
 * Visit a sheet part. `emit` receives the output in order, in pieces (unchanged runs included)
 * when given; without it the visitor only reads. A part handed over whole that is all ASCII
 * (the usual sheet: its text lives in the shared strings) is scanned as Latin-1 text, where
 * offsets are byte offsets, so unchanged runs go out as the input's own bytes.
 */
export function visitSheet(source: Uint8Array | ((sink: Sink) => void), v: SheetVisitor, emit?: SheetOut | ((s: string) => void), codec?: Codec): void {
  const dec = new TextDecoder("utf-8", { ignoreBOM: true });
  let buf = "";
  // The whole part's bytes when it is ASCII; buf[0] is src[base].
  let src: Uint8Array | null = null;
  let base = 0;
  const sheetOut: SheetOut | undefined = typeof emit === "function" ? { text: emit } : emit;
  const toBytes = sheetOut?.bytes?.bind(sheetOut);
  let phase: "head" | "rows" | "tail" = "head";
  let prefix = "";
  let rowTag = "<row";
  let rowClose = "</row>";
  let dataClose = "</sheetData>";
  let lastRow = -1;
  const writing = sheetOut !== undefined;
  const out = (s: string) => sheetOut?.text(s);
  const copy = (a: number, b: number) => {
    if (src && toBytes) toBytes(src.subarray(base + a, base + b));
    else spliced.push(buf.slice(a, b));
  };
  // Output of the rows phase: buf[copied, …) is still to be copied.
  let copied = 0;
  let spliced: string[] = [];
  let splicedLen = 0;
  const splice: Splice = (from, to, text) => {
    if (!writing) return;
    if (from > copied) {
      if (src && toBytes && spliced.length) flushText();
      copy(copied, from);
    }
    if (text) spliced.push(text);
    copied = to;
    splicedLen += text.length + 64;
  };
  const flushText = () => {
    if (spliced.length) out(spliced.length === 1 ? spliced[0] : spliced.join(""));
    spliced = [];
    splicedLen = 0;
  };
  const flushRows = (upTo: number) => {
    if (!writing) {
      copied = upTo;
      return;
    }
    if (upTo > copied) {
      if (src && toBytes && spliced.length) flushText();
      copy(copied, upTo);
    }
    copied = upTo;
    flushText();
  };

  const step = (final: boolean): void => {
    if (phase === "head") {
      const root = /<(\w+:)?worksheet[\s>]/.exec(buf);
      if (root) prefix = root[1] ?? "";
      const name = `${prefix}sheetData`;
      let i = buf.indexOf(`<${name}`);
      while (i >= 0 && !isNameEnd(buf[i + name.length + 1])) i = buf.indexOf(`<${name}`, i + 1);
      if (i < 0) {
        if (!final) return;
        // A sheet without sheetData (a chart sheet or a damaged part): all head.
        const r = v.head(buf, prefix);
        out(typeof r === "string" ? r : buf);
        buf = "";
        return;
      }
      const e = buf.indexOf(">", i);
      if (e < 0) {
        if (final) throw new SheetFormatError("unterminated sheetData");
        return;
      }
      rowTag = `<${prefix}row`;
      rowClose = `</${prefix}row>`;
      dataClose = `</${prefix}sheetData>`;
      const head = buf.slice(0, e + 1);
      buf = buf.slice(e + 1);
      base += e + 1;
      const r = v.head(head, prefix);
      const headOut = typeof r === "string" ? r : head;
      phase = head.endsWith("/>") ? "tail" : "rows";
      if (phase === "tail") {
        const rest = v.endRows?.();
        if (typeof rest === "string" && rest) out(headOut.replace(/\s*\/>$/, ">") + rest + dataClose);
        else out(headOut);
      } else out(headOut);
    }
    if (phase === "rows") {
      let p = 0;
      copied = 0;
      const rowTagLen = rowTag.length;
      for (;;) {
        const lt = buf.indexOf("<", p);
        if (lt < 0) {
          p = buf.length;
          break;
        }
        p = lt;
        if (buf.startsWith(rowTag, lt) && isNameEndCode(buf.charCodeAt(lt + rowTagLen))) {
          const te = buf.indexOf(">", lt);
          if (te < 0) break;
          let end: number;
          if (buf.charCodeAt(te - 1) === 47) end = te + 1;
          else {
            const c = buf.indexOf(rowClose, te);
            if (c < 0) break;
            end = c + rowClose.length;
          }
          const n = rowNumberAt(buf, lt, te);
          const r = n ?? lastRow + 1;
          lastRow = r;
          v.row(buf, lt, te + 1, end, r, splice, n !== null);
          p = end;
          if (splicedLen > CHUNK) flushRows(p);
          continue;
        }
        if (buf.startsWith(dataClose, lt)) {
          const rest = v.endRows?.();
          if (typeof rest === "string" && rest) splice(lt, lt, rest);
          p = lt + dataClose.length;
          phase = "tail";
          break;
        }
        // Anything else inside sheetData (a comment, a processing instruction): copied.
        const te = buf.indexOf(">", lt);
        if (te < 0) break;
        p = te + 1;
      }
      flushRows(p);
      buf = buf.slice(p);
      base += p;
      if (phase === "rows" && final) throw new SheetFormatError("unterminated sheetData");
    }
    if (phase === "tail" && final) {
      const r = v.tail(buf);
      out(typeof r === "string" ? r : buf);
      buf = "";
    }
  };

  let ended = false;
  let first = true;
  const feed: Sink = (chunk, last) => {
    let ascii = first && last && codec ? (asciiTexts.get(chunk) ?? null) : null;
    if (ascii === null && first && last && codec) {
      ascii = asciiText(chunk, codec);
      if (ascii !== null) asciiTexts.set(chunk, ascii);
    }
    first = false;
    if (ascii !== null) {
      // A plain view (a Node Buffer's subarray costs several times more).
      src = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      buf = ascii;
    }
    // The last piece (a whole part: the only one) is decoded without streaming: several times faster.
    else buf += last ? dec.decode(chunk) : dec.decode(chunk, { stream: true });
    if (last) ended = true;
    if (buf.length >= CHUNK) step(false);
  };
  if (typeof source === "function") source(feed);
  else feed(source, true);
  if (!ended) buf += dec.decode();
  step(true);
}
