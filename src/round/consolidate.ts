/**
 * consolidate(files) → the round: totals in 万元 whatever each file's unit, departments with
 * their money, scores and problems, grades with money, lights by department in monitoring,
 * every project once per submission, every finding with its status against the previous round
 * and the reviewer's acceptances, and the cross-submission findings (X rules).
 */
import Decimal from "decimal.js";
import type { Rulebook, Severity } from "../rulebook/schema";
import { round2 } from "../scoring/round";
import { acceptanceIndex, matchAcceptance, type Acceptance } from "./accepted";
import { departmentOf, fileDepartment, fileStem, toWan } from "./files";
import { keyText } from "./fingerprint";
import { runRoundRules, X_RULES } from "./rules";
import type { Counts, PreviousFinding, RoundDepartment, RoundFile, RoundFinding, RoundModel, RoundOptions, RoundProject } from "./types";

const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
const add = (xs: (number | null)[]) => xs.reduce<Decimal>((s, x) => (x === null ? s : s.plus(x)), new Decimal(0)).toDecimalPlaces(6).toNumber();

/** Key a finding is matched by across rounds: its department and fingerprint. */
export function matchKey(department: string, fingerprint: string): string {
  return `${keyText(department)}\u0000${fingerprint}`;
}

/** The status of each finding given the previous round and the acceptances in force. */
function withStatus(f: Omit<RoundFinding, "status" | "acceptance">, previous: Set<string> | null, accepted: Map<string, Acceptance[]>): RoundFinding {
  const m = matchAcceptance(accepted, f, f.department);
  if (m.kind === "accepted") return { ...f, status: "已确认", acceptedIn: "round", acceptance: m.acceptance };
  const seenBefore = previous?.has(matchKey(f.department, f.fingerprint)) ?? false;
  // An acceptance whose values changed brings the finding back as still there, with its old reason.
  if (m.kind === "changed") return { ...f, status: "仍存在", acceptance: m.acceptance };
  return { ...f, status: previous ? (seenBefore ? "仍存在" : "新增") : null, acceptance: null };
}

