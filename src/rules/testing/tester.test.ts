import type { Finding, Rule } from "../types";
import { compareFindings, findingsFor, messageProblems } from "./tester";
import { INDICATOR_SHEET, soundIndicators } from "./book";
import { T014 } from "../T014-satisfaction-floor";

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: "T014",
  severity: "warning",
  sheet: INDICATOR_SHEET,
  cell: "F6",
  project: "P001",
  projectName: "测试项目1",
  message: "参训人员满意度目标 ≥70% 低于 85% 的下限，目标偏低。",
  hint: "按服务对象满意度调查口径设为 ≥85%。",
  messageEn: "Satisfaction target below the floor.",
  hintEn: "Set it to ≥85%.",
  ...over,
});

describe("compareFindings", () => {
  it("matches exactly, by cell with or without a sheet prefix", () => {
    expect(compareFindings([finding()], [{ cell: "F6" }], "T014")).toBeNull();
    expect(compareFindings([finding()], [{ cell: "指标表!F6", severity: "warning", messageIncludes: ["≥70%", "85%"] }], "T014")).toBeNull();
  });

  it("reports a missing, an extra, or a wrong detail", () => {
    expect(compareFindings([], [{ cell: "F6" }], "T014")).toContain("expected but not reported");
    expect(compareFindings([finding(), finding({ cell: "F7" })], [{ cell: "F6" }], "T014")).toContain("reported but not expected");
    expect(compareFindings([finding()], [{ cell: "F6", sheet: "项目表" }], "T014")).not.toBeNull();
    expect(compareFindings([finding()], [{ cell: "F6", severity: "error" }], "T014")).not.toBeNull();
    expect(compareFindings([finding()], [{ cell: "F6", messageIncludes: ["90%"] }], "T014")).not.toBeNull();
    expect(compareFindings([finding()], [{ cell: "F6", rule: "T013" }], "T014")).not.toBeNull();
  });

  it("counts duplicates: one expectation does not cover two findings", () => {
    expect(compareFindings([finding(), finding()], [{ cell: "F6" }], "T014")).not.toBeNull();
    expect(compareFindings([finding(), finding()], [{ cell: "F6" }, { cell: "F6" }], "T014")).toBeNull();
  });
});

describe("messageProblems", () => {
  it("accepts a complete finding", () => {
    expect(messageProblems(finding())).toEqual([]);
  });

  it("refuses a finding that is only a code, or has a hole", () => {
    expect(messageProblems(finding({ message: "[T014.x] {}", hint: "" })).length).toBeGreaterThanOrEqual(2);
    expect(messageProblems(finding({ messageEn: "" }))).toHaveLength(1);
    expect(messageProblems(finding({ hintEn: " " }))).toHaveLength(1);
    expect(messageProblems(finding({ message: "Satisfaction too low" }))).toHaveLength(1);
    expect(messageProblems(finding({ hint: "设为 ≥{floor}%。" }))).toHaveLength(1);
  });
});

describe("findingsFor", () => {
  it("builds the book, applies tweak and runs the rule", () => {
    const c = {
      name: "x",
      projects: [{ indicators: [...soundIndicators().slice(0, 4), { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥70%" }] }],
    };
    expect(findingsFor(T014, c).map((f) => f.cell)).toEqual(["F6"]);
    const tweaked = { ...c, tweak: (b: { projects: { indicators: unknown[] }[] }) => (b.projects[0].indicators = []) };
    expect(findingsFor(T014, tweaked as never)).toEqual([]);
  });

  it("runs several rules and passes results and asOf through", () => {
    const seen: (string | null)[] = [];
    const probe: Rule = {
      meta: { id: "T999", category: "T", severity: "info", title: { zh: "探针", en: "probe" }, source: "test" },
      check: (ctx) => {
        seen.push(ctx.asOf, String(ctx.results.size));
      },
    };
    findingsFor([probe, T014], { name: "y", projects: [{ indicators: soundIndicators() }], asOf: "2024-07-31", results: new Map([["P001", {} as never]]) });
    expect(seen).toEqual(["2024-07-31", "1"]);
  });
});
