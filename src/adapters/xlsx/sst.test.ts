/**
 * The hand reading of shared strings gives what saxes gives, or steps aside: on generated and
 * mutated documents (entities, character references, runs, phonetics, prefixes, self-closing
 * tags, stray markup), fastSharedStrings is either null or exactly saxSharedStrings — and never
 * accepts what saxes refuses.
 */
import fc from "fast-check";
import { unzipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { fastSharedStrings, saxSharedStrings } from "./read";

const sax = (x: string): string[] | string => {
  try {
    return saxSharedStrings(x);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
};

const text = fc.oneof(
  fc.constantFrom("项目", "a b", " lead", "trail ", "\n", "\t", "&amp;", "&lt;&gt;", "&quot;&apos;", "&#20013;", "&#x4e2d;", "&#x1F600;", "&#0;", "&#xD800;", "&#13;", "&bogus;", "&", "]]>", "]]", ">", "\r\n", "\u0001", "\ud83d\ude00", "\ud83d", "\ufffe", "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", ""),
  fc.string({ maxLength: 4 }),
);
const p = fc.constantFrom("", "x:");
const t = (pre: string) => fc.tuple(fc.constantFrom("", ' xml:space="preserve"', " xml:space='preserve'", ' a="1"b="2"', ' a="1" a="2"', ' a="<"', ' a="&amp;"', " a=x", "\n"), fc.array(text, { maxLength: 3 }), fc.boolean()).map(([a, ts, self]) => (self ? `<${pre}t${a}/>` : `<${pre}t${a}>${ts.join("")}</${pre}t>`));
const run = (pre: string) => fc.tuple(fc.boolean(), t(pre)).map(([rpr, tt]) => `<${pre}r>${rpr ? `<${pre}rPr><${pre}b/><${pre}sz val="11"/></${pre}rPr>` : ""}${tt}</${pre}r>`);
const si = (pre: string) =>
  fc.tuple(fc.array(fc.oneof(t(pre), run(pre), fc.constant(`<${pre}rPh sb="0" eb="1"><${pre}t>ピン</${pre}t></${pre}rPh>`), fc.constant(`<${pre}phoneticPr fontId="1"/>`), fc.constant(" ")), { maxLength: 4 }), fc.boolean()).map(([parts, self]) => (self ? `<${pre}si/>` : `<${pre}si>${parts.join("")}</${pre}si>`));
const doc = p.chain((pre) =>
  fc.tuple(fc.constantFrom('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', '<?xml version="1.0"?>', "", '<?xml version="1.1"?>', "<?xml version='1.0'?>", " ", "\ufeff"), fc.array(si(pre), { maxLength: 5 }), fc.constantFrom("", "\n", " x", "<a/>", "<!-- end -->")).map(
    ([decl, sis, after]) => `${decl}<${pre}sst xmlns${pre ? `:${pre.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sis.length}">${sis.join("")}</${pre}sst>${after}`,
  ),
);
// A document cut or with a character changed anywhere.
const mutated = fc.tuple(doc, fc.nat(), fc.constantFrom("", "<", ">", "&", "/", '"', "'", " ", "\r", "x", "</si>", "<si>")).map(([d, at, ch]) => {
  const i = at % (d.length + 1);
  return d.slice(0, i) + ch + d.slice(i + (at % 3 === 0 ? 1 : 0));
});

test("fast shared strings: saxes's result or null, on generated and mutated documents", () => {
  let fast = 0;
  fc.assert(
    fc.property(fc.oneof(doc, mutated), (x) => {
      const f = fastSharedStrings(x);
      if (f === null) return;
      fast++;
      expect(f).toEqual(sax(x));
    }),
    { numRuns: 20000 },
  );
  // The fast reading did take most well-formed documents.
  expect(fast).toBeGreaterThan(300);
});

test("the shared strings of real packages (Excel, WPS, LibreOffice, ExcelJS) are read the fast way, the same as saxes", () => {
  const roots = [path.join(__dirname, "../../../test/fixtures"), path.join(__dirname, "../../../test/fidelity")];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(path.join(d, f.name));
      else if (/\.xls[xm]$/.test(f.name)) files.push(path.join(d, f.name));
    }
  };
  roots.forEach(walk);
  let n = 0;
  for (const file of files) {
    const parts = unzipSync(fs.readFileSync(file));
    const sst = parts["xl/sharedStrings.xml"];
    if (!sst) continue;
    const x = new TextDecoder("utf-8", { ignoreBOM: false }).decode(sst);
    expect({ file, strings: fastSharedStrings(x) }).toEqual({ file, strings: saxSharedStrings(x) });
    n++;
  }
  expect(n).toBeGreaterThan(5);
});
