/**
 * Cross-submission rules (X…): like the single-workbook rules (src/rules), one small module
 * each with its cases beside it, but they look at all the files of a round at once. Every
 * finding names both files; messages live in the catalogue (src/messages, section x).
 */
import type { Finding, RuleMeta } from "../../rules/types";
import type { ProjectReport } from "../../engine/report";
import type { RoundFile } from "../types";

export interface RoundReportInput {
  messageId?: string;
  /** The file the finding is shown on (the later one). */
  file: RoundFile;
  /** The other file it names. */
  other: RoundFile;
  project?: ProjectReport | null;
  /** Where in `file` (default: the project's cell, else the first cell of the first sheet read). */
  sheet?: string;
  cell?: string;
  params: Record<string, string | number>;
}

export interface RoundRuleContext {
  files: RoundFile[];
  /** The department a file (or one of its projects) belongs to, as the round groups it. */
  departmentOf(file: RoundFile, project?: ProjectReport | null): string;
  report(input: RoundReportInput): void;
}

export interface RoundRule {
  meta: RuleMeta & { category: "X" };
  check(ctx: RoundRuleContext): void;
}

/** A finding across submissions: a file's finding, plus the other file it names and the department. */
export interface CrossFinding extends Omit<Finding, "cause"> {
  file: string;
  otherFile: string;
  department: string;
}
