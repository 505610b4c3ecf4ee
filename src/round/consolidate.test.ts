import { consolidate } from "./consolidate";
import { makeRoundFile, type FileSpec } from "./rules/testing";
import type { FindingReport } from "../engine/report";
import type { RoundFile, PreviousRound } from "./types";
import { acceptFinding } from "./accepted";

const finding = (over: Partial<FindingReport>): FindingReport => ({ rule: "T009", severity: "warning", sheet: "指标表", cell: "F3", project: null, message: "m", hint: "h", fingerprint: "T009|x||", valueHash: "v", ...over });

function file(spec: FileSpec, findings: Partial<FindingReport>[] = [], modes: RoundFile["report"]["modes"] = ["目标审核", "绩效自评"]): RoundFile {
  const f = makeRoundFile(spec);
  f.report.modes = modes;
  f.report.findings = findings.map(finding);
  return f;
}

const options = { grades: ["优", "良", "中", "差"], date: "2025-04-10" };

describe("consolidate", () => {
  it("totals and departments in 万元 whatever each file's unit; grades with money", () => {
    const m = consolidate(
      [
        file({ file: "甲.xlsx", projects: [{ code: "A1", department: "县教育局", budget: 100, spent: 80, grade: "优", totalScore: 95 }] }),
        file({ file: "乙.xlsx", unit: "元", projects: [{ code: "B1", department: "县水利局", budget: 2_500_000, spent: 2_000_000, grade: "良", totalScore: 85, suggestion: { action: "据实保障", amount: 2_500_000, change: 0, reason: "r" } }] }),
      ],
      options,
    );
    expect(m.totals).toMatchObject({ files: 2, departments: 2, projects: 2, budget: 350, spent: 280, executionRate: 0.8 });
    expect(m.projects.map((p) => [p.code, p.budget, p.spent, p.amount])).toEqual([["A1", 100, 80, null], ["B1", 250, 200, 250]]);
    expect(m.grades).toEqual([{ grade: "优", projects: 1, budget: 100 }, { grade: "良", projects: 1, budget: 250 }, { grade: "中", projects: 0, budget: 0 }, { grade: "差", projects: 0, budget: 0 }]);
    expect(m.rankByScore).toEqual(["县教育局", "县水利局"]);
  });

  it("ranks departments by problems: errors first, then warnings; accepted findings are counted apart", () => {
    const m = consolidate(
      [
        file({ file: "a.xlsx", projects: [{ code: "A", department: "甲局" }] }, [{ severity: "warning", fingerprint: "1" }, { severity: "warning", fingerprint: "2" }, { severity: "warning", fingerprint: "3" }]),
        file({ file: "b.xlsx", projects: [{ code: "B", department: "乙局" }] }, [{ severity: "error", fingerprint: "1" }]),
        file({ file: "c.xlsx", projects: [{ code: "C", department: "丙局" }] }, [{ severity: "error", fingerprint: "1" }, { severity: "warning", fingerprint: "2" }, { severity: "error", fingerprint: "3", accepted: { reason: "已核实" } }]),
      ],
      options,
    );
    expect(m.rankByProblems).toEqual(["丙局", "乙局", "甲局"]);
    const c = m.departments.find((d) => d.department === "丙局")!;
    expect(c.findings).toEqual({ error: 1, warning: 1, info: 0 });
    expect(c.accepted).toBe(1);
    expect(m.totals.accepted).toBe(1);
    expect(m.totals.findings).toEqual({ error: 2, warning: 4, info: 0 });
  });

  it("lights by department in monitoring only", () => {
    const files = [file({ file: "a.xlsx", projects: [{ code: "A", department: "甲局", light: "red" }, { code: "A2", department: "甲局", light: "green" }, { code: "A3", department: "甲局", light: "red" }] }, [], ["目标审核", "运行监控"])];
    expect(consolidate(files, options).departments[0].lights).toEqual({ red: 2, green: 1 });
    files[0].report.modes = ["目标审核"];
    expect(consolidate(files, options).departments[0].lights).toEqual({});
  });

  it("against the previous round: 新增, 仍存在, 已整改 only for departments that submitted again, matched by department and fingerprint", () => {
    const previous: PreviousRound = {
      round: 1,
      accepted: [],
      findings: [
        { fingerprint: "T009|code:a||target", valueHash: "v", file: "old/a.xlsx", department: "甲局", rule: "T009", severity: "warning", project: "A", message: "m", sheet: "指标表", cell: "F9" },
        { fingerprint: "T010|code:a||target", valueHash: "v", file: "old/a.xlsx", department: "甲局", rule: "T010", severity: "error", project: "A", message: "m", sheet: "指标表", cell: "F9" },
        // Same fingerprint, other department: not this one's.
        { fingerprint: "T011|code:a||target", valueHash: "v", file: "old/z.xlsx", department: "乙局", rule: "T011", severity: "warning", project: "A", message: "m", sheet: "指标表", cell: "F9" },
        // A department that did not resubmit: nothing of it is 已整改.
        { fingerprint: "T001|code:q||goal", valueHash: "v", file: "old/q.xlsx", department: "丁局", rule: "T001", severity: "error", project: "Q", message: "m", sheet: "项目表", cell: "J5" },
      ],
    };
    const m = consolidate(
      [file({ file: "new/a.xlsx", projects: [{ code: "A", department: "甲局" }] }, [{ fingerprint: "T009|code:a||target", project: "A" }, { fingerprint: "T011|code:a||target", project: "A" }])],
      { ...options, previous },
    );
    expect(m.findings.map((f) => [f.fingerprint, f.status])).toEqual([["T009|code:a||target", "仍存在"], ["T011|code:a||target", "新增"]]);
    expect(m.fixed.map((f) => f.rule)).toEqual(["T010"]);
    expect(m.comparison).toEqual({ new: 1, persisting: 1, fixed: 1, accepted: 0 });
    expect(m.departments[0].comparison).toEqual({ new: 1, persisting: 1, fixed: 1 });
    expect(m.round).toBe(2);
  });

  it("an acceptance holds while the values stand, and brings the finding back as 仍存在 with its reason when they change", () => {
    const f = finding({ fingerprint: "T014|code:a|满意度|target", valueHash: "h1", project: "A" });
    const accepted = acceptFinding([], f, "基线较低", { department: "甲局" });
    const run = (valueHash: string) => consolidate([file({ file: "a.xlsx", projects: [{ code: "A", department: "甲局" }] }, [{ ...f, valueHash }])], { ...options, accepted }).findings[0];
    expect(run("h1")).toMatchObject({ status: "已确认", acceptance: { reason: "基线较低" } });
    expect(run("h2")).toMatchObject({ status: "仍存在", acceptance: { reason: "基线较低" } });
    // An acceptance made for another department does not apply.
    const other = consolidate([file({ file: "b.xlsx", projects: [{ code: "A", department: "乙局" }] }, [f])], { ...options, accepted }).findings[0];
    expect(other.status).toBeNull();
  });
});
