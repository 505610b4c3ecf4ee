/** The zip layer: entries copied as stored, new ones written whole or (large parts) in pieces, with either codec. */
import { strToU8, unzipSync, zipSync } from "fflate";
import { crc32, EntryWriter, fflateCodec, inflateEntry, makeEntry, MAX_PART, readZip, streamEntry, writeZip, ZipError, concat } from "./zip";
import { zlibCodec } from "./node";

const text = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行</t></is></c></row>`).join("");
const bytes = strToU8(text);

describe.each([["fflate", fflateCodec], ["zlib", zlibCodec]])("%s codec", (_name, codec) => {
  test("a part written in pieces past the threshold is compressed as it comes and reads back whole", () => {
    const w = new EntryWriter("xl/worksheets/sheet1.xml", codec, 1000);
    for (let o = 0; o < bytes.length; o += 7777) w.push(bytes.subarray(o, o + 7777));
    const e = w.end();
    expect(e.size).toBe(bytes.length);
    expect(e.crc).toBe(crc32([bytes]));
    const zip = writeZip([e, makeEntry("a.txt", [strToU8("小")], codec)]);
    const back = unzipSync(zip);
    expect(Buffer.from(back["xl/worksheets/sheet1.xml"]).equals(Buffer.from(bytes))).toBe(true);
    const parts: Uint8Array[] = [];
    streamEntry(readZip(zip)[0], codec, (c) => parts.push(c.slice()), 1000);
    expect(Buffer.from(concat(parts)).equals(Buffer.from(bytes))).toBe(true);
  });
});

test("entries of another writer are read with their stored bytes, and copied unchanged", () => {
  const zip = zipSync({ "a.xml": strToU8("<a/>"), "b/c.bin": new Uint8Array([1, 2, 3]) }, { level: 9 });
  const entries = readZip(zip);
  const again = readZip(writeZip(entries));
  expect(again.map((e) => [e.name, e.crc, e.method, Buffer.from(e.data).toString("hex")])).toEqual(entries.map((e) => [e.name, e.crc, e.method, Buffer.from(e.data).toString("hex")]));
});

describe("parts that inflate beyond their stated size (zip bombs, damaged files) are refused, never read on", () => {
  const bomb = new Uint8Array(5 << 20); // 5 MB of zeros: deflates to a few KB
  const lying = (codec: typeof fflateCodec) => {
    const e = makeEntry("xl/worksheets/sheet1.xml", [bomb], codec);
    return readZip(writeZip([{ ...e, size: 100 }]))[0];
  };

  test.each([["fflate", fflateCodec], ["zlib", zlibCodec]])("%s codec, whole and in pieces", (_name, codec) => {
    const e = lying(codec);
    expect(e.size).toBe(100);
    expect(() => inflateEntry(e, codec)).toThrow(ZipError);
    expect(() => streamEntry(e, codec, () => undefined, 10)).toThrow(ZipError); // in pieces
    expect(() => streamEntry(e, codec, () => undefined)).toThrow(ZipError); // whole
    // The true size is read as before.
    const honest = readZip(writeZip([makeEntry("a.xml", [bomb], codec)]))[0];
    expect(inflateEntry(honest, codec).length).toBe(bomb.length);
  });

  test("a part stated larger than any workbook's is refused when the package is opened", () => {
    const e = makeEntry("xl/worksheets/sheet1.xml", [strToU8("<a/>")], fflateCodec);
    expect(() => readZip(writeZip([{ ...e, size: MAX_PART + 1 }]))).toThrow(ZipError);
  });
});
