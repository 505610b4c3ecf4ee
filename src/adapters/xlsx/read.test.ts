/** Reading packages straight from their parts, including what other programs (and hostile files) write. */
import { strToU8, zipSync } from "fflate";
import { openXlsx } from "./port";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function pkg(sheets: string[], extra: { sst?: string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`),
    "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook ${MAIN}>${extra.workbookPr ?? ""}<sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"${i === 1 ? ' state="hidden"' : ""}/>`).join("")}</sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(extra.sst ?? `<sst ${MAIN}></sst>`),
    "xl/styles.xml": strToU8(extra.styles ?? `<styleSheet ${MAIN}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s)));
  return zipSync(files);
}

test("values of every cell type, formats, merges, visibility, shared strings with runs and phonetics", async () => {
  const sst = `<sst ${MAIN}><si><t>项目</t></si><si><r><t>培训</t></r><r><rPr><b/></rPr><t xml:space="preserve">人次 </t></r><rPh sb="0" eb="1"><t>ペイ</t></rPh></si><si><t>&lt;a&amp;b&gt;</t></si></sst>`;
  const styles = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const s1 = `<worksheet ${MAIN}><dimension ref="A1:XFD1048576"/><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联</t></is></c></row>
    <row r="2"><c r="A2" s="1"><v>45657</v></c><c r="B2" s="2"><v>45292</v></c><c r="C2" s="3"><v>0.95</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>
    <row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"x"</f><v>文本</v></c><c r="C3"><f t="shared" si="0"/></c><c r="D3" t="d"><v>2024-12-31T00:00:00</v></c><c r="E3" s="3"/></row>
    <row r="7"><c r="B7"><v>7</v></c></row>
  </sheetData><mergeCells count="2"><mergeCell ref="A5:XFD1048576"/><mergeCell ref="C2:D2"/></mergeCells></worksheet>`;
  const s2 = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>无r</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const snap = await openXlsx(pkg([s1, s2], { sst, styles }), "t.xlsx").readSnapshot();
  const [a, b] = snap.sheets;
  expect(a.values[0]).toEqual(["项目", "培训人次 ", "<a&b>", "内联"]);
  expect(a.values[1]).toEqual([45657, 45292, 0.95, null, { error: "#N/A" }]); // D2 is inside the merge C2:D2
  expect(a.values[2]).toEqual([2, "文本", null, 45657]);
  expect(a.values[6]).toBeUndefined(); // B7 lies inside the merge A5:… and is not its master
  expect(a.values).toHaveLength(3);
  expect(a.formats).toMatchObject({ A2: "mm-dd-yy", B2: 'yyyy"年"m"月"d"日"', C2: "0.00%" });
  expect(a.merges).toEqual(["A5:XFD1048576", "C2:D2"]);
  expect(a.visibility).toBe("visible");
  expect(b.visibility).toBe("hidden");
  expect(b.values).toEqual([["无r", 2], [null, 3]]);
});

test("an error value and a 1904 workbook", async () => {
  const s = `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="e"><v>#REF!</v></c><c r="B1" t="d"><v>1904-01-02</v></c></row></sheetData></worksheet>`;
  const snap = await openXlsx(pkg([s], { workbookPr: '<workbookPr date1904="1"/>' }), "t.xlsx").readSnapshot();
  expect(snap.sheets[0].values[0]).toEqual([{ error: "#REF!" }, 1]);
});

test("not a package, or a damaged one, is refused with a reason", () => {
  expect(() => openXlsx(strToU8("not a zip"), "x.xlsx")).toThrow(/not a zip/);
  expect(() => openXlsx(zipSync({ "a.txt": strToU8("x") }), "x.xlsx")).toThrow(/Content_Types/);
});

test("a patched sheet of a prefixed, r-less package reads back", async () => {
  const s2 = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>无r</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const port = openXlsx(pkg([s2]), "t.xlsx");
  await port.applyPlan({ actions: [{ kind: "setValues", sheet: "S1", topLeft: "A2", values: [["新"]] }, { kind: "setValues", sheet: "S1", topLeft: "C1", values: [["右"]] }, { kind: "setNote", sheet: "S1", address: "A1", text: "注" }] });
  const again = openXlsx(port.save(), "t.xlsx");
  expect((await again.readSnapshot()).sheets[0].values).toEqual([["无r", 2, "右"], ["新", 3]]);
  expect((await again.readLooks([{ sheet: "S1", addresses: ["A1"] }])).S1.A1.note).toBe("注");
});
