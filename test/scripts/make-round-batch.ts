/**
 * A review round's worth of submissions (issue 8): 22 departments, each sending its own
 * workbook, in mixed layouts — list (项目表 + 指标表), one combined sheet, per-project forms —
 * most in 万元, three in 元; one project submitted by two departments; one file sent twice;
 * one department spelled 「县卫健委」 beside another file's 「县卫生健康委员会」; a text file
 * and a damaged .xlsx in the folder too. Round 2 is the same county after 退回修改: one
 * department fixed a project, one added a defect, one re-sorted its sheets and inserted rows,
 * and (option `touch`) one changed an indicator a reviewer had accepted.
 *
 * Projects come from the bundled sample's specs (make-sample.ts), forms are written by the
 * form fixtures' writer (make-form-fixtures.ts). Deterministic: no clock, no randomness
 * beyond the sample's seeded PRNG.
 *
 * Run: `npx tsx test/scripts/make-round-batch.ts [outDir] [round]`.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { INDICATOR_COLS, PROJECT_COLS, sampleProjects, writeIndicatorSheet, writeProjectSheet, type IndicatorSpec, type ProjectSpec } from "./make-sample";
import { CENTRAL, writeSelfEval, type FormSpec, type IndSpec } from "./make-form-fixtures";
import { runWhenMain } from "./run-script";

export const DEPARTMENTS = [
  "县教育局", "县卫生健康委员会", "县农业农村局", "县交通运输局", "县民政局", "县人力资源和社会保障局",
  "县住房和城乡建设局", "县水利局", "县自然资源局", "县生态环境分局", "县文化和旅游局", "县卫健委",
  "县市场监督管理局", "县应急管理局", "县林业局", "县科学技术局", "县商务局", "县医疗保障局",
  "县退役军人事务局", "县司法局", "县公安局", "县审计局",
];

export type Layout = "list" | "combined" | "form";

export interface Submission {
  /** File name inside the batch folder. */
  file: string;
  department: string;
  layout: Layout;
  unit: "万元" | "元";
  /** Codes and names of the projects written, with their amounts in 万元 (what the round must show). */
  projects: { code: string; name: string; budget: number; spent: number }[];
}

export interface Batch {
  dir: string;
  round: 1 | 2;
  submissions: Submission[];
  /** The copy of a submission (same bytes, other name). */
  duplicate: { file: string; of: string };
  /** One project submitted by two departments. */
  shared: { code: string; files: [string, string] };
  /** Files in the folder that are no submission. */
  notWorkbook: string;
  damaged: string;
  /** Round 2: the project 县教育局 fixed (replaced by sound content), the indicator that got a placeholder, the file re-sorted. */
  fixedProject: { file: string; code: string };
  newDefect: { file: string; code: string; indicator: string };
  moved: string;
}

export interface BatchOptions {
  /** Round 2: change this indicator's 偏差原因 (the values an acceptance was about). */
  touch?: { department: string; code: string; indicator: string };
}

const layoutOf = (i: number): Layout => (i % 6 === 4 ? "combined" : i % 6 === 5 ? "form" : "list");
const YUAN = new Set([2, 9, 14]);

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The projects each department submits (3 each, from the sample's pool, re-coded for the department). */
function departmentProjects(): ProjectSpec[][] {
  const pool = sampleProjects().filter((p) => !p.orphan && p.indicators.length > 0);
  return DEPARTMENTS.map((department, d) =>
    [0, 1, 2].map((k) => {
      const src = pool[(d * 3 + k) % pool.length];
      const code = `D${String(d + 1).padStart(2, "0")}${String(k + 1).padStart(3, "0")}`;
      return { ...src, code, department, indicators: src.indicators.map((i) => ({ ...i })) };
    }),
  );
}

function scaled(p: ProjectSpec, k: number): ProjectSpec {
  const m = (x: number | string) => (typeof x === "number" ? round6(x * k) : x);
  return { ...p, initial: m(p.initial), budget: m(p.budget) as number, spent: m(p.spent) as number };
}

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao make-round-batch";
  const fixed = new Date(Date.UTC(2025, 2, 31));
  wb.created = fixed;
  wb.modified = fixed;
  return wb;
}

