/** The review-round fields of a file's findings: fingerprint, what it is about, and an acceptance stored in the workbook. */
import type { StateDocs } from "../core/state";
import type { ModelBook } from "../model/model";
import type { Finding } from "../rules/types";
import type { FindingReport } from "../engine/report";
import { acceptanceIndex, matchAcceptance, readAccepted } from "./accepted";
import { fingerprintFindings } from "./fingerprint";

export type FindingRoundFields = Pick<FindingReport, "fingerprint" | "valueHash" | "projectName" | "department" | "indicator" | "field" | "accepted">;

export function roundFields(findings: Finding[], model: ModelBook, state: StateDocs): FindingRoundFields[] {
  const accepted = acceptanceIndex(readAccepted(state));
  return fingerprintFindings(findings, model).map(({ fingerprint, subject }, i) => {
    const m = matchAcceptance(accepted, { fingerprint, valueHash: subject.valueHash });
    return {
      fingerprint,
      valueHash: subject.valueHash,
      projectName: findings[i].projectName,
      department: subject.department,
      indicator: subject.indicator,
      field: subject.field,
      accepted: m.kind === "accepted" ? { reason: m.acceptance.reason, ...(m.acceptance.by ? { by: m.acceptance.by } : {}), ...(m.acceptance.at ? { at: m.acceptance.at } : {}) } : null,
    };
  });
}
