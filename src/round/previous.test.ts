import { buildReport } from "../engine/build-report";
import { getPreset } from "../rulebook/load";
import { consolidate } from "./consolidate";
import { previousFromReport, previousFromSummary, PreviousRoundError } from "./previous";
import { roundReport } from "./report";
import { makeRoundFile } from "./rules/testing";
import { acceptFinding } from "./accepted";
import type { FindingReport } from "../engine/report";

const finding = (over: Partial<FindingReport>): FindingReport => ({ rule: "T014", severity: "warning", sheet: "指标表", cell: "F5", project: "A", message: "满意度偏低", hint: "h", fingerprint: "T014|code:a|满意度|target", valueHash: "h1", accepted: null, ...over });

describe("the previous round from its report.json", () => {
  it("carries the round's acceptances, not those stored in a submitted workbook (read from the workbook again)", () => {
    const a = makeRoundFile({ file: "甲.xlsx", projects: [{ code: "A", department: "县教育局" }] });
    a.report.findings = [finding({}), finding({ rule: "T009", fingerprint: "T009|code:a|x|target", accepted: { reason: "部门自行确认" } })];
    const accepted = acceptFinding([], a.report.findings[0], "基线较低", { department: "县教育局" });
    const model = consolidate([a], { grades: [], date: "2025-04-10", accepted });
    expect(model.findings.map((f) => [f.status, f.acceptedIn])).toEqual([["已确认", "round"], ["已确认", "workbook"]]);
    const report = { ...buildReport([a.report], getPreset(), null), round: roundReport(model) };
    const prev = previousFromReport(JSON.parse(JSON.stringify(report)));
    expect(prev.findings.map((f) => [f.fingerprint, f.department])).toEqual([["T014|code:a|满意度|target", "县教育局"], ["T009|code:a|x|target", "县教育局"]]);
    expect(prev.accepted.map((x) => x.reason)).toEqual(["基线较低"]);
    expect(prev.round).toBe(1);
  });

  it("refuses what is no report or no round's workbook, in Chinese and English", () => {
    expect(() => previousFromReport({ tool: "x" }, "x.json")).toThrow(PreviousRoundError);
    expect(() => previousFromSummary({ name: "b.xlsx", sheets: [{ name: "Sheet1", values: [["a"]], merges: [], formats: {} }] })).toThrow(/不是绩效助手写出的汇总工作簿.*no consolidated workbook/);
  });
});
