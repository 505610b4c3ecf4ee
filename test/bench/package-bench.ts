/**
 * Package benchmark: the whole `jixiao check` (read the package, engine, patch and write the
 * checked copy) against ExcelJS alone reading and writing the same file, and peak memory.
 *
 *   node src/cli/run-ts.cjs test/bench/package-bench.ts            (2,000 and 20,000 projects)
 *   node src/cli/run-ts.cjs test/bench/package-bench.ts 2000       (chosen sizes, in projects)
 *
 * Each measurement runs in its own child process, so that its peak RSS (maxRSS) is its own.
 * 10 indicators per project: 2,000 projects = 20,000 indicators. Goals (issue 9): check ≤ 0.5×
 * ExcelJS read+write at 20,000 indicators; peak memory ≤ 1 GB at 200,000 indicators.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { syntheticProjects, writeListWorkbook } from "./bench";
import { binNodeOptions } from "./bin-options";

const ROOT = resolve(__dirname, "..", "..");
const DEFAULT_SIZES = [2000, 20000];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

interface Measure {
  ms: number;
  readMs?: number;
  writeMs?: number;
  rssMB: number;
  bytes?: number;
}

async function childExcelJS(file: string, out: string): Promise<Measure> {
  let t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const readMs = ms(t0);
  t0 = process.hrtime.bigint();
  await wb.xlsx.writeFile(out);
  const writeMs = ms(t0);
  return { ms: readMs + writeMs, readMs, writeMs, rssMB: maxRssMB(), bytes: statSync(out).size };
}

/** The same run as `jixiao check`, stage by stage: what the package adapter costs and what the engine costs. */
async function childStages(file: string, out: string): Promise<Measure & { stages: Record<string, number> }> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { openXlsxFile, writeFileAtomic } = require(join(ROOT, "src", "adapters", "xlsx", "node")) as typeof import("../../src/adapters/xlsx/node");
  const { analyse } = require(join(ROOT, "src", "engine", "pipeline")) as typeof import("../../src/engine/pipeline");
  const { buildFileReport } = require(join(ROOT, "src", "engine", "build-report")) as typeof import("../../src/engine/build-report");
  const { buildWritePlan, highlightRequests } = require(join(ROOT, "src", "writeplan")) as typeof import("../../src/writeplan");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const stages: Record<string, number> = {};
  const t00 = process.hrtime.bigint();
  let t0 = t00;
  const lap = (k: string) => {
    stages[k] = (stages[k] ?? 0) + ms(t0);
    t0 = process.hrtime.bigint();
  };
  const port = openXlsxFile(file);
  const snapshot = await port.readSnapshot();
  lap("read");
  const a = analyse(snapshot, { now: new Date(Date.UTC(2025, 2, 31)) });
  const report = buildFileReport(snapshot.name, a);
  lap("engine");
  const looks = await port.readLooks(highlightRequests(a.findings));
  lap("write");
  const { plan } = buildWritePlan({ snapshot, model: a.model, results: a.results, findings: a.findings, report, preset: a.rulebook.preset, rulebookVersion: a.rulebook.version, runAt: new Date(), looks });
  lap("engine");
  await port.applyPlan(plan);
  writeFileAtomic(out, port.save());
  lap("write");
  return { ms: ms(t00), rssMB: maxRssMB(), stages };
}

/**
 * The whole `jixiao check` as a user runs it: the compiled command (what `npm ci` builds) with the
 * Node options `jixiao` starts with, start-up included, in a process of its own; wall time
 * measured from outside, peak RSS from inside.
 */
function spawnCheck(bundle: string, file: string, outDir: string, defaults = false): Measure {
  // As `jixiao` starts: with the Node options of its first line (src/cli/bin.cjs); `defaults`: without them and without the compiler budget.
  const env = defaults ? { ...process.env, JIXIAO_V8_DEFAULTS: "1" } : process.env;
  const nodeOptions = defaults ? [] : binNodeOptions();
  const argv = JSON.stringify([bundle, "check", file, "--out", outDir, "-q"]);
  const wrapper =
    `process.on("exit", () => process.stdout.write("BENCH " + JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024 }) + "\\n"));` +
    `process.argv = [process.argv[0], ...${argv}]; require(${JSON.stringify(bundle)});`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeOptions, "--max-old-space-size=8192", "-e", wrapper], { encoding: "utf8", maxBuffer: 1 << 26, env });
  const wall = ms(t0);
  const line = r.stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (r.status !== 0 || !line) throw new Error(`jixiao check failed: ${(r.stderr || `exit ${r.status}`).trim().split("\n").slice(-3).join(" | ")}`);
  return { ms: wall, rssMB: (JSON.parse(line.slice(6)) as { rssMB: number }).rssMB };
}

/**
 * ExcelJS reading and writing the file as a command would: a process of its own, Node's start and
 * loading ExcelJS included (wall time from outside) — the same footing as `spawnCheck`.
 */
function spawnExcelJSProcess(file: string, out: string): Measure {
  const script = `const ExcelJS = require("exceljs"); (async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(${JSON.stringify(file)}); await wb.xlsx.writeFile(${JSON.stringify(out)}); })();`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", "-e", script], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26 });
  const wall = ms(t0);
  if (r.status !== 0) throw new Error(`ExcelJS process failed: ${(r.stderr || `exit ${r.status}`).trim().split("\n").slice(-3).join(" | ")}`);
  return { ms: wall, rssMB: NaN };
}

