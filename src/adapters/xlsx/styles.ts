/**
 * styles.xml: read number formats and fills of cell styles; derive new cell styles from a
 * cell's own (our formats applied) and append them — fonts, fills, borders, number formats
 * and cellXfs are appended at the end of their lists, nothing existing is renumbered.
 * The same derivation is cached, so a million cells with one format share one style.
 */
import type { CellFormat } from "../../core/plan";
import { allSpans, attrs, elementSpan, esc, rawAttr, setAttr } from "./xml";

/** Excel's built-in number formats (the zh-CN variants for the East Asian ids). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

type ListName = "fonts" | "fills" | "borders" | "cellXfs";

interface ColorJson {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

function colorJson(el: string | undefined): ColorJson | undefined {
  if (!el) return undefined;
  const a = attrs(el);
  const c: ColorJson = {};
  if (a.rgb !== undefined) c.argb = a.rgb.toUpperCase();
  if (a.theme !== undefined) c.theme = Number(a.theme);
  if (a.tint !== undefined) c.tint = Number(a.tint);
  if (a.indexed !== undefined) c.indexed = Number(a.indexed);
  if (a.auto !== undefined && !Object.keys(c).length) return undefined;
  return c;
}

function colorXml(tag: string, c: unknown): string {
  if (!c || typeof c !== "object") return "";
  const o = c as ColorJson;
  const parts: string[] = [];
  if (typeof o.argb === "string" && /^[0-9A-Fa-f]{8}$/.test(o.argb)) parts.push(`rgb="${o.argb.toUpperCase()}"`);
  if (typeof o.theme === "number" && Number.isInteger(o.theme)) parts.push(`theme="${o.theme}"`);
  if (typeof o.tint === "number" && Number.isFinite(o.tint)) parts.push(`tint="${o.tint}"`);
  if (typeof o.indexed === "number" && Number.isInteger(o.indexed)) parts.push(`indexed="${o.indexed}"`);
  return parts.length ? `<${tag} ${parts.join(" ")}/>` : "";
}

/** Excel.FillPattern (Office.js) → SpreadsheetML patternType. */
const OFFICE_PATTERNS: Record<string, string> = {
  Solid: "solid", Gray75: "darkGray", Gray50: "mediumGray", Gray25: "lightGray", Gray16: "gray125", Gray8: "gray0625",
  Horizontal: "darkHorizontal", Vertical: "darkVertical", Down: "darkDown", Up: "darkUp", Checker: "darkGrid", SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal", LightVertical: "lightVertical", LightDown: "lightDown", LightUp: "lightUp", Grid: "lightGrid", CrissCross: "lightTrellis",
};

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** `<fill>` for a saved fill of any adapter: ExcelJS fill JSON, Office.js "#RRGGBB", raw XML, or null (none). */
export function fillXmlOf(saved: unknown): string | null {
  if (saved === null || saved === undefined) return null;
  if (typeof saved === "string") return /^#?[0-9A-Fa-f]{6}$/.test(saved) ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(saved)}"/><bgColor indexed="64"/></patternFill></fill>` : null;
  if (typeof saved !== "object") return null;
  const o = saved as Record<string, unknown>;
  if (typeof o.xlsx === "string" && /^<fill[\s>/]/.test(o.xlsx)) return o.xlsx;
  if (typeof o.color === "string" && /^#?[0-9A-Fa-f]{6}$/.test(o.color)) {
    // Office.js's saved fill: colour, pattern (Excel.FillPattern), pattern colour, tints.
    const tint = (t: unknown) => (typeof t === "number" && Number.isFinite(t) && t !== 0 ? ` tint="${Math.max(-1, Math.min(1, t))}"` : "");
    const pattern = typeof o.pattern === "string" ? OFFICE_PATTERNS[o.pattern] : undefined;
    if (o.pattern === "None") return null;
    if (!pattern || pattern === "solid") return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(o.color)}"${tint(o.tint)}/><bgColor indexed="64"/></patternFill></fill>`;
    const pc = typeof o.patternColor === "string" && /^#?[0-9A-Fa-f]{6}$/.test(o.patternColor) ? argb(o.patternColor) : "FF000000";
    return `<fill><patternFill patternType="${pattern}"><fgColor rgb="${pc}"${tint(o.patternTint)}/><bgColor rgb="${argb(o.color)}"${tint(o.tint)}/></patternFill></fill>`;
  }
  if (o.type === "pattern") {
    const pattern = typeof o.pattern === "string" && /^\w+$/.test(o.pattern) ? o.pattern : "solid";
    if (pattern === "none") return null;
    return `<fill><patternFill patternType="${pattern}">${colorXml("fgColor", o.fgColor)}${colorXml("bgColor", o.bgColor)}</patternFill></fill>`;
  }
  return null;
}

