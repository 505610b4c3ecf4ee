/** The zip layer: entries copied as stored, new ones written whole or (large parts) in pieces, with either codec. */
import { strToU8, unzipSync, zipSync } from "fflate";
import { crc32, EntryWriter, fflateCodec, makeEntry, readZip, streamEntry, writeZip, concat } from "./zip";
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
