/**
 * Streaming over a worksheet part: the bytes are decoded in chunks and cut into the head
 * (everything before the rows), one `<row>` at a time, and the tail (after `</sheetData>`),
 * so no whole-sheet string or object model is ever built. The same scanner reads the
 * snapshot and writes the patched copy (rows handed back unchanged are copied as they were).
 */
import { isNameEnd } from "./xml";

const CHUNK = 1 << 20;

export interface SheetVisitor {
  /** Everything up to and including the `<sheetData>` open tag (or a self-closing `<sheetData/>`). */
  head(xml: string, prefix: string): string | void;
  /** One row element; r is 0-based. Return a replacement (or nothing to keep it). */
  row(xml: string, r: number): string | void;
  /** Before the close of sheetData: rows to append. */
  endRows?(): string | void;
  /** Everything after `</sheetData>` (or after `<sheetData/>`). */
  tail(xml: string): string | void;
}

export class SheetFormatError extends Error {}

/** Column index (0-based) of an A1 reference's letters, and its row (0-based), or null. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
  }
  if (ref.charCodeAt(i) === 36) i++;
  const row = Number(ref.slice(i));
  if (!col || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

export function rowNumberOf(openTag: string): number | null {
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(openTag);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * Visit a sheet part. `emit` receives the output text in order (unchanged pieces included)
 * when given; without it the visitor only reads.
 */
export function visitSheet(source: Uint8Array | ((sink: (chunk: Uint8Array) => void) => void), v: SheetVisitor, emit?: (s: string) => void): void {
  const dec = new TextDecoder("utf-8", { ignoreBOM: true });
  let buf = "";
  let phase: "head" | "rows" | "tail" = "head";
  let prefix = "";
  let rowTag = "<row";
  let rowClose = "</row>";
  let dataClose = "</sheetData>";
  let lastRow = -1;
  const out = emit ?? (() => undefined);

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
      const pieces: string[] = [];
      for (;;) {
        const lt = buf.indexOf("<", p);
        if (lt < 0) {
          pieces.push(buf.slice(p));
          p = buf.length;
          break;
        }
        if (lt > p) pieces.push(buf.slice(p, lt));
        p = lt;
        if (buf.startsWith(rowTag, lt) && isNameEnd(buf[lt + rowTag.length])) {
          const te = buf.indexOf(">", lt);
          if (te < 0) break;
          let end: number;
          if (buf[te - 1] === "/") end = te + 1;
          else {
            const c = buf.indexOf(rowClose, te);
            if (c < 0) break;
            end = c + rowClose.length;
          }
          const xml = buf.slice(lt, end);
          const n = rowNumberOf(buf.slice(lt, te + 1));
          const r = n ?? lastRow + 1;
          lastRow = r;
          const rep = v.row(xml, r);
          pieces.push(typeof rep === "string" ? rep : xml);
          p = end;
          continue;
        }
        if (buf.startsWith(dataClose, lt)) {
          const rest = v.endRows?.();
          if (typeof rest === "string" && rest) pieces.push(rest);
          pieces.push(dataClose);
          p = lt + dataClose.length;
          phase = "tail";
          break;
        }
        // Anything else inside sheetData (a comment, a processing instruction): copied.
        const te = buf.indexOf(">", lt);
        if (te < 0) break;
        pieces.push(buf.slice(lt, te + 1));
        p = te + 1;
      }
      out(pieces.join(""));
      buf = buf.slice(p);
      if (phase === "rows" && final) throw new SheetFormatError("unterminated sheetData");
    }
    if (phase === "tail" && final) {
      const r = v.tail(buf);
      out(typeof r === "string" ? r : buf);
      buf = "";
    }
  };

  const feed = (chunk: Uint8Array) => {
    buf += dec.decode(chunk, { stream: true });
    if (buf.length >= CHUNK) step(false);
  };
  if (typeof source === "function") source(feed);
  else for (let o = 0; o < source.length; o += CHUNK) feed(source.subarray(o, Math.min(source.length, o + CHUNK)));
  buf += dec.decode();
  step(true);
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
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let p = row.indexOf(">") + 1;
  if (row[p - 2] === "/") return out;
  let col = -1;
  for (;;) {
    let i = row.indexOf(open, p);
    while (i >= 0 && !isNameEnd(row[i + open.length])) i = row.indexOf(open, i + 1);
    if (i < 0) break;
    const te = row.indexOf(">", i);
    if (te < 0) break;
    const tag = row.slice(i, te + 1);
    let end: number;
    if (row[te - 1] === "/") end = te + 1;
    else {
      const c = row.indexOf(close, te);
      end = c < 0 ? row.length : c + close.length;
    }
    let s = 0;
    let t = "n";
    let hasRef = false;
    const re = /\s(r|s|t)\s*=\s*["']([^"']*)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(tag))) {
      if (m[1] === "r") {
        const ref = parseRef(m[2]);
        if (ref) {
          col = ref.col;
          hasRef = true;
        }
      } else if (m[1] === "s") s = Number(m[2]) || 0;
      else t = m[2];
    }
    if (!hasRef) col++;
    out.push({ start: i, openEnd: te + 1, end, col, s, t, hasRef });
    p = end;
  }
  return out;
}