function spawnChild(kind: string, file: string, out: string): Measure {
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", join(ROOT, "src", "cli", "run-ts.cjs"), __filename, "--child", kind, file, out], { encoding: "utf8", maxBuffer: 1 << 26 });
  const line = r.stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`${kind} failed: ${(r.stderr || `exit ${r.status}`).trim().split("\n").slice(-3).join(" | ")}`);
  return JSON.parse(line.slice(6)) as Measure;
}

const sec = (x: number) => (x / 1000).toFixed(2) + " s";
/** Runs per measure at the goal's sizes (the median is reported). */
const RUNS = 3;
/** The run with the median time (its own peak memory and stages with it). */
function median(ms: Measure[]): Measure | null {
  if (!ms.length) return null;
  return [...ms].sort((a, b) => a.ms - b.ms)[ms.length >> 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    const m = args[1] === "exceljs" ? await childExcelJS(args[2], args[3]) : await childStages(args[2], args[3]);
    process.stdout.write("BENCH " + JSON.stringify(m) + "\n");
    return;
  }
  const sizes = (args.length ? args.map(Number) : DEFAULT_SIZES).filter((n) => Number.isInteger(n) && n > 0);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-package-bench-"));
  const rows: string[][] = [];
  // The command compiled as `npm ci` compiles it (beside node_modules, so its packages resolve).
  const bundle = join(ROOT, "build", "jixiao-bench.cjs");
  const built = spawnSync(process.execPath, [join(ROOT, "src", "cli", "build.cjs"), bundle], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`cannot build the command line: ${built.stderr}`);
  try {
    for (const n of sizes) {
      const file = join(dir, `list-${n}.xlsx`);
      await writeListWorkbook(file, syntheticProjects(n), false);
      process.stderr.write(`generated ${n} projects × 10 indicators (${(statSync(file).size / 1048576).toFixed(1)} MB); measuring…\n`);
      const big = n * 10 >= 100000;
      // Each measured RUNS times, taking turns, and the median run kept (one run alone moves by ±10 %);
      // ExcelJS's own write is superlinear: at 200,000 indicators it is not run (it takes minutes and GBs).
      const ejs: Measure[] = [];
      const checks: Measure[] = [];
      const ejps: Measure[] = [];
      const defaults: Measure[] = [];
      for (let k = 0; k < (big ? 1 : RUNS); k++) {
        if (!big) ejs.push(spawnChild("exceljs", file, join(dir, `exceljs-${n}.xlsx`)));
        checks.push(spawnCheck(bundle, file, join(dir, `out-${n}`)));
        if (!big) ejps.push(spawnExcelJSProcess(file, join(dir, `exceljs-process-${n}.xlsx`)));
        // The same check with V8's own settings (no --v8-pool-size=0, no src/cli/compiler-budget.ts): what they are worth.
        defaults.push(spawnCheck(bundle, file, join(dir, `out-defaults-${n}`), true));
      }
      const v8d = median(defaults) as Measure;
      const ej = big ? null : median(ejs);
      const check = median(checks) as Measure;
      const ejp = big ? null : median(ejps);
      const st = (spawnChild("stages", file, join(dir, `stages-${n}.xlsx`)) as Measure & { stages: Record<string, number> }).stages;
      rows.push([
        String(n * 10),
        (statSync(file).size / 1048576).toFixed(1) + " MB",
        ej ? `${sec(ej.ms)} (${sec(ej.readMs ?? 0)} + ${sec(ej.writeMs ?? 0)})` : "—",
        ej ? ej.rssMB.toFixed(0) + " MB" : "—",
        sec(check.ms),
        check.rssMB.toFixed(0) + " MB",
        ej ? (check.ms / ej.ms).toFixed(2) + "×" : "—",
        `${sec(st.read)} + ${sec(st.engine)} + ${sec(st.write)}`,
        ej ? ((st.read + st.write) / ej.ms).toFixed(2) + "×" : "—",
        ejp ? `${sec(ejp.ms)} → ${(check.ms / ejp.ms).toFixed(2)}×` : "—",
        sec(v8d.ms) + (ej ? ` (${(v8d.ms / ej.ms).toFixed(2)}×)` : ""),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  }
  const head = ["indicators", "file", "ExcelJS read+write", "ExcelJS peak RSS", "jixiao check (read, engine, write)", "check peak RSS", "check / ExcelJS", "package read + engine + package write", "package / ExcelJS", "ExcelJS as a process → check / it", "check with V8's own settings"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join("  ");
  process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n${line(head)}\n${line(widths.map((w) => "-".repeat(w)))}\n`);
  for (const r of rows) process.stdout.write(line(r) + "\n");
  process.stdout.write("check = the compiled `jixiao check` as a process of its own, start-up included (wall time); the stages are the same run measured piece by piece (engine = analysis + write plan).\n");
  process.stdout.write(`Median of ${RUNS} runs each, taking turns (200,000 indicators: one run). `);
  process.stdout.write("check / ExcelJS (the goal's measure) compares with ExcelJS's read and write calls alone; the next column with ExcelJS as a process of its own (Node's start and loading ExcelJS included), the check's own footing; the last, the check with V8's defaults (4 background threads and the default inlining budget: no --v8-pool-size=0, JIXIAO_V8_DEFAULTS=1; see src/cli/bin.cjs and src/cli/compiler-budget.ts).\n");
}

if (require.main === module || resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
