/**
 * Notes: the sheet's comments part (authors, one `<comment>` per cell) and the legacy VML
 * drawing Excel needs to show them. Existing notes and shapes are kept as written; ours are
 * added, replaced or removed by cell; other VML shapes (buttons, form controls) are left alone.
 */
import type { SaxesParser } from "saxes";
import { saxes } from "./xml";
import { allSpans, attrs, elementSpan, esc, escText, richText } from "./xml";

export interface Note {
  authorId: number;
  /** Inner XML of `<text>` (runs as written). */
  textXml: string;
  /** The element as it was (kept byte for byte while the note is unchanged: shapeId, xr:uid of threaded comments…). */
  raw?: string;
}

export interface CommentsModel {
  /** Root open tag and authors as they were. */
  root: string;
  authors: string[];
  notes: Map<string, Note>;
  /** Order of refs as they were (new ones appended). */
  order: string[];
  /** What followed the comment list (an extLst), kept. */
  tail: string;
}

export const AUTHOR = "绩效助手";

export function parseComments(xml: string | null): CommentsModel {
  const model: CommentsModel = {
    root: '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    authors: [],
    notes: new Map(),
    order: [],
    tail: "",
  };
  if (!xml) return model;
  const root = /<(\w+:)?comments\b[^>]*>/.exec(xml);
  if (root) model.root = root[0].replace(/\/>$/, ">");
  const p = root?.[1] ?? "";
  const au = elementSpan(xml, `${p}authors`);
  if (au) {
    for (const s of allSpans(xml, `${p}author`, au.openEnd, au.end)) model.authors.push(s.selfClosing ? "" : xml.slice(s.openEnd, s.end - `</${p}author>`.length));
  }
  const list = elementSpan(xml, `${p}commentList`);
  if (list) {
    for (const s of allSpans(xml, `${p}comment`, list.openEnd, list.end)) {
      const a = attrs(xml.slice(s.start, s.openEnd));
      const el = xml.slice(s.start, s.end);
      const t = elementSpan(el, `${p}text`);
      const textXml = t && !t.selfClosing ? el.slice(t.openEnd, t.end - `</${p}text>`.length) : "";
      const ref = (a.ref ?? "").toUpperCase();
      if (!ref) continue;
      if (!model.notes.has(ref)) model.order.push(ref);
      model.notes.set(ref, { authorId: Number(a.authorId) || 0, textXml, raw: p ? undefined : el });
    }
    const close = xml.lastIndexOf(`</${p}comments>`);
    if (close > list.end) model.tail = xml.slice(list.end, close);
  }
  return model;
}

export function noteText(n: Note): string {
  return richText(`<text>${n.textXml}</text>`);
}

export function plainNoteXml(text: string): string {
  return `<r><t xml:space="preserve">${escText(text.length > 32767 ? text.slice(0, 32767) : text)}</t></r>`;
}

/** A fragment is only put back when it is well-formed XML of runs (never raw text from a sheet). */
export function safeFragment(xml: string): boolean {
  if (xml.length > 200000) return false;
  try {
    const p = new (saxes().SaxesParser)({ xmlns: false } as ConstructorParameters<typeof SaxesParser>[0]);
    let ok = true;
    let depth = 0;
    p.on("opentag", (t) => {
      depth++;
      if (depth === 2 && !/^(\w+:)?(r|t|rPh|phoneticPr)$/.test(t.name)) ok = false;
    });
    p.on("closetag", () => void depth--);
    p.write(`<text>${xml}</text>`).close();
    return ok;
  } catch {
    return false;
  }
}

/** ExcelJS rich note JSON ({ texts: [{ text, font }] }) → runs. */
export function runsFromExcelJS(data: unknown): string | null {
  const texts = (data as { texts?: unknown })?.texts;
  if (!Array.isArray(texts)) return null;
  let out = "";
  for (const t of texts) {
    const text = typeof (t as { text?: unknown })?.text === "string" ? (t as { text: string }).text : "";
    const f = (t as { font?: Record<string, unknown> }).font ?? {};
    let pr = "";
    if (f.bold) pr += "<b/>";
    if (f.italic) pr += "<i/>";
    if (typeof f.size === "number" && Number.isFinite(f.size)) pr += `<sz val="${f.size}"/>`;
    const c = f.color as { argb?: unknown; theme?: unknown } | undefined;
    if (c && typeof c.argb === "string" && /^[0-9A-Fa-f]{8}$/.test(c.argb)) pr += `<color rgb="${c.argb}"/>`;
    else if (c && typeof c.theme === "number") pr += `<color theme="${Math.trunc(c.theme)}"/>`;
    if (typeof f.name === "string") pr += `<rFont val="${esc(f.name)}"/>`;
    out += `<r>${pr ? `<rPr>${pr}</rPr>` : ""}<t xml:space="preserve">${escText(text)}</t></r>`;
  }
  return out;
}

export function commentsXml(m: CommentsModel, refs: string[]): string {
  const authors = m.authors.map((a) => `<author>${a}</author>`).join("");
  const list = refs
    .map((ref) => {
      const n = m.notes.get(ref);
      if (!n) return "";
      return n.raw ?? `<comment ref="${ref}" authorId="${n.authorId}"><text>${n.textXml}</text></comment>`;
    })
    .join("");
  const tail = /^\s*<(\w+:)?extLst[\s>]/.test(m.tail) ? m.tail : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${m.root}<authors>${authors}</authors><commentList>${list}</commentList>${tail}</comments>`;
}

// ------------------------------------------------------------------ VML

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function newVml(idmap: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id % 1024 || 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The VML with exactly one note shape per cell in `cells` (row, col 0-based): shapes of notes
 * that stay are kept as they were, shapes of removed notes dropped, new ones added.
 */
export function syncVml(vml: string, cells: { row: number; col: number }[]): { xml: string; shapes: number } {
  const want = new Set(cells.map((c) => `${c.row},${c.col}`));
  const have = new Set<string>();
  let maxId = 0;
  let x = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const id = /id="_x0000_s(\d+)"/.exec(shape);
    if (id) maxId = Math.max(maxId, Number(id[1]));
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
    const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
    const key = r && c ? `${r[1]},${c[1]}` : "";
    if (!want.has(key) || have.has(key)) return "";
    have.add(key);
    return shape;
  });
  if (!/_x0000_t202/.test(x)) x = x.replace(/(<\/o:shapelayout>)|(<xml\b[^>]*>)/, (m) => m + SHAPETYPE);
  const idmap = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(x)?.[1] ?? 1) || 1;
  let next = Math.max(maxId, idmap * 1024) + 1;
  let add = "";
  for (const c of cells) {
    const key = `${c.row},${c.col}`;
    if (have.has(key)) continue;
    have.add(key);
    add += noteShape(next++, c.row, c.col);
  }
  const close = x.lastIndexOf("</xml>");
  x = close >= 0 ? x.slice(0, close) + add + x.slice(close) : x + add;
  const shapes = (x.match(/<v:shape\b/g) ?? []).length;
  return { xml: x, shapes };
}