function writeList(wb: ExcelJS.Workbook, projects: ProjectSpec[], unit: "万元" | "元", insertRows: number): void {
  const ps = wb.addWorksheet("项目表");
  const is = wb.addWorksheet("指标表");
  const k = unit === "元" ? 10000 : 1;
  writeProjectSheet(ps, projects.map((p) => scaled(p, k)));
  if (unit === "元") {
    // The unit line and the funds band say 元.
    for (const row of [2, 3]) ps.getRow(row).eachCell((c) => {
      if (typeof c.value === "string") c.value = c.value.replace("万元", "元");
    });
  }
  writeIndicatorSheet(is, projects, true, undefined, insertRows === 0);
  if (insertRows > 0) {
    // Rows inserted by the department between the headers and the data.
    ps.spliceRows(5, 0, ...Array.from({ length: insertRows }, () => []));
    is.spliceRows(3, 0, ...Array.from({ length: insertRows }, () => []));
  }
}

function writeCombined(wb: ExcelJS.Workbook, projects: ProjectSpec[]): void {
  const ws = wb.addWorksheet("项目绩效目标");
  const pcols = PROJECT_COLS.filter((c) => ["code", "name", "department", "initial", "budget", "spent", "goal"].includes(c.key));
  const icols = INDICATOR_COLS.filter((c) => ["level1", "level2", "name", "target", "actual", "weight", "score", "reason"].includes(c.key));
  ws.addRow(["单位：万元"]);
  ws.addRow([...pcols.map((c) => c.header), ...icols.map((c) => c.header)]);
  for (const p of projects) {
    for (const ind of p.indicators) {
      const pv: Record<string, unknown> = { code: p.code, name: p.name, department: p.department, initial: p.initial, budget: p.budget, spent: p.spent, goal: p.goal || null };
      const iv: Record<string, unknown> = { level1: ind.level1, level2: ind.level2, name: ind.name, target: ind.target, actual: ind.actual, weight: ind.weight, score: ind.declared ?? null, reason: ind.reason || null };
      ws.addRow([...pcols.map((c) => pv[c.key]), ...icols.map((c) => iv[c.key])] as ExcelJS.CellValue[]);
    }
  }
}

function formSpec(p: ProjectSpec): FormSpec {
  const initial = typeof p.initial === "number" ? p.initial : p.budget;
  const ind = (i: IndicatorSpec): IndSpec => ({
    l1: i.level1,
    l2: i.level2,
    name: i.name,
    target: { v: i.target, exp: { kind: "text", text: i.target } },
    actual: { v: i.actual, exp: { kind: "text", text: String(i.actual) } },
    weight: i.weight,
    score: i.declared,
    reason: i.reason || undefined,
  });
  return {
    code: p.code,
    name: p.name,
    department: p.department,
    implementer: p.implementer,
    funds: { total: [initial, p.budget, p.spent], fiscal: [initial, p.budget, p.spent], other: [0, 0, 0], execWeight: 10 },
    goal: p.goal,
    indicators: p.indicators.map(ind),
    total: p.declaredTotal,
  };
}

function writeForms(wb: ExcelJS.Workbook, projects: ProjectSpec[]): void {
  projects.forEach((p, i) => {
    const ws = wb.addWorksheet(`自评表${i + 1}`);
    writeSelfEval(ws, 1, formSpec(p), CENTRAL, { title: "项目支出绩效自评表", yearLine: "（2024年度）", fundsCaption: "项目资金（万元）" });
  });
}

const fileName = (department: string) => `${department}.xlsx`;

