/**
 * Package → WorkbookSnapshot, read straight from the parts: workbook.xml (sheets, visibility,
 * 1904 dates), sharedStrings (streamed through saxes), styles (number formats), each sheet
 * streamed row by row (values, formula results, number formats, merges). Produces what the
 * ExcelJS and Office.js adapters produce: merged non-master cells are null, formula cells hold
 * their cached result, dates are serial numbers with their format in `formats`.
 */
import type { SaxesParser } from "saxes";
import { saxes } from "./xml";
import type { CellValue, SheetSnapshot } from "../../core/grid";
import { toA1 } from "../../core/address";
import { REL, type Package } from "./package";
import { CellCursor, visitSheet, parseRef } from "./sheet";
import { allSpans, attrs, elementSpan, findOpen, isNameEnd, richText, unesc } from "./xml";
import type { Styles } from "./styles";

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  sheetId: number;
  rid: string;
  /** Part name of the worksheet (null: a chart sheet or a missing part). */
  part: string | null;
  state: Visibility;
  kind: "worksheet" | "other";
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetInfo[];
  date1904: boolean;
}

export class PackageError extends Error {}

export function workbookPart(pkg: Package): string {
  if (!pkg.has("[Content_Types].xml")) throw new PackageError("no [Content_Types].xml: not an Office package");
  const main = pkg.rels("").find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  const part = main?.part ? pkg.find(main.part) : pkg.find("xl/workbook.xml");
  if (!part) throw new PackageError("no workbook part");
  return part;
}

export function readWorkbookInfo(pkg: Package): WorkbookInfo {
  const part = workbookPart(pkg);
  const xml = pkg.text(part);
  const rels = new Map(pkg.rels(part).map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  const sp = elementSpan(xml, "sheets") ?? elementSpan(xml, (/<(\w+:)?sheets[\s>]/.exec(xml)?.[1] ?? "") + "sheets");
  const prefix = /<(\w+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
  if (sp) {
    for (const s of allSpans(xml, `${prefix}sheet`, sp.openEnd, sp.end)) {
      const a = attrs(xml.slice(s.start, s.openEnd));
      const ridKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== "sheetId");
      const rid = ridKey ? a[ridKey] : "";
      const rel = rels.get(rid);
      const kind = rel && (rel.type === REL.worksheet || rel.type.endsWith("/worksheet")) ? "worksheet" : "other";
      const state: Visibility = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      const partName = rel?.part ? pkg.find(rel.part) : null;
      sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId) || 0, rid, part: partName, state, kind });
    }
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  const d = pr ? attrs(pr).date1904 : undefined;
  return { part, sheets, date1904: d === "1" || d === "true" };
}

/** The shared string table: the strict fast reading where it applies, else saxes (the same strings either way). */
export function readSharedStrings(pkg: Package, wbPart: string): string[] {
  const rel = pkg.rels(wbPart).find((r) => r.type === REL.sharedStrings || r.type.endsWith("/sharedStrings"));
  const part = rel?.part ? pkg.find(rel.part) : null;
  if (!part) return [];
  const bytes = pkg.bytes(part);
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  return fastSharedStrings(text) ?? saxSharedStrings(text);
}

/** The shared string table through saxes (rich runs joined, phonetic runs left out); malformed XML throws. */
export function saxSharedStrings(text: string): string[] {
  const out: string[] = [];
  const parser = new (saxes().SaxesParser)({ xmlns: false, position: false } as ConstructorParameters<typeof SaxesParser>[0]);
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  const local = (n: string) => {
    const i = n.indexOf(":");
    return i < 0 ? n : n.slice(i + 1);
  };
  parser.on("opentag", (tag) => {
    const n = local(tag.name);
    if (n === "si") {
      inSi = true;
      cur = "";
    } else if (n === "rPh") phonetic++;
    else if (n === "t" && inSi && !phonetic) inT = !tag.isSelfClosing;
  });
  parser.on("closetag", (tag) => {
    const n = local(tag.name);
    if (n === "si") {
      out.push(cur);
      inSi = false;
    } else if (n === "rPh") phonetic--;
    else if (n === "t") inT = false;
  });
  parser.on("text", (t) => {
    if (inT) cur += t;
  });
  parser.on("cdata", (t) => {
    if (inT) cur += t;
  });
  const CH = 1 << 20;
  for (let o = 0; o < text.length; o += CH) parser.write(text.slice(o, o + CH));
  parser.close();
  return out;
}

