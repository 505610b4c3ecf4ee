/**
 * A rule is one small module (ESLint style): `meta` says what it is and where it comes from,
 * `check` walks the model and reports. Messages live in the catalogue (src/messages), keyed
 * by the rule id (or `id.variant`), never in the rule.
 */
import type { ModelBook, Mode, Project } from "../model/model";
import type { Rulebook, Severity } from "../rulebook/schema";
import type { ProjectResult } from "../engine/results";

export type RuleCategory = "D" | "T" | "E" | "M" | "X";

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  /** Default severity; a preset may change it. */
  severity: Severity;
  /** Short title, zh-CN and English. */
  title: { zh: string; en: string };
  /** Where the rule comes from (document, seed, or "practice"). */
  source: string;
  /** Common review practice rather than national wording: shown as 建议/提示 by default. */
  practice?: boolean;
  /** Modes in which the rule runs (default: always). */
  modes?: Mode[];
}

export interface ReportInput {
  /** Defaults to the rule's own id. Catalogue key is `messageId` (default: rule id). */
  messageId?: string;
  /** Overrides the effective severity (e.g. M001 red = error, yellow = warning). */
  severity?: Severity;
  sheet: string;
  cell: string;
  project?: Project | null;
  params?: Record<string, string | number>;
  /** Findings with the same cause (one unknown project code on many indicator rows) are one item in the pane. */
  cause?: string;
}

export interface RuleContext {
  book: ModelBook;
  rulebook: Rulebook;
  /** Rule-specific parameters from the rulebook (rules.<id>.params). */
  params: Record<string, number | string | boolean | string[]>;
  /** Computed scores / lights / suggestions (present for E and M rules). */
  results: Map<string, ProjectResult>;
  /** As-of date in monitoring mode (ISO). */
  asOf: string | null;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** Project code (or name where there is no code), null for sheet-level findings. */
  project: string | null;
  projectName: string | null;
  message: string;
  hint: string;
  messageEn: string;
  hintEn: string;
  /** Same cause as other findings (see ReportInput.cause). */
  cause?: string;
}
