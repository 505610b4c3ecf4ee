/** The review round's data: submissions in, one consolidated picture out (all money in 万元). */
import type { FileReport, FindingReport, ProjectReport } from "../engine/report";
import type { Severity } from "../rulebook/schema";
import type { Acceptance } from "./accepted";

/** One submitted workbook, as checked. */
export interface RoundFile {
  /** Path relative to the folder given (shown as 文件, and the link target of 单元格). */
  file: string;
  /** Hash of the file's bytes (identical submissions: X002); null when unknown. */
  contentHash: string | null;
  report: FileReport;
}

/** Status of a finding against the previous round and the reviewer's acceptances. */
export type FindingStatus = "新增" | "仍存在" | "已确认";

export interface RoundFinding {
  file: string;
  department: string;
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** Project code, or name where there is none. */
  project: string | null;
  projectName: string | null;
  message: string;
  hint: string;
  fingerprint: string;
  valueHash: string;
  /** null: no previous round and not accepted. */
  status: FindingStatus | null;
  /** The acceptance in force (status 已确认), or the earlier one whose values have changed since (status 仍存在). */
  acceptance: Acceptance | null;
  /** Where the acceptance in force lives: in the submitted workbook itself (the pane's 确认), or in the round (问题清单). */
  acceptedIn?: "workbook" | "round";
  /** X rules: the other file the finding names. */
  otherFile?: string;
  /** The department's answer in its returned feedback workbook (整改情况 / 整改说明). */
  response?: { status: string; note: string };
}

export interface RoundProject {
  file: string;
  department: string;
  code: string | null;
  name: string;
  sheet: string;
  row: number;
  /** 万元 */
  budget: number | null;
  spent: number | null;
  executionRate: number | null;
  totalScore: number | null;
  grade: string | null;
  light: ProjectReport["light"];
  /** 建议金额, 万元. */
  amount: number | null;
  action: string | null;
  reason: string | null;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface RoundDepartment {
  department: string;
  files: string[];
  projects: number;
  budget: number;
  spent: number;
  executionRate: number | null;
  averageScore: number | null;
  /** Open findings (accepted ones not counted). */
  findings: Counts;
  accepted: number;
  lights: Record<string, number>;
  comparison: { new: number; persisting: number; fixed: number } | null;
}

/** A finding of the previous round, as remembered (report.json or the last 汇总.xlsx). */
export interface PreviousFinding {
  fingerprint: string;
  valueHash: string;
  file: string;
  department: string;
  rule: string;
  severity: Severity;
  project: string | null;
  message: string;
  sheet: string;
  cell: string;
  /** The department's answer in its returned feedback workbook. */
  response?: { status: string; note: string };
}

export interface PreviousRound {
  /** Round number of the previous round (1 when unknown). */
  round: number;
  findings: PreviousFinding[];
  /** Acceptances made in (or carried by) the previous round. */
  accepted: Acceptance[];
}

export interface RoundOptions {
  /** Grade names in order (the rulebook's bands). */
  grades: string[];
  previous?: PreviousRound | null;
  /** Answers read from returned feedback workbooks (shown in 处理说明). */
  responses?: { fingerprint: string; department: string; status: string; note: string }[];
  /** Acceptances besides the previous round's (e.g. given by the pane). */
  accepted?: Acceptance[];
  /** Inputs that could not be checked. */
  skipped?: { file: string; reason: string }[];
  /** 审核日期 (ISO date) shown on the sheets. */
  date: string;
  /** Monitoring date, when the round is a mid-year monitoring one. */
  asOf?: string | null;
}

export interface RoundModel {
  round: number;
  date: string;
  asOf: string | null;
  monitoring: boolean;
  files: { file: string; department: string; unit: string; projects: number; findings: Counts; accepted: number }[];
  skipped: { file: string; reason: string }[];
  totals: { files: number; unreadable: number; departments: number; projects: number; budget: number; spent: number; executionRate: number | null; findings: Counts; accepted: number };
  grades: { grade: string; projects: number; budget: number }[];
  departments: RoundDepartment[];
  /** Department names, best average score first. */
  rankByScore: string[];
  /** Department names, most errors first, then most warnings. */
  rankByProblems: string[];
  projects: RoundProject[];
  /** Every finding of every file, then the cross-submission ones. */
  findings: RoundFinding[];
  cross: RoundFinding[];
  /** Previous round's findings no longer found in the departments that resubmitted (已整改). */
  fixed: PreviousFinding[];
  comparison: { new: number; persisting: number; fixed: number; accepted: number } | null;
}

export type { FileReport, FindingReport, ProjectReport };