const XML_DECL = /^<\?xml version="1\.0"(?: encoding="[A-Za-z][A-Za-z0-9._-]*")?(?: standalone="(?:yes|no)")?\s?\?>/;
/** A start or end tag: names and attributes in the plain form (values without < or &), nothing else. */
const TAG = /<(\/?)([A-Za-z_:][A-Za-z0-9_.:-]*)((?:[ \t\n]+[A-Za-z_:][A-Za-z0-9_.:-]*[ \t\n]*=[ \t\n]*(?:"[^"<&]*"|'[^'<&]*'))*)[ \t\n]*(\/?)>/y;
const isWs = (c: number) => c === 32 || c === 10 || c === 9;
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|]]>/;

/** The text of an entity or character reference (between & and ;), or undefined when saxes should judge it. */
function entity(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35) return ENTITY[name];
  const hex = name.charCodeAt(1) === 120;
  const digits = hex ? name.slice(2) : name.slice(1);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  if (!(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) return undefined;
  return String.fromCodePoint(cp);
}

/**
 * The shared strings of a document in the plain form every spreadsheet program writes —
 * elements, attributes, text with the predefined entities and character references — read
 * by hand, giving exactly what `saxSharedStrings` gives. Anything outside that form (comments,
 * CDATA, processing instructions, a DOCTYPE, carriage returns, characters XML forbids, a
 * malformed or mismatched tag…) gives null, and saxes reads the document (or refuses it).
 */
export function fastSharedStrings(x: string): string[] | null {
  const out: string[] = [];
  const n = x.length;
  let p = 0;
  const decl = XML_DECL.exec(x);
  if (decl) p = decl[0].length;
  else if (x.startsWith("<?")) return null;
  while (p < n && isWs(x.charCodeAt(p))) p++;
  // What XML forbids in character data, anywhere (a carriage return: saxes would normalise it): left to saxes.
  if (FORBIDDEN.test(x)) return null;
  let nextAmp = -1;
  const amp = (from: number) => {
    const i = x.indexOf("&", from);
    return i < 0 ? n : i;
  };
  const stack: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  let rooted = false;
  while (p < n) {
    if (x.charCodeAt(p) !== 60) {
      // Text up to the next tag (characters were checked above; entities here).
      if (!stack.length) return null;
      let q = x.indexOf("<", p);
      if (q < 0) q = n;
      if (nextAmp < p) nextAmp = amp(p);
      let from = p;
      let piece = "";
      while (nextAmp < q) {
        const semi = x.indexOf(";", nextAmp);
        if (semi < 0 || semi > q || semi - nextAmp > 12) return null;
        const rep = entity(x.slice(nextAmp + 1, semi));
        if (rep === undefined) return null;
        if (inT) piece += x.slice(from, nextAmp) + rep;
        from = semi + 1;
        nextAmp = amp(from);
      }
      if (inT) cur += piece + x.slice(from, q);
      p = q;
      continue;
    }
    // The usual tags without the expression (what it would give for them).
    let name: string;
    let attrsText = "";
    let self = false;
    let closing = false;
    const q = x.charCodeAt(p + 1) === 47 ? p + 2 : p + 1;
    const plain = x.startsWith("si>", q) ? "si" : x.startsWith("t>", q) ? "t" : null;
    if (plain !== null) {
      name = plain;
      closing = q === p + 2;
      p = q + plain.length + 1;
    } else {
      TAG.lastIndex = p;
      const m = TAG.exec(x);
      if (!m) return null;
      name = m[2];
      attrsText = m[3];
      self = m[4] === "/";
      closing = m[1] === "/";
      p = TAG.lastIndex;
    }
    if (closing) {
      if (attrsText || self || stack.pop() !== name) return null;
      close(name);
      if (!stack.length) break;
      continue;
    }
    if (!stack.length && rooted) return null;
    if (attrsText && hasDuplicate(attrsText)) return null;
    rooted = true;
    open(name, self);
    if (self) close(name);
    else stack.push(name);
    if (!stack.length) break;
  }
  if (stack.length || !rooted) return null;
  for (; p < n; p++) if (!isWs(x.charCodeAt(p))) return null;
  return out;

  function open(name: string, self: boolean): void {
    const l = local(name);
    if (l === "si") {
      inSi = true;
      cur = "";
    } else if (l === "rPh") phonetic++;
    else if (l === "t" && inSi && !phonetic) inT = !self;
  }
  function close(name: string): void {
    const l = local(name);
    if (l === "si") {
      out.push(cur);
      inSi = false;
    } else if (l === "rPh") phonetic--;
    else if (l === "t") inT = false;
  }
}

