import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import type { CellLooks, PlanAction, WritePlan } from "../core/plan";
import { cellsSignature, encodeState, readState, sheetMark, STATE_SHEET, type RunState } from "../core/state";
import type { ProjectResult } from "../engine/results";
import type { FileReport } from "../engine/report";
import type { ModelBook } from "../model/model";
import type { Finding } from "../rules/types";
import type { Severity } from "../rulebook/schema";
import { makeBook, INDICATOR_SHEET, PROJECT_SHEET } from "../rules/testing/book";
import { buildClearPlan, buildWritePlan, compressCells, freeColumn, highlightRequests, noteText } from ".";
import { sheetTitle } from "./sheets";

const NOW = new Date("2025-03-01T08:00:00Z");

function sheet(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values, merges: [], formats: {}, ...extra };
}

/** A snapshot matching makeBook's layout: 项目表 (header row 1, A..G used) and 指标表 (header row 1, A..H). */
function userSheets(extraProjectRows: CellValue[][] = []): SheetSnapshot[] {
  return [
    sheet(PROJECT_SHEET, [
      ["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数", "全年预算数", "全年执行数"],
      ["P001", "农村公路养护", "县交通运输局", "经常性", 100, 100, 95],
      ["P002", "乡村教师培训", "县教育局", "经常性", 150, 150, 100],
      ...extraProjectRows,
    ]),
    sheet(INDICATOR_SHEET, [
      ["项目编码", "一级指标", "二级指标", "三级指标", "运算符", "指标值", "计量单位", "实际完成值"],
      ["P001", "产出指标", "数量指标", "养护里程", null, "≥300公里", null, "320公里"],
      ["P002", "满意度指标", "服务对象满意度指标", "满意度", null, "≥60%", null, "95%"],
    ]),
  ];
}

function model(): ModelBook {
  return makeBook([
    { code: "P001", name: "农村公路养护", department: "县交通运输局", initialBudget: 100, budget: 100, spent: 95, indicators: [{ l1: "产出指标", l2: "数量指标", name: "养护里程", target: "≥300公里", actual: "320公里" }] },
    { code: "P002", name: "乡村教师培训", department: "县教育局", initialBudget: 150, budget: 150, spent: 100, indicators: [{ l1: "满意度指标", l2: "服务对象满意度指标", name: "满意度", target: "≥60%", actual: "95%" }] },
  ]);
}

function result(id: string, m: ModelBook, over: Partial<ProjectResult>): ProjectResult {
  const p = m.projects.find((x) => x.id === id);
  const indicators: ProjectResult["indicators"] = {};
  for (const ind of p?.indicators ?? []) indicators[ind.id] = { id: ind.id, weight: 10, score: 10, ratio: 1, overAchieved: false, light: null, monitoringKind: null };
  return {
    id, executionRate: null, executionScore: null, indicatorScore: null, maxScore: 100, totalScore: null, grade: null,
    timeProgress: null, budgetLight: null, light: null, suggestion: null, indicators, ...over,
  };
}

function results(m: ModelBook): Map<string, ProjectResult> {
  return new Map([
    ["P001", result("P001", m, { executionRate: 0.95, executionScore: 9.5, indicatorScore: 85, totalScore: 94.5, grade: "优", suggestion: { action: "优先保障", amount: 100, change: 0, reason: "优先保障：等级优。", reasonEn: "" } })],
    ["P002", result("P002", m, { executionRate: 100 / 150, executionScore: 6.67, indicatorScore: 50, totalScore: 56.67, grade: "差", light: "red", suggestion: { action: "大幅核减", amount: 75, change: -75, reason: "大幅核减：等级差。", reasonEn: "" } })],
  ]);
}

function finding(rule: string, severity: Severity, sheetName: string, cell: string, project: string | null = "P002"): Finding {
  return { rule, severity, sheet: sheetName, cell, project, projectName: project ? "乡村教师培训" : null, message: `${rule}的说明。`, hint: `${rule}的建议`, messageEn: `${rule} message`, hintEn: `${rule} hint` };
}

const REPORT: FileReport = { file: "t.xlsx", layout: "list", modes: ["目标审核", "绩效自评"], unit: "万元", detected: [], projects: [], findings: [] };