export function consolidate(files: RoundFile[], options: RoundOptions, rulebook?: Rulebook): RoundModel {
  const previous = options.previous ?? null;
  const prevKeys = previous ? new Set(previous.findings.map((f) => matchKey(f.department, f.fingerprint))) : null;
  const accepted = acceptanceIndex([...(previous?.accepted ?? []), ...(options.accepted ?? [])]);
  const responses = new Map((options.responses ?? []).map((r) => [matchKey(r.department, r.fingerprint), { status: r.status, note: r.note }] as const));
  const withResponse = <T extends { department: string; fingerprint: string }>(f: T): T & { response?: { status: string; note: string } } => {
    const r = responses.get(matchKey(f.department, f.fingerprint));
    return r ? { ...f, response: r } : f;
  };
  const monitoring = files.some((f) => f.report.modes.includes("运行监控"));

  // ---- findings of each file
  const findings: RoundFinding[] = [];
  for (const file of files) {
    const byProject = new Map(file.report.projects.map((p) => [p.code ?? p.name, p] as const));
    const seen = new Map<string, number>();
    for (const f of file.report.findings) {
      const project = f.project !== null ? (byProject.get(f.project) ?? null) : null;
      const department = f.department?.trim() || departmentOf(file, project);
      // Older reports carry no fingerprint: rule | project | sheet (still no cell address).
      let fingerprint = f.fingerprint ?? `${f.rule}|${keyText(f.project) || `sheet:${keyText(f.sheet)}`}||`;
      if (!f.fingerprint) {
        const n = (seen.get(fingerprint) ?? 0) + 1;
        seen.set(fingerprint, n);
        if (n > 1) fingerprint += `#${n}`;
      }
      const base = {
        file: file.file,
        department,
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        project: f.project,
        projectName: f.projectName ?? project?.name ?? null,
        message: f.message,
        hint: f.hint,
        fingerprint,
        valueHash: f.valueHash ?? "",
      };
      // An acceptance stored in the submitted workbook itself (task pane) is honoured as well.
      if (f.accepted) {
        findings.push({ ...base, status: "已确认", acceptedIn: "workbook", acceptance: { fingerprint, valueHash: base.valueHash, reason: f.accepted.reason, rule: f.rule, project: f.project, message: f.message, ...(f.accepted.by ? { by: f.accepted.by } : {}), ...(f.accepted.at ? { at: f.accepted.at } : {}) } });
      } else {
        findings.push(withStatus(base, prevKeys, accepted));
      }
    }
  }

  // ---- cross-submission findings
  const cross: RoundFinding[] = runRoundRules(X_RULES, files, rulebook).map((x) =>
    withStatus(
      {
        file: x.file,
        otherFile: x.otherFile,
        department: x.department,
        rule: x.rule,
        severity: x.severity,
        sheet: x.sheet,
        cell: x.cell,
        project: x.project,
        projectName: x.projectName,
        message: x.message,
        hint: x.hint,
        // Both files are part of what the finding is about (by name: the round's folder may change).
        fingerprint: `${x.rule}|${keyText(x.project) || "file"}|${keyText(fileStem(x.otherFile))}|${keyText(fileStem(x.file))}`,
        valueHash: "",
      },
      prevKeys,
      accepted,
    ),
  );
  for (let i = 0; i < findings.length; i++) findings[i] = withResponse(findings[i]);
  for (let i = 0; i < cross.length; i++) cross[i] = withResponse(cross[i]);
  const all = [...findings, ...cross];

  // ---- projects, in 万元
  const counts = new Map<string, Counts>();
  for (const f of all) {
    if (f.project === null || f.status === "已确认") continue;
    const k = `${f.file}\u0000${f.project}`;
    const c = counts.get(k) ?? zero();
    c[f.severity]++;
    counts.set(k, c);
  }
  const projects: RoundProject[] = [];
  for (const file of files) {
    const unit = file.report.unit;
    for (const p of file.report.projects) {
      const c = counts.get(`${file.file}\u0000${p.code ?? p.name}`) ?? zero();
      projects.push({
        file: file.file,
        department: departmentOf(file, p),
        code: p.code,
        name: p.name,
        sheet: p.sheet,
        row: p.row,
        budget: toWan(p.budget, unit),
        spent: toWan(p.spent, unit),
        executionRate: p.executionRate,
        totalScore: p.totalScore,
        grade: p.grade,
        light: p.light,
        amount: p.suggestion ? toWan(p.suggestion.amount, unit) : null,
        action: p.suggestion?.action ?? null,
        reason: p.suggestion?.reason ?? null,
        errors: c.error,
        warnings: c.warning,
        infos: c.info,
      });
    }
  }

  // ---- departments
  const deptNames: string[] = [];
  const deptKey = (name: string) => keyText(name);
  const deptByKey = new Map<string, RoundDepartment & { scores: number[] }>();
  const dept = (name: string) => {
    const k = deptKey(name);
    let d = deptByKey.get(k);
    if (!d) {
      d = { department: name, files: [], projects: 0, budget: 0, spent: 0, executionRate: null, averageScore: null, findings: zero(), accepted: 0, lights: {}, comparison: previous ? { new: 0, persisting: 0, fixed: 0 } : null, scores: [] };
      deptByKey.set(k, d);
      deptNames.push(name);
    }
    return d;
  };
  const budgets = new Map<string, { budget: (number | null)[]; spent: (number | null)[] }>();
  for (const file of files) dept(fileDepartment(file));
  for (const p of projects) {
    const d = dept(p.department);
    if (!d.files.includes(p.file)) d.files.push(p.file);
    d.projects++;
    const b = budgets.get(deptKey(p.department)) ?? { budget: [], spent: [] };
    b.budget.push(p.budget);
    b.spent.push(p.spent);
    budgets.set(deptKey(p.department), b);
    if (p.totalScore !== null) d.scores.push(p.totalScore);
    if (monitoring && p.light) d.lights[p.light] = (d.lights[p.light] ?? 0) + 1;
  }
  for (const file of files) {
    const d = dept(fileDepartment(file));
    if (!d.files.includes(file.file)) d.files.push(file.file);
  }
  for (const f of all) {
    const d = dept(f.department);
    if (f.status === "已确认") d.accepted++;
    else d.findings[f.severity]++;
    if (d.comparison && f.status === "新增") d.comparison.new++;
    if (d.comparison && f.status === "仍存在") d.comparison.persisting++;
  }
  // 已整改: last round's findings gone from the departments that submitted again.
  const currentKeys = new Set(all.map((f) => matchKey(f.department, f.fingerprint)));
  const fixed: PreviousFinding[] = previous ? previous.findings.filter((f) => deptByKey.has(deptKey(f.department)) && !currentKeys.has(matchKey(f.department, f.fingerprint))).map(withResponse) : [];
  for (const f of fixed) {
    const d = deptByKey.get(deptKey(f.department));
    if (d?.comparison) d.comparison.fixed++;
  }
  const departments: RoundDepartment[] = deptNames.map((name) => {
    const d = deptByKey.get(deptKey(name)) as RoundDepartment & { scores: number[] };
    const b = budgets.get(deptKey(name)) ?? { budget: [], spent: [] };
    const budget = add(b.budget);
    const spent = add(b.spent);
    const { scores, ...rest } = d;
    return {
      ...rest,
      budget,
      spent,
      executionRate: budget > 0 ? round2(new Decimal(spent).div(budget), 4) : null,
      averageScore: scores.length ? round2(add(scores) / scores.length) : null,
    };
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rankByScore = departments
    .filter((d) => d.averageScore !== null)
    .sort((a, b) => (b.averageScore as number) - (a.averageScore as number) || cmp(a.department, b.department))
    .map((d) => d.department);
  const rankByProblems = [...departments]
    .sort((a, b) => b.findings.error - a.findings.error || b.findings.warning - a.findings.warning || b.findings.info - a.findings.info || cmp(a.department, b.department))
    .map((d) => d.department);

  // ---- grades with money
  const gradeNames = [...options.grades];
  for (const p of projects) if (p.grade && !gradeNames.includes(p.grade)) gradeNames.push(p.grade);
  const grades = gradeNames.map((grade) => {
    const ps = projects.filter((p) => p.grade === grade);
    return { grade, projects: ps.length, budget: add(ps.map((p) => p.budget)) };
  });

  // ---- totals
  const total = zero();
  let acceptedCount = 0;
  for (const f of all) {
    if (f.status === "已确认") acceptedCount++;
    else total[f.severity]++;
  }
  const budget = add(projects.map((p) => p.budget));
  const spent = add(projects.map((p) => p.spent));
  const fileRows = files.map((file) => {
    const c = zero();
    let a = 0;
    for (const f of all) {
      if (f.file !== file.file) continue;
      if (f.status === "已确认") a++;
      else c[f.severity as Severity]++;
    }
    return { file: file.file, department: fileDepartment(file), unit: file.report.unit, projects: file.report.projects.length, findings: c, accepted: a };
  });
  const skipped = options.skipped ?? [];
  return {
    round: (previous?.round ?? 0) + 1,
    date: options.date,
    asOf: options.asOf ?? null,
    monitoring,
    files: fileRows,
    skipped,
    totals: {
      files: files.length,
      unreadable: skipped.length,
      departments: departments.length,
      projects: projects.length,
      budget,
      spent,
      executionRate: budget > 0 ? round2(new Decimal(spent).div(budget), 4) : null,
      findings: total,
      accepted: acceptedCount,
    },
    grades,
    departments,
    rankByScore,
    rankByProblems,
    projects,
    findings,
    cross,
    fixed,
    comparison: previous
      ? { new: all.filter((f) => f.status === "新增").length, persisting: all.filter((f) => f.status === "仍存在").length, fixed: fixed.length, accepted: acceptedCount }
      : null,
  };
}