function setChild(xml: string, parent: string, child: string, el: string | null): string {
  let x = xml;
  const selfClose = new RegExp(`^<${parent}(\\b[^>]*)/>$`);
  if (selfClose.test(x)) x = x.replace(selfClose, `<${parent}$1></${parent}>`);
  const s = elementSpan(x, child, x.indexOf(">") + 1);
  if (s) return x.slice(0, s.start) + (el ?? "") + x.slice(s.end);
  if (el === null) return x;
  const close = x.lastIndexOf(`</${parent}>`);
  return x.slice(0, close) + el + x.slice(close);
}

function canon(xml: string): string {
  const tagEnd = xml.indexOf(">");
  const open = xml.slice(0, tagEnd + 1);
  const a = attrs(open);
  const keys = Object.keys(a).sort();
  const body = xml.endsWith("/>") && tagEnd === xml.length - 1 ? "" : xml.slice(tagEnd + 1, xml.lastIndexOf("<"));
  return keys.map((k) => `${k}=${a[k]}`).join(" ") + "|" + body.replace(/>\s+</g, "><");
}

export class Styles {
  private xml: string;
  private lists: Record<ListName, string[]> = { fonts: [], fills: [], borders: [], cellXfs: [] };
  private keys: Record<ListName, Map<string, number>> = { fonts: new Map(), fills: new Map(), borders: new Map(), cellXfs: new Map() };
  private added: Record<ListName | "numFmts", string[]> = { fonts: [], fills: [], borders: [], cellXfs: [], numFmts: [] };
  private numFmts = new Map<number, string>();
  private fmtIds = new Map<string, number>();
  private derived = new Map<string, number>();
  /** Number format of each cellXf ("General" as undefined). */
  readonly xfFormat: (string | undefined)[] = [];
  readonly existed: boolean;

