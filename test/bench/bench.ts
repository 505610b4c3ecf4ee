/**
 * Benchmark — the record of how fast the engine is (docs/performance.md keeps the table).
 *
 *   npm run bench                    (2,000 / 20,000 / 200,000 indicators: 200 / 2,000 / 20,000 projects × 10)
 *   npm run bench -- 2000            (chosen numbers of projects; "2000:merged" merges 一级/二级 downwards)
 *
 * For each size it generates a list workbook (ExcelJS streaming writer), then in a child
 * process of its own (test/bench/engine-child.ts, bundled by esbuild like the CLI, so that
 * its memory and JIT are its own) reads it once and runs the pure engine — snapshot → model →
 * rules → scores → report → write plan — five times (three at 200,000), in process CPU time,
 * per stage: read model, rules D / T / E / M, scoring, report, plan. The engine time is the
 * median of the warm runs (all but the first). It also gives bytes per indicator of the
 * snapshot and of the model (heap after GC), and then runs `jixiao check` on the file with
 * write-back (the CLI path, whatever adapter it uses), with --timings.
 * Start-up: `jixiao rules`, CPU time of the whole process (median of 7).
 * Tests never assert times; this prints them.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import {
  INDICATOR_COLS,
  INDICATOR_SHEET,
  PROJECT_COLS,
  PROJECT_SHEET,
  buildIndicators,
  indicatorScore,
  gradeOf,
  makeRng,
  projectTotal,
  writeIndicatorSheet,
  writeProjectSheet,
  type Plan,
  type ProjectSpec,
} from "../scripts/make-sample";

/**
 * "N" = N projects with 一级/二级 repeated on every row (what budget systems export);
 * "N:merged" = 一级/二级 merged downwards per project (what people make by hand).
 * ExcelJS checks every new merge against all earlier ones when loading (quadratic in the
 * number of merges), so the merged variant is kept to the smaller sizes.
 */
const DEFAULT_SIZES = ["200", "2000", "20000"];
const PER_PROJECT = 10;
const ROOT = resolve(__dirname, "..", "..");

// ---------------------------------------------------------------- synthetic county

const DEPTS = ["县教育局", "县卫生健康委员会", "县农业农村局", "县交通运输局", "县民政局", "县水利局", "县住房和城乡建设局", "县文化旅游体育局"];
const SUBJECTS = ["农村义务教育学生营养改善", "基层医疗卫生机构能力提升", "高标准农田建设", "农村公路养护", "困难群众救助", "农村饮水安全巩固提升", "老旧小区改造", "公共文化服务体系建设", "乡村教师培训", "重大动物疫病防控"];
type Tuple = Parameters<typeof buildIndicators>[0][number];

/** Ten indicators: 产出 5 (10 each), 效益 4 (7.5 each), 满意度 1 (10). */
function tuples(k: number): Tuple[] {
  return [
    ["数量", `完成建设任务数量${k}`, "≥", 100 + (k % 50) * 10, "个"],
    ["数量", "受益人数", "≥", 1000 + (k % 90) * 100, "人"],
    ["质量", "验收合格率", "≥", 95, "%"],
    ["时效", "任务完成时间", "", "2024年12月底前", "date"],
    ["成本", "项目总成本", "≤", 40 + (k % 30), "万元"],
    ["社会", "政策知晓率", "≥", 85, "%"],
    ["社会", "服务覆盖率", "≥", 90, "%"],
    ["经济", "带动增收金额", "≥", 200 + (k % 40) * 5, "万元"],
    ["可持续", "长效管护机制运行情况", "", "达成年度指标", "tier"],
    ["满意", "服务对象满意度", "≥", 90, "%"],
  ];
}

export function syntheticProjects(n: number, seed = 7): ProjectSpec[] {
  const rng = makeRng(seed);
  const out: ProjectSpec[] = [];
  for (let i = 0; i < n; i++) {
    const plan: Plan = {};
    if (rng() < 0.3) plan.short = { [Math.floor(rng() * 3)]: 0.8 + Math.round(rng() * 15) / 100 };
    const indicators = buildIndicators(tuples(i), plan, rng, ["受客观因素影响进度滞后，已督促加快实施。"]);
    const budget = Math.round((100 + rng() * 900) * 100) / 100;
    const spent = Math.round(budget * (0.85 + rng() * 0.15) * 100) / 100;
    const p: ProjectSpec = {
      code: `2024${String(100 + (i % DEPTS.length))}${String(i + 1).padStart(6, "0")}`,
      name: `${SUBJECTS[i % SUBJECTS.length]}项目（${i + 1}）`,
      department: DEPTS[i % DEPTS.length],
      implementer: DEPTS[i % DEPTS.length],
      attribute: i % 3 === 0 ? "一次性" : "经常性",
      fundType: "一般公共预算",
      initial: budget,
      budget,
      spent,
      goal: `完成${SUBJECTS[i % SUBJECTS.length]}年度建设任务，服务对象覆盖率达到90%以上，提升公共服务水平。`,
      indicators,
      reason: spent / budget < 0.9 ? "部分工程尾款未到支付节点，结转下年支付。" : "",
      sound: true,
    };
    for (const ind of indicators) ind.declared = indicatorScore(ind) ?? 0;
    p.declaredTotal = projectTotal(p);
    p.declaredGrade = gradeOf(p.declaredTotal);
    out.push(p);
  }
  return out;
}

