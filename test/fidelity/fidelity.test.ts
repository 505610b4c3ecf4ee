/**
 * Fidelity on workbooks made by another program (LibreOffice; see make-fixtures.py): the
 * checked copy from `jixiao check` holds every part of the input, byte for byte (compressed
 * bytes included) unless it is a part we patch; the patched parts keep what they had; the
 * copy still opens in LibreOffice with its charts, pivot table, names, protection and notes;
 * an .xlsm stays an .xlsm with its VBA project.
 *
 * The LibreOffice conversion runs when `soffice` is installed; with CI set it must be.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { runCheckCommand } from "../../src/cli/commands";
import { readZip } from "../../src/adapters/xlsx/zip";
import { openXlsx } from "../../src/adapters/xlsx/port";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { ReportSchema } from "../../src/engine/report";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";

const HERE = __dirname;
const FIXTURES = ["libreoffice-full.xlsx", "macro.xlsm"];
/** The parts a run may patch (sheets with results, their relationships and notes, the workbook's lists). */
const PATCHABLE = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet[12]\.xml|xl\/worksheets\/_rels\/sheet[12]\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;

let dir: string;
const out: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-fidelity-"));
  const json = path.join(dir, "report.json");
  const io = { out: () => undefined, err: (s: string) => void process.stderr.write(s), isTTY: false, now: new Date("2025-01-15T08:00:00Z") };
  const code = await runCheckCommand(FIXTURES.map((f) => path.join(HERE, f)), { out: path.join(dir, "out"), write: true, quiet: true, json }, io);
  expect(code).toBe(0);
  expect(ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8"))).files).toHaveLength(2);
  for (const f of FIXTURES) out[f] = fs.readFileSync(path.join(dir, "out", f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]);

describe.each(FIXTURES)("%s", (file) => {
  const input = () => new Uint8Array(fs.readFileSync(path.join(HERE, file)));

  test("every part of the input is in the copy; unpatched parts byte for byte, compressed bytes re-used", () => {
    const a = readZip(input());
    const b = new Map(readZip(new Uint8Array(out[file])).map((e) => [e.name, e]));
    const untouched: string[] = [];
    for (const e of a) {
      const got = b.get(e.name);
      expect({ part: e.name, present: got !== undefined }).toEqual({ part: e.name, present: true });
      if (PATCHABLE.test(e.name)) continue;
      untouched.push(e.name);
      expect({ part: e.name, same: Buffer.from(e.data).equals(Buffer.from(got!.data)), crc: got!.crc }).toEqual({ part: e.name, same: true, crc: e.crc });
    }
    // The charts, pivot table, table, image, drawings and properties are among the untouched.
    for (const p of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/tables/table1.xml", "xl/media/image1.png", "xl/drawings/drawing1.xml", "docProps/custom.xml", "xl/sharedStrings.xml"]) expect(untouched).toContain(p);
  });

  test("patched parts keep what they had: names, print area, pivot cache, protection, validation, table, drawings", () => {
    const a = unzipSync(input());
    const b = unzipSync(new Uint8Array(out[file]));
    const wb = text(b, "xl/workbook.xml");
    expect(wb).toContain('<definedName function="false" hidden="false" localSheetId="0" name="_xlnm.Print_Area" vbProcedure="false">项目表!$A$1:$G$4</definedName>');
    expect(wb).toContain('<definedName function="false" hidden="false" name="预算合计" vbProcedure="false">项目表!$E$2:$E$4</definedName>');
    expect(wb).toContain('<pivotCache cacheId="1" r:id="rId6"/>');
    expect(wb).toContain("<workbookProtection/>");
    const s1 = text(b, "xl/worksheets/sheet1.xml");
    expect(s1).toContain('<sheetProtection sheet="true" password="dd8d" objects="true" scenarios="true"/>');
    expect(s1).toMatch(/<drawing r:id="rId2"\/><legacyDrawing r:id="rId3"\/><\/worksheet>$/);
    expect(s1).toContain("执行率得分");
    const s2 = text(b, "xl/worksheets/sheet2.xml");
    expect(s2).toContain('<dataValidation allowBlank="true" errorStyle="stop" operator="equal" showDropDown="false" showErrorMessage="false" showInputMessage="false" sqref="G2:G11" type="list"><formula1>&quot;10,20,30,40,50&quot;</formula1><formula2>0</formula2></dataValidation>');
    expect(s2).toContain('<tableParts><tablePart r:id="rId2"/></tableParts>');
    // Each original relationship is still there.
    for (const rels of ["xl/_rels/workbook.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/_rels/sheet2.xml.rels"]) {
      for (const m of text(a, rels).matchAll(/<Relationship [^>]*\/>/g)) expect(text(b, rels)).toContain(m[0]);
    }
    for (const m of text(a, "[Content_Types].xml").matchAll(/<(Override|Default) [^>]*\/>/g)) expect(text(b, "[Content_Types].xml")).toContain(m[0]);
    // The user's note is still in the comments part, beside ours.
    expect(Object.entries(b).some(([n, d]) => /^xl\/comments\d+\.xml$/.test(n) && strFromU8(d).includes("用户批注：项目名称以预算系统为准"))).toBe(true);
  });

  test("re-running on the copy is running once; 清除标记 gives the input's values back with every part", async () => {
    const first = openXlsx(new Uint8Array(out[file]), file);
    const once = await first.readSnapshot();
    const again = openXlsx(new Uint8Array(out[file]), file);
    await checkWorkbook(again, { now: new Date("2025-01-15T08:00:00Z") });
    const twice = openXlsx(again.save(), file);
    const strip = (snap: Awaited<ReturnType<typeof first.readSnapshot>>) => snap.sheets.filter((s) => !["_jixiao", "运行记录"].includes(s.name)).map((s) => ({ name: s.name, values: s.values, merges: [...s.merges].sort() }));
    expect(strip(await twice.readSnapshot())).toEqual(strip(once));
    await clearWorkbook(twice);
    const cleared = twice.save();
    const original = await openXlsx(input(), file).readSnapshot();
    expect((await openXlsx(cleared, file).readSnapshot()).sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges }))).toEqual(original.sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges })));
    const a = readZip(input());
    const b = new Map(readZip(cleared).map((e) => [e.name, e]));
    for (const e of a) {
      expect({ part: e.name, present: b.has(e.name) }).toEqual({ part: e.name, present: true });
      if (!PATCHABLE.test(e.name)) expect({ part: e.name, same: Buffer.from(e.data).equals(Buffer.from(b.get(e.name)!.data)) }).toEqual({ part: e.name, same: true });
    }
    expect([...b.keys()].sort()).toEqual(a.map((e) => e.name).sort());
  });

  test("the copy read by our reader gives the values ExcelJS reads", async () => {
    const ours = await openXlsx(new Uint8Array(out[file]), file).readSnapshot();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out[file] as unknown as ArrayBuffer);
    const theirs = await new ExcelJSPort(wb, file).readSnapshot();
    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.sheets.map((s) => s.name));
    for (let i = 0; i < ours.sheets.length; i++) {
      expect({ sheet: ours.sheets[i].name, values: ours.sheets[i].values, merges: [...ours.sheets[i].merges].sort() }).toEqual({ sheet: theirs.sheets[i].name, values: theirs.sheets[i].values, merges: [...theirs.sheets[i].merges].sort() });
    }
  });
});