  constructor(xml: string | null) {
    this.existed = xml !== null;
    this.xml = xml ?? MINIMAL_STYLES;
    const nf = elementSpan(this.xml, "numFmts");
    if (nf) {
      for (const s of allSpans(this.xml, "numFmt", nf.openEnd, nf.end)) {
        const a = attrs(this.xml.slice(s.start, s.openEnd));
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && a.formatCode !== undefined) this.numFmts.set(id, a.formatCode);
      }
    }
    for (const [id, code] of Object.entries(BUILTIN_FORMATS)) if (!this.fmtIds.has(code)) this.fmtIds.set(code, Number(id));
    for (const [id, code] of this.numFmts) if (!this.fmtIds.has(code)) this.fmtIds.set(code, id);
    for (const [list, item] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"]] as [ListName, string][]) {
      const span = elementSpan(this.xml, list);
      if (!span) continue;
      const items = allSpans(this.xml, item, span.openEnd, span.end).map((s) => this.xml.slice(s.start, s.end));
      this.lists[list] = items;
      items.forEach((x, i) => {
        const k = canon(x);
        if (!this.keys[list].has(k)) this.keys[list].set(k, i);
      });
    }
    if (!this.lists.cellXfs.length) this.lists.cellXfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    for (const xf of this.lists.cellXfs) this.xfFormat.push(this.formatOf(xf));
  }

  private formatOf(xf: string): string | undefined {
    const id = Number(rawAttr(xf, "numFmtId") ?? 0);
    const code = this.numFmts.get(id) ?? BUILTIN_FORMATS[id];
    return code === undefined || code === "General" ? undefined : code;
  }

  get changed(): boolean {
    return Object.values(this.added).some((l) => l.length > 0);
  }

  xfCount(): number {
    return this.lists.cellXfs.length;
  }

  private xf(i: number): string {
    return this.lists.cellXfs[i] ?? this.lists.cellXfs[0];
  }

  private item(list: ListName, i: number): string | undefined {
    return this.lists[list][i];
  }

  /** ExcelJS-like JSON of a cell style's fill (null: no fill), raw XML for gradients. */
  fillOf(xfIndex: number): unknown {
    const id = Number(rawAttr(this.xf(xfIndex), "fillId") ?? 0);
    const fill = this.item("fills", id);
    if (!fill) return null;
    const pf = elementSpan(fill, "patternFill");
    if (!pf) return /<gradientFill/.test(fill) ? { xlsx: fill } : null;
    const inner = fill.slice(pf.start, pf.end);
    const a = attrs(inner.slice(0, inner.indexOf(">") + 1));
    const pattern = a.patternType ?? (pf.selfClosing ? "none" : "solid");
    if (pattern === "none") return null;
    const fg = /<fgColor\b[^>]*>/.exec(inner)?.[0];
    const bg = /<bgColor\b[^>]*>/.exec(inner)?.[0];
    const out: Record<string, unknown> = { type: "pattern", pattern };
    const f = colorJson(fg);
    const b = colorJson(bg);
    if (f) out.fgColor = f;
    if (b) out.bgColor = b;
    return out;
  }

  /** The raw `<fill>` of a cell style (null: fill 0, none). */
  fillXml(xfIndex: number): string | null {
    const id = Number(rawAttr(this.xf(xfIndex), "fillId") ?? 0);
    return id === 0 ? null : (this.item("fills", id) ?? null);
  }

  private findOrAdd(list: ListName, xml: string): number {
    const k = canon(xml);
    const found = this.keys[list].get(k);
    if (found !== undefined) return found;
    const i = this.lists[list].length;
    this.lists[list].push(xml);
    this.keys[list].set(k, i);
    this.added[list].push(xml);
    if (list === "cellXfs") this.xfFormat.push(this.formatOf(xml));
    return i;
  }

  private numFmtId(code: string): number {
    const known = this.fmtIds.get(code);
    if (known !== undefined) return known;
    let id = 164;
    for (const k of this.numFmts.keys()) if (k >= id) id = k + 1;
    this.numFmts.set(id, code);
    this.fmtIds.set(code, id);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  /** The style of a cell with style `base` after `f` is applied (cached). */
  private formatKeys = new WeakMap<object, string>();

  /** The same derivation again (a plan formats whole columns: one format object, one base style, row after row). */
  private byFormat = new WeakMap<object, Map<number, number>>();
  private last: { f: object; base: number; id: number } | null = null;

  derive(base: number, f: CellFormat): number {
    const last = this.last;
    if (last !== null && last.f === f && last.base === base) return last.id;
    let byBase = this.byFormat.get(f);
    const known = byBase?.get(base);
    if (known !== undefined) {
      this.last = { f, base, id: known };
      return known;
    }
    const id = this.deriveNew(base, f);
    if (!byBase) this.byFormat.set(f, (byBase = new Map()));
    byBase.set(base, id);
    this.last = { f, base, id };
    return id;
  }

  private deriveNew(base: number, f: CellFormat): number {
    let fk = this.formatKeys.get(f);
    if (fk === undefined) this.formatKeys.set(f, (fk = JSON.stringify(f)));
    const key = `${base}|${fk}`;
    const hit = this.derived.get(key);
    if (hit !== undefined) return hit;
    let xf = this.xf(base);
    if (xf.endsWith("/>") && xf.indexOf(">") === xf.length - 1) xf = xf.slice(0, -2) + "></xf>";
    let open = xf.slice(0, xf.indexOf(">") + 1);
    let body = xf.slice(open.length, xf.lastIndexOf("</xf>"));
    if (f.fill !== undefined) {
      const id = f.fill === null ? 0 : this.findOrAdd("fills", fillXmlOf(f.fill) ?? this.lists.fills[0]);
      open = setAttr(setAttr(open, "fillId", String(id)), "applyFill", "1");
    }
    const underline = (f as { underline?: boolean }).underline;
    if (f.fontColor !== undefined || f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || underline !== undefined) {
      let font = this.item("fonts", Number(rawAttr(open, "fontId") ?? 0)) ?? "<font/>";
      if (f.bold !== undefined) font = setChild(font, "font", "b", f.bold ? "<b/>" : null);
      if (f.italic !== undefined) font = setChild(font, "font", "i", f.italic ? "<i/>" : null);
      if (f.fontSize !== undefined && Number.isFinite(f.fontSize)) font = setChild(font, "font", "sz", `<sz val="${f.fontSize}"/>`);
      if (f.fontColor !== undefined) font = setChild(font, "font", "color", `<color rgb="${argb(f.fontColor)}"/>`);
      if (underline !== undefined) font = setChild(font, "font", "u", underline ? "<u/>" : null);
      open = setAttr(setAttr(open, "fontId", String(this.findOrAdd("fonts", font))), "applyFont", "1");
    }
    if (f.numberFormat !== undefined) open = setAttr(setAttr(open, "numFmtId", String(this.numFmtId(f.numberFormat))), "applyNumberFormat", "1");
    if (f.border !== undefined) {
      const side = (s: string) => (f.border ? `<${s} style="thin"><color rgb="FFBFBFBF"/></${s}>` : `<${s}/>`);
      const border = `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
      open = setAttr(setAttr(open, "borderId", String(this.findOrAdd("borders", border))), "applyBorder", "1");
    }
    if (f.wrap !== undefined || f.horizontal !== undefined || f.vertical !== undefined) {
      const old = /<alignment\b[^>]*\/>|<alignment\b[^>]*>[\s\S]*?<\/alignment>/.exec(body)?.[0];
      let al = old ? old.replace(/^<alignment\b([^>]*?)\s*\/?>[\s\S]*$/, "<alignment$1/>") : "<alignment/>";
      if (f.wrap !== undefined) al = setAttr(al, "wrapText", f.wrap ? "1" : null);
      if (f.horizontal !== undefined) al = setAttr(al, "horizontal", f.horizontal);
      if (f.vertical !== undefined) al = setAttr(al, "vertical", f.vertical === "middle" ? "center" : f.vertical);
      body = old ? body.replace(old, () => al) : al + body;
      open = setAttr(open, "applyAlignment", "1");
    }
    const id = this.findOrAdd("cellXfs", body ? `${open}${body}</xf>` : open.replace(/>$/, "/>"));
    this.derived.set(key, id);
    return id;
  }

  /** `base` with its fill set to a saved fill's XML (null: none) and applyFill as it was. */
  withFill(base: number, fillXml: string | null, applyFill: string | null | undefined): number {
    const key = `${base}|fill|${fillXml}|${applyFill}`;
    const hit = this.derived.get(key);
    if (hit !== undefined) return hit;
    const xf = this.xf(base);
    const openEnd = xf.indexOf(">") + 1;
    let open = xf.slice(0, openEnd);
    const id = fillXml === null ? 0 : this.findOrAdd("fills", fillXml);
    open = setAttr(open, "fillId", String(id));
    if (applyFill !== undefined) open = setAttr(open, "applyFill", applyFill);
    const out = this.findOrAdd("cellXfs", open + xf.slice(openEnd));
    this.derived.set(key, out);
    return out;
  }

  applyFillAttr(xfIndex: number): string | null {
    return rawAttr(this.xf(xfIndex), "applyFill") ?? null;
  }

  /** styles.xml with what was appended (counts updated), or the input unchanged. */
  toXml(): string {
    let x = this.xml;
    if (this.added.numFmts.length) {
      const s = elementSpan(x, "numFmts");
      if (s && !s.selfClosing) {
        const close = x.lastIndexOf("</numFmts>", s.end);
        x = x.slice(0, close) + this.added.numFmts.join("") + x.slice(close);
      } else {
        const el = `<numFmts count="${this.added.numFmts.length}">${this.added.numFmts.join("")}</numFmts>`;
        if (s) x = x.slice(0, s.start) + el + x.slice(s.end);
        else {
          const root = /<(\w+:)?styleSheet\b[^>]*>/.exec(x);
          const at = root ? root.index + root[0].length : 0;
          x = x.slice(0, at) + el + x.slice(at);
        }
      }
      x = this.recount(x, "numFmts", "numFmt");
    }
    for (const [list, item, before] of [["fonts", "font", "fills"], ["fills", "fill", "borders"], ["borders", "border", "cellStyleXfs"], ["cellXfs", "xf", "cellStyles"]] as [ListName, string, string][]) {
      if (!this.added[list].length) continue;
      const s = elementSpan(x, list);
      if (s && !s.selfClosing) {
        const close = x.lastIndexOf(`</${list}>`, s.end);
        x = x.slice(0, close) + this.added[list].join("") + x.slice(close);
      } else {
        const el = `<${list} count="0">${this.lists[list].join("")}</${list}>`;
        if (s) x = x.slice(0, s.start) + el + x.slice(s.end);
        else {
          const b = elementSpan(x, before);
          const at = b ? b.start : x.lastIndexOf("</styleSheet>");
          x = x.slice(0, at) + el + x.slice(at);
        }
      }
      x = this.recount(x, list, item);
    }
    return x;
  }

  private recount(x: string, list: string, item: string): string {
    const s = elementSpan(x, list);
    if (!s) return x;
    const n = allSpans(x, item, s.openEnd, s.end).length;
    return x.slice(0, s.start) + setAttr(x.slice(s.start, s.openEnd), "count", String(n)) + x.slice(s.openEnd);
  }
}
