/** Runs the cross-submission rules over a round's files. */
import { findingText } from "../../messages";
import { ruleSetting } from "../../rulebook/load";
import type { Rulebook } from "../../rulebook/schema";
import type { ProjectReport } from "../../engine/report";
import type { RoundFile } from "../types";
import { departmentOf, projectCell } from "../files";
import type { CrossFinding, RoundReportInput, RoundRule } from "./types";

export function runRoundRules(rules: RoundRule[], files: RoundFile[], rulebook?: Rulebook): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const rule of rules) {
    const setting = rulebook ? ruleSetting(rulebook, rule.meta.id, rule.meta.severity) : { enabled: true, severity: rule.meta.severity };
    if (!setting.enabled) continue;
    const report = (r: RoundReportInput) => {
      const key = r.messageId ?? rule.meta.id;
      const params = { ...r.params, file: r.file.file, otherFile: r.other.file };
      const where = r.sheet !== undefined && r.cell !== undefined ? { sheet: r.sheet, cell: r.cell } : projectCell(r.file.report, r.project ?? null);
      out.push({
        rule: rule.meta.id,
        severity: setting.severity,
        file: r.file.file,
        otherFile: r.other.file,
        department: departmentOf(r.file, r.project ?? null),
        sheet: where.sheet,
        cell: where.cell,
        project: r.project ? (r.project.code ?? r.project.name) : null,
        projectName: r.project ? r.project.name : null,
        ...findingText(key, params),
      });
    };
    rule.check({ files, departmentOf: (f: RoundFile, p?: ProjectReport | null) => departmentOf(f, p ?? null), report });
  }
  return out;
}
