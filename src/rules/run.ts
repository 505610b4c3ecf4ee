/** Runs a set of rules over a model and collects findings with their messages. */
import type { ModelBook } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import type { ProjectResult } from "../engine/results";
import { ruleSetting } from "../rulebook/load";
import { findingText } from "../messages";
import { bookForModes } from "../model/modes";
import type { Finding, ReportInput, Rule } from "./types";

export interface RunRulesInput {
  book: ModelBook;
  rulebook: Rulebook;
  results?: Map<string, ProjectResult>;
  asOf?: string | null;
}

export function runRules(rules: Rule[], input: RunRulesInput): Finding[] {
  const findings: Finding[] = [];
  // The book as the rules of one set of modes see it, worked out once per set (not once per rule).
  const byModes = new Map<string, RunRulesInput["book"]>();
  const bookFor = (modes: NonNullable<Rule["meta"]["modes"]>) => {
    const k = modes.join("\u0000");
    let b = byModes.get(k);
    if (!b) byModes.set(k, (b = bookForModes(input.book, modes)));
    return b;
  };
  for (const rule of rules) {
    const setting = ruleSetting(input.rulebook, rule.meta.id, rule.meta.severity);
    if (!setting.enabled) continue;
    if (rule.meta.modes && !rule.meta.modes.some((m) => input.book.modes.includes(m))) continue;
    const report = (r: ReportInput) => {
      const key = r.messageId ?? rule.meta.id;
      const params = r.params ?? {};
      // A preset's severity override wins over a rule's own per-finding choice.
      const override = input.rulebook.rules[rule.meta.id]?.severity;
      findings.push({
        rule: rule.meta.id,
        severity: override ?? r.severity ?? setting.severity,
        sheet: r.sheet,
        cell: r.cell,
        project: r.project ? (r.project.code ?? r.project.name) : null,
        projectName: r.project ? r.project.name : null,
        ...findingText(key, params),
        ...(r.cause ? { cause: r.cause } : {}),
      });
    };
    rule.check({
      book: rule.meta.modes ? bookFor(rule.meta.modes) : input.book,
      rulebook: input.rulebook,
      params: setting.params,
      results: input.results ?? new Map(),
      asOf: input.asOf ?? null,
      report,
    });
  }
  return findings;
}
