import type { Finding } from "../rules/types";
import type { FileReport } from "../engine/report";
import { lastRunSummary } from "../engine/last-run";
import { t } from "../messages";
import { matches, NO_FILTER, paneDataFromRun, paneDataFromStored, rowsOf, severityKey } from "./view";

const project = (code: string, department: string | null, row: number): FileReport["projects"][number] => ({
  code, name: `项目${code}`, department, sheet: "项目表", row, initialBudget: null, budget: 100, spent: 90, executionRate: 0.9,
  executionScore: null, indicatorScore: null, totalScore: null, grade: code === "P1" ? "优" : "中", light: null, suggestion: null, indicators: [],
});
const REPORT: FileReport = {
  file: "县.xlsx", layout: "list", modes: ["目标审核"], unit: "万元", detected: [], findings: [],
  projects: [project("P1", "县教育局", 2), project("P2", "县水利局", 3), project("P3", "县水利局", 4)],
};
const f = (rule: string, severity: Finding["severity"], project: string | null, cell: string, extra: Partial<Finding> = {}): Finding => ({
  rule, severity, sheet: "指标表", cell, project, projectName: project ? `项目${project}` : null, message: `${rule} 在 ${cell}`, hint: "", messageEn: `${rule} at ${cell}`, hintEn: "", ...extra,
});
const FINDINGS: Finding[] = [
  f("T014", "warning", "P1", "F2"),
  f("T014", "warning", "P1", "F3"),
  f("T014", "warning", "P1", "F4"),
  f("E003", "error", "P2", "H5"),
  f("T002", "warning", "P3", "E9"),
  f("T001", "error", "P3", "H4"),
  f("D002", "error", null, "A20", { cause: "D002\u0000指标表\u0000P404" }),
  f("D002", "error", null, "A21", { cause: "D002\u0000指标表\u0000P404" }),
  f("D001", "warning", null, "A1"),
];
const META = { runAt: "2025-01-05T08:00:00.000Z", preset: "central-2020", rulebookVersion: "1", asOf: null };

describe("the pane's findings", () => {
  const data = paneDataFromRun(REPORT, FINDINGS, META);

  it("keeps every finding, one item per cause, and counts as the report does", () => {
    expect(data.counts).toEqual({ error: 4, warning: 5, info: 0 });
    expect(data.findings).toHaveLength(FINDINGS.length - 1);
    const d002 = data.findings.find((x) => x.rule === "D002");
    expect(d002?.cells.map((c) => c.cell)).toEqual(["A20", "A21"]);
  });

  it("groups 部门 → 项目, sheet-level first, then departments by errors then warnings, most severe first inside", () => {
    const rows = rowsOf(data.findings, data.units);
    const shape = rows.map((r) => (r.kind === "department" ? `D:${r.department}` : r.kind === "project" ? `P:${r.project}` : `${r.finding.rule}@${r.finding.cell}`));
    expect(shape).toEqual([
      "D:null", "D002@A20", "D001@A1",
      // 县水利局: 2 errors, 1 warning — before 县教育局: 0 errors, 3 warnings
      "D:县水利局", "P:P3", "T001@H4", "T002@E9", "P:P2", "E003@H5",
      "D:县教育局", "P:P1", "T014@F2", "T014@F3", "T014@F4",
    ]);
    const dept = rows.find((r) => r.kind === "department" && r.department === "县水利局");
    expect(dept?.kind === "department" && dept.counts).toEqual({ error: 2, warning: 1, info: 0 });
    const p3 = rows.find((r) => r.kind === "project" && r.project === "P3");
    expect(p3?.kind === "project" && p3.unit?.row).toBe(4);
  });

  it("searches project code and name, indicator and message text; filters by severity, department, family and status", () => {
    const ids = (filter: Partial<typeof NO_FILTER>, seen = new Set<number>()) => data.findings.filter((x) => matches(x, { ...NO_FILTER, ...filter }, seen)).map((x) => `${x.rule}@${x.cell}`);
    expect(ids({ query: "p3" })).toEqual(["T002@E9", "T001@H4"]);
    expect(ids({ query: "项目P2" })).toEqual(["E003@H5"]);
    expect(ids({ query: "Ｈ５" })).toEqual(["E003@H5"]); // full-width typed
    expect(ids({ severities: new Set(["error"]) })).toEqual(["E003@H5", "T001@H4", "D002@A20"]);
    expect(ids({ department: "县教育局" })).toHaveLength(3);
    expect(ids({ family: "selfEval" })).toEqual(["E003@H5"]);
    expect(ids({ family: "data" })).toEqual(["D002@A20", "D001@A1"]);
    const seen = new Set([data.findings[0].id]);
    expect(ids({ status: "seen" }, seen)).toEqual(["T014@F2"]);
    expect(ids({ status: "unseen" }, seen)).toHaveLength(data.findings.length - 1);
  });

  it("shows the same list from the summary stored in the workbook", () => {
    const stored = paneDataFromStored(lastRunSummary({ report: REPORT, findings: FINDINGS, preset: "central-2020", rulebookVersion: "1", runAt: new Date(META.runAt), asOf: null }));
    expect(stored.stored).toBe(true);
    expect(stored.counts).toEqual(data.counts);
    expect(stored.grades).toEqual({ 优: 1, 中: 2 });
    const shape = (d: typeof data) => rowsOf(d.findings, d.units).map((r) => r.key.replace(/^f\d+$/, "f") + (r.kind === "finding" ? `${r.finding.rule}${r.finding.cell}` : ""));
    expect(shape(stored)).toEqual(shape(data));
  });
});

test("monitoring lights are named 红灯 / 黄灯 / 蓝灯 in the list, as in the sheets; other findings by their level", () => {
  expect(["error", "warning", "info"].map((sev) => t(severityKey({ rule: "M002", severity: sev as Finding["severity"] })))).toEqual(["红灯", "黄灯", "蓝灯"]);
  expect(t(severityKey({ rule: "M001", severity: "error" }), "en")).toBe("Red");
  expect(t(severityKey({ rule: "M004", severity: "warning" }))).toBe("警告");
  expect(t(severityKey({ rule: "T001", severity: "error" }))).toBe("错误");
});
