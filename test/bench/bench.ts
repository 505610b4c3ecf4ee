/**
 * Benchmark: list workbooks of 200, 2,000 and 20,000 projects (10 indicators each), read and
 * analysed the way the CLI does. Each size runs in its own child process so that its peak
 * memory (maxRSS) is its own.
 *
 *   npm run bench                 (all sizes)
 *   npm run bench -- 200 2000     (chosen sizes)
 *
 * Per size: file size; ExcelJS load alone; our read (readXlsxFile = ExcelJS load + snapshot);
 * parse (readModel: snapshot → model); full analysis (analyse: model, rules, scoring); peak RSS.
 * Stages whose module is not there yet are shown as "—".
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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
import type { WorkbookSnapshot } from "../../src/core/grid";
import { readXlsxFile } from "../../src/adapters/exceljs/read";

/**
 * "N" = N projects with 一级/二级 repeated on every row (what budget systems export);
 * "N:merged" = 一级/二级 merged downwards per project (what people make by hand).
 * ExcelJS checks every new merge against all earlier ones when loading (quadratic in the
 * number of merges), so the merged variant is kept to the smaller sizes.
 */
const DEFAULT_SIZES = ["200:merged", "2000:merged", "200", "2000", "20000"];
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

// ---------------------------------------------------------------- child: measure one file

interface Measure {
  file: string;
  bytes: number;
  projects: number;
  loadMs: number;
  readMs: number;
  parseMs: number | null;
  analyseMs: number | null;
  findings: number | null;
  maxRssAfterLoadMB: number;
  maxRssMB: number;
  note: string;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

/** Loads a module that may not exist yet (parallel work); undefined when it is missing. */
function optional<T>(path: string): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path) as T;
  } catch (e) {
    if (e && typeof e === "object" && (e as { code?: string }).code === "MODULE_NOT_FOUND") return undefined;
    throw e;
  }
}

async function child(file: string): Promise<Measure> {
  const notes: string[] = [];
  let t0 = process.hrtime.bigint();
  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  }
  const loadMs = ms(t0);
  const maxRssAfterLoadMB = maxRssMB();
  t0 = process.hrtime.bigint();
  const snap: WorkbookSnapshot = await readXlsxFile(file);
  const readMs = ms(t0);

  let parseMs: number | null = null;
  let analyseMs: number | null = null;
  let findings: number | null = null;
  let projects = 0;
  const read = optional<{ readModel?: (s: WorkbookSnapshot, rb: unknown, o?: unknown) => { projects: unknown[] } }>(join(ROOT, "src", "read"));
  const rulebook = optional<{ getPreset: () => unknown }>(join(ROOT, "src", "rulebook", "load"));
  if (read?.readModel && rulebook) {
    t0 = process.hrtime.bigint();
    const model = read.readModel(snap, rulebook.getPreset(), {});
    parseMs = ms(t0);
    projects = model.projects.length;
  } else notes.push("src/read 尚未就绪");
  let pipeline: { analyse?: (s: WorkbookSnapshot, o?: unknown) => { findings: unknown[] } } | undefined;
  try {
    pipeline = optional(join(ROOT, "src", "engine", "pipeline"));
  } catch (e) {
    notes.push(`engine: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  if (pipeline?.analyse) {
    t0 = process.hrtime.bigint();
    const a = pipeline.analyse(snap, { now: new Date(Date.UTC(2025, 2, 31)), write: false });
    analyseMs = ms(t0);
    findings = a.findings.length;
  } else if (!notes.some((n) => n.startsWith("engine"))) notes.push("engine 尚未就绪");
  return {
    file,
    bytes: statSync(file).size,
    projects,
    loadMs,
    readMs,
    parseMs,
    analyseMs,
    findings,
    maxRssAfterLoadMB,
    maxRssMB: maxRssMB(),
    note: notes.join("; "),
  };
}

// ---------------------------------------------------------------- parent

const pad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const sec = (x: number | null) => (x === null ? "—" : (x / 1000).toFixed(2) + " s");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    const m = await child(args[1]);
    process.stdout.write("BENCH " + JSON.stringify(m) + "\n");
    return;
  }
  const cases = (args.length ? args : DEFAULT_SIZES).map((a) => {
    const [n, v] = a.split(":");
    return { size: Number(n), merged: v === "merged" };
  }).filter((c) => Number.isInteger(c.size) && c.size > 0);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  const rows: { size: number; merged: boolean; gen: number; m: Measure | null; err?: string }[] = [];
  try {
    for (const { size, merged } of cases) {
      const file = join(dir, `list-${size}${merged ? "-merged" : ""}.xlsx`);
      const t0 = process.hrtime.bigint();
      await writeListWorkbook(file, syntheticProjects(size), merged);
      const gen = ms(t0);
      process.stderr.write(`generated ${size}${merged ? " (merged)" : ""} projects × ${PER_PROJECT} indicators in ${sec(gen)}; measuring…\n`);
      const r = spawnSync(process.execPath, [join(ROOT, "src", "cli", "run-ts.cjs"), __filename, "--child", file], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      });
      const line = r.stdout.split("\n").find((l) => l.startsWith("BENCH "));
      if (!line) {
        rows.push({ size, merged, gen, m: null, err: (r.stderr || `exit ${r.status}`).trim().split("\n").filter((l) => !/^\s+at /.test(l)).slice(-2).join(" | ") });
        continue;
      }
      rows.push({ size, merged, gen, m: JSON.parse(line.slice(6)) as Measure });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const head = ["projects", "indicators", "一级/二级", "file", "ExcelJS load", "read (load+snapshot)", "parse (readModel)", "analyse", "findings", "peak RSS load", "peak RSS"];
  const table = rows.map(({ size, merged, m, err }) =>
    m
      ? [
          String(size),
          String(size * PER_PROJECT),
          merged ? "merged" : "flat",
          (m.bytes / 1024 / 1024).toFixed(2) + " MB",
          sec(m.loadMs),
          sec(m.readMs),
          sec(m.parseMs),
          sec(m.analyseMs),
          m.findings === null ? "—" : String(m.findings),
          m.maxRssAfterLoadMB.toFixed(0) + " MB",
          m.maxRssMB.toFixed(0) + " MB",
        ]
      : [String(size), String(size * PER_PROJECT), merged ? "merged" : "flat", "failed: " + (err ?? "")],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => pad(c ?? "", widths[i])).join("  ");
  process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
  process.stdout.write(line(head) + "\n" + line(widths.map((w) => "-".repeat(w))) + "\n");
  for (const r of table) process.stdout.write(line(r) + "\n");
  const notes = [...new Set(rows.map((r) => r.m?.note).filter((n): n is string => !!n))];
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write("read includes a second ExcelJS load; analyse includes parse. Peak RSS = the child's maxRSS (load alone, then whole run).\n");
}

if (require.main === module || resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
