/**
 * What the pane shows, as plain data: a run's (or the stored last run's) summary and
 * findings, grouped 部门 → 项目 with counts, most severe first, filtered and searched.
 * Pure: no React, no Office (tested in view.test.ts).
 */
import type { LastRun } from "../core/last-run";
import type { FileReport } from "../engine/report";
import type { Finding } from "../rules/types";
import type { Severity } from "../rulebook/schema";

export type Family = "target" | "selfEval" | "monitoring" | "data";
export const FAMILIES: Family[] = ["target", "selfEval", "monitoring", "data"];
const FAMILY_OF: Record<string, Family> = { T: "target", E: "selfEval", M: "monitoring", D: "data" };
export const SEVERITIES: Severity[] = ["error", "warning", "info"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface PaneUnit {
  key: string;
  name: string;
  department: string | null;
  /** Where the project's row is (empty sheet: unknown). */
  sheet: string;
  row: number;
}

export interface PaneFinding {
  id: number;
  rule: string;
  severity: Severity;
  family: Family;
  sheet: string;
  cell: string;
  project: string | null;
  projectName: string | null;
  department: string | null;
  message: string;
  hint: string;
  messageEn: string;
  hintEn: string;
  /** Every cell of the same cause (first = this finding's); length 1 for most findings. */
  cells: { sheet: string; cell: string; fingerprint?: string | null; valueHash?: string }[];
  /** Review round (src/round/fingerprint.ts): what the finding is about, and the hash of its values (null: unknown, an older stored summary). */
  fingerprint: string | null;
  valueHash: string;
}

export interface PaneData {
  runAt: string;
  preset: string;
  rulebookVersion: string;
  file: string;
  modes: string[];
  asOf: string | null;
  projects: number;
  /** By severity, as the report counts them (one per row, before merging causes). */
  counts: Record<Severity, number>;
  grades: Record<string, number>;
  lights: { green: number; yellow: number; red: number; blue: number };
  findings: PaneFinding[];
  units: Map<string, PaneUnit>;
  /** Findings the stored summary left out (too many to keep). */
  omitted: number;
  /** Shown from what the workbook holds (the pane was reopened), not from a run just made. */
  stored: boolean;
}

interface RawFinding extends Finding {
  department: string | null;
  fingerprint?: string | null;
  valueHash?: string;
}

/** One item per cause: findings sharing `cause` become the first one with all their cells. */
function mergeCauses(raw: RawFinding[]): PaneFinding[] {
  const out: PaneFinding[] = [];
  const byCause = new Map<string, PaneFinding>();
  for (const f of raw) {
    const at = { sheet: f.sheet, cell: f.cell, ...(f.fingerprint ? { fingerprint: f.fingerprint, valueHash: f.valueHash ?? "" } : {}) };
    const same = f.cause ? byCause.get(f.cause) : undefined;
    if (same) {
      same.cells.push(at);
      continue;
    }
    const item: PaneFinding = {
      id: out.length,
      rule: f.rule,
      severity: f.severity,
      family: FAMILY_OF[f.rule[0]] ?? "data",
      sheet: f.sheet,
      cell: f.cell,
      project: f.project,
      projectName: f.projectName,
      department: f.department,
      message: f.message,
      hint: f.hint,
      messageEn: f.messageEn,
      hintEn: f.hintEn,
      cells: [at],
      fingerprint: f.fingerprint ?? null,
      valueHash: f.valueHash ?? "",
    };
    if (f.cause) byCause.set(f.cause, item);
    out.push(item);
  }
  return out;
}

export interface RunMeta {
  runAt: string;
  preset: string;
  rulebookVersion: string;
  asOf: string | null;
}

/** A run just made. */
export function paneDataFromRun(report: FileReport, findings: Finding[], meta: RunMeta): PaneData {
  const units = new Map<string, PaneUnit>();
  const grades: Record<string, number> = {};
  const lights = { green: 0, yellow: 0, red: 0, blue: 0 };
  for (const p of report.projects) {
    const key = p.code ?? p.name;
    if (!units.has(key)) units.set(key, { key, name: p.name, department: p.department, sheet: p.sheet, row: p.row });
    if (p.grade) grades[p.grade] = (grades[p.grade] ?? 0) + 1;
    if (p.light) lights[p.light]++;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  // report.findings are the run's findings in the same order, with their fingerprints.
  const raw = findings.map((f, i) => ({ ...f, department: f.project !== null ? (units.get(f.project)?.department ?? null) : null, fingerprint: report.findings[i]?.fingerprint ?? null, valueHash: report.findings[i]?.valueHash ?? "" }));
  return { ...meta, file: report.file, modes: report.modes, projects: report.projects.length, counts, grades, lights, findings: mergeCauses(raw), units, omitted: 0, stored: false };
}

/** The last run as the workbook remembers it. */
export function paneDataFromStored(s: LastRun): PaneData {
  const units = new Map<string, PaneUnit>();
  for (const [key, name, department, sheet, row] of s.units) units.set(key, { key, name, department, sheet, row });
  const raw: RawFinding[] = s.findings.map(([rule, sev, sheet, cell, unit, message, hint, messageEn, hintEn, cause], i) => {
    const u = unit >= 0 ? s.units[unit] : undefined;
    const fp = s.fp?.[i];
    return { rule, severity: SEVERITIES[sev], sheet, cell, project: u ? u[0] : null, projectName: u ? u[1] : null, department: u ? u[2] : null, message, hint, messageEn, hintEn, ...(cause ? { cause } : {}), fingerprint: fp ? fp[0] : null, valueHash: fp ? fp[1] : "" };
  });
  return {
    runAt: s.runAt,
    preset: s.preset,
    rulebookVersion: s.rulebookVersion,
    asOf: s.asOf,
    file: s.file,
    modes: s.modes,
    projects: s.projects,
    counts: s.counts,
    grades: s.grades,
    lights: s.lights,
    findings: mergeCauses(raw),
    units,
    omitted: s.omitted,
    stored: true,
  };
}

export interface Filter {
  query: string;
  severities: Set<Severity>;
  /** null: every department; "" : findings with no department. */
  department: string | null;
  family: Family | null;
  /** "seen": findings the officer already went to; "unseen": the others; "accepted": 已确认 (审核确认), shown only here. */
  status: "all" | "unseen" | "seen" | "accepted";
}

export const NO_FILTER: Filter = { query: "", severities: new Set(), department: null, family: null, status: "all" };

function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

const NONE: ReadonlySet<number> = new Set();

/** `accepted`: ids of findings a reviewer accepted (审核确认): shown apart, under the status 已确认 only. */
export function matches(f: PaneFinding, filter: Filter, seen: ReadonlySet<number>, accepted: ReadonlySet<number> = NONE): boolean {
  if ((filter.status === "accepted") !== accepted.has(f.id)) return false;
  if (filter.severities.size && !filter.severities.has(f.severity)) return false;
  if (filter.department !== null && (f.department ?? "") !== filter.department) return false;
  if (filter.family !== null && f.family !== filter.family) return false;
  if (filter.status === "seen" && !seen.has(f.id)) return false;
  if (filter.status === "unseen" && seen.has(f.id)) return false;
  const q = norm(filter.query.trim());
  if (!q) return true;
  const hay = [f.project ?? "", f.projectName ?? "", f.message, f.messageEn, f.hint, f.department ?? "", f.rule, `${f.sheet}!${f.cell}`];
  return hay.some((h) => norm(h).includes(q));
}

export type Row =
  | { kind: "department"; key: string; department: string | null; counts: Record<Severity, number>; total: number }
  | { kind: "project"; key: string; unit: PaneUnit | null; project: string | null; name: string | null; counts: Record<Severity, number>; total: number }
  | { kind: "finding"; key: string; finding: PaneFinding };

const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
const worse = (a: Record<Severity, number>, b: Record<Severity, number>) => b.error - a.error || b.warning - a.warning || b.info - a.info;

/**
 * The flat rows of the virtual list: 部门 → 项目 → findings, departments and projects with
 * their counts, most severe first at every level (errors, then warnings); findings without a
 * project (sheet-level: a missing column) come first under their own heading.
 */
export function rowsOf(findings: PaneFinding[], units: Map<string, PaneUnit>): Row[] {
  interface P { key: string; project: string | null; name: string | null; list: PaneFinding[]; counts: Record<Severity, number> }
  interface D { department: string | null; projects: Map<string, P>; counts: Record<Severity, number>; sheetLevel: boolean }
  const depts = new Map<string, D>();
  for (const f of findings) {
    const sheetLevel = f.project === null;
    const dk = sheetLevel ? "\u0000sheet" : `d:${f.department ?? ""}`;
    let d = depts.get(dk);
    if (!d) depts.set(dk, (d = { department: sheetLevel ? null : f.department, projects: new Map(), counts: zero(), sheetLevel }));
    d.counts[f.severity]++;
    const pk = f.project ?? "";
    let p = d.projects.get(pk);
    if (!p) d.projects.set(pk, (p = { key: pk, project: f.project, name: f.projectName, list: [], counts: zero() }));
    p.counts[f.severity]++;
    p.list.push(f);
  }
  const rows: Row[] = [];
  const ordered = [...depts.entries()].sort(([ak, a], [bk, b]) => Number(b.sheetLevel) - Number(a.sheetLevel) || worse(a.counts, b.counts) || (ak < bk ? -1 : 1));
  for (const [dk, d] of ordered) {
    const total = d.counts.error + d.counts.warning + d.counts.info;
    rows.push({ kind: "department", key: dk, department: d.department, counts: d.counts, total });
    const projects = [...d.projects.values()].sort((a, b) => worse(a.counts, b.counts) || (a.key < b.key ? -1 : 1));
    for (const p of projects) {
      if (!d.sheetLevel) {
        rows.push({ kind: "project", key: `${dk}|${p.key}`, unit: p.project !== null ? (units.get(p.project) ?? null) : null, project: p.project, name: p.name, counts: p.counts, total: p.list.length });
      }
      const list = [...p.list].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.id - b.id);
      for (const f of list) rows.push({ kind: "finding", key: `f${f.id}`, finding: f });
    }
  }
  return rows;
}

/** Counts by severity of the findings (for the chips). */
export function severityCounts(findings: PaneFinding[]): Record<Severity, number> {
  const c = zero();
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Departments named by findings, most problems first. */
export function departmentsOf(findings: PaneFinding[]): string[] {
  const n = new Map<string, number>();
  for (const f of findings) if (f.project !== null) n.set(f.department ?? "", (n.get(f.department ?? "") ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([d]) => d);
}

/** Monitoring light rules: their severity is a light (error 红灯, warning 黄灯, info 蓝灯), named so as in the sheets. */
const LIGHT_RULES = new Set(["M001", "M002", "M003"]);

/** The catalogue key of a finding's level word: 红灯 / 黄灯 / 蓝灯 for a light, else 错误 / 警告 / 提示. */
export function severityKey(f: Pick<PaneFinding, "rule" | "severity">): string {
  return LIGHT_RULES.has(f.rule) ? `ui.lightBadge.${f.severity}` : `ui.severity.${f.severity}`;
}