function hasDuplicate(attrsText: string): boolean {
  const names = [...attrsText.matchAll(/([A-Za-z_:][A-Za-z0-9_.:-]*)[ \t\n]*=/g)].map((a) => a[1]);
  return new Set(names).size !== names.length;
}

function local(n: string): string {
  const i = n.indexOf(":");
  return i < 0 ? n : n.slice(i + 1);
}


const MS_PER_DAY = 86400000;

function isoToSerial(iso: string, date1904: boolean): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !/T/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round(((t - epoch) / MS_PER_DAY) * 1e8) / 1e8;
}

/** The value of one cell token in its row string. */
export function cellValue(row: string, c: { openEnd: number; end: number; t: string }, prefix: string, sst: string[], date1904: boolean): { value: CellValue; formula: boolean } {
  if (row[c.openEnd - 2] === "/") return { value: null, formula: false };
  const inner = row.slice(c.openEnd, c.end);
  const formula = findOpen(inner, `${prefix}f`) >= 0;
  if (c.t === "inlineStr") {
    const is = elementSpan(inner, `${prefix}is`);
    if (!is) return { value: null, formula };
    return { value: richText(inner.slice(is.start, is.end), prefix), formula };
  }
  const vo = findOpen(inner, `${prefix}v`);
  if (vo < 0) return { value: null, formula };
  const ve = inner.indexOf(">", vo) + 1;
  if (inner[ve - 2] === "/") return { value: null, formula };
  const vc = inner.indexOf(`</${prefix}v>`, ve);
  return { value: valueOf(inner.slice(ve, vc < 0 ? inner.length : vc), c.t, sst, date1904), formula };
}