export async function writeRoundBatch(dir: string, round: 1 | 2 = 1, options: BatchOptions = {}): Promise<Batch> {
  mkdirSync(dir, { recursive: true });
  const all = departmentProjects();
  // One project submitted by two departments: 县卫生健康委员会's first, also in 县水利局's file.
  const sharedSrc = all[1][0];
  all[7].push({ ...sharedSrc, department: DEPARTMENTS[7], indicators: sharedSrc.indicators.map((i) => ({ ...i })) });

  // 县教育局 fixes its first project with seeded defects.
  const fixIx = Math.max(0, all[0].findIndex((p) => !p.sound));
  const fixedProject = { file: fileName(DEPARTMENTS[0]), code: all[0][fixIx].code };
  const newDefect = { file: fileName(DEPARTMENTS[4]), code: all[4][0].code, indicator: all[4][0].indicators[0].name };
  const moved = fileName(DEPARTMENTS[2]);
  if (round === 2) {
    // 县教育局 fixed its first project: the content of a sound sample project, same code, name and money.
    const sound = sampleProjects().find((p) => p.sound && p.indicators.length >= 5)!;
    const p = all[0][fixIx];
    all[0][fixIx] = { ...p, goal: sound.goal, reason: sound.reason, indicators: sound.indicators.map((i) => ({ ...i })), declaredTotal: sound.declaredTotal, declaredGrade: sound.declaredGrade, initial: p.budget, spent: Math.min(p.spent, p.budget) };
    // 县民政局 put a placeholder into a target.
    all[4][0].indicators[0] = { ...all[4][0].indicators[0], target: "XX人次" };
    // 县农业农村局 re-sorted its projects.
    all[2].reverse();
    if (options.touch) {
      const d = DEPARTMENTS.indexOf(options.touch.department);
      const p = all[d]?.find((x) => x.code === options.touch?.code);
      const i = p?.indicators.find((x) => x.name === options.touch?.indicator);
      if (!i) throw new Error(`touch: no such indicator ${JSON.stringify(options.touch)}`);
      i.reason = `${i.reason || ""}（第二轮补充说明）`;
    }
  }

  const submissions: Submission[] = [];
  for (let d = 0; d < DEPARTMENTS.length; d++) {
    const department = DEPARTMENTS[d];
    const layout = layoutOf(d);
    const unit = YUAN.has(d) && layout === "list" ? "元" : "万元";
    const projects = all[d];
    const wb = newBook();
    if (layout === "list") writeList(wb, projects, unit, round === 2 && d === 2 ? 2 : 0);
    else if (layout === "combined") writeCombined(wb, projects);
    else writeForms(wb, projects);
    const file = fileName(department);
    await wb.xlsx.writeFile(join(dir, file));
    submissions.push({ file, department, layout, unit, projects: projects.map((p) => ({ code: p.code, name: p.name, budget: p.budget, spent: p.spent })) });
  }
  const duplicate = { file: "县交通运输局（重复报送）.xlsx", of: fileName(DEPARTMENTS[3]) };
  copyFileSync(join(dir, duplicate.of), join(dir, duplicate.file));
  const notWorkbook = "报送说明.txt";
  writeFileSync(join(dir, notWorkbook), "各部门报送文件清单\n", "utf8");
  const damaged = "县审计局（损坏）.xlsx";
  writeFileSync(join(dir, damaged), "PK\u0003\u0004 not really a workbook", "utf8");
  return { dir, round, submissions, duplicate, shared: { code: sharedSrc.code, files: [fileName(DEPARTMENTS[1]), fileName(DEPARTMENTS[7])] }, notWorkbook, damaged, fixedProject, newDefect, moved };
}

runWhenMain(module, __filename, async () => {
  const dir = resolve(process.argv[2] ?? "round-batch");
  const round = process.argv[3] === "2" ? 2 : 1;
  const b = await writeRoundBatch(dir, round);
  return `${b.submissions.length + 1} submissions (round ${round}) written to ${dir}`;
});
