/** The compact last-run summary (src/core/last-run.ts) of an analysis. */
import { MAX_CHARS, type LastRun, type StoredFinding } from "../core/last-run";
import type { Finding } from "../rules/types";
import type { FileReport } from "./report";

const SEV = { error: 0, warning: 1, info: 2 } as const;

/** Characters that JSON.stringify writes escaped (quote, backslash, controls, surrogates: lone ones are escaped). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(values).length for an array of strings, numbers and nulls, without building the text. */
export function jsonLength(values: readonly (string | number | null)[]): number {
  let n = 1 + values.length; // the brackets and the commas
  for (const v of values) {
    if (typeof v === "string") n += NEEDS_ESCAPE.test(v) ? JSON.stringify(v).length : v.length + 2;
    else n += JSON.stringify(v).length;
  }
  return values.length === 0 ? 2 : n;
}

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
    const size = jsonLength(row) + jsonLength(pair) + 2;
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
