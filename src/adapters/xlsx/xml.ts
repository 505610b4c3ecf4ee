/** Small XML helpers for in-place edits of package parts (escape, attributes, element spans). */

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unesc(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  });
}

/** Cell text as SpreadsheetML stores it: control characters as _xHHHH_, a literal _xHHHH_ escaped. */
export function escText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[_&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  let t = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // Lone surrogates cannot be written as UTF-8.
  t = t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return esc(t);
}

/** Attributes of an open tag string such as `<c r="A1" s="3">`. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unesc(m[2] ?? m[3] ?? "");
  return out;
}

/** One attribute's raw (escaped) value, or undefined. */
export function rawAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

const attrRes = new Map<string, RegExp>();

/** Set (or, with null, remove) an attribute in an open tag. */
export function setAttr(tag: string, name: string, value: string | null): string {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`)));
  if (value === null) return tag.replace(re, "");
  const a = ` ${name}="${esc(value)}"`;
  if (re.test(tag)) return tag.replace(re, () => a);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + a + tag.slice(end);
}

export function isNameEnd(ch: string | undefined): boolean {
  return ch === " " || ch === ">" || ch === "/" || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Index of `<name` (whole name) at or after `from`, or -1. */
export function findOpen(xml: string, name: string, from = 0): number {
  const needle = `<${name}`;
  let i = xml.indexOf(needle, from);
  while (i >= 0 && !isNameEnd(xml[i + needle.length])) i = xml.indexOf(needle, i + 1);
  return i;
}

export interface Span {
  start: number;
  /** End of the open tag (index after '>'). */
  openEnd: number;
  /** Index after the whole element. */
  end: number;
  selfClosing: boolean;
}

/** The span of the first `name` element at or after `from` (not nested in itself). */
export function elementSpan(xml: string, name: string, from = 0): Span | null {
  const start = findOpen(xml, name, from);
  if (start < 0) return null;
  const openEnd = xml.indexOf(">", start) + 1;
  if (openEnd <= 0) return null;
  if (xml[openEnd - 2] === "/") return { start, openEnd, end: openEnd, selfClosing: true };
  const close = `</${name}>`;
  // Nested same-name elements (rare) are counted.
  let depth = 1;
  let p = openEnd;
  while (depth > 0) {
    const c = xml.indexOf(close, p);
    if (c < 0) return null;
    let o = findOpen(xml, name, p);
    while (o >= 0 && o < c) {
      const oe = xml.indexOf(">", o);
      if (xml[oe - 1] !== "/") depth++;
      o = findOpen(xml, name, oe);
    }
    depth--;
    p = c + close.length;
  }
  return { start, openEnd, end: p, selfClosing: false };
}

/** All spans of `name` elements in xml (siblings, in order). */
export function allSpans(xml: string, name: string, from = 0, to = xml.length): Span[] {
  const out: Span[] = [];
  let p = from;
  for (;;) {
    const s = elementSpan(xml, name, p);
    if (!s || s.start >= to) break;
    out.push(s);
    p = s.end;
  }
  return out;
}

/** Text content of all `<t>` elements (phonetic `<rPh>` runs left out), unescaped. */
export function richText(xml: string, prefix = ""): string {
  const src = xml.indexOf(`<${prefix}rPh`) >= 0 ? xml.replace(new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?<\\/${prefix}rPh>`, "g"), "") : xml;
  const close = `</${prefix}t>`;
  let out = "";
  let p = 0;
  for (;;) {
    const t = findOpen(src, `${prefix}t`, p);
    if (t < 0) break;
    const oe = src.indexOf(">", t) + 1;
    if (src[oe - 2] === "/") {
      p = oe;
      continue;
    }
    const ce = src.indexOf(close, oe);
    if (ce < 0) break;
    out += unesc(src.slice(oe, ce));
    p = ce + close.length;
  }
  return out;
}

/** saxes, loaded on first use: the hand readers take the usual XML, saxes the rest (and notes). */
let saxesModule: typeof import("saxes") | null = null;
export function saxes(): typeof import("saxes") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (saxesModule ??= require("saxes") as typeof import("saxes"));
}