test("an .xlsm stays an .xlsm: macro content type, the VBA project and its relationship", () => {
  const a = unzipSync(new Uint8Array(fs.readFileSync(path.join(HERE, "macro.xlsm"))));
  const b = unzipSync(new Uint8Array(out["macro.xlsm"]));
  expect(Buffer.from(b["xl/vbaProject.bin"]).equals(Buffer.from(a["xl/vbaProject.bin"]))).toBe(true);
  expect(text(b, "[Content_Types].xml")).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
  expect(text(b, "[Content_Types].xml")).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
  expect(text(b, "xl/_rels/workbook.xml.rels")).toContain('Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"');
});

function soffice(): string | null {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? "soffice" : null;
}

describe("LibreOffice opens the checked copy", () => {
  const bin = soffice();
  if (!bin && process.env.CI) {
    test("soffice is installed (required in CI: apt-get install libreoffice-calc-nogui)", () => {
      throw new Error("soffice not found; CI must install LibreOffice (libreoffice-calc-nogui)");
    });
    return;
  }
  const maybe = bin ? test : test.skip;
  maybe(
    "charts, pivot table, named range, protection, print area and notes are still there",
    () => {
      const conv = path.join(dir, "conv");
      fs.mkdirSync(conv, { recursive: true });
      const profile = `file://${path.join(dir, "lo-profile")}`;
      const files = FIXTURES.map((f) => path.join(dir, "out", f));
      execFileSync(bin as string, ["--headless", "--norestore", `-env:UserInstallation=${profile}`, "--convert-to", "ods", "--outdir", conv, ...files], { stdio: "pipe", timeout: 180000 });
      for (const f of FIXTURES) {
        const ods = path.join(conv, f.replace(/\.xls[xm]$/, ".ods"));
        expect(fs.existsSync(ods)).toBe(true);
        const parts = unzipSync(new Uint8Array(fs.readFileSync(ods)));
        const content = strFromU8(parts["content.xml"]);
        const charts = Object.keys(parts).filter((n) => /^Object \d+\/content\.xml$/.test(n)).map((n) => strFromU8(parts[n]));
        // The user's two charts over 项目表, and our own real charts on 领导汇总.
        expect(charts.filter((c) => c.includes("<chart:chart") && c.includes("项目表."))).toHaveLength(2);
        expect(charts.filter((c) => c.includes("<chart:chart") && c.includes("领导汇总.")).length).toBeGreaterThan(0);
        expect(content).toContain('table:data-pilot-table table:name="分值透视"');
        expect(content).toContain('table:named-range table:name="预算合计"');
        expect(content).toMatch(/<table:table table:name="项目表"[^>]*table:protected="true"[^>]*table:print-ranges="项目表.A1:项目表.G4"/);
        expect(content).toContain("用户批注：项目名称以预算系统为准");
        expect(content).toContain("执行率得分");
        for (const s of ["校验结果", "领导汇总", "运行记录"]) expect(content).toContain(`<table:table table:name="${s}"`);
        expect(content).toMatch(/<draw:frame[^>]*>\s*<draw:image/); // the image
      }
    },
    240000,
  );
});
