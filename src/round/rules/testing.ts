/**
 * Cases for the cross-submission rules (the round's RuleTester): each case is a handful of
 * files with projects; `valid` → the rule reports nothing, `invalid` → exactly the listed
 * findings (as a multiset), each naming both files in Chinese and English.
 */
import type { FileReport, ProjectReport } from "../../engine/report";
import type { RoundFile } from "../types";
import { runRoundRules } from "./run";
import type { CrossFinding, RoundRule } from "./types";

export interface FileSpec {
  file: string;
  /** Content hash (default: unique per file). */
  hash?: string | null;
  unit?: string;
  projects: Partial<ProjectReport>[];
}

export function makeProject(p: Partial<ProjectReport>, i: number): ProjectReport {
  return {
    code: null, name: `项目${i + 1}`, department: null, sheet: "项目表", row: i + 2,
    initialBudget: null, budget: null, spent: null, executionRate: null, executionScore: null, indicatorScore: null, totalScore: null, grade: null, light: null, suggestion: null, indicators: [],
    ...p,
  };
}

export function makeRoundFile(spec: FileSpec): RoundFile {
  const report: FileReport = {
    file: spec.file,
    layout: "list",
    modes: ["目标审核"],
    unit: spec.unit ?? "万元",
    detected: [{ sheet: "项目表", role: "projects", headerRow: 1, columns: { code: "A", name: "B", department: "C" }, unit: spec.unit ?? "万元" }],
    projects: spec.projects.map(makeProject),
    findings: [],
  };
  return { file: spec.file, contentHash: spec.hash === undefined ? `hash:${spec.file}` : spec.hash, report };
}

export interface Expected {
  file: string;
  otherFile: string;
  cell?: string;
  messageIncludes?: string[];
}

export interface RoundCases {
  valid: { name: string; files: FileSpec[] }[];
  invalid: { name: string; files: FileSpec[]; errors: Expected[] }[];
}

function matches(f: CrossFinding, e: Expected): boolean {
  return f.file === e.file && f.otherFile === e.otherFile && (e.cell === undefined || `${f.sheet}!${f.cell}` === e.cell || f.cell === e.cell) && (e.messageIncludes ?? []).every((s) => f.message.includes(s) || f.hint.includes(s));
}

export function runRoundRuleCases(rule: RoundRule, cases: RoundCases): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRoundRules([rule], c.files.map(makeRoundFile))).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRoundRules([rule], c.files.map(makeRoundFile));
        const left = [...found];
        for (const e of c.errors) {
          const i = left.findIndex((f) => matches(f, e));
          expect([e, i >= 0 ? "found" : found]).toEqual([e, "found"]);
          left.splice(i, 1);
        }
        expect(left).toEqual([]);
        for (const f of found) {
          expect(f.rule).toBe(rule.meta.id);
          // Every finding names both files, in both languages, with no unfilled placeholder.
          for (const text of [f.message, f.messageEn]) {
            expect(text).toContain(f.file);
            expect(text).toContain(f.otherFile);
          }
          for (const text of [f.message, f.hint, f.messageEn, f.hintEn]) {
            expect(text.length).toBeGreaterThan(0);
            expect(text).not.toMatch(/\{\w+\}/);
          }
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    }
  });
}
