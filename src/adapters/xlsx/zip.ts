/**
 * A zip container read and written at the byte level, so that every part we do not change
 * is copied exactly as it came (its compressed bytes, method and CRC re-used), and only the
 * parts we patch are compressed again. Pure TypeScript over Uint8Array (Node and browser);
 * the deflate/inflate codec is pluggable (fflate by default, the platform zlib in Node).
 */
import type * as Fflate from "fflate";

/** fflate, loaded on first use: in Node the platform zlib does the work, and fflate is only the fallback (and the browser's codec). */
let fflateModule: typeof Fflate | null = null;
function fflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fflateModule ??= require("fflate") as typeof Fflate);
}

/** Receives a part's uncompressed bytes in order; `last` is set on the final piece (when known). */
export type Sink = (chunk: Uint8Array, last?: boolean) => void;

export interface Codec {
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(chunks: Uint8Array[]): Uint8Array;
  /** A faster CRC-32 where the platform has one (continuing from `crc`). */
  crc32?(chunk: Uint8Array, crc: number): number;
  /** Inflate in pieces: `sink` gets the uncompressed bytes in order (no whole-part buffer). */
  inflateStream?(raw: Uint8Array, sink: Sink): void;
  /** A deflater fed in pieces; `end()` gives the compressed bytes. */
  deflateStream?(level: 1 | 6): { push(chunk: Uint8Array): void; end(): Uint8Array[] };
  /** The bytes as text when they are all ASCII (a faster check and decoding where the platform has them), else null. */
  ascii?(bytes: Uint8Array): string | null;
}

/** ASCII reads the same in every decoder: the UTF-8 one is always there. */
const asciiDecoder = new TextDecoder("utf-8");

/** `bytes` as text when every byte is ASCII (then UTF-8 and Latin-1 read them alike), else null. */
export function asciiText(bytes: Uint8Array, codec: Codec): string | null {
  if (codec.ascii) return codec.ascii(bytes);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] & 0x80) return null;
  return asciiDecoder.decode(bytes);
}

/**
 * Output bytes built in place: runs of the input copied as bytes, text encoded as UTF-8 (what
 * TextEncoder writes: a lone surrogate as U+FFFD) — no joined strings, no buffer per piece.
 */
export class ByteOut {
  private buf: Uint8Array;
  private n = 0;
  private enc = new TextEncoder();

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.n + (this.hi ? 3 : 0);
  }

  private room(k: number): void {
    if (this.buf.length - this.n >= k) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    if (this.hi) this.fffd();
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** A high surrogate that ended the last text (its pair may start the next). */
  private hi = 0;

  private fffd(): void {
    this.room(3);
    this.buf[this.n++] = 0xef;
    this.buf[this.n++] = 0xbf;
    this.buf[this.n++] = 0xbd;
    this.hi = 0;
  }

  text(text: string): void {
    let s = text;
    if (!s.length) return;
    if (this.hi) {
      const lo = s.charCodeAt(0);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const c = 0x10000 + ((this.hi - 0xd800) << 10) + (lo - 0xdc00);
        this.hi = 0;
        this.room(4);
        this.buf[this.n++] = 0xf0 | (c >> 18);
        this.buf[this.n++] = 0x80 | ((c >> 12) & 63);
        this.buf[this.n++] = 0x80 | ((c >> 6) & 63);
        this.buf[this.n++] = 0x80 | (c & 63);
        s = s.slice(1);
      } else this.fffd();
    }
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      // Held back: the next text may complete the pair (as if the pieces were one string).
      this.hi = last;
      s = s.slice(0, -1);
    }
    const len = s.length;
    if (!len) return;
    this.room(len * 3);
    if (len > 256) {
      this.n += this.enc.encodeInto(s, this.buf.subarray(this.n)).written;
      return;
    }
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[n++] = c;
      else if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[n++] = 0xf0 | (c >> 18);
            b[n++] = 0x80 | ((c >> 12) & 63);
            b[n++] = 0x80 | ((c >> 6) & 63);
            b[n++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 63);
        b[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** The bytes so far (a view), and a fresh start (with room as large as before when more is to come). */
  take(more = true): Uint8Array {
    if (this.hi) this.fffd();
    const out = this.buf.subarray(0, this.n);
    this.buf = new Uint8Array(more ? this.buf.length : 16);
    this.n = 0;
    return out;
  }
}