function looksFor(findings: Finding[], fill: unknown = null, note: string | null = null): CellLooks {
  const out: CellLooks = {};
  for (const r of highlightRequests(findings)) {
    out[r.sheet] = {};
    for (const a of r.addresses) out[r.sheet][a] = { fill: { fill }, note };
  }
  return out;
}

function build(snapshot: WorkbookSnapshot, findings: Finding[], looks = looksFor(findings)) {
  const m = model();
  return buildWritePlan({ snapshot, model: m, results: results(m), findings, report: REPORT, preset: "central-2020", rulebookVersion: "1", runAt: NOW, looks });
}

const of = <K extends PlanAction["kind"]>(plan: WritePlan, kind: K) => plan.actions.filter((a): a is Extract<PlanAction, { kind: K }> => a.kind === kind);

/** The snapshot after a plan's state was written: the state sheet holds `state`. */
function withState(sheets: SheetSnapshot[], docs: Parameters<typeof encodeState>[0]): WorkbookSnapshot {
  return { name: "t.xlsx", sheets: [...sheets, sheet(STATE_SHEET, encodeState(docs) as CellValue[][], { visibility: "veryHidden" })] };
}

describe("compressCells", () => {
  it("joins vertical runs, then equal runs of adjacent columns", () => {
    expect(compressCells([{ row: 1, col: 0 }, { row: 2, col: 0 }, { row: 3, col: 0 }, { row: 5, col: 0 }])).toEqual(["A2:A4", "A6"]);
    expect(compressCells([{ row: 0, col: 1 }, { row: 1, col: 1 }, { row: 0, col: 2 }, { row: 1, col: 2 }, { row: 0, col: 4 }])).toEqual(["B1:C2", "E1"]);
  });
});

describe("freeColumn", () => {
  const s = sheet("S", [["a", null, null], [null, null, null, null, "far right"], ["x"]], { merges: ["A4:F4"], formats: { "H3": "0.00" } });
  it("is right of every value, number format and merged area in the rows", () => {
    expect(freeColumn(s, 0, 0, [], [])).toBe(1);
    expect(freeColumn(s, 0, 1, [], [])).toBe(5);
    expect(freeColumn(s, 2, 2, [], [])).toBe(8);
    expect(freeColumn(s, 3, 3, [], [])).toBe(6);
  });
  it("ignores the previous run's own block and steps over blocks planned already", () => {
    expect(freeColumn(s, 1, 1, [{ top: 0, bottom: 5, left: 4, right: 9 }], [])).toBe(0);
    expect(freeColumn(s, 0, 0, [], [{ top: 0, bottom: 3, left: 3, right: 6 }])).toBe(7);
  });
});

