import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkManifest, checkManifestXml, emittedFiles, pngSize } from "./check-manifest";

const repo = resolve(__dirname, "../..");
const xml = readFileSync(join(repo, "manifest.xml"), "utf8");
const commandsSource = readFileSync(join(repo, "src/commands/commands.ts"), "utf8");

describe("manifest check (offline)", () => {
  let emitted: Map<string, string>;
  beforeAll(async () => {
    emitted = await emittedFiles(repo);
  });
  const check = (text: string) => checkManifestXml(text, { emitted, commandsSource });

  it("passes on the committed manifest", async () => {
    expect(await checkManifest(repo)).toEqual([]);
  });

  it("knows what the build emits from webpack.config.js", () => {
    expect([...emitted.keys()]).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "assets/icon-16.png", "assets/icon-80.png"]));
    expect(pngSize(emitted.get("assets/icon-80.png") as string)).toEqual({ width: 80, height: 80 });
  });

  it("refuses malformed XML", () => {
    expect(check(xml.replace("</Id>", "</ID>"))[0]).toMatch(/not well-formed/);
  });

  it("refuses an id that is not a GUID", () => {
    expect(check(xml.replace(/<Id>[^<]+<\/Id>/, "<Id>jixiao</Id>"))).toContain('<Id> "jixiao" is not a GUID');
  });

  it("refuses a URL the build does not emit and an icon of the wrong size", () => {
    expect(check(xml.replace("assets/icon-80.png", "assets/icon-81.png"))).toContain('https://localhost:3000/assets/icon-81.png: the build emits no "assets/icon-81.png"');
    const swapped = xml.replace('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>');
    expect(check(swapped).some((e) => /icon-32\.png: 32×32, expected 16×16/.test(e))).toBe(true);
  });

  it("requires ExcelApi 1.9, a zh-CN default and defined resources", () => {
    expect(check(xml.split('MinVersion="1.9"').join('MinVersion="1.3"'))).toContain("ExcelApi MinVersion is 1.3, expected 1.9");
    expect(check(xml.replace("<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"))).toContain("<DefaultLocale> must be zh-CN");
    expect(check(xml.replace('resid="Check.Tooltip"', 'resid="Check.Tip"'))).toContain('<Description resid="Check.Tip"> refers to no resource');
  });

  it("requires every ribbon function to be associated", () => {
    expect(check(xml.replace("<FunctionName>clearMarks</FunctionName>", "<FunctionName>clearAll</FunctionName>"))).toContain(
      "<FunctionName>clearAll</FunctionName> is not associated in src/commands/commands.ts",
    );
  });
});

describe("production build of the manifest", () => {
  it("rewrites every localhost URL to JIXIAO_URL", async () => {
    const saved = process.env.JIXIAO_URL;
    process.env.JIXIAO_URL = "https://jixiao.example.org/addin";
    try {
      type Config = { plugins: { patterns?: { from: string; transform?: (c: Buffer) => string | Buffer }[] }[] };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Promise<Config | Config[]>;
      const configs = [await makeConfig({}, { mode: "production" })].flat();
      const pattern = configs.flatMap((c) => c.plugins).flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
      const out = String(pattern?.transform?.(Buffer.from(xml)));
      expect(out).not.toContain("localhost");
      expect(out).toContain('<SourceLocation DefaultValue="https://jixiao.example.org/addin/taskpane.html"/>');
      expect(out).toContain("<AppDomain>https://jixiao.example.org</AppDomain>");
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_URL;
      else process.env.JIXIAO_URL = saved;
    }
  });
});
