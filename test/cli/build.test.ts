/**
 * The compiled command line (src/cli/build.cjs, run by `npm ci` through `prepare`): it gives
 * the same output as the sources, and `jixiao rules` loads neither ExcelJS nor zod.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { getPreset } from "../../src/rulebook/load";
import { ruleRows } from "../../src/cli/rules-list";
import { binNodeOptions } from "../bench/bin-options";

const root = path.join(__dirname, "..", "..");

describe("the compiled command line", () => {
  let dir: string;
  let bundle: string;
  beforeAll(() => {
    // Inside the project (build/ is ignored by git), so that the bundle finds node_modules.
    fs.mkdirSync(path.join(root, "build"), { recursive: true });
    dir = fs.mkdtempSync(path.join(root, "build", "test-"));
    bundle = path.join(dir, "jixiao.cjs");
    execFileSync(process.execPath, [path.join(root, "src/cli/build.cjs"), bundle], { encoding: "utf8" });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is what `npm ci` builds (the prepare script) and what bin.cjs starts from", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.prepare).toBe("node src/cli/build.cjs");
    expect(fs.readFileSync(path.join(root, pkg.bin.jixiao), "utf8")).toContain('path.join(root, "build", "jixiao.cjs")');
    expect(fs.readFileSync(path.join(root, ".gitignore"), "utf8").split("\n")).toContain("/build/");
  });

  /** Runs the bundle with a preload that records every package the process requires; its output, and those packages. */
  function runRecording(args: string[]): { out: string; seen: string[] } {
    const hook = path.join(dir, "hook.cjs");
    fs.writeFileSync(hook, `const M = require("module"); const seen = new Set(); const load = M._load;
M._load = function (req, ...rest) { if (!req.startsWith(".") && !req.startsWith("/") && !req.startsWith("node:")) seen.add(req.startsWith("@") ? req.split("/").slice(0, 2).join("/") : req.split("/")[0]); return load.call(this, req, ...rest); };
process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(path.join(dir, "seen.json"))}, JSON.stringify([...seen])));`);
    const out = execFileSync(process.execPath, ["-r", hook, bundle, ...args], { encoding: "utf8" });
    return { out, seen: JSON.parse(fs.readFileSync(path.join(dir, "seen.json"), "utf8")) as string[] };
  }

  it("lists the same rules as the sources, without loading ExcelJS or zod", () => {
    const { out, seen } = runRecording(["rules", "--json"]);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(ruleRows(getPreset()))));
    expect(seen).toContain("commander");
    expect(seen).not.toContain("exceljs");
    expect(seen).not.toContain("zod");
  });

  it("checks and writes a fresh .xlsx without loading ExcelJS, SheetJS, zod, fflate or saxes (nothing stored to validate, the platform zlib, plain XML)", () => {
    const sample = path.join(root, "assets/samples/sample-county-2024.xlsx");
    const { seen } = runRecording(["check", sample, "--out", path.join(dir, "out"), "--json", path.join(dir, "fresh.json"), "--quiet"]);
    expect(seen).toEqual(expect.arrayContaining(["commander", "zlib"]));
    for (const lazy of ["exceljs", "@e965/xlsx", "zod", "fflate", "saxes"]) expect(seen).not.toContain(lazy);
    // Its checked copy carries a state sheet: checking that copy again validates it (zod is loaded then).
    const again = runRecording(["check", path.join(dir, "out", fs.readdirSync(path.join(dir, "out")).find((f) => f.endsWith(".xlsx"))!), "--no-write", "--quiet"]);
    expect(again.seen).toContain("zod");
  });

  it("sets V8's inlining budget before the command runs (src/cli/compiler-budget.ts), and leaves V8's own when asked", () => {
    const probe = path.join(dir, "probe.cjs");
    // A preload that records the flags the command sets.
    fs.writeFileSync(probe, `const v8 = require("v8"); const set = v8.setFlagsFromString; const seen = []; v8.setFlagsFromString = (f) => { seen.push(f); return set(f); };
process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(path.join(dir, "flags.json"))}, JSON.stringify(seen)));`);
    const flags = (env: NodeJS.ProcessEnv) => {
      execFileSync(process.execPath, ["-r", probe, bundle, "--version"], { encoding: "utf8", env });
      return JSON.parse(fs.readFileSync(path.join(dir, "flags.json"), "utf8")) as string[];
    };
    const set = flags({ ...process.env, JIXIAO_V8_DEFAULTS: "" });
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(/^--max-inlined-bytecode-size-cumulative=\d+$/);
    expect(flags({ ...process.env, JIXIAO_V8_DEFAULTS: "1" })).toEqual([]);
    // Before the program is made: the engine's code has not run yet.
    const text = fs.readFileSync(bundle, "utf8");
    expect(text.indexOf("setFlagsFromString)(")).toBeGreaterThan(0);
    expect(text.indexOf("setFlagsFromString)(")).toBeLessThan(text.indexOf("makeProgram().parseAsync"));
  });

  it("starts Node with --v8-pool-size=0 from its first line, run as a program (the way npm's shims start it, Windows' included)", async () => {
    const bin = path.join(root, "src", "cli", "bin.cjs");
    expect(binNodeOptions()).toEqual(["--v8-pool-size=0"]);
    // As the shell runs it: the first line starts Node with the option.
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+/);
    // npm's own shim maker (the .cmd and .ps1 files a Windows install gets), where npm keeps it.
    const cmdShimDir = path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "cmd-shim");
    if (!fs.existsSync(cmdShimDir)) return;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cmdShim = require(cmdShimDir) as (from: string, to: string) => Promise<void>;
    const to = path.join(dir, "shim", "jixiao");
    fs.mkdirSync(path.dirname(to), { recursive: true });
    await cmdShim(bin, to);
    for (const f of [`${to}.cmd`, `${to}.ps1`, to]) expect(fs.readFileSync(f, "utf8")).toMatch(/ --v8-pool-size=0 "[^"]*bin\.cjs"/);
  });

  it("checks a workbook exactly as the sources do", () => {
    const sample = path.join(root, "assets/samples/sample-county-2024.xlsx");
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    execFileSync(process.execPath, [bundle, "check", sample, "--no-write", "--json", a, "--quiet"], { encoding: "utf8" });
    execFileSync(process.execPath, [path.join(root, "src/cli/bin.cjs"), "check", sample, "--no-write", "--json", b, "--quiet"], { encoding: "utf8", env: { ...process.env, JIXIAO_FROM_SOURCE: "1" } });
    expect(fs.readFileSync(a, "utf8")).toBe(fs.readFileSync(b, "utf8"));
  });
});