describe("buildWritePlan", () => {
  const findings = [finding("T014", "warning", INDICATOR_SHEET, "F3"), finding("E005", "error", INDICATOR_SHEET, "F3"), finding("E007", "warning", PROJECT_SHEET, "G3")];

  it("writes one block per sheet right of the data, labels in header row 1 (no row above for a band)", () => {
    const { plan, state } = build({ name: "t.xlsx", sheets: userSheets() }, findings);
    expect(state.blocks.map(({ sheet, range }) => ({ sheet, range }))).toEqual([
      { sheet: PROJECT_SHEET, range: "H1:P3" },
      { sheet: INDICATOR_SHEET, range: "I1:J3" },
    ]);
    const blocks = of(plan, "setValues").filter((a) => a.sheet === PROJECT_SHEET);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].topLeft).toBe("H1");
    expect(blocks[0].values[0]).toEqual(["执行率", "执行率得分", "指标得分", "总分", "等级", "监控灯", "建议金额", "调整建议", "问题数"]);
    expect(blocks[0].values[2]).toEqual([100 / 150, 6.67, 50, 56.67, "差", "红灯", 75, "大幅核减：等级差。", 3]);
    expect(of(plan, "merge").filter((a) => a.sheet === PROJECT_SHEET)).toEqual([]);
    // Grade 差 coloured red on its cell, percentages formatted as one range.
    const fmts = of(plan, "setFormat").filter((a) => a.sheet === PROJECT_SHEET);
    expect(fmts.find((f) => f.format.numberFormat === "0.00%")?.ranges).toEqual(["H2:H3"]);
    expect(fmts.find((f) => f.format.fill === "#FFC7CE" && f.format.bold)?.ranges).toEqual(["L3"]);
    const ind = of(plan, "setValues").find((a) => a.sheet === INDICATOR_SHEET);
    // No indicator lights in this run: no 监控灯 column there.
    expect(ind?.values[0]).toEqual(["计算得分", "问题"]);
    expect(ind?.values[2]).toEqual([10, "T014的说明。E005的说明。"]);
  });

  it("puts the band 「绩效助手结果」 merged on the row above a header row that is not row 1", () => {
    const sheets = userSheets();
    sheets[0] = { ...sheets[0], values: [["2024年项目表"], ...sheets[0].values] };
    const m = model();
    m.detections = [{ sheet: PROJECT_SHEET, role: "projects", headerRow: 2, columns: {}, unit: "万元" }];
    for (const p of m.projects) p.origin.row += 1;
    const { plan, state } = buildWritePlan({ snapshot: { name: "t", sheets }, model: m, results: results(m), findings: [], report: REPORT, preset: "p", rulebookVersion: "1", runAt: NOW, looks: {} });
    expect(state.blocks[0]).toMatchObject({ sheet: PROJECT_SHEET, range: "H1:P4" });
    expect(state.blocks[0].head?.[0][0]).toBe("绩效助手结果"); // the head recorded to find the block again
    const block = of(plan, "setValues").find((a) => a.sheet === PROJECT_SHEET);
    expect(block?.values[0][0]).toBe("绩效助手结果");
    expect(block?.values[1][0]).toBe("执行率");
    expect(of(plan, "merge")).toContainEqual({ kind: "merge", sheet: PROJECT_SHEET, range: "H1:P1" });
  });

  it("moves the block right of a user cell that sits where a result column would go", () => {
    const sheets = userSheets();
    sheets[0].values[1][9] = "备注"; // J2, beside the first project
    const { state } = build({ name: "t.xlsx", sheets }, []);
    expect(state.blocks[0]).toMatchObject({ sheet: PROJECT_SHEET, range: "K1:S3" });
  });

  it("highlights each cell once in its most severe colour, with a note of every message", () => {
    const { plan, state } = build({ name: "t.xlsx", sheets: userSheets() }, findings, looksFor(findings, { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } }, "用户批注"));
    const fills = of(plan, "setFormat").filter((a) => a.format.fill && Object.keys(a.format).length === 1);
    expect(fills).toEqual([
      { kind: "setFormat", sheet: INDICATOR_SHEET, ranges: ["F3"], format: { fill: "#FFC7CE" } },
      { kind: "setFormat", sheet: PROJECT_SHEET, ranges: ["G3"], format: { fill: "#FFEB9C" } },
    ]);
    const note = of(plan, "setNote").find((a) => a.address === "F3");
    expect(note?.text).toBe("用户批注\n——以下为绩效助手的检查意见——\n【E005 错误】E005的说明。建议：E005的建议\n【T014 警告】T014的说明。建议：T014的建议");
    expect(state.highlights).toContainEqual({ sheet: INDICATOR_SHEET, address: "F3", saved: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } } }, note: "用户批注", value: "≥60%" });
  });

  it("does not highlight a cell whose original look it could not read", () => {
    const { plan, state } = build({ name: "t.xlsx", sheets: userSheets() }, findings, {});
    expect(of(plan, "setNote")).toEqual([]);
    expect(state.highlights).toEqual([]);
  });

  it("replaces the previous run: clears its blocks, drops its sheets, keeps the ORIGINAL look of cells still flagged, restores the others", () => {
    const prev: RunState = {
      version: 1, runAt: "2025-01-01T00:00:00.000Z", preset: "p", rulebookVersion: "0",
      blocks: [{ sheet: PROJECT_SHEET, range: "H1:O3", sig: cellsSignature([["执行率", "执行率得分"]]) }],
      sheets: ["校验结果", "领导汇总", "运行记录"],
      highlights: [
        { sheet: INDICATOR_SHEET, address: "F3", saved: { fill: "#00FF00" }, note: "原批注", value: "≥60%" },
        { sheet: PROJECT_SHEET, address: "B2", saved: { fill: null }, note: null, value: "农村公路养护" },
      ],
    };
    const sheets = userSheets();
    sheets[0].values[0].push("执行率", "执行率得分"); // the previous block's cells: not user data
    const own = [sheet("校验结果", [["序号"]]), sheet("领导汇总", [["汇总"]]), sheet("运行记录", [["记录"]])];
    prev.marks = Object.fromEntries(own.map((s) => [s.name, sheetMark(s)]));
    const snapshot = withState([...sheets, ...own], { run: prev, mapping: { [PROJECT_SHEET]: { code: "A" } } });
    const { plan, state } = build(snapshot, findings, looksFor(findings, "#FF0000", "【T014 警告】…"));
    expect(state.blocks[0]).toMatchObject({ sheet: PROJECT_SHEET, range: "H1:P3" });
    const kinds = plan.actions.map((a) => a.kind);
    expect(plan.actions[0]).toEqual({ kind: "clearRange", sheet: PROJECT_SHEET, range: "H1:O3" });
    expect(of(plan, "restoreFills")).toEqual([{ kind: "restoreFills", sheet: PROJECT_SHEET, cells: [{ address: "B2", saved: { fill: null } }] }]);
    expect(of(plan, "restoreNote")).toEqual([{ kind: "restoreNote", sheet: PROJECT_SHEET, address: "B2", text: null }]);
    expect(of(plan, "deleteSheet").map((a) => a.sheet)).toEqual(["校验结果", "领导汇总", "运行记录"]);
    expect(kinds.indexOf("deleteSheet")).toBeLessThan(kinds.indexOf("addSheet"));
    expect(of(plan, "addSheet").map((a) => a.sheet)).toEqual(["校验结果", "领导汇总", "运行记录"]);
    expect(state.highlights.find((h) => h.address === "F3")).toEqual({ sheet: INDICATOR_SHEET, address: "F3", saved: { fill: "#00FF00" }, note: "原批注", value: "≥60%" });
    expect(of(plan, "setNote").find((a) => a.address === "F3")?.text.startsWith("原批注\n")).toBe(true);
    // The state sheet is rewritten in place (not added), keeping the mapping document.
    const stateWrite = of(plan, "setValues").find((a) => a.sheet === STATE_SHEET);
    expect(stateWrite).toBeDefined();
    const docs = readState({ name: "t", sheets: [sheet(STATE_SHEET, stateWrite?.values as CellValue[][])] });
    expect(docs.mapping).toEqual({ [PROJECT_SHEET]: { code: "A" } });
    expect(docs.run).toEqual(state);
    expect(of(plan, "addSheet").some((a) => a.sheet === STATE_SHEET)).toBe(false);
  });

  it("never touches a user sheet that happens to be called 校验结果", () => {
    const { plan, state } = build({ name: "t.xlsx", sheets: [...userSheets(), sheet("校验结果", [["我的表"]])] }, findings);
    expect(state.sheets).toEqual(["校验结果 (2)", "领导汇总", "运行记录"]);
    expect(plan.actions.some((a) => a.sheet === "校验结果")).toBe(false);
  });

  it("adds the state sheet very hidden before the result sheets on a first run", () => {
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, findings);
    expect(of(plan, "addSheet").map((a) => [a.sheet, a.visibility ?? "visible"])).toEqual([
      [STATE_SHEET, "veryHidden"],
      ["校验结果", "visible"],
      ["领导汇总", "visible"],
      ["运行记录", "visible"],
    ]);
  });

  it("lists every finding in 校验结果 with a link to its cell", () => {
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, findings);
    const values = of(plan, "setValues").find((a) => a.sheet === "校验结果")?.values ?? [];
    expect(values[0]).toEqual(["序号", "级别", "规则", "工作表", "单元格", "项目编码", "项目名称", "主管部门", "说明", "建议", "处理状态"]);
    expect(values[1]).toEqual([1, "警告", "T014", INDICATOR_SHEET, "F3", "P002", "乡村教师培训", "县教育局", "T014的说明。", "T014的建议", null]);
    expect(of(plan, "setLink").filter((a) => a.sheet === "校验结果")).toContainEqual({ kind: "setLink", sheet: "校验结果", address: "E2", text: "F3", targetSheet: INDICATOR_SHEET, targetAddress: "F3" });
    expect(of(plan, "freeze")).toContainEqual({ kind: "freeze", sheet: "校验结果", rows: 1, cols: 0 });
    expect(of(plan, "autoFilter")).toContainEqual({ kind: "autoFilter", sheet: "校验结果", range: "A1:K4" });
  });

  it("an accepted finding (审核确认) is marked 已确认 with its reason in 校验结果 and highlights none of the user's cells", () => {
    const report: FileReport = {
      ...REPORT,
      findings: findings.map((f, i) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, project: f.project, message: f.message, hint: f.hint, accepted: i === 2 ? { reason: "基线已按上年实际调整" } : null })),
    };
    const m = model();
    const { plan, state } = buildWritePlan({ snapshot: { name: "t.xlsx", sheets: userSheets() }, model: m, results: results(m), findings, report, preset: "central-2020", rulebookVersion: "1", runAt: NOW, looks: looksFor(findings) });
    const values = of(plan, "setValues").find((a) => a.sheet === "校验结果")?.values ?? [];
    expect(values[3][10]).toBe("已确认：基线已按上年实际调整");
    expect(values.slice(1, 3).every((r) => r[10] === null)).toBe(true);
    // G3 has only the accepted finding; F3 keeps its two others.
    const first = findings[2];
    expect(state.highlights.some((h) => h.sheet === first.sheet && h.address === first.cell)).toBe(false);
    expect(of(plan, "setNote").some((a) => a.sheet === first.sheet && a.address === first.cell)).toBe(false);
    // The others are still highlighted.
    expect(state.highlights.length).toBeGreaterThan(0);
    const unaccepted = build({ name: "t.xlsx", sheets: userSheets() }, findings).state;
    expect(unaccepted.highlights.some((h) => h.sheet === first.sheet && h.address === first.cell)).toBe(true);
    // 领导汇总 counts it apart, not as a problem.
    const lead = of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    expect(lead.find((r) => r[0] === "发现问题（条）")?.[1]).toBe(findings.length - 1);
    expect(lead.find((r) => r[0] === "已确认无需修改（条，不计入问题）")?.[1]).toBe(1);
    const plain = of(build({ name: "t.xlsx", sheets: userSheets() }, findings).plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    expect(plain.find((r) => r[0] === "发现问题（条）")?.[1]).toBe(findings.length);
    expect(plain.some((r) => r[0] === "已确认无需修改（条，不计入问题）")).toBe(false);
  });

  it("summarises for leadership: money by grade, departments ranked, projects needing attention, next year's total", () => {
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, findings);
    const values = of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    const rowWith = (first: CellValue) => values.find((r) => r[0] === first);
    expect(rowWith("项目个数")?.[1]).toBe(2);
    expect(rowWith("涉及资金（全年预算数，万元）")?.[1]).toBe(250);
    expect(rowWith("优")?.slice(0, 5)).toEqual(["优", 1, 0.5, 100, 0.4]);
    expect(rowWith("差")?.slice(0, 5)).toEqual(["差", 1, 0.5, 150, 0.6]);
    const deptRows = values.filter((r) => r[0] === 1 || r[0] === 2).map((r) => r.slice(0, 3));
    expect(deptRows[0]).toEqual([1, "县交通运输局", 94.5]); // by average score
    expect(deptRows[2]).toEqual([1, "县教育局", 1]); // by errors (then warnings)
    const attention = values.find((r) => r[0] === "P002");
    expect(attention?.slice(0, 4)).toEqual(["P002", "乡村教师培训", "县教育局", "差"]);
    expect(String(attention?.[attention.length - 1])).toBe("等级为差；红灯；1个错误");
    expect(values.some((r) => typeof r[0] === "string" && r[0].startsWith("建议下年度安排 175.00万元，较本年 250.00万元 减少 75.00万元（-30.0%）"))).toBe(true);
    const charts = of(plan, "chart");
    expect(charts.map((c) => c.chartType)).toEqual(["pie", "barClustered", "barClustered"]);
    expect(charts[0].dataRange).toMatch(/^A\d+:B\d+$/);
  });
});

