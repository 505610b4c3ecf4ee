/** The pipeline's own decisions: rulebook choice, as-of precedence, ignoring the previous run's output. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { cellsSignature, encodeState, sheetMark, STATE_SHEET } from "../../src/core/state";
import { analyse, userView } from "../../src/engine/pipeline";
import { getPreset } from "../../src/rulebook/load";

function sheet(name: string, values: CellValue[][]): SheetSnapshot {
  return { name, values, merges: [], formats: {} };
}

const projects = (extra: CellValue[][] = []) =>
  sheet("项目表", [
    ["2024年度项目支出绩效自评表"],
    ["单位：万元"],
    ["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "年度总体目标"],
    ["P001", "农村公路养护", "县交通运输局", 100, 95, "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"],
    ...extra,
  ]);

const indicators = (actual: boolean) =>
  sheet("指标表", [
    ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", ...(actual ? ["实际完成值"] : [])],
    ["P001", "产出指标", "数量指标", "养护里程", "≥300公里", ...(actual ? ["320公里"] : [])],
    ["P001", "产出指标", "质量指标", "路况优良率", "≥90%", ...(actual ? ["92%"] : [])],
    ["P001", "产出指标", "时效指标", "养护完成时间", "2024年12月底前", ...(actual ? ["2024年12月底前"] : [])],
    ["P001", "效益指标", "社会效益指标", "群众出行条件改善", "达成年度指标", ...(actual ? ["达成年度指标"] : [])],
    ["P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", ...(actual ? ["93%"] : [])],
  ]);

function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "t.xlsx", sheets };
}

test("a sound target sheet: one project, no error or warning, review mode only", () => {
  const a = analyse(book(projects(), indicators(false)));
  expect(a.model.projects).toHaveLength(1);
  expect(a.model.projects[0].indicators).toHaveLength(5);
  expect(a.model.modes).toEqual(["目标审核"]);
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(a.asOf).toBeNull();
});

test("self-evaluation: actuals and spending give a score and a grade", () => {
  const a = analyse(book(projects(), indicators(true)));
  expect(a.model.modes).toContain("绩效自评");
  const r = a.results.get(a.model.projects[0].id)!;
  expect(r.executionRate).toBeCloseTo(0.95, 10);
  expect(r.executionScore).toBe(9.5);
  expect(r.totalScore).toBe(99.5);
  expect(r.grade).toBe("优");
});

test("--as-of forces monitoring and wins over the preset's date", () => {
  const rb = getPreset();
  rb.monitoring.asOf = "2024-06-30";
  const a = analyse(book(projects(), indicators(false)), { rulebook: rb, asOf: "2024-07-31" });
  expect(a.model.modes).toContain("运行监控");
  expect(a.asOf).toBe("2024-07-31");
});

test("the previous run's result block, own sheets and state sheet are not read as user data", () => {
  const p = projects();
  // The previous run appended a result block in G2:H4 (band, labels, values).
  p.values[1][6] = "绩效助手结果";
  p.values[2][6] = "总分";
  p.values[2][7] = "等级";
  p.values[3][6] = 99.5;
  p.values[3][7] = "优";
  const findingsSheet = sheet("校验结果", [["序号", "级别", "规则"], [1, "错误", "T001"]]);
  // What the previous run recorded: the block's signature as written, the sheet's marker.
  const run = {
    version: 1 as const, runAt: "2024-01-01T00:00:00Z", preset: "central-2020", rulebookVersion: "x",
    blocks: [{ sheet: "项目表", range: "G2:H4", sig: cellsSignature([["绩效助手结果", null], ["总分", "等级"], [99.5, "优"]]) }],
    sheets: ["校验结果"], marks: { 校验结果: sheetMark(findingsSheet) }, highlights: [],
  };
  const state = sheet(STATE_SHEET, encodeState({ run }) as CellValue[][]);
  const b = book(p, indicators(false), findingsSheet, state);
  const view = userView(b, { run });
  expect(view.sheets.map((s) => s.name)).toEqual(["项目表", "指标表"]);
  expect(view.sheets[0].values[3]).toHaveLength(6);
  const a = analyse(b);
  expect(a.model.projects).toHaveLength(1);
  expect(a.model.detections.find((d) => d.role !== "indicators")?.columns).not.toHaveProperty("declaredTotal");
});

test("a rulebook stored in the workbook is used when none is given", () => {
  const stored = { extends: "five-grade" };
  const state = sheet(STATE_SHEET, encodeState({ rulebook: stored }) as CellValue[][]);
  const a = analyse(book(projects(), indicators(true), state));
  expect(a.rulebook.preset).toBe("five-grade");
});

test("a target form next to self-evaluation forms is not scored nor flagged as missing actuals", async () => {
  const { readXlsxFile } = await import("../../src/adapters/exceljs/read");
  const snap = await readXlsxFile(`${__dirname}/../fixtures/forms/per-sheet-2024.xlsx`);
  const a = analyse(snap);
  expect(a.model.layout).toBe("form");
  expect(a.model.modes).toContain("绩效自评");
  const target = a.model.projects.find((p) => p.name === "城区道路路灯维护项目")!;
  const scored = a.model.projects.filter((p) => p !== target);
  expect(a.results.get(target.id)!.grade).toBeNull();
  expect(scored.every((p) => a.results.get(p.id)!.grade !== null)).toBe(true);
  expect(a.findings.filter((f) => f.rule === "E001")).toEqual([]);
});
