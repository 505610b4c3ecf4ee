/**
 * The sheet scanner's hand-written pieces against the regular expressions they replaced, on
 * generated and hostile markup: a cell's r / s / t, a row's number, A1 references, the UTF-8
 * of patched output, and whole sheets read and patched the same whether scanned as bytes or text.
 */
import fc from "fast-check";
import { attrAt, attrEnd, CellCursor, parseRef, refColumn, rowCells, rowNumberAt, rowNumberOf, visitSheet, withoutAttr, type SheetOut } from "./sheet";
import { ByteOut, fflateCodec } from "./zip";
import { isNameEnd } from "./xml";

/** What the scanner did before, with its regular expressions (the reference). */
function refParseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
  }
  const row = Number(ref.slice(i));
  if (!col || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

const refRowNumber = (openTag: string) => {
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(openTag);
  return m ? Number(m[1]) - 1 : null;
};

function refRowCells(row: string, prefix: string) {
  const out: { start: number; openEnd: number; end: number; col: number; s: number; t: string; hasRef: boolean }[] = [];
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let p = row.indexOf(">") + 1;
  if (row[p - 2] === "/") return out;
  let col = -1;
  for (;;) {
    let i = row.indexOf(open, p);
    while (i >= 0 && !isNameEnd(row[i + open.length])) i = row.indexOf(open, i + 1);
    if (i < 0) break;
    const te = row.indexOf(">", i);
    if (te < 0) break;
    const tag = row.slice(i, te + 1);
    let end: number;
    if (row[te - 1] === "/") end = te + 1;
    else {
      const c = row.indexOf(close, te);
      end = c < 0 ? row.length : c + close.length;
    }
    let s = 0;
    let t = "n";
    let hasRef = false;
    const re = /\s(r|s|t)\s*=\s*["']([^"']*)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(tag))) {
      if (m[1] === "r") {
        const ref = refParseRef(m[2]);
        if (ref) {
          col = ref.col;
          hasRef = true;
        }
      } else if (m[1] === "s") s = Number(m[2]) || 0;
      else t = m[2];
    }
    if (!hasRef) col++;
    out.push({ start: i, openEnd: te + 1, end, col, s, t, hasRef });
    p = end;
  }
  return out;
}

// Markup made of the pieces that matter, in any order: hostile spacing, quotes, prefixes, values.
const space = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\ufeff", "");
const quote = fc.constantFrom('"', "'");
const value = fc.oneof(
  fc.constantFrom("A1", "B12", "$C$3", "aa7", "XFD1048576", "A0", "A", "12", "1e3", "0x1F", " 5", "A1 ", "s", "str", "inlineStr", "n", "b", "e", "d", "3", "-1", "1.5", "", "丠r='7'", "9999999999999999999"),
  fc.string({ maxLength: 6 }),
);
const attrName = fc.constantFrom("r", "s", "t", "rr", "spans", "x14ac:dyDescent", "ht", "cm", "vm", "ph");
const attr = fc.tuple(space, attrName, space, space, quote, value, quote).map(([w, n, a, b, q1, v, q2]) => `${w || " "}${n}${a}=${b}${q1}${v}${q2}`);
const junk = fc.constantFrom("", " ", "/", "=", '"', "'", " r", " r=", ' r="', "s=1", "\u3000r='2'");
const openTag = (name: string) => fc.tuple(fc.array(fc.oneof(attr, junk), { maxLength: 5 }), fc.boolean()).map(([as, self]) => `<${name}${as.join("")}${self ? "/" : ""}>`);
const prefix = fc.constantFrom("", "x:");
const cell = (p: string) =>
  fc.tuple(openTag(`${p}c`), fc.constantFrom("", `<${p}v>1</${p}v>`, `<${p}f>A1</${p}f><${p}v>2</${p}v>`, `<${p}is><${p}t>x</${p}t></${p}is>`, "text", `<${p}v/>`, `<${p}c/>`, `<${p}col/>`), fc.boolean()).map(([o, inner, closed]) =>
    o.endsWith("/>") ? o : `${o}${inner}${closed ? `</${p}c>` : ""}`,
  );
const row = prefix.chain((p) => fc.tuple(fc.constant(p), openTag(`${p}row`), fc.array(fc.oneof(cell(p), fc.constantFrom("<!-- c -->", " ", `<${p}cx/>`, `<${p}c`)), { maxLength: 6 })).map(([pp, o, cs]) => ({ p: pp, xml: o.endsWith("/>") ? o : `${o}${cs.join("")}</${pp}row>` })));

describe("the hand scanners do what the regular expressions did", () => {
  test("A1 references", () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.string({ maxLength: 8 })), (s) => {
        expect(parseRef(s)).toEqual(refParseRef(s));
        expect(refColumn(s)).toBe(refParseRef(s)?.col ?? -1);
      }),
      { numRuns: 3000 },
    );
  });

  test("a row's number", () => {
    fc.assert(
      fc.property(openTag("row"), (tag) => {
        expect(rowNumberOf(tag)).toEqual(refRowNumber(tag));
        // In place, inside a longer text.
        const text = `<x>${tag}<c r="A1"/>`;
        expect(rowNumberAt(text, 3, 3 + tag.length - 1)).toEqual(refRowNumber(tag));
      }),
      { numRuns: 3000 },
    );
  });

  test("an attribute taken out of a tag (setAttr(tag, name, null))", () => {
    const tags = fc.tuple(openTag("row"), fc.array(fc.constantFrom(" spans=\"1:3\"", "\tspans = '2'", " spans=", " spans=\"x", "spans=\"1\"", " spansx=\"1\"", "\u3000spans=\"4\""), { maxLength: 3 })).map(([t, extra]) => t.slice(0, -1) + extra.join("") + ">");
    fc.assert(fc.property(tags, (tag) => expect(withoutAttr(tag, "spans")).toBe(tag.replace(/\sspans\s*=\s*(?:"[^"]*"|'[^']*')/, ""))), { numRuns: 3000 });
    // In place in the sheet text: nothing past the tag is looked at.
    fc.assert(
      fc.property(tags, fc.string({ maxLength: 4 }), fc.constantFrom("", '"', "'", ' spans="1:3"', "s"), (tag, before, after) => {
        const text = before + tag + after;
        const k = attrAt(text, before.length, before.length + tag.length, "spans");
        const got = k < 0 ? tag : text.slice(before.length, k) + text.slice(attrEnd, before.length + tag.length);
        expect(got).toBe(tag.replace(/\sspans\s*=\s*(?:"[^"]*"|'[^']*')/, ""));
      }),
      { numRuns: 3000 },
    );
  });

  test("a row's cells, in a row string and in place in the sheet text", () => {
    fc.assert(
      fc.property(row, fc.string({ maxLength: 5 }), ({ p, xml }, around) => {
        expect(rowCells(xml, p)).toEqual(refRowCells(xml, p));
        // The same row inside the sheet text: offsets shift, nothing past the row is looked at.
        const text = `${around}${xml}<${p}row><${p}c r="Z9" s="5" t="s"/></${p}row>`;
        const cur = new CellCursor().reset(text, text.indexOf(">", around.length) + 1, around.length + xml.length, p);
        const got = [];
        while (cur.next()) got.push({ start: cur.start - around.length, openEnd: cur.openEnd - around.length, end: cur.end - around.length, col: cur.col, s: cur.s, t: cur.t, hasRef: cur.hasRef });
        expect(got).toEqual(refRowCells(xml, p));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("patched output bytes", () => {
  test("ByteOut writes what TextEncoder writes (lone surrogates as U+FFFD), short and long text alike", () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 400 })), { maxLength: 8 }), (parts) => {
        const out = new ByteOut(4);
        for (const s of parts) out.text(s);
        expect(Buffer.from(out.take(false)).equals(Buffer.from(enc.encode(parts.join(""))))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a whole sheet reads and patches alike as ASCII bytes and as text", () => {
  const sheets = fc.tuple(prefix, fc.array(row, { maxLength: 6 }), fc.constantFrom("", "中", "\ufeff")).map(([p, rows, extra]) => {
    const rs = rows.filter((r) => r.p === p).map((r) => r.xml);
    return `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${rs.join("\n")}</${p}sheetData><${p}pageMargins left="0.7"/>${extra}</${p}worksheet>`;
  });

  function run(xml: string, whole: boolean, asBytes: boolean): { rows: string[]; out: string } | string {
    try {
      return patch(xml, whole, asBytes);
    } catch (e) {
      return String(e);
    }
  }

  function patch(xml: string, whole: boolean, asBytes: boolean): { rows: string[]; out: string } {
    const bytes = new TextEncoder().encode(xml);
    const rows: string[] = [];
    const out = new ByteOut();
    const sink: SheetOut = asBytes ? { text: (s) => out.text(s), bytes: (b) => out.bytes(b) } : { text: (s) => out.text(s) };
    visitSheet(
      (feed) => {
        if (whole) return feed(bytes, true);
        for (let o = 0; o < bytes.length; o += 7) feed(bytes.subarray(o, o + 7), o + 7 >= bytes.length);
      },
      {
        head: (h) => h,
        row: (buf, start, openEnd, end, r, splice) => {
          rows.push(`${r}:${buf.slice(start, end)}`);
          // Every other row gets something inserted before its close.
          if (r % 2 === 0 && buf[openEnd - 2] !== "/") splice(end - 6, end - 6, `<c r="Q${r + 1}"><v>${r}</v></c>`);
        },
        endRows: () => '<row r="99"/>',
        tail: (t) => t,
      },
      sink,
      fflateCodec,
    );
    return { rows, out: new TextDecoder().decode(out.take(false)) };
  }

  test("rows, their numbers and the patched text", () => {
    fc.assert(
      fc.property(sheets, (xml) => {
        const a = run(xml, true, true);
        expect(run(xml, true, false)).toEqual(a);
        expect(run(xml, false, false)).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });
});