describe("monitoring run", () => {
  it("shows lights coloured beside the data and money to recover in the summary", () => {
    const m = makeBook(
      [
        { code: "P001", name: "农村公路养护", department: "县交通运输局", budget: 100, cumulativeSpent: 20, indicators: [{ l1: "产出指标", l2: "数量指标", name: "养护里程", target: "≥300公里", current: "100公里" }] },
        { code: "P002", name: "乡村教师培训", department: "县教育局", budget: 150, cumulativeSpent: 100, indicators: [] },
      ],
      { modes: ["目标审核", "运行监控"] },
    );
    const indId = m.projects[0].indicators[0].id;
    const res = new Map<string, ProjectResult>([
      ["P001", { ...result("P001", m, { light: "red", budgetLight: "red", executionRate: 0.2, suggestion: { action: "建议按支出进度收回", amount: 38.33, change: -38.33, reason: "执行进度慢。", reasonEn: "" } }), indicators: { [indId]: { id: indId, weight: null, score: null, ratio: null, overAchieved: false, light: "yellow", monitoringKind: "cumulative" } } }],
      ["P002", result("P002", m, { light: "green", budgetLight: "green", executionRate: 100 / 150 })],
    ]);
    const { plan } = buildWritePlan({ snapshot: { name: "t", sheets: userSheets() }, model: m, results: res, findings: [], report: REPORT, preset: "p", rulebookVersion: "1", runAt: NOW, looks: {} });
    const block = of(plan, "setValues").find((a) => a.sheet === PROJECT_SHEET);
    expect(block?.values[0]).toEqual(["执行率", "监控灯", "建议金额", "调整建议", "问题数"]);
    expect(block?.values[1]).toEqual([0.2, "红灯", 38.33, "建议按支出进度收回：执行进度慢。", 0]);
    const ind = of(plan, "setValues").find((a) => a.sheet === INDICATOR_SHEET);
    expect(ind?.values[0]).toEqual(["监控灯", "问题"]);
    expect(ind?.values[1]).toEqual(["黄灯", null]);
    const red = of(plan, "setFormat").find((a) => a.sheet === PROJECT_SHEET && a.format.fill === "#FFC7CE");
    expect(red?.ranges).toEqual(["I2"]);
    const summary = of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    // No scores in a monitoring run: no ranking by score, and the sections are numbered without a gap.
    const sections = summary.map((r) => r[0]).filter((v): v is string => typeof v === "string" && /^[一二三四五六七八九十]、/.test(v));
    expect(sections).toEqual(["一、总体情况", "二、等级分布", "三、部门问题数排名", "四、需重点关注的项目", "五、资金收回建议"]);
    expect(summary.some((r) => r[0] === "累计执行数（万元）")).toBe(true);
    expect(summary.find((r) => r[0] === "建议按支出进度收回")).toEqual(["建议按支出进度收回", 1, 100, 38.33, null, null, null, null]);
    expect(summary.find((r) => r[0] === "监控灯（绿/黄/红/蓝）")?.[1]).toBe("绿灯 1 个，黄灯 0 个，红灯 1 个，蓝灯 0 个");
    expect(summary.find((r) => r[0] === "P001")?.slice(0, 6)).toEqual(["P001", "农村公路养护", "县交通运输局", null, null, "红灯"]);
  });
});

