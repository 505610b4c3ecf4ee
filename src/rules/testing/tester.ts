/**
 * The shared rule tester (ESLint's RuleTester idea): a table of `valid` and `invalid` cases per
 * rule, each case a small book built with `makeBook`. Registers jest `describe` / `it` blocks.
 *
 *   runRuleCases(T014, {
 *     valid: [{ name: "≥90% passes", projects: [{ indicators: [...] }] }],
 *     invalid: [{ name: "≥70% fails", projects: [...], errors: [{ cell: "F3", sheet: INDICATOR_SHEET }] }],
 *   });
 *
 * valid   → the rule reports nothing;
 * invalid → the rule reports exactly the listed findings (as a multiset): rule id (default: the
 *           rule under test), cell (「F3」 or 「指标表!F3」), sheet when given, severity when given,
 *           and every `messageIncludes` substring in the Chinese message or hint.
 * Every finding of every case must carry a Chinese message and hint and an English message and
 * hint with no unfilled {placeholder}: a finding is never only a code.
 */
import type { Finding, Rule } from "../types";
import type { ModelBook } from "../../model/model";
import type { ProjectResult } from "../../engine/results";
import type { Rulebook, Severity } from "../../rulebook/schema";
import { getPreset } from "../../rulebook/load";
import { runRules } from "../run";
import { makeBook, type BookOptions, type ProjectSpec } from "./book";
import { pushAll } from "../../core/collections";

export interface Case {
  name: string;
  projects: ProjectSpec[];
  options?: BookOptions;
  results?: Map<string, ProjectResult>;
  asOf?: string;
  /** Adjust the built book before the rule runs (e.g. drop a field from projectFields). */
  tweak?: (book: ModelBook) => void;
}

export interface ExpectedFinding {
  /** Defaults to the id of the rule under test. */
  rule?: string;
  /** A1 address, optionally with the sheet: 「F3」 or 「指标表!F3」. */
  cell: string;
  sheet?: string;
  severity?: Severity;
  /** Substrings that must all occur in the Chinese message (or hint). */
  messageIncludes?: string[];
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

export interface RuleCases {
  valid: Case[];
  invalid: InvalidCase[];
}

/** The rulebook a case runs with (the book options' one, else the default preset). */
export function caseRulebook(c: Case): Rulebook {
  return c.options?.rulebook ?? getPreset();
}

/** Build the case's book (makeBook + tweak). */
export function buildCaseBook(c: Case): ModelBook {
  const book = makeBook(c.projects, c.options);
  c.tweak?.(book);
  return book;
}

/** Run one or more rules over a case and return every finding (no assertions). */
export function findingsFor(rules: Rule | Rule[], c: Case): Finding[] {
  const list = Array.isArray(rules) ? rules : [rules];
  return runRules(list, { book: buildCaseBook(c), rulebook: caseRulebook(c), results: c.results, asOf: c.asOf ?? null });
}

function splitCell(e: ExpectedFinding): { sheet: string | undefined; cell: string } {
  const bang = e.cell.lastIndexOf("!");
  if (bang < 0) return { sheet: e.sheet, cell: e.cell };
  return { sheet: e.sheet ?? e.cell.slice(0, bang), cell: e.cell.slice(bang + 1) };
}

function matches(f: Finding, e: ExpectedFinding, ruleId: string): boolean {
  const { sheet, cell } = splitCell(e);
  if (f.rule !== (e.rule ?? ruleId)) return false;
  if (f.cell !== cell) return false;
  if (sheet !== undefined && f.sheet !== sheet) return false;
  if (e.severity !== undefined && f.severity !== e.severity) return false;
  for (const s of e.messageIncludes ?? []) if (!f.message.includes(s) && !f.hint.includes(s)) return false;
  return true;
}

function show(f: Finding): string {
  return `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message} 建议：${f.hint}`;
}

function showExpected(e: ExpectedFinding, ruleId: string): string {
  const { sheet, cell } = splitCell(e);
  const extras = [e.severity, ...(e.messageIncludes ?? []).map((s) => `「${s}」`)].filter(Boolean).join(" ");
  return `${e.rule ?? ruleId} ${sheet ?? "*"}!${cell}${extras ? " " + extras : ""}`;
}

/**
 * Match expected findings to actual ones (each actual finding used once). Returns a readable
 * description of the mismatch, or null when they match exactly.
 */
export function compareFindings(actual: Finding[], expected: ExpectedFinding[], ruleId: string): string | null {
  const used = new Set<number>();
  const missing: ExpectedFinding[] = [];
  for (const e of expected) {
    const i = actual.findIndex((f, k) => !used.has(k) && matches(f, e, ruleId));
    if (i < 0) missing.push(e);
    else used.add(i);
  }
  const extra = actual.filter((_, k) => !used.has(k));
  if (missing.length === 0 && extra.length === 0) return null;
  const lines: string[] = [];
  if (missing.length) pushAll(lines, ["expected but not reported:"].concat(missing.map((e) => "  " + showExpected(e, ruleId))));
  if (extra.length) pushAll(lines, ["reported but not expected:"].concat(extra.map((f) => "  " + show(f))));
  pushAll(lines, ["all findings:"].concat(actual.length ? actual.map((f) => "  " + show(f)) : ["  (none)"]));
  return lines.join("\n");
}

const HAN = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{\w+\}/;

/** Problems with a finding's texts (empty list when it is well formed). */
export function messageProblems(f: Finding): string[] {
  const p: string[] = [];
  const where = `${f.rule} ${f.sheet}!${f.cell}`;
  if (!f.message.trim() || f.message.startsWith("[")) p.push(`${where}: no Chinese message (catalogue key missing?): ${f.message}`);
  else if (!HAN.test(f.message)) p.push(`${where}: Chinese message has no Chinese: ${f.message}`);
  if (!f.hint.trim()) p.push(`${where}: no Chinese hint`);
  if (!f.messageEn.trim() || f.messageEn.startsWith("[")) p.push(`${where}: no English message: ${f.messageEn}`);
  if (!f.hintEn.trim()) p.push(`${where}: no English hint`);
  for (const [k, v] of [["message", f.message], ["hint", f.hint], ["messageEn", f.messageEn], ["hintEn", f.hintEn]] as const) {
    if (PLACEHOLDER.test(v)) p.push(`${where}: unfilled placeholder in ${k}: ${v}`);
  }
  return p;
}

/** Register the jest blocks for a rule's valid and invalid cases. */
export function runRuleCases(rule: Rule, cases: RuleCases): void {
  const id = rule.meta.id;
  describe(`${id} ${rule.meta.title.zh}`, () => {
    it("has meta", () => {
      expect(rule.meta.id).toMatch(/^[DTEM]\d{3}$/);
      expect(rule.meta.title.zh).toMatch(HAN);
      expect(rule.meta.title.en.length).toBeGreaterThan(0);
      expect(rule.meta.source.length).toBeGreaterThan(0);
    });
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const own = findingsFor(rule, c).filter((f) => f.rule === id);
          if (own.length) throw new Error(`expected no ${id} finding, got:\n${own.map((f) => "  " + show(f)).join("\n")}`);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          if (c.errors.length === 0) throw new Error("an invalid case must list at least one expected finding");
          const found = findingsFor(rule, c);
          const diff = compareFindings(found, c.errors, id);
          if (diff) throw new Error(diff);
          const problems = found.flatMap(messageProblems);
          if (problems.length) throw new Error(problems.join("\n"));
        });
      }
    });
  });
}