const PIECE = 1 << 18;
/** Parts up to this size are inflated / deflated whole (fast); larger ones in pieces (bounded memory). */
const WHOLE = 16 << 20;

/** Stream a part's uncompressed bytes through `sink` (streaming inflate where the codec has it). */
export function streamEntry(e: ZipEntry, codec: Codec, sink: Sink, whole = WHOLE): void {
  if (e.method === 0) {
    if (e.data.length <= whole) return sink(e.data, true);
    for (let o = 0; o < e.data.length; o += PIECE) sink(e.data.subarray(o, Math.min(e.data.length, o + PIECE)), o + PIECE >= e.data.length);
    return;
  }
  if (codec.inflateStream) {
    let n = 0;
    return codec.inflateStream(e.data, (chunk, last) => {
      n += chunk.length;
      if (n > e.size) throw new OversizeError();
      sink(chunk, last);
    });
  }
  if (e.size <= whole) {
    // Small enough to inflate at once with the codec (the platform zlib is the fastest), and
    // handed over whole: the reader decodes and scans it in one go.
    sink(codec.inflate(e.data, e.size), true);
    return;
  }
  let n = 0;
  const inf = new (fflate().Inflate)((chunk, final) => {
    // Never past the size the zip states: a zip bomb stops here, not when memory runs out.
    n += chunk.length;
    if (n > e.size) throw new OversizeError();
    sink(chunk, final);
  });
  for (let o = 0; o < e.data.length; o += PIECE) inf.push(e.data.subarray(o, Math.min(e.data.length, o + PIECE)), o + PIECE >= e.data.length);
  if (e.data.length === 0) inf.push(new Uint8Array(0), true);
}

/** Builds an entry from content written in pieces, compressed as it comes. */
export class EntryWriter {
  private crc = 0;
  private size = 0;
  private out: Uint8Array[] = [];
  /** Uncompressed pieces kept while the part is small (then deflated whole by the codec). */
  private held: Uint8Array[] | null = [];
  private z: { push(chunk: Uint8Array): void; end(): Uint8Array[] } | null = null;

  constructor(
    readonly name: string,
    private codec: Codec,
    private whole = WHOLE,
  ) {}

  private stream(): { push(chunk: Uint8Array): void; end(): Uint8Array[] } {
    if (this.codec.deflateStream) return this.codec.deflateStream(1);
    const d = new (fflate().Deflate)({ level: 1 }, (chunk) => void this.out.push(chunk));
    return { push: (c) => d.push(c, false), end: () => (d.push(new Uint8Array(0), true), this.out) };
  }

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    this.crc = this.codec.crc32 ? this.codec.crc32(chunk, this.crc) : crc32([chunk], this.crc);
    if (this.held) {
      this.held.push(chunk);
      if (this.size <= this.whole) return;
      // Large: compress as it comes from now on.
      this.z = this.stream();
      for (const c of this.held) this.z.push(c);
      this.held = null;
      return;
    }
    this.z?.push(chunk);
  }

  end(now = new Date()): ZipEntry {
    const data = this.held ? this.codec.deflate(this.held) : concat((this.z as { end(): Uint8Array[] }).end());
    return { name: this.name, nameBytes: new TextEncoder().encode(this.name), method: 8, crc: this.crc >>> 0, size: this.size, data, time: dosTime(now), date: dosDate(now), utf8: true };
  }
}

