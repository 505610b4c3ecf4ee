/** From an analysis to the JSON report of contract.md. */
import type { ParsedValue } from "../parse/types";
import type { Finding } from "../rules/types";
import type { Rulebook } from "../rulebook/schema";
import type { Analysis } from "./pipeline";
import type { FileReport, IndicatorReport, ProjectReport, Report } from "./report";
import { VERSION } from "./version";
import { roundFields } from "../round/annotate";

function round(n: number | null, digits: number): number | null {
  if (n === null || !Number.isFinite(n)) return null;
  const f = 10 ** digits;
  const r = Math.round((n + Number.EPSILON * Math.sign(n)) * f) / f;
  // A number too large to scale (1 / 2.2e-308) has no decimals to round: kept as it is, never Infinity.
  return Number.isFinite(r) ? r : n;
}

function valueOf(v: ParsedValue): { operator: string | null; value: number | string | null; unit: string | null } {
  switch (v.kind) {
    case "number":
      return { operator: v.operator, value: v.value, unit: v.unit };
    case "date":
      return { operator: v.operator, value: v.date, unit: null };
    case "tier":
      return { operator: "定性", value: v.text, unit: null };
    case "text":
      return { operator: null, value: v.text, unit: null };
    default:
      return { operator: null, value: null, unit: null };
  }
}

export function buildFileReport(file: string, a: Analysis): FileReport {
  const projects: ProjectReport[] = a.model.projects.map((p) => {
    const r = a.results.get(p.id);
    const inMonitoring = a.model.modes.includes("运行监控");
    const spent = inMonitoring && p.cumulativeSpent !== null ? p.cumulativeSpent : p.spent;
    const budget = p.budget ?? p.initialBudget;
    const indicators: IndicatorReport[] = p.indicators.map((ind) => {
      const ir = r?.indicators[ind.id];
      const t = valueOf(ind.target);
      const act = valueOf(inMonitoring && ind.current.kind !== "empty" && ind.actual.kind === "empty" ? ind.current : ind.actual);
      return {
        sheet: ind.origin.sheet,
        row: ind.origin.row,
        level1: ind.level1 ?? ind.level1Text,
        level2: ind.level2 ?? ind.level2Text,
        name: ind.name,
        operator: t.operator,
        target: t.value,
        unit: t.unit ?? act.unit,
        actual: act.value,
        weight: ir?.weight ?? ind.weight,
        score: ir?.score ?? null,
        light: ir?.light ?? null,
      };
    });
    return {
      code: p.code,
      name: p.name,
      department: p.department,
      sheet: p.origin.sheet,
      row: p.origin.row,
      initialBudget: p.initialBudget,
      budget,
      spent,
      executionRate: round(r?.executionRate ?? (budget && spent !== null && budget > 0 ? spent / budget : null), 4),
      executionScore: r?.executionScore ?? null,
      indicatorScore: r?.indicatorScore ?? null,
      totalScore: r?.totalScore ?? null,
      grade: r?.grade ?? null,
      light: r?.light ?? null,
      suggestion: r?.suggestion ? { action: r.suggestion.action, amount: r.suggestion.amount, change: r.suggestion.change, reason: r.suggestion.reason } : null,
      indicators,
    };
  });
  return {
    file,
    layout: a.model.layout,
    modes: a.model.modes,
    unit: a.model.unit,
    detected: a.model.detections.map((d) => ({ sheet: d.sheet, role: d.role, headerRow: d.headerRow, columns: d.columns, unit: d.unit })),
    projects,
    findings: withRoundFields(a),
    rulebook: { preset: a.rulebook.preset, version: a.rulebook.version, source: a.rulebookSource },
    notices: a.notices.map((n) => ({ message: n.message, messageEn: n.messageEn })),
  };
}

function withRoundFields(a: Analysis): FileReport["findings"] {
  const extra = roundFields(a.findings, a.model, a.state);
  return a.findings.map((f: Finding, i) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, project: f.project, message: f.message, hint: f.hint, ...extra[i] }));
}

/** The whole report for one or more files. */
export function buildReport(files: FileReport[], rulebook: Rulebook, asOf: string | null): Report {
  const findings = { error: 0, warning: 0, info: 0 };
  let accepted = 0;
  const grades: Record<string, number> = {};
  for (const g of rulebook.scoring.grades) grades[g.grade] = 0;
  let projects = 0;
  for (const f of files) {
    projects += f.projects.length;
    for (const x of f.findings) {
      if (x.accepted) accepted++;
      else findings[x.severity]++;
    }
    for (const p of f.projects) if (p.grade) grades[p.grade] = (grades[p.grade] ?? 0) + 1;
  }
  return {
    tool: { name: "jixiao", version: VERSION },
    rulebook: { preset: rulebook.preset, version: rulebook.version },
    asOf,
    files,
    summary: { projects, findings, grades, accepted },
  };
}
