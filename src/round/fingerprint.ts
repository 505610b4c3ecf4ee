/**
 * A finding's fingerprint: what it is about, never where it sits.
 *
 *   rule | project (code, or department + name) | indicator name | field
 *
 * Stable across inserted rows, re-sorted sheets and moved columns, so that a finding of this
 * round is matched with last round's (新增 / 仍存在 / 已整改) and with a reviewer's 审核确认.
 * Beside it, `valueHash` hashes the values the finding is about (the raw cells of the indicator
 * or project row it points at): an acceptance holds only while they are unchanged.
 */
import type { CellValue } from "../core/grid";
import { eachCell, type Indicator, type ModelBook, type Project } from "../model/model";
import type { Finding } from "../rules/types";
import { normaliseText } from "../parse/text";
import { canonicalJson, fnv64 } from "./hash";

/** What a finding is about, found from its cell in the model. */
export interface FindingSubject {
  /** Project key for the fingerprint: 「code:P001」 or 「name:县教育局/学生资助」; "" for sheet-level findings. */
  projectKey: string;
  /** 三级指标 name of the indicator the cell belongs to, null when the finding is about a project or the sheet. */
  indicator: string | null;
  /** The model field of the cell (target, actual, budget …), null when the cell is no field of a record. */
  field: string | null;
  /** 主管部门 of the project, null when unknown. */
  department: string | null;
  /** Hash of the raw values of the record (indicator or project row) the finding points at. */
  valueHash: string;
}

/** Text as compared in fingerprints: full-width folded, spaces removed, case-blind. */
export function keyText(s: string | null | undefined): string {
  return normaliseText(String(s ?? "")).replace(/ /g, "").toLowerCase();
}

function rawValues(raw: Partial<Record<string, CellValue>>): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === null || v === undefined || v === "") continue;
    out[k] = typeof v === "string" ? normaliseText(v) : v;
  }
  return canonicalJson(out);
}

export function projectFingerprintKey(p: Pick<Project, "code" | "name" | "department">): string {
  const code = keyText(p.code);
  return code ? `code:${code}` : `name:${keyText(p.department)}/${keyText(p.name)}`;
}

interface CellEntry {
  project?: Project;
  indicator?: Indicator;
  orphanText?: string;
  field: string | null;
}

/** sheet!cell → the record and field read from that cell, and project key → project (built once per model). */
export interface CellIndex {
  cells: Map<string, CellEntry>;
  projects: Map<string, Project>;
}

export function cellIndex(model: ModelBook, only?: Pick<Finding, "sheet" | "cell">[]): CellIndex {
  const index = new Map<string, CellEntry>();
  const projects = new Map<string, Project>();
  for (const p of model.projects) if (!projects.has(p.code ?? p.name)) projects.set(p.code ?? p.name, p);
  // `only`: just the cells these findings name (the same entries, without indexing every cell of a county).
  const wanted = only ? new Map<string, Set<string>>() : null;
  if (wanted && only) for (const f of only) (wanted.get(f.sheet) ?? wanted.set(f.sheet, new Set()).get(f.sheet)!).add(f.cell);
  const put = (sheet: string, cell: string | undefined, e: CellEntry) => {
    if (cell === undefined) return;
    if (wanted && !wanted.get(sheet)?.has(cell)) return;
    const k = `${sheet}!${cell}`;
    if (!index.has(k)) index.set(k, e);
  };
  for (const p of model.projects) {
    for (const ind of p.indicators) {
      if (wanted && !wanted.has(ind.origin.sheet)) continue;
      eachCell(ind.origin, (fd, a) => put(ind.origin.sheet, a, { project: p, indicator: ind, field: fd }));
    }
    for (const [fd, a] of Object.entries(p.origin.cells)) put(p.origin.sheet, a, { project: p, field: fd });
  }
  for (const o of model.orphans) {
    put(o.indicator.origin.sheet, o.cell, { indicator: o.indicator, orphanText: o.projectText, field: "projectName" });
    eachCell(o.indicator.origin, (fd, a) => put(o.indicator.origin.sheet, a, { indicator: o.indicator, orphanText: o.projectText, field: fd }));
  }
  for (const u of [...model.unreadable, ...model.cellErrors]) {
    const p = u.projectId === null ? undefined : model.projects.find((x) => x.id === u.projectId);
    put(u.sheet, u.cell, { project: p, field: u.field });
  }
  return { cells: index, projects };
}

/** Where in the model a finding points: the indicator or project whose cell it names, and which field that cell is. */
export function findingSubject(f: Pick<Finding, "sheet" | "cell" | "project">, model: ModelBook, index: CellIndex = cellIndex(model)): FindingSubject {
  const e = index.cells.get(`${f.sheet}!${f.cell}`);
  const owner = f.project === null ? undefined : index.projects.get(f.project);
  // The cell decides only when it belongs to the finding's own project (or the finding names none).
  const hit = e && (!owner || !e.project || e.project === owner) ? e : undefined;
  const project = hit?.project ?? owner;
  const indicator = hit?.indicator;
  const raw = indicator ? indicator.origin.raw : project ? project.origin.raw : {};
  return {
    projectKey: project ? projectFingerprintKey(project) : hit?.orphanText !== undefined ? `orphan:${keyText(hit.orphanText)}` : "",
    indicator: indicator ? indicator.name || null : null,
    field: hit?.field ?? null,
    department: project?.department ?? null,
    valueHash: fnv64(rawValues(raw)),
  };
}

/** The fingerprint text of a finding: rule | project | indicator | field (see the module comment). */
export function findingFingerprint(f: { rule: string }, s: Pick<FindingSubject, "projectKey" | "indicator" | "field">, fallback = ""): string {
  return [f.rule, s.projectKey || fallback, keyText(s.indicator), s.field ?? ""].join("|");
}

/**
 * Fingerprints for a file's findings, in their order: two findings with the same fingerprint
 * (the same rule twice on one field) get 「#2」, 「#3」 in reading order. `fallback` stands in for
 * the project of sheet-level findings (the sheet name: 「缺少指标值列」 on 指标表).
 */
export function fingerprintFindings(findings: Finding[], model: ModelBook): { fingerprint: string; subject: FindingSubject }[] {
  const seen = new Map<string, number>();
  if (findings.length === 0) return [];
  const index = cellIndex(model, findings);
  return findings.map((f) => {
    const subject = findingSubject(f, model, index);
    const base = findingFingerprint(f, subject, subject.projectKey ? "" : `sheet:${keyText(f.sheet)}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { fingerprint: n === 1 ? base : `${base}#${n}`, subject };
  });
}
