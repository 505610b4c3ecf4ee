/** The compact last-run summary (src/core/last-run.ts) of an analysis. */
import { MAX_CHARS, type LastRun, type StoredFinding } from "../core/last-run";
import type { Finding } from "../rules/types";
import type { FileReport } from "./report";

const SEV = { error: 0, warning: 1, info: 2 } as const;

export function lastRunSummary(input: { report: FileReport; findings: Finding[]; preset: string; rulebookVersion: string; runAt: Date; asOf: string | null }): LastRun {
  const { report, findings } = input;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const grades: Record<string, number> = {};
  const lights = { green: 0, yellow: 0, red: 0, blue: 0 };
  const units: LastRun["units"] = [];
  const unitIndex = new Map<string, number>();
  for (const p of report.projects) {
    if (p.grade) grades[p.grade] = (grades[p.grade] ?? 0) + 1;
    if (p.light) lights[p.light]++;
  }
  const byKey = new Map(report.projects.map((p) => [p.code ?? p.name, p] as const));
  const unitOf = (key: string | null, name: string | null): number => {
    if (key === null) return -1;
    const known = unitIndex.get(key);
    if (known !== undefined) return known;
    const p = byKey.get(key);
    units.push([key, p?.name ?? name ?? key, p?.department ?? null, p?.sheet ?? "", p?.row ?? 0]);
    unitIndex.set(key, units.length - 1);
    return units.length - 1;
  };
  // Most severe first, so that what is left out (past MAX_CHARS) is the least severe.
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => SEV[a.f.severity] - SEV[b.f.severity] || a.i - b.i);
  const stored: StoredFinding[] = [];
  const fp: [string, string][] = [];
  let chars = 0;
  let omitted = 0;
  for (const { f, i } of order) {
    const row: StoredFinding = [f.rule, SEV[f.severity], f.sheet, f.cell, unitOf(f.project, f.projectName), f.message, f.hint, f.messageEn, f.hintEn, f.cause ?? null];
    const r = report.findings[i];
    const pair: [string, string] = [r?.fingerprint ?? "", r?.valueHash ?? ""];
    const size = JSON.stringify(row).length + JSON.stringify(pair).length + 2;
    if (chars + size > MAX_CHARS) {
      omitted++;
      continue;
    }
    chars += size;
    stored.push(row);
    fp.push(pair);
  }
  return {
    v: 1,
    runAt: input.runAt.toISOString(),
    preset: input.preset,
    rulebookVersion: input.rulebookVersion,
    file: report.file,
    modes: report.modes,
    asOf: input.asOf,
    projects: report.projects.length,
    counts,
    grades,
    lights,
    units,
    findings: stored,
    omitted,
    fp,
  };
}