/** Writes a list workbook with ExcelJS's streaming writer (shared strings, as Excel does). */
export async function writeListWorkbook(file: string, projects: ProjectSpec[], merged: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ps = wb.addWorksheet(PROJECT_SHEET);
  ps.columns = PROJECT_COLS.map((c) => ({ width: c.width }));
  writeProjectSheet(ps as unknown as Parameters<typeof writeProjectSheet>[0], projects, false);
  ps.commit();
  const is = wb.addWorksheet(INDICATOR_SHEET);
  is.columns = INDICATOR_COLS.map((c) => ({ width: c.width }));
  writeIndicatorSheet(is as unknown as Parameters<typeof writeIndicatorSheet>[0], projects, false, undefined, merged);
  is.commit();
  await wb.commit();
}

// ---------------------------------------------------------------- parent

import type { ChildResult } from "./engine-child";
import { binNodeOptions } from "./bin-options";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? (a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2) : NaN;
};
const pad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const f0 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(0));

function esbuild(entry: string, outfile: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("esbuild") as typeof import("esbuild")).buildSync({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", logLevel: "warning" });
}

/** CPU ms and wall ms of `node bin.cjs rules`, measured inside the child (cpuUsage at exit). */
function startUp(dir: string): { cpu: number; wall: number } {
  const hook = join(dir, "cpu-at-exit.cjs");
  writeFileSync(hook, `process.on("exit", () => { const c = process.cpuUsage(); process.stderr.write("CPU " + (c.user + c.system) / 1000 + "\\n"); });`);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...binNodeOptions(), "-r", hook, join(ROOT, "src", "cli", "bin.cjs"), "rules"], { encoding: "utf8" });
    wall.push(ms(t0));
    const m = /CPU ([\d.]+)/.exec(r.stderr);
    if (m) cpu.push(Number(m[1]));
  }
  return { cpu: median(cpu), wall: median(wall) };
}

interface CliRun {
  ok: boolean;
  wallMs: number;
  maxRssMB: number;
  stages: Record<string, number>;
  error?: string;
}

