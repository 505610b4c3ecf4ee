/**
 * The package as parts: the zip's entries, kept as they came until a part is edited, plus the
 * relationship, content-type and workbook edits done in place (never regenerated).
 */
import { EntryWriter, inflateEntry, makeEntry, readZip, streamEntry, writeZip, type Codec, type Sink, type ZipEntry } from "./zip";
import { attrs, esc, setAttr } from "./xml";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
export const REL = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
  hyperlink: `${NS.rel}/hyperlink`,
  calcChain: `${NS.rel}/calcChain`,
};
export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Resolved part name (no leading slash) for internal targets. */
  part: string | null;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
/** Parts up to this size are inflated whole; up to KEEP bytes of them are kept for a second pass. */
const WHOLE = 16 << 20;
const KEEP = 48 << 20;
const encoder = new TextEncoder();

export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // keep as written
  }
  const parts = (t.startsWith("/") ? t.slice(1) : dirOf(source) + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** A target for `part` written relative to the folder of `source`. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export class Package {
  private entries: ZipEntry[];
  private index = new Map<string, number>();
  /** Edited parts: current content (text for the XML we edit as text; a compressed entry for patched sheets). */
  private edited = new Map<string, string | ZipEntry>();
  private removed = new Set<string>();
  private textCache = new Map<string, string>();
  /** Uncompressed bytes of parts streamed whole (a sheet is read for the snapshot, then again to patch it). */
  private inflated = new Map<string, Uint8Array>();
  private inflatedBytes = 0;

  constructor(
    bytes: Uint8Array,
    readonly codec: Codec,
  ) {
    this.entries = readZip(bytes);
    this.entries.forEach((e, i) => {
      // Part names are case-insensitive in OPC; keep the first of duplicates.
      const k = e.name;
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  has(name: string): boolean {
    if (this.removed.has(name)) return false;
    return this.edited.has(name) || this.index.has(name);
  }

  /** Find a part name ignoring case (OPC part names are case-insensitive). */
  find(name: string): string | null {
    if (this.has(name)) return name;
    const lower = name.toLowerCase();
    for (const n of this.names()) if (n.toLowerCase() === lower) return n;
    return null;
  }

  names(): string[] {
    const out: string[] = [];
    // Folder entries ("xl/") are copied but are no parts.
    for (const e of this.entries) if (!e.name.endsWith("/") && !this.removed.has(e.name) && this.index.get(e.name) !== undefined) out.push(e.name);
    for (const n of this.edited.keys()) if (!this.index.has(n) && !this.removed.has(n)) out.push(n);
    return out;
  }

  /** The part's uncompressed bytes. */
  bytes(name: string): Uint8Array {
    const ed = this.edited.get(name);
    if (ed !== undefined) return typeof ed === "string" ? encoder.encode(ed) : inflateEntry(ed, this.codec);
    const i = this.index.get(name);
    if (i === undefined || this.removed.has(name)) throw new Error(`missing part ${name}`);
    return inflateEntry(this.entries[i], this.codec);
  }

  /** The part's uncompressed bytes in pieces, without a whole-part buffer. */
  stream(name: string, sink: Sink): void {
    const ed = this.edited.get(name);
    if (typeof ed === "string") return sink(encoder.encode(ed), true);
    if (ed !== undefined) return streamEntry(ed, this.codec, sink);
    const i = this.index.get(name);
    if (i === undefined || this.removed.has(name)) throw new Error(`missing part ${name}`);
    const hit = this.inflated.get(name);
    if (hit) return sink(hit, true);
    const e = this.entries[i];
    if (e.method === 8 && e.size <= WHOLE && !this.codec.inflateStream && this.inflatedBytes + e.size <= KEEP) {
      const b = inflateEntry(e, this.codec);
      this.inflated.set(name, b);
      this.inflatedBytes += b.length;
      return sink(b, true);
    }
    streamEntry(e, this.codec, sink);
  }

  /** The part's uncompressed size as its entry says (0 when unknown or edited as text). */
  sizeHint(name: string): number {
    const ed = this.edited.get(name);
    if (typeof ed === "string") return ed.length;
    const e = ed ?? (this.index.has(name) ? this.entries[this.index.get(name) as number] : undefined);
    return e ? Math.min(e.size, WHOLE) : 0;
  }

  private forget(name: string): void {
    this.textCache.delete(name);
    const b = this.inflated.get(name);
    if (b) {
      this.inflatedBytes -= b.length;
      this.inflated.delete(name);
    }
  }

  /** A writer for a part's new content, compressed as it is written; `set` stores it. */
  writer(name: string): { push(chunk: Uint8Array): void; set(): void } {
    const w = new EntryWriter(name, this.codec);
    return {
      push: (c) => w.push(c),
      set: () => {
        this.removed.delete(name);
        this.forget(name);
        this.edited.set(name, w.end());
      },
    };
  }

  /** The part as text (small XML parts; cached). */
  text(name: string): string {
    const ed = this.edited.get(name);
    if (typeof ed === "string") return ed;
    const c = this.textCache.get(name);
    if (c !== undefined) return c;
    const t = decoder.decode(this.bytes(name));
    if (ed === undefined) this.textCache.set(name, t);
    return t;
  }

  setText(name: string, text: string): void {
    this.removed.delete(name);
    this.forget(name);
    this.edited.set(name, text);
  }

  /** Set a large part's content, compressed at once (its uncompressed text is not kept). */
  setChunks(name: string, chunks: Uint8Array[]): void {
    this.removed.delete(name);
    this.forget(name);
    this.edited.set(name, makeEntry(name, chunks, this.codec));
  }

  remove(name: string): void {
    this.edited.delete(name);
    this.forget(name);
    this.removed.add(name);
  }

  isEdited(name: string): boolean {
    return this.edited.has(name);
  }

  /** Parts edited, added or removed since opening (for tests and reports). */
  changes(): { edited: string[]; removed: string[] } {
    return { edited: [...this.edited.keys()], removed: [...this.removed].filter((n) => this.index.has(n)) };
  }

  toBytes(): Uint8Array {
    const out: ZipEntry[] = [];
    const done = new Set<string>();
    for (const e of this.entries) {
      if (this.removed.has(e.name) || done.has(e.name)) continue;
      done.add(e.name);
      const ed = this.edited.get(e.name);
      if (ed === undefined) out.push(e);
      else out.push(typeof ed === "string" ? makeEntry(e.name, [encoder.encode(ed)], this.codec) : { ...ed, name: e.name, nameBytes: e.nameBytes, utf8: e.utf8 });
    }
    for (const [name, ed] of this.edited) {
      if (done.has(name) || this.removed.has(name)) continue;
      out.push(typeof ed === "string" ? makeEntry(name, [encoder.encode(ed)], this.codec) : ed);
    }
    return writeZip(out);
  }

  // ------------------------------------------------------------------ relationships

  rels(source: string): Relationship[] {
    const path = relsPathOf(source);
    if (!this.has(path)) return [];
    const xml = this.text(path);
    const out: Relationship[] = [];
    const re = /<(?:\w+:)?Relationship\b[^>]*>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      const a = attrs(m[0]);
      const external = a.TargetMode === "External";
      out.push({ id: a.Id, type: a.Type, target: a.Target, external, part: external ? null : resolveTarget(source, a.Target) });
    }
    return out;
  }

  /** Add a relationship from `source`; returns its new id. */
  addRel(source: string, type: string, target: string, external = false): string {
    const path = relsPathOf(source);
    let xml = this.has(path) ? this.text(path) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const used = new Set(this.rels(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ""}/>`;
    if (/<Relationships\b[^>]*\/>/.test(xml)) xml = xml.replace(/<Relationships\b([^>]*)\/>/, (_m, a: string) => `<Relationships${a}>${rel}</Relationships>`);
    else xml = xml.replace(/<\/(\w+:)?Relationships>/, (c) => rel + c);
    this.setText(path, xml);
    return id;
  }

  removeRel(source: string, id: string): void {
    const path = relsPathOf(source);
    if (!this.has(path)) return;
    const xml = this.text(path);
    const re = /<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g;
    const next = xml.replace(re, (el) => (attrs(el.slice(0, el.indexOf(">") + 1)).Id === id ? "" : el));
    if (next === xml) return;
    // A relationships part with nothing left is the same as none: it goes.
    if (!/<(?:\w+:)?Relationship\b/.test(next)) this.remove(path);
    else this.setText(path, next);
  }

  // ------------------------------------------------------------------ content types

  contentTypeOf(part: string): string | null {
    const xml = this.text("[Content_Types].xml");
    const re = /<(?:\w+:)?Override\b[^>]*>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      const a = attrs(m[0]);
      if ((a.PartName ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return a.ContentType ?? null;
    }
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const dre = /<(?:\w+:)?Default\b[^>]*>/g;
    while ((m = dre.exec(xml))) {
      const a = attrs(m[0]);
      if ((a.Extension ?? "").toLowerCase() === ext) return a.ContentType ?? null;
    }
    return null;
  }

  addOverride(part: string, type: string): void {
    const xml = this.text("[Content_Types].xml");
    if (this.contentTypeOf(part) === type && new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(xml)) return;
    this.setText("[Content_Types].xml", xml.replace(/<\/(\w+:)?Types>/, (c) => `<Override PartName="/${esc(part)}" ContentType="${type}"/>${c}`));
  }

  ensureDefault(ext: string, type: string): void {
    const xml = this.text("[Content_Types].xml");
    if (new RegExp(`<(\\w+:)?Default\\b[^>]*Extension="${ext}"`, "i").test(xml)) return;
    this.setText("[Content_Types].xml", xml.replace(/<(\w+:)?Types\b[^>]*>/, (c) => `${c}<Default Extension="${ext}" ContentType="${type}"/>`));
  }

  removeOverride(part: string): void {
    const xml = this.text("[Content_Types].xml");
    const re = /<(?:\w+:)?Override\b[^>]*\/>/g;
    const next = xml.replace(re, (el) => ((attrs(el).PartName ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase() ? "" : el));
    if (next !== xml) this.setText("[Content_Types].xml", next);
  }

  /** A part name not yet used: `xl/worksheets/sheet{n}.xml`. */
  freeName(prefix: string, suffix: string): string {
    const lower = new Set(this.names().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!lower.has(name.toLowerCase())) return name;
    }
  }
}

export { setAttr };
