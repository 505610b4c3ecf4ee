/**
 * 审核确认 in the pane, pure: which of the shown findings are accepted (the values they were
 * about unchanged) and which were accepted once but have changed since (仍存在, with the old
 * reason), from the acceptances stored in the workbook (src/round/accepted.ts). The pane
 * recomputes it whenever the list or the findings change, so 确认 / 撤销 show at once.
 */
import { acceptanceIndex, acceptFinding, matchAcceptance, revokeAcceptance, type Acceptance } from "../../round";
import type { PaneFinding } from "../view";
import type { Severity } from "../../rulebook/schema";

export type Review = { status: "已确认"; acceptance: Acceptance } | { status: "仍存在"; acceptance: Acceptance };

export function reviewsOf(findings: PaneFinding[], list: Acceptance[]): Map<number, Review> {
  const out = new Map<number, Review>();
  if (!list.length) return out;
  const index = acceptanceIndex(list);
  for (const f of findings) {
    if (!f.fingerprint) continue;
    const m = matchAcceptance(index, { fingerprint: f.fingerprint, valueHash: f.valueHash });
    if (m.kind === "accepted") out.set(f.id, { status: "已确认", acceptance: m.acceptance });
    else if (m.kind === "changed") out.set(f.id, { status: "仍存在", acceptance: m.acceptance });
  }
  return out;
}

/** Ids of the accepted findings (shown apart, not counted as problems). */
export function acceptedIds(reviews: Map<number, Review>): Set<number> {
  return new Set([...reviews].filter(([, r]) => r.status === "已确认").map(([id]) => id));
}

/**
 * The summary's counts with accepted findings taken out. `counts` counts every finding row;
 * a merged finding (one cause on several cells) stands for `cells.length` of them.
 */
export function openCounts(counts: Record<Severity, number>, findings: PaneFinding[], accepted: ReadonlySet<number>): Record<Severity, number> {
  const c = { ...counts };
  for (const f of findings) if (accepted.has(f.id)) c[f.severity] = Math.max(0, c[f.severity] - f.cells.length);
  return c;
}

/** 确认 of a pane finding (throws ReasonRequiredError on an empty reason). */
export function acceptPaneFinding(list: Acceptance[], f: PaneFinding, reason: string, at: Date): Acceptance[] {
  if (!f.fingerprint) throw new Error("finding has no fingerprint");
  let next = acceptFinding(list, { rule: f.rule, project: f.project, message: f.message, fingerprint: f.fingerprint, valueHash: f.valueHash }, reason, { at: at.toISOString() });
  // One cause on several cells (shown as one finding): every row of it is accepted together.
  for (const c of f.cells.slice(1)) {
    if (c.fingerprint) next = acceptFinding(next, { rule: f.rule, project: f.project, message: f.message, fingerprint: c.fingerprint, valueHash: c.valueHash ?? "" }, reason, { at: at.toISOString() });
  }
  return next;
}

/** 撤销 of a pane finding. */
export function revokePaneFinding(list: Acceptance[], f: PaneFinding): Acceptance[] {
  let next = list;
  for (const fp of [f.fingerprint, ...f.cells.map((c) => c.fingerprint)]) if (fp) next = revokeAcceptance(next, fp);
  return next;
}