/** `jixiao check FILE --out DIR --timings` with write-back: does it finish, and where does its time go. */
function cliCheck(file: string, out: string): CliRun {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS %M", process.execPath, ...binNodeOptions(), "--max-old-space-size=16000", join(ROOT, "src", "cli", "bin.cjs"), "check", file, "--out", out, "--timings", "-q"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wallMs = ms(t0);
  const stages: Record<string, number> = {};
  for (const line of (r.stderr ?? "").split("\n")) {
    const m = /^([a-z-]+) ([\d.]+)$/.exec(line.trim());
    if (m) stages[m[1]] = Number(m[2]);
  }
  const rss = /MAXRSS (\d+)/.exec(r.stderr ?? "");
  const ok = r.status === 0 && existsSync(join(out, basename(file)));
  return { ok, wallMs, maxRssMB: rss ? Number(rss[1]) / 1024 : NaN, stages, error: ok ? undefined : (r.stderr || `exit ${r.status}`).trim().split("\n").filter((l) => !/^\s+at /.test(l)).slice(-3).join(" | ") };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cases = (args.length ? args : DEFAULT_SIZES)
    .map((a) => {
      const [n, v] = a.split(":");
      return { size: Number(n), merged: v === "merged" };
    })
    .filter((c) => Number.isInteger(c.size) && c.size > 0);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  // The CLI as users start it (compiled on install), and the engine child compiled the same way.
  execFileSync(process.execPath, [join(ROOT, "src", "cli", "build.cjs")], { stdio: "ignore" });
  mkdirSync(join(ROOT, "build"), { recursive: true });
  const child = join(ROOT, "build", "bench-engine.cjs");
  esbuild(join(__dirname, "engine-child.ts"), child);
  const rows: { size: number; merged: boolean; bytes: number; r?: ChildResult; cli?: CliRun; err?: string }[] = [];
  try {
    const su = startUp(dir);
    process.stderr.write(`start-up (jixiao rules): ${su.cpu.toFixed(0)} ms CPU, ${su.wall.toFixed(0)} ms wall\n`);
    for (const { size, merged } of cases) {
      const file = join(dir, `list-${size}${merged ? "-merged" : ""}.xlsx`);
      await writeListWorkbook(file, syntheticProjects(size), merged);
      const bytes = statSync(file).size;
      process.stderr.write(`${size * PER_PROJECT} indicators${merged ? " (merged)" : ""}: engine…\n`);
      const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=16000", child, file, String(size >= 20000 ? 3 : 5)], { encoding: "utf8", maxBuffer: 1 << 26 });
      const line = r.stdout.split("\n").find((l) => l.startsWith("BENCH "));
      const row: (typeof rows)[number] = { size, merged, bytes };
      if (line) row.r = JSON.parse(line.slice(6)) as ChildResult;
      else row.err = (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-2).join(" | ");
      process.stderr.write(`${size * PER_PROJECT} indicators: jixiao check with write-back…\n`);
      row.cli = cliCheck(file, join(dir, `out-${size}`));
      rows.push(row);
      rmSync(join(dir, `out-${size}`), { recursive: true, force: true });
    }
    const stage = (r: ChildResult, s: string) => median(r.runs.slice(1).map((x) => x[s] ?? 0));
    const ENGINE = ["model", "rules D", "rules T", "rules E", "rules M", "rules", "scoring", "report"];
    const sumOf = (r: ChildResult, keys: string[]) => median(r.runs.slice(1).map((x) => keys.reduce((a, k) => a + (x[k] ?? 0), 0)));
    /** snapshot → report (the issue's engine), and the same with the write plan. */
    const core = (r: ChildResult) => sumOf(r, ENGINE);
    const engine = (r: ChildResult) => sumOf(r, [...ENGINE, "plan"]);
    const head = ["indicators", "layout", "file MB", "read model", "rules D", "rules T", "rules E", "rules M", "scoring", "report", "plan", "engine", "engine+plan", "snapshot B/ind", "model B/ind", "check+write", "check RSS MB"];
    const table = rows.map((x) => {
      const r = x.r;
      const cli = x.cli ? (x.cli.ok ? `${(x.cli.wallMs / 1000).toFixed(1)} s` : `FAILED ${x.cli.error ?? ""}`) : "—";
      if (!r) return [String(x.size * PER_PROJECT), x.merged ? "merged" : "flat", (x.bytes / 1048576).toFixed(1), `failed: ${x.err ?? ""}`];
      return [
        String(r.indicators),
        x.merged ? "merged" : "flat",
        (x.bytes / 1048576).toFixed(1),
        f0(stage(r, "model")),
        f0(stage(r, "rules D")),
        f0(stage(r, "rules T")),
        f0(stage(r, "rules E")),
        f0(stage(r, "rules M")),
        f0(stage(r, "scoring")),
        f0(stage(r, "report")),
        f0(stage(r, "plan")),
        f0(core(r)),
        f0(engine(r)),
        f0(r.snapshotBytesPerIndicator),
        f0(r.modelBytesPerIndicator),
        cli,
        x.cli ? f0(x.cli.maxRssMB) : "—",
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
    const out = (r: string[]) => r.map((c, i) => pad(c ?? "", widths[i])).join("  ");
    process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}\n`);
    process.stdout.write(`start-up: jixiao rules ${su.cpu.toFixed(0)} ms CPU (${su.wall.toFixed(0)} ms wall), median of 7\n`);
    process.stdout.write("engine stages in ms of CPU time, median of the warm runs; engine = read model + rules + scoring + report (snapshot → report); engine+plan adds the write plan\n\n");
    process.stdout.write(out(head) + "\n" + out(widths.map((w) => "-".repeat(w))) + "\n");
    for (const r of table) process.stdout.write(out(r) + "\n");
    for (const x of rows) {
      if (x.cli?.ok) process.stdout.write(`jixiao check --timings, ${x.size * PER_PROJECT} indicators (wall ms): ${Object.entries(x.cli.stages).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}\n`);
    }
    const linear = rows.filter((x) => x.r && !x.merged);
    const at = (n: number) => linear.find((x) => x.size * PER_PROJECT === n)?.r;
    const a = at(20000);
    const b = at(200000);
    if (a && b) process.stdout.write(`200,000 / 20,000 engine time: ${(core(b) / core(a)).toFixed(1)}× (with the plan ${(engine(b) / engine(a)).toFixed(1)}×)\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module || resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