const dosTime = (now: Date) => (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
const dosDate = (now: Date) => ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();

/**
 * Large parts (the patched sheets) are compressed fast rather than small: level 2 is as fast as
 * level 1 with zlib and some 10 % smaller; level 6 costs three times as much for ~15 % less.
 */
export const levelFor = (size: number): 2 | 6 => (size > 256 << 10 ? 2 : 6);

export const fflateCodec: Codec = {
  inflate: (raw, size) => {
    // Into a buffer of the stated size, and no further: a part that inflates beyond it is refused
    // (a zip bomb, or a damaged file), never cut short in silence.
    const out = new Uint8Array(size);
    let n = 0;
    const inf = new (fflate().Inflate)((chunk) => {
      if (n + chunk.length > size) throw new OversizeError();
      out.set(chunk, n);
      n += chunk.length;
    });
    inf.push(raw, true);
    return n === size ? out : out.subarray(0, n);
  },
  deflate: (chunks) => {
    const data = concat(chunks);
    return fflate().deflateSync(data, { level: levelFor(data.length) });
  },
};

export function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** One part of the package as stored: compressed bytes plus what the central directory says. */
export interface ZipEntry {
  name: string;
  /** The name's bytes as stored (kept for unchanged parts). */
  nameBytes: Uint8Array;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
  /** DOS time and date, kept for unchanged parts. */
  time: number;
  date: number;
  utf8: boolean;
}

/** The largest part a workbook may have, uncompressed (a sheet of a million rows is far less). */
export const MAX_PART = 1 << 30;
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** A part that inflates beyond its stated size (a damaged file, or a zip bomb): reading stops there. */
export class OversizeError extends ZipError {
  constructor() {
    super("a part inflates beyond its stated size (a damaged file, or a zip bomb)");
    this.name = "OversizeError";
  }
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(chunks: Uint8Array[], init = 0): number {
  let c = ~init;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const latin = (b: Uint8Array) => {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/** Reads the central directory; refuses what it cannot copy faithfully (zip64, encryption). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("not a zip file (no end of central directory)");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("zip64 packages are not supported");
  if (cdOffset + cdSize > bytes.length) throw new ZipError("truncated zip file");
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("damaged central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    const csize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nlen = u16(bytes, p + 28);
    const xlen = u16(bytes, p + 30);
    const clen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const nameBytes = bytes.slice(p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (flags & 1) throw new ZipError("encrypted zip entries are not supported");
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError("zip64 packages are not supported");
    if (method !== 0 && method !== 8) throw new ZipError(`unsupported compression method ${method}`);
    if (size > MAX_PART) throw new ZipError("a part is larger than any workbook's (over 1 GiB uncompressed)");
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new ZipError("damaged local header");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + csize > bytes.length) throw new ZipError("truncated zip entry");
    const isUtf8 = (flags & 0x800) !== 0;
    const name = isUtf8 ? utf8.decode(nameBytes) : latin(nameBytes);
    entries.push({ name, nameBytes, method, crc, size, data: bytes.subarray(start, start + csize), time, date, utf8: isUtf8 });
  }
  return entries;
}

export function inflateEntry(e: ZipEntry, codec: Codec): Uint8Array {
  if (e.method === 0) return e.data;
  return codec.inflate(e.data, e.size);
}

/** A new entry from uncompressed content (compressed unless tiny). */
export function makeEntry(name: string, chunks: Uint8Array[], codec: Codec, now = new Date()): ZipEntry {
  let size = 0;
  for (const c of chunks) size += c.length;
  let crc = 0;
  if (codec.crc32) for (const c of chunks) crc = codec.crc32(c, crc);
  else crc = crc32(chunks);
  const deflate = size > 64;
  const data = deflate ? codec.deflate(chunks) : concat(chunks);
  return { name, nameBytes: new TextEncoder().encode(name), method: deflate ? 8 : 0, crc: crc >>> 0, size, data, time: dosTime(now), date: dosDate(now), utf8: true };
}

/** The package as bytes: local headers + data, then the central directory. */
/**
 * The fields a local header and a central directory record share, in the same order, from
 * 「version needed」 to the name's length (22 bytes at `at`).
 */
function sharedFields(dv: DataView, at: number, e: ZipEntry): void {
  dv.setUint16(at, 20, true);
  dv.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
  dv.setUint16(at + 4, e.method, true);
  dv.setUint16(at + 6, e.time, true);
  dv.setUint16(at + 8, e.date, true);
  dv.setUint32(at + 10, e.crc, true);
  dv.setUint32(at + 14, e.data.length, true);
  dv.setUint32(at + 18, e.size, true);
  dv.setUint16(at + 22, e.nameBytes.length, true);
}

export function writeZip(entries: ZipEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + e.nameBytes.length + e.data.length + 46 + e.nameBytes.length;
  if (entries.length > 0xfffe || total > 0xfffffff0) throw new ZipError("package too large for a zip without zip64");
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    sharedFields(dv, p + 4, e);
    dv.setUint16(p + 28, 0, true);
    out.set(e.nameBytes, p + 30);
    p += 30 + e.nameBytes.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const cd = p;
  entries.forEach((e, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    sharedFields(dv, p + 6, e);
    dv.setUint32(p + 42, offsets[i], true);
    out.set(e.nameBytes, p + 46);
    p += 46 + e.nameBytes.length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return out;
}