describe("buildClearPlan", () => {
  const prev: RunState = {
    version: 1, runAt: "x", preset: "p", rulebookVersion: "1",
    blocks: [{ sheet: PROJECT_SHEET, range: "H1:O3", sig: cellsSignature([["执行率"]]) }],
    sheets: ["校验结果", "领导汇总", "运行记录"],
    marks: { 校验结果: cellsSignature([["序号"]]), 领导汇总: cellsSignature([["汇总"]]), 运行记录: cellsSignature([["记录"]]) },
    highlights: [{ sheet: INDICATOR_SHEET, address: "F3", saved: { fill: { type: "pattern", pattern: "solid" } }, note: "原批注", value: "≥60%", noteData: { texts: [{ text: "原批注" }] } }],
  };
  const others = () => {
    const sheets = userSheets();
    sheets[0].values[0].push("执行率");
    return [...sheets, sheet("校验结果", [["序号"]]), sheet("领导汇总", [["汇总"]]), sheet("运行记录", [["记录"]])];
  };

  it("does nothing on a workbook never run", () => {
    expect(buildClearPlan({ name: "t", sheets: userSheets() })).toEqual({ actions: [], notesKept: 0 });
  });

  it("removes blocks, sheets and highlights, and the state sheet when nothing else is stored", () => {
    const plan = buildClearPlan(withState(others(), { run: prev }));
    expect(plan.actions).toEqual([
      { kind: "clearRange", sheet: PROJECT_SHEET, range: "H1:O3" },
      { kind: "restoreFills", sheet: INDICATOR_SHEET, cells: [{ address: "F3", saved: { fill: { type: "pattern", pattern: "solid" } } }] },
      { kind: "restoreNote", sheet: INDICATOR_SHEET, address: "F3", text: "原批注", data: { texts: [{ text: "原批注" }] } },
      { kind: "deleteSheet", sheet: "校验结果" },
      { kind: "deleteSheet", sheet: "领导汇总" },
      { kind: "deleteSheet", sheet: "运行记录" },
      { kind: "deleteSheet", sheet: STATE_SHEET },
    ]);
  });

  it("keeps the stored mapping and rulebook", () => {
    const plan = buildClearPlan(withState(others(), { run: prev, mapping: { [PROJECT_SHEET]: { code: "B" } }, rulebook: { preset: "sichuan-2023" } }));
    expect(of(plan, "deleteSheet").map((a) => a.sheet)).not.toContain(STATE_SHEET);
    const write = of(plan, "setValues").find((a) => a.sheet === STATE_SHEET);
    const docs = readState({ name: "t", sheets: [sheet(STATE_SHEET, write?.values as CellValue[][])] });
    expect(docs).toEqual({ mapping: { [PROJECT_SHEET]: { code: "B" } }, rulebook: { preset: "sichuan-2023" } });
  });
});