function valueOf(raw: string, t: string, sst: string[], date1904: boolean): CellValue {
  switch (t) {
    case "s": {
      const s = sst[Number(raw)];
      return s === undefined ? null : s;
    }
    case "str":
      return unesc(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: unesc(raw).trim() };
    case "d":
      return isoToSerial(unesc(raw).trim(), date1904);
    default: {
      const t = raw.trim();
      if (!t) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : null;
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The value of the cell under the cursor, read in place in the sheet text (what `cellValue`
 * gives for the same cell, without slicing it out).
 */
function valueAt(buf: string, c: CellCursor, vOpen: string, vClose: string, prefix: string, sst: string[], date1904: boolean): CellValue {
  const { openEnd, end, t } = c;
  if (buf.charCodeAt(openEnd - 2) === 47) return null;
  if (t === "inlineStr") return cellValue(buf.slice(c.start, end), { openEnd: openEnd - c.start, end: end - c.start, t }, prefix, sst, date1904).value;
  // findOpen(inner, "v") within buf[openEnd, end)
  const n = vOpen.length;
  let vo = buf.indexOf(vOpen, openEnd);
  while (vo >= 0 && vo + n < end && !isNameEnd(buf[vo + n])) vo = buf.indexOf(vOpen, vo + 1);
  if (vo < 0 || vo + n >= end) return null;
  const gt = buf.indexOf(">", vo);
  if (gt < 0 || gt >= end) return cellValue(buf.slice(c.start, end), { openEnd: openEnd - c.start, end: end - c.start, t }, prefix, sst, date1904).value;
  const ve = gt + 1;
  if (buf.charCodeAt(ve - 2) === 47) return null;
  let vc = buf.indexOf(vClose, ve);
  if (vc < 0 || vc + vClose.length > end) vc = end;
  if (t === "s" || t === "n") {
    // Plain digits (the usual shared-string index or whole number): no string made.
    let k = ve;
    const neg = t === "n" && buf.charCodeAt(k) === 45;
    if (neg) k++;
    if (vc - k >= 1 && vc - k <= 15) {
      let x = 0;
      for (; k < vc; k++) {
        const d = buf.charCodeAt(k);
        if (!isDigit(d)) break;
        x = x * 10 + (d - 48);
      }
      if (k === vc) {
        if (t === "n") return neg ? -x : x;
        const s = sst[x];
        return s === undefined ? null : s;
      }
    }
  }
  return valueOf(buf.slice(ve, vc), t, sst, date1904);
}

export interface SheetRead {
  snapshot: SheetSnapshot;
}

/** One worksheet part → its snapshot (values up to the last cell with a value; no full-width rows). */
export function readSheet(pkg: Package, info: SheetInfo, sst: string[], styles: Styles, date1904: boolean): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: Record<string, string> = {};
  const pendingFormats = new Map<string, string>();
  const merges: string[] = [];
  const visibility = info.state;
  if (!info.part || info.kind !== "worksheet" || !pkg.has(info.part)) return { name: info.name, values, merges, formats, visibility };
  let prefix = "";
  let vOpen = "<v";
  let vClose = "</v>";
  const cells = new CellCursor();
  const part = info.part;
  visitSheet((sink) => pkg.stream(part, sink), {
    head(_xml, p) {
      prefix = p;
      vOpen = `<${p}v`;
      vClose = `</${p}v>`;
    },
    row(buf, start, openEnd, end, r) {
      cells.reset(buf, openEnd, end, prefix);
      let line: CellValue[] | undefined;
      while (cells.next()) {
        const value = valueAt(buf, cells, vOpen, vClose, prefix, sst, date1904);
        const fmt = styles.xfFormat[cells.s];
        if (value === null) {
          if (fmt) pendingFormats.set(toA1(r, cells.col), fmt);
          continue;
        }
        if (fmt) formats[toA1(r, cells.col)] = fmt;
        if (!line) {
          while (values.length < r) values.push([]);
          line = values[r] ?? (values[r] = []);
        }
        const col = cells.col;
        while (line.length < col) line.push(null);
        line[col] = value;
      }
    },
    tail(xml) {
      const ms = elementSpan(xml, `${prefix}mergeCells`);
      if (!ms) return;
      for (const s of allSpans(xml, `${prefix}mergeCell`, ms.openEnd, ms.end)) {
        const ref = attrs(xml.slice(s.start, s.openEnd)).ref;
        if (ref && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref)) merges.push(ref.replace(/\$/g, "").toUpperCase());
      }
    },
  }, undefined, pkg.codec);
  // Excel reports a merged area's value only in its top-left cell.
  const touched = new Set<number>();
  const boxes: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const m of merges) {
    const [a, b] = m.split(":");
    const p = parseRef(a);
    const q = b ? parseRef(b) : p;
    if (!p || !q) continue;
    const top = Math.min(p.row, q.row);
    const bottom = Math.max(p.row, q.row);
    const left = Math.min(p.col, q.col);
    const right = Math.max(p.col, q.col);
    for (let r = top; r <= bottom && r < values.length; r++) {
      const line = values[r];
      for (let c = left; c <= right && c < line.length; c++) {
        if (r === top && c === left) continue;
        if (line[c] !== null) {
          line[c] = null;
          touched.add(r);
        }
      }
    }
    boxes.push({ top, bottom, left, right });
  }
  // Empty cells inside a merged area keep their number format (as ExcelJS reports it); the
  // check is bounded so that a pathological file cannot make it quadratic.
  if (pendingFormats.size && boxes.length && pendingFormats.size * boxes.length <= 2e7) {
    for (const [addr, fmt] of pendingFormats) {
      const x = parseRef(addr);
      if (x && boxes.some((b) => x.row >= b.top && x.row <= b.bottom && x.col >= b.left && x.col <= b.right && !(x.row === b.top && x.col === b.left))) formats[addr] = fmt;
    }
  }
  for (const r of touched) {
    const line = values[r];
    while (line.length && line[line.length - 1] === null) line.pop();
  }
  while (values.length && values[values.length - 1].length === 0) values.pop();
  return { name: info.name, values, merges, formats, visibility };
}
