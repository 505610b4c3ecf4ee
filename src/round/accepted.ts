/**
 * 审核确认: a reviewer accepts a finding as needing no change, with a mandatory reason.
 *
 * Stored in the workbook's state sheet 「_jixiao」 under its own key `accepted` (next to
 * `run`, `mapping`, `rulebook`), keyed by the finding's fingerprint, together with the hash of
 * the values it was about: while they are unchanged the finding shows as 已确认 (counted
 * apart); once they change it comes back as 仍存在 with the old reason shown.
 *
 * Pure: the task pane's 确认 / 撤销 buttons call `acceptFinding` / `revokeAcceptance` and
 * write `acceptedStatePlan(snapshot, list)`; every run reads `readAccepted(state)`.
 */
import type { z } from "zod";
import { lazyObject, once, zodNow } from "../core/lazy";
import type { PlanAction, WorkbookSnapshot } from "../core/plan";
import { encodeState, readState, STATE_SHEET, type StateDocs } from "../core/state";
import { rangeToA1 } from "../core/address";
import type { FindingReport } from "../engine/report";
import { maxOf } from "../core/collections";

export const ACCEPTED_KEY = "accepted";

/**
 * An acceptance's fields by type, as the round's report lists them back (src/engine/report.ts);
 * a stored one is checked further (a fingerprint, and a reason that is not blank).
 */
export function acceptanceFields(z: ReturnType<typeof zodNow>) {
  return {
    fingerprint: z.string(),
    valueHash: z.string(),
    reason: z.string(),
    rule: z.string(),
    project: z.string().nullable(),
    message: z.string().optional(),
    /** 主管部门 the finding belongs to (acceptances made in a round's 问题清单; the pane leaves it out). */
    department: z.string().optional(),
    /** The submitted file it was made on, for the reader. */
    file: z.string().optional(),
    by: z.string().optional(),
    /** ISO date-time of the acceptance. */
    at: z.string().optional(),
  };
}

/** The schemas, built on first use (zod is loaded then: see src/core/lazy.ts). */
const schemas = once(() => {
  const z = zodNow();
  const AcceptanceSchema = z.object({ ...acceptanceFields(z), fingerprint: z.string().min(1), reason: z.string().trim().min(1) });
  const AcceptedDocSchema = z.object({
    version: z.literal(1),
    items: z.array(z.unknown()),
  });

  return { AcceptanceSchema, AcceptedDocSchema };
});

export const AcceptanceSchema = lazyObject(() => schemas().AcceptanceSchema);
export const AcceptedDocSchema = lazyObject(() => schemas().AcceptedDocSchema);
export type Acceptance = z.infer<typeof AcceptanceSchema>;

/** The acceptances stored in a state (unknown or damaged entries are dropped, never a crash). */
export function readAccepted(docs: StateDocs | Record<string, unknown>): Acceptance[] {
  const stored = (docs as Record<string, unknown>)[ACCEPTED_KEY];
  if (stored === undefined) return []; // none stored: nothing to validate (and zod not loaded)
  const doc = AcceptedDocSchema.safeParse(stored);
  if (!doc.success) return [];
  const out: Acceptance[] = [];
  for (const item of doc.data.items) {
    const a = AcceptanceSchema.safeParse(item);
    if (a.success) out.push(a.data);
  }
  return out;
}

export class ReasonRequiredError extends Error {
  constructor() {
    super("审核确认必须填写理由 / an accepted finding needs a reason");
    this.name = "ReasonRequiredError";
  }
}

type Acceptable = Pick<FindingReport, "rule" | "project" | "message" | "fingerprint" | "valueHash">;

/** The list with `finding` accepted (replacing an earlier acceptance of the same fingerprint). Throws ReasonRequiredError on an empty reason. */
export function acceptFinding(list: Acceptance[], finding: Acceptable, reason: string, meta: { by?: string; at?: string; department?: string; file?: string } = {}): Acceptance[] {
  if (!reason.trim()) throw new ReasonRequiredError();
  if (!finding.fingerprint) throw new Error("finding has no fingerprint");
  const item: Acceptance = {
    fingerprint: finding.fingerprint,
    valueHash: finding.valueHash ?? "",
    reason: reason.trim(),
    rule: finding.rule,
    project: finding.project,
    message: finding.message,
    ...(meta.department ? { department: meta.department } : {}),
    ...(meta.file ? { file: meta.file } : {}),
    ...(meta.by ? { by: meta.by } : {}),
    ...(meta.at ? { at: meta.at } : {}),
  };
  return [...list.filter((a) => !(a.fingerprint === finding.fingerprint && a.department === item.department)), item];
}

/** The list without the acceptance of `fingerprint` (撤销). */
export function revokeAcceptance(list: Acceptance[], fingerprint: string): Acceptance[] {
  return list.filter((a) => a.fingerprint !== fingerprint);
}

export type AcceptanceMatch =
  /** Accepted, and the values it was about are unchanged. */
  | { kind: "accepted"; acceptance: Acceptance }
  /** Accepted once, but the values changed since: the finding is back (仍存在), with the old reason. */
  | { kind: "changed"; acceptance: Acceptance }
  | { kind: "none" };

/** The acceptance of a finding: same fingerprint, and the same department where the acceptance names one. */
export function matchAcceptance(byFingerprint: Map<string, Acceptance[]>, f: Pick<FindingReport, "fingerprint" | "valueHash">, department?: string | null): AcceptanceMatch {
  const list = f.fingerprint ? (byFingerprint.get(f.fingerprint) ?? []) : [];
  const a = list.find((x) => x.department === undefined || department === undefined || x.department === department);
  if (!a) return { kind: "none" };
  return a.valueHash === (f.valueHash ?? "") ? { kind: "accepted", acceptance: a } : { kind: "changed", acceptance: a };
}

export function acceptanceIndex(list: Acceptance[]): Map<string, Acceptance[]> {
  const m = new Map<string, Acceptance[]>();
  for (const a of list) m.set(a.fingerprint, [...(m.get(a.fingerprint) ?? []), a]);
  return m;
}

/** The state document for a list of acceptances (undefined: nothing to store). */
export function acceptedDoc(list: Acceptance[]): { version: 1; items: Acceptance[] } | undefined {
  return list.length ? { version: 1, items: list } : undefined;
}

/**
 * The plan that stores `list` in the workbook's state sheet, keeping every other key as it is
 * (the task pane applies it after 确认 / 撤销; the next run honours it).
 */
export function acceptedStatePlan(snapshot: WorkbookSnapshot, list: Acceptance[]): PlanAction[] {
  const docs = { ...readState(snapshot) } as Record<string, unknown>;
  const doc = acceptedDoc(list);
  if (doc) docs[ACCEPTED_KEY] = doc;
  else delete docs[ACCEPTED_KEY];
  const rows = encodeState(docs as StateDocs);
  const existing = snapshot.sheets.find((s) => s.name === STATE_SHEET);
  const actions: PlanAction[] = [];
  if (existing) {
    const n = existing.values.length;
    const cols = maxOf(
      existing.values.map((r) => r.length),
      0,
    );
    if (n > 0 && cols > 0) actions.push({ kind: "clearRange", sheet: STATE_SHEET, range: rangeToA1({ top: 0, left: 0, bottom: n - 1, right: cols - 1 }) });
  } else if (rows.length) {
    actions.push({ kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" });
  }
  if (rows.length) actions.push({ kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: rows });
  return actions;
}
