/**
 * Scores the real pipeline against the labelled corpus of generate.ts: each workbook is checked
 * exactly as `jixiao check` does (checkFile: the ExcelJS port, checkWorkbook, the report), with the
 * default rulebook and no --as-of (monitoring books state their 监控截止日期). A finding is a true
 * positive when a label of the same rule has the same sheet and cell, the same sheet and row (an
 * indicator's label), or the same project (a project-level label); each label matches at most
 * one finding. Every other finding is a false positive, every unmatched label a false negative.
 * Score agreement: the report's 总分 equals the expected total to the cent and the grades agree.
 *
 * `npm run eval` prints the table; `npm run eval -- --verbose` also lists every FP and FN (and
 * every score that differs); `--scale 2` doubles the corpus, `--seed N` draws another one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile } from "../../src/cli/check-files";
import type { FileReport } from "../../src/engine/report";
import { getPreset } from "../../src/rulebook/load";
import { generateCorpus, type EvalBook, type Label } from "./generate";

export interface RuleRow {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  file: string;
  kind: "FP" | "FN";
  rule: string;
  where: string;
  detail: string;
}

export interface EvalResult {
  books: number;
  projects: number;
  labels: number;
  rows: RuleRow[];
  overall: { tp: number; fp: number; fn: number; precision: number; recall: number };
  /** Self-evaluation projects: 总分 equal to the cent / within 0.01, and 等级 equal. */
  scores: { compared: number; totalAgree: number; totalWithinCent: number; gradeAgree: number };
  misses: Miss[];
  seconds: number;
}

function matches(l: Label, f: FileReport["findings"][number]): boolean {
  if (l.rule !== f.rule) return false;
  if ("cell" in l) return l.sheet === f.sheet && l.cell === f.cell;
  if ("row" in l) return l.sheet === f.sheet && Number(/\d+$/.exec(f.cell)?.[0]) === l.row;
  return f.project === l.project;
}

function where(l: Label): string {
  if ("cell" in l) return `${l.sheet}!${l.cell}`;
  if ("row" in l) return `${l.sheet} row ${l.row}`;
  return `project ${l.project}`;
}

export async function runEval(opts: { seed?: number; scale?: number } = {}): Promise<EvalResult> {
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "jixiao-eval-"));
  try {
    const books: EvalBook[] = await generateCorpus(dir, opts.seed, opts.scale);
    const rows = new Map<string, RuleRow>();
    const row = (rule: string) => {
      let r = rows.get(rule);
      if (!r) rows.set(rule, (r = { rule, tp: 0, fp: 0, fn: 0 }));
      return r;
    };
    const misses: Miss[] = [];
    let compared = 0;
    let totalAgree = 0;
    let totalWithinCent = 0;
    let gradeAgree = 0;
    let projects = 0;
    let labelCount = 0;
    const rulebook = getPreset();
    for (const book of books) {
      projects += book.projects;
      labelCount += book.labels.length;
      const { report } = await checkFile(join(dir, book.file), { rulebook, asOf: null, outDir: null });
      const used = new Set<number>();
      for (const l of book.labels) {
        const k = report.findings.findIndex((f, i) => !used.has(i) && matches(l, f));
        if (k >= 0) {
          used.add(k);
          row(l.rule).tp++;
        } else {
          row(l.rule).fn++;
          misses.push({ file: book.file, kind: "FN", rule: l.rule, where: where(l), detail: l.defect });
        }
      }
      report.findings.forEach((f, i) => {
        if (used.has(i)) return;
        row(f.rule).fp++;
        misses.push({ file: book.file, kind: "FP", rule: f.rule, where: `${f.sheet}!${f.cell} (${f.project ?? "—"})`, detail: f.message });
      });
      for (const s of book.scores) {
        compared++;
        const p = report.projects.find((x) => (x.code ?? x.name) === s.project);
        const total = p?.totalScore ?? null;
        const okTotal = total !== null && Math.abs(total - s.total) < 0.005;
        const okGrade = p?.grade === s.grade;
        if (okTotal) totalAgree++;
        if (total !== null && Math.abs(total - s.total) < 0.0101) totalWithinCent++;
        if (okGrade) gradeAgree++;
        if (!okTotal || !okGrade) misses.push({ file: book.file, kind: "FN", rule: "score", where: `project ${s.project}`, detail: `expected ${s.total} ${s.grade}, got ${total ?? "—"} ${p?.grade ?? "—"}` });
      }
    }
    const list = [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule));
    const tp = list.reduce((a, r) => a + r.tp, 0);
    const fp = list.reduce((a, r) => a + r.fp, 0);
    const fn = list.reduce((a, r) => a + r.fn, 0);
    return {
      books: books.length,
      projects,
      labels: labelCount,
      rows: list,
      overall: { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 },
      scores: { compared, totalAgree, totalWithinCent, gradeAgree },
      misses,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The per-rule table (markdown, so that it can be pasted into the README). */
export function formatTable(res: EvalResult): string {
  const lines = [
    `Corpus: ${res.books} workbooks, ${res.projects} projects, ${res.labels} labelled findings (${res.seconds.toFixed(1)} s)`,
    "",
    "| rule | TP | FP | FN | precision | recall |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const r of res.rows) {
    const p = r.tp + r.fp ? pct(r.tp / (r.tp + r.fp)) : "—";
    const rc = r.tp + r.fn ? pct(r.tp / (r.tp + r.fn)) : "—";
    lines.push(`| ${r.rule} | ${r.tp} | ${r.fp} | ${r.fn} | ${p} | ${rc} |`);
  }
  for (const fam of ["D", "T", "E", "M"]) {
    const rs = res.rows.filter((r) => r.rule.startsWith(fam));
    const tp = rs.reduce((a, r) => a + r.tp, 0);
    const fp = rs.reduce((a, r) => a + r.fp, 0);
    const fn = rs.reduce((a, r) => a + r.fn, 0);
    lines.push(`| *${fam} family* | ${tp} | ${fp} | ${fn} | ${tp + fp ? pct(tp / (tp + fp)) : "—"} | ${tp + fn ? pct(tp / (tp + fn)) : "—"} |`);
  }
  const o = res.overall;
  lines.push(`| **overall** | **${o.tp}** | **${o.fp}** | **${o.fn}** | **${pct(o.precision)}** | **${pct(o.recall)}** |`);
  const s = res.scores;
  const share = (n: number) => pct(s.compared ? n / s.compared : 1);
  lines.push(
    "",
    `Score agreement (${s.compared} self-evaluation projects): 等级 ${s.gradeAgree}/${s.compared} (${share(s.gradeAgree)}); 总分 to the cent ${s.totalAgree}/${s.compared} (${share(s.totalAgree)}), within 0.01 ${s.totalWithinCent}/${s.compared} (${share(s.totalWithinCent)})`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const arg = (name: string, dflt: number) => {
    const k = process.argv.indexOf(name);
    const v = k > 0 ? Number(process.argv[k + 1]) : dflt;
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  const res = await runEval({ scale: arg("--scale", 1), seed: arg("--seed", 20241231) });
  console.log(formatTable(res));
  if (verbose) for (const m of res.misses) console.log(`${m.kind} ${m.rule} ${m.file} ${m.where}: ${m.detail}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
