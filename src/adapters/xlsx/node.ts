/**
 * The thin Node side of the xlsx adapter: the platform zlib as codec (faster than fflate),
 * opening a file, and writing the checked copy atomically — to a temporary file in the
 * target folder, renamed over the target only when it is complete, so that no run ever
 * leaves a 0-byte or partial copy (nor replaces an earlier good one with a broken one).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { isAscii } from "buffer";
import { levelFor, OversizeError, type Codec } from "./zip";
import { openXlsx, type XlsxPort } from "./port";

const asciiDecoder = new TextDecoder("utf-8");

export const zlibCodec: Codec = {
  inflate: (raw, size) => {
    // One output buffer of the size the zip declares, and no more: a part that inflates beyond
    // it (a zip bomb, a damaged file) is refused instead of filling memory.
    let b: Buffer;
    try {
      b = zlib.inflateRawSync(raw, { chunkSize: Math.min(Math.max(size + 1, 1 << 10), 32 << 20), maxOutputLength: Math.max(1, size) });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new OversizeError();
      throw e;
    }
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  deflate: (chunks) => {
    const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    // Output in one piece for the usual ratio (no copying of 16 KB pieces together).
    const b = zlib.deflateRawSync(data, { level: levelFor(data.length), chunkSize: Math.min(Math.max(data.length >> 2, 1 << 14), 8 << 20) });
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  // Decoded by TextDecoder, not Buffer#toString: a large latin1 string is external, and scanning one is twice as slow.
  ...(typeof isAscii === "function" ? { ascii: (b: Uint8Array) => (isAscii(b) ? asciiDecoder.decode(b) : null) } : {}),
  ...(typeof (zlib as { crc32?: unknown }).crc32 === "function" ? { crc32: (chunk: Uint8Array, crc: number) => (zlib as unknown as { crc32(d: Uint8Array, v?: number): number }).crc32(chunk, crc) } : {}),
};

export function openXlsxFile(file: string): XlsxPort {
  const buf = fs.readFileSync(file);
  return openXlsx(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path.basename(file), zlibCodec);
}

/** Write `bytes` to `target` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = fs.openSync(tmp, "wx");
    try {
      let off = 0;
      while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
