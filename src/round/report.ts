/** The round's part of the JSON report (contract.md: 「The JSON report adds the round's totals and the cross-submission findings」). */
import type { RoundReport } from "../engine/report";
import type { Acceptance } from "./accepted";
import type { RoundModel } from "./types";

export function roundReport(model: RoundModel): RoundReport {
  const accepted: Acceptance[] = [...model.findings, ...model.cross]
    .filter((f) => f.status === "已确认" && f.acceptance && f.acceptedIn === "round")
    .map((f) => ({ ...(f.acceptance as Acceptance), fingerprint: f.fingerprint, valueHash: f.valueHash, department: f.department, file: f.file }));
  return {
    round: model.round,
    unit: "万元",
    totals: model.totals,
    grades: model.grades,
    departments: model.departments,
    cross: model.cross.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      project: f.project,
      projectName: f.projectName,
      message: f.message,
      hint: f.hint,
      fingerprint: f.fingerprint,
      valueHash: f.valueHash,
      file: f.file,
      otherFile: f.otherFile ?? "",
      department: f.department,
      accepted: f.status === "已确认" && f.acceptance ? { reason: f.acceptance.reason } : null,
    })),
    comparison: model.comparison,
    fixed: model.fixed.map((f) => ({ fingerprint: f.fingerprint, file: f.file, department: f.department, rule: f.rule, project: f.project, message: f.message })),
    accepted,
    skipped: model.skipped,
  };
}