describe("noteText", () => {
  it("puts the most severe first and says 建议 once per finding", () => {
    const text = noteText([finding("T014", "info", "S", "A1"), finding("E001", "error", "S", "A1")]);
    expect(text).toBe("【E001 错误】E001的说明。建议：E001的建议\n【T014 提示】T014的说明。建议：T014的建议");
  });
});

describe("the written sheets a finance officer prints and filters (issue 11)", () => {
  const some = [finding("T014", "warning", INDICATOR_SHEET, "F3"), finding("E005", "error", INDICATOR_SHEET, "F2", "P001"), finding("E007", "warning", PROJECT_SHEET, "G3")];

  it("gives 校验结果 a 主管部门 column, so it can be filtered per department", () => {
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, some);
    const values = of(plan, "setValues").find((a) => a.sheet === "校验结果")?.values ?? [];
    const dept = values[0].indexOf("主管部门");
    expect(dept).toBe(7);
    // a finding of P001 (县交通运输局) and two of P002 (县教育局)
    expect(values.slice(1).map((r) => r[dept]).sort()).toEqual(["县交通运输局", "县教育局", "县教育局"]);
    expect(of(plan, "autoFilter").find((a) => a.sheet === "校验结果")?.range).toBe("A1:K4");
  });

  it("ranks departments by errors first, then warnings: 1 error outranks 5 warnings", () => {
    const many = [
      ...Array.from({ length: 5 }, (_, i) => finding(`T0${10 + i}`, "warning", INDICATOR_SHEET, `F${i + 3}`, "P002")),
      finding("E005", "error", INDICATOR_SHEET, "F2", "P001"),
    ];
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, many);
    const values = of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    const head = values.findIndex((r) => r[0] === "排名" && r[2] === "其中错误");
    expect(values[head].slice(0, 6)).toEqual(["排名", "部门", "其中错误", "其中警告", "问题数", "项目数"]);
    expect(values[head + 1].slice(0, 5)).toEqual([1, "县交通运输局", 1, 0, 1]);
    expect(values[head + 2].slice(0, 5)).toEqual([2, "县教育局", 0, 5, 5]);
  });

  it("titles 领导汇总 with the workbook's name without its extension, and names the preset as the pane does", () => {
    const m = model();
    m.name = "";
    const { plan } = buildWritePlan({ snapshot: { name: "县级绩效自评2024.xlsx", sheets: userSheets() }, model: m, results: results(m), findings: some, report: REPORT, preset: "central-2020", rulebookVersion: "1", runAt: NOW, looks: looksFor(some) });
    const summary = of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values ?? [];
    expect(summary[0][0]).toBe("县级绩效自评2024 预算绩效情况汇总");
    expect(String(summary[1][0])).toContain("规则方案：中央部门 2020（财预〔2020〕10号）");
    expect(String(summary[1][0])).not.toContain("central-2020");
    const log = of(plan, "setValues").find((a) => a.sheet === "运行记录")?.values ?? [];
    expect(log.find((r) => r[0] === "规则方案")?.[1]).toBe("中央部门 2020（财预〔2020〕10号）");
  });

  it("titles 领导汇总 with the title the sheet carries above its header, where there is one", () => {
    const m = model();
    const d = { sheet: "项目表", role: "projects" as const, headerRow: 4, columns: {}, unit: "万元" };
    m.detections = [d];
    const snap = (rows: CellValue[][]): WorkbookSnapshot => ({ name: "book.xlsx", sheets: [sheet("项目表", rows)] });
    expect(sheetTitle(snap([["××县2024年度项目支出绩效自评表"], ["单位：万元"], [null, "填报日期：2025-01-10"], ["项目编码"]]), m)).toBe("××县2024年度项目支出绩效自评");
    // A unit line or a date is no title; a header row at the top leaves the file name.
    expect(sheetTitle(snap([["单位：万元"], ["监控截止日期：2024-07-31"], [null], ["项目编码"]]), m)).toBeNull();
    m.detections = [{ ...d, headerRow: 1 }];
    expect(sheetTitle(snap([["项目编码"]]), m)).toBeNull();
    m.detections = [{ ...d, headerRow: 2 }];
    const { plan } = buildWritePlan({ snapshot: { name: "报送.xlsx", sheets: [sheet("项目表", [["县卫健委2024年预算绩效目标申报表"], ["项目编码"]]), ...userSheets().slice(1)] }, model: m, results: results(m), findings: some, report: REPORT, preset: "central-2020", rulebookVersion: "1", runAt: NOW, looks: looksFor(some) });
    expect(of(plan, "setValues").find((a) => a.sheet === "领导汇总")?.values[0][0]).toBe("县卫健委2024年预算绩效目标申报 预算绩效情况汇总");
  });

  it("repeats the header rows on every printed page of its three sheets", () => {
    const { plan } = build({ name: "t.xlsx", sheets: userSheets() }, some);
    expect(of(plan, "printTitles").map(({ sheet, firstRow, lastRow }) => [sheet, firstRow, lastRow])).toEqual([
      ["校验结果", 0, 0],
      ["领导汇总", 0, 1],
      ["运行记录", 0, 0],
    ]);
  });

  it("never wraps the result values beside the data (a user row style with wrap would print 调整建议 over the rows below)", () => {
    const { plan, state } = build({ name: "t.xlsx", sheets: userSheets() }, some);
    const block = state.blocks.find((b) => b.sheet === PROJECT_SHEET);
    expect(block?.range).toBe("H1:P3");
    const noWrap = of(plan, "setFormat").filter((a) => a.sheet === PROJECT_SHEET && a.format.wrap === false);
    expect(noWrap.flatMap((a) => a.ranges)).toEqual(["H2:P3"]);
    // the labels still wrap (header row), the values do not
    expect(of(plan, "setFormat").some((a) => a.sheet === PROJECT_SHEET && a.format.wrap === true && a.ranges.includes("H1:P1"))).toBe(true);
  });
});
