import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import { getPreset } from "../../rulebook/load";
import { readForms } from "./index";
import { classifyLabel } from "./labels";
import { buildSynonymIndex } from "../synonyms";

const rb = getPreset();

function sheet(name: string, values: CellValue[][], merges: string[] = [], formats: Record<string, string> = {}): SheetSnapshot {
  return { name, values, merges, formats };
}
function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "t.xlsx", sheets };
}
const _ = null;

/** A compact central-style form from row `r0` (0-based) with the given funds rows and indicator rows. */
function centralForm(opts: {
  name?: string;
  funds?: CellValue[][];
  grid?: CellValue[][];
  total?: CellValue;
  extraTop?: CellValue[][];
}): CellValue[][] {
  const rows: CellValue[][] = [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ...(opts.extraTop ?? []),
    ["项目名称", opts.name ?? "甲项目"],
    ["主管部门", "甲局", _, "实施单位", "甲中心"],
    ["项目资金（万元）", _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ...(opts.funds ?? [
      [_, "年度资金总额", 100, 120, 108, 10, 0.9, 9],
      [_, "其中：当年财政拨款", 100, 120, 108, "—", "—", "—"],
      [_, "其他资金", 0, 0, 0, "—", "—", "—"],
    ]),
    ["年度总体目标", "预期目标", _, _, "实际完成情况"],
    [_, "完成甲任务。", _, _, "已完成甲任务。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...(opts.grid ?? [
      [_, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
      [_, _, "质量指标", "合格率", "≥95%", "96%", 20, 20],
      [_, "效益指标", "社会效益指标", "覆盖率", "≥90%", "92%", 20, 20],
    ]),
    ["总分", _, _, _, _, _, 100, opts.total === undefined ? 99 : opts.total],
  ];
  return rows;
}

describe("readForms: label / value pairs", () => {
  it("pairs labels with the value to their right, merged or not, and reads the value cell's address", () => {
    const rows = centralForm({});
    const m = readForms(book(sheet("表", rows, ["B3:I3", "B4:C4", "E4:I4"])), rb)!;
    expect(m).not.toBeNull();
    const p = m.projects[0];
    expect(p.name).toBe("甲项目");
    expect(p.department).toBe("甲局");
    expect(p.implementer).toBe("甲中心");
    expect(p.origin.row).toBe(3);
    expect(p.origin.cells.name).toBe("B3");
    expect(p.origin.cells.implementer).toBe("E4");
    expect(p.id).toBe("表!3");
    expect(p.code).toBeNull();
  });

  it("uses a 项目编码 label for code and id", () => {
    const rows = centralForm({ extraTop: [["项目编码", "P-001"]] });
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect(p.code).toBe("P-001");
    expect(p.id).toBe("P-001");
    expect(p.origin.cells.code).toBe("B3");
  });

  it("reads 「标签：值」 written in one cell (项目名称：…, 主管部门：…, 项目编码：…)", () => {
    const rows: CellValue[][] = [
      ["项目支出绩效目标表（2024年度）"],
      ["项目编码：P-9", _, _, "主管部门：某县农业农村局"],
      ["项目名称：高标准农田建设项目", _, _, "实施单位", "某县农技站"],
      ["项目资金（万元）", "资金总额", "财政拨款", "其他资金"],
      [_, 500, 450, 50],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [_, "产出指标", "数量指标", "建设面积", "≥1万亩"],
    ];
    const m = readForms(book(sheet("表", rows)), rb)!;
    const p = m.projects[0];
    expect([p.code, p.id, p.name, p.department, p.implementer]).toEqual(["P-9", "P-9", "高标准农田建设项目", "某县农业农村局", "某县农技站"]);
    expect(p.origin.row).toBe(3);
    expect(p.origin.cells).toMatchObject({ name: "A3", code: "A2", department: "D2", implementer: "E3" });
    expect(m.year).toBe(2024);
  });

  it("never takes a label as another label's value, and records the field as present", () => {
    const rows = centralForm({});
    rows[3] = ["主管部门", _, _, "实施单位", "甲中心"]; // department left blank, no merge
    const m = readForms(book(sheet("表", rows)), rb)!;
    expect(m.projects[0].department).toBeNull();
    expect(m.projects[0].implementer).toBe("甲中心");
    expect(m.projectFields).toContain("department");
  });

  it("does not take the value of the label below as its own", () => {
    const rows = centralForm({});
    rows[3] = ["主管部门", _, "实施单位", _];
    rows.splice(4, 0, [_, "项目属性", "经常性"]);
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect(p.department).toBeNull();
    expect(p.implementer).toBeNull();
    expect(p.attribute).toBe("经常性");
  });

  it("reads values written under a row of heads (湘潭 资金总额 | 财政拨款 | 其他资金)", () => {
    const rows: CellValue[][] = [
      ["项目支出绩效目标申报表"],
      ["项目名称", "乙项目"],
      ["项目属性", "一次性", "项目期", "1年"],
      ["项目资金（万元）", "资金总额", "财政拨款", "其他资金"],
      [_, 100, 90, 10],
      ["年度总体目标", "完成乙任务，服务群众1000人次。"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [_, "产出指标", "数量指标", "服务人次", "≥1000人次"],
    ];
    const m = readForms(book(sheet("申报表", rows, ["A4:A5"])), rb)!;
    const p = m.projects[0];
    expect(p.attribute).toBe("一次性");
    expect([p.initialBudget, p.budget, p.spent, p.fiscalFunds, p.otherFunds]).toEqual([100, 100, null, 90, 10]);
    expect(p.origin.cells.fiscalFunds).toBe("C5");
    expect(p.goal).toBe("完成乙任务，服务群众1000人次。");
    expect(m.modes).toEqual(["目标审核"]);
    expect(m.detections[0].headerRow).toBe(7);
  });

  it("classifies labels and leaves long texts and unknown words as values", () => {
    const idx = buildSynonymIndex();
    expect(classifyLabel("项目资金（万元）", idx)).toEqual({ kind: "funds", unit: "万元" });
    expect(classifyLabel("其中：当年财政拨款", idx)).toEqual({ kind: "fundsRow", row: "fiscal", unit: null });
    expect(classifyLabel("全年执行数", idx)).toEqual({ kind: "fundsCol", col: "spent", unit: null });
    expect(classifyLabel("主 管 部 门", idx)).toEqual({ kind: "project", field: "department", unit: null });
    expect(classifyLabel("总分", idx)).toEqual({ kind: "total" });
    expect(classifyLabel("城乡居民医保补助", idx)).toBeNull();
    expect(classifyLabel("项目名称项目名称项目名称项目名称项目名称项目名称", idx)).toBeNull();
  });
});

describe("readForms: the 项目资金 block", () => {
  it("reads the central matrix: total row amounts, 执行率得分, 财政拨款 and 其他资金 (with 上年结转资金 counted in 其他资金)", () => {
    const rows = centralForm({
      funds: [
        [_, "年度资金总额", 120, 130, 117, 10, 0.9, 9],
        [_, "其中：当年财政拨款", 100, 110, 99, "—", "—", "—"],
        [_, "上年结转资金", 10, 10, 9, "—", "—", "—"],
        [_, "其他资金", 10, 10, 9, "—", "—", "—"],
      ],
    });
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect([p.initialBudget, p.budget, p.spent, p.fiscalFunds, p.otherFunds, p.declaredExecutionScore]).toEqual([120, 130, 117, 100, 20, 9]);
    expect(p.origin.cells).toMatchObject({ initialBudget: "C6", budget: "D6", spent: "E6", fiscalFunds: "C7", otherFunds: "C9", declaredExecutionScore: "H6" });
  });

  it("池州: an all-zero 年度资金总额 row takes budget and spent from 财政拨款 + 其他资金 but keeps the written 0 as initialBudget", () => {
    const rows = centralForm({
      funds: [
        [_, "年度资金总额", 0, 0, 0, 10, 0, 10],
        [_, "其中：当年财政拨款", 90, 89.974, 89.974, "—", "—", "—"],
        [_, "其他资金", 0, 0, 0, "—", "—", "—"],
      ],
    });
    const p = readForms(book(sheet("自评表", rows)), rb)!.projects[0];
    expect(p.initialBudget).toBe(0);
    expect(p.budget).toBe(89.974);
    expect(p.spent).toBe(89.974);
    expect(p.fiscalFunds).toBe(90);
    expect(p.otherFunds).toBe(0);
    // D006 compares 资金总额 with 财政拨款 + 其他资金: 0 ≠ 90 must stay visible.
    expect(p.initialBudget).not.toBe((p.fiscalFunds ?? 0) + (p.otherFunds ?? 0));
    expect(p.origin.cells.budget).toBe("D7");
    expect(p.origin.cells.initialBudget).toBe("C6");
  });

  it("an empty 年度资金总额 row also falls back to the parts; initialBudget stays null", () => {
    const rows = centralForm({
      funds: [
        [_, "年度资金总额", _, _, _, 10, _, _],
        [_, "其中：当年财政拨款", 50, 60, 30],
        [_, "其他资金", 5, 5, 5],
      ],
    });
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect([p.initialBudget, p.budget, p.spent, p.fiscalFunds, p.otherFunds]).toEqual([null, 65, 35, 50, 5]);
  });

  it("a total row with real money is not overridden by its parts", () => {
    const rows = centralForm({
      funds: [
        [_, "年度资金总额", 100, 0, 0, 10, 0, 0],
        [_, "其中：当年财政拨款", 90, 80, 70],
        [_, "其他资金", 10, 10, 10],
      ],
    });
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect([p.initialBudget, p.budget, p.spent]).toEqual([100, 0, 0]);
  });

  it("records unreadable amounts (D005) and error values (D007) once, with the field null", () => {
    const rows = centralForm({
      funds: [
        [_, "年度资金总额", "约100", 120, { error: "#N/A" }, 10, 0.9, 9],
        [_, "其中：当年财政拨款", 100, 120, 108],
        [_, "其他资金", 0, 0, 0],
      ],
    });
    const m = readForms(book(sheet("表", rows)), rb)!;
    const p = m.projects[0];
    expect(p.initialBudget).toBeNull();
    expect(p.spent).toBeNull();
    expect(m.unreadable).toEqual([expect.objectContaining({ sheet: "表", cell: "C6", field: "initialBudget", projectId: p.id })]);
    expect(m.cellErrors).toEqual([{ sheet: "表", cell: "E6", field: "spent", error: "#N/A", projectId: p.id }]);
  });

  it("takes the unit from the caption's suffix and converts later forms to the first form's unit", () => {
    const a = centralForm({ name: "甲" });
    const b = centralForm({ name: "乙" }).map((r) => r.map((v) => (v === "项目资金（万元）" ? "项目资金（元）" : v)));
    b[5] = [_, "年度资金总额", 1000000, 1200000, 1080000, 10, 0.9, 9];
    const m = readForms(book(sheet("表", [...a, ...b])), rb)!;
    expect(m.unit).toBe("万元");
    expect(m.detections.map((d) => d.unit)).toEqual(["万元", "元"]);
    expect(m.projects[1].budget).toBe(120);
  });
});

describe("readForms: the amount unit", () => {
  it("takes a 「金额单位：元」 line when the caption has no suffix, and defaults to the rulebook's unit", () => {
    const rows = centralForm({ extraTop: [[_, _, _, _, _, _, "金额单位：元"]] }).map((r) => r.map((v) => (v === "项目资金（万元）" ? "项目资金" : v)));
    expect(readForms(book(sheet("表", rows)), rb)!.unit).toBe("元");
    const plain = centralForm({}).map((r) => r.map((v) => (v === "项目资金（万元）" ? "项目资金" : v)));
    const m = readForms(book(sheet("表", plain)), rb)!;
    expect(m.unit).toBe(rb.defaultUnit);
    expect(m.detections[0].unit).toBe(rb.defaultUnit);
  });
});

describe("readForms: 年度总体目标", () => {
  it("reads 预期目标 / 实际完成情况 sub-headers with their texts below", () => {
    const p = readForms(book(sheet("表", centralForm({}), ["A9:A10", "B9:D9", "E9:I9", "B10:D10", "E10:I10"])), rb)!.projects[0];
    expect(p.goal).toBe("完成甲任务。");
    expect(p.goalActual).toBe("已完成甲任务。");
    expect(p.origin.cells.goal).toBe("B10");
    expect(p.origin.cells.goalActual).toBe("E10");
  });

  it("an empty goal under 预期目标 is still the goal's cell (T001 can point at it)", async () => {
    const rows = centralForm({});
    rows[9] = [_, _, _, _, "已完成甲任务。"];
    const merges = ["A9:A10", "B9:D9", "E9:I9", "B10:D10", "E10:I10"];
    const p = readForms(book(sheet("表", rows, merges)), rb)!.projects[0];
    expect(p.goal).toBeNull();
    expect(p.origin.cells.goal).toBe("B10");
    const { analyse } = await import("../../engine/pipeline");
    const t001 = analyse(book(sheet("表", rows, merges))).findings.filter((f) => f.rule === "T001");
    expect(t001.map((f) => f.cell)).toEqual(["B10"]);
  });

  it("reads a goal written beside its label, merged over two rows", () => {
    const rows: CellValue[][] = [
      ["项目名称", "丙项目"],
      ["项目资金", "资金总额", "财政拨款"],
      [_, 10, 10],
      ["年度总体目标", "为全县老人提供服务。"],
      [_, _],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [_, "产出指标", "数量指标", "服务人数", "≥50人"],
    ];
    const p = readForms(book(sheet("表", rows, ["A4:A5", "B4:E5"])), rb)!.projects[0];
    expect(p.goal).toBe("为全县老人提供服务。");
    expect(p.goalActual ?? null).toBeNull();
  });
});

describe("readForms: the indicator grid", () => {
  it("fills 一级 / 二级 down through merges and blank cells, resets 二级 when 一级 changes, canonicalises names", () => {
    const rows = centralForm({
      grid: [
        [_, "产出", "数量", "培训人次", "≥100人次", "120人次", 30, 30],
        [_, _, _, "培训场次", "≥10场", "10场", 10, 10],
        [_, _, "质量", "合格率", "≥95%", "96%", 10, 10],
        [_, "效益指标", _, "覆盖率", "≥90%", "92%", 30, 30],
        [_, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
      ],
    });
    const m = readForms(book(sheet("表", rows, ["B12:B13"])), rb)!;
    const inds = m.projects[0].indicators;
    expect(inds.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "培训人次"],
      ["产出指标", "数量指标", "培训场次"],
      ["产出指标", "质量指标", "合格率"],
      ["效益指标", null, "覆盖率"],
      ["满意度指标", "服务对象满意度指标", "满意度"],
    ]);
    expect(inds[1].level1Text).toBe("产出");
    expect(inds[1].origin.cells.level1).toBe("B12");
    expect(inds[2].origin.cells.level1).toBe("B12");
    expect(inds[1].origin.cells.level2).toBe("C12");
    expect(inds[1].origin.row).toBe(13);
    expect(inds[1].id).toBe("表!13");
  });

  it("parses values: merged operator+value+unit, % and date number formats, Sichuan operator and unit columns", () => {
    const rows: CellValue[][] = [
      ["项目名称", "丁项目"],
      ["项目资金（万元）", _, "年初预算数", "全年预算数", "全年执行数"],
      [_, "年度资金总额", 10, 10, 9],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
      [_, "产出指标", "数量指标", "人次", "≥", 100, "人次", 120, 20, 20],
      [_, _, "质量指标", "合格率", "＝", 100, "%", 0.98, 20, 19.6],
      [_, _, "时效指标", "完成时间", "≤", 45657, _, 45640, 10, 10],
      [_, "效益指标", "社会效益指标", "效果", "定性", "达成年度指标", _, "部分达成年度指标并具有一定效果", 30, 21],
    ];
    const m = readForms(book(sheet("表", rows, [], { H6: "0%", F7: "yyyy-mm-dd", H7: "yyyy-mm-dd" })), rb)!;
    const [a, b, c, d] = m.projects[0].indicators;
    expect(a.target).toEqual({ kind: "number", operator: "≥", value: 100, unit: "人次", approx: false });
    expect(a.actual).toMatchObject({ kind: "number", value: 120, unit: "人次" });
    expect(b.target).toMatchObject({ kind: "number", operator: "=", value: 100, unit: "%" });
    expect(b.actual).toMatchObject({ kind: "number", value: 98, unit: "%" });
    expect(c.target).toMatchObject({ kind: "date", operator: "≤", date: "2024-12-31" });
    expect(c.actual).toMatchObject({ kind: "date", date: "2024-12-14" });
    expect(d.target).toMatchObject({ kind: "tier", tier: "achieved" });
    expect(d.actual).toMatchObject({ kind: "tier", tier: "partial" });
    expect(m.indicatorFields).toEqual(expect.arrayContaining(["operator", "unit", "actual"]));
    expect(m.modes).toEqual(["目标审核", "绩效自评"]);
  });

  it("reads a two-row grid header (年度指标值 over 指标性质 | 指标值 | 度量单位)", () => {
    const rows: CellValue[][] = [
      ["项目名称", "己项目"],
      ["项目资金（万元）", _, "年初预算数", "全年预算数", "全年执行数"],
      [_, "年度资金总额", 10, 10, 9],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", _, _, "实际完成值", "分值", "得分"],
      [_, _, _, _, "指标性质", "指标值", "度量单位"],
      [_, "产出指标", "数量指标", "人次", "≥", 100, "人次", 120, 20, 20],
    ];
    const merges = ["A4:A6", "B4:B5", "C4:C5", "D4:D5", "E4:G4", "H4:H5", "I4:I5", "J4:J5"];
    const m = readForms(book(sheet("表", rows, merges)), rb)!;
    expect(m.detections[0].headerRow).toBe(5);
    expect(m.detections[0].columns).toMatchObject({ operator: "E", target: "F", unit: "G", actual: "H" });
    const [a] = m.projects[0].indicators;
    expect(m.projects[0].indicators).toHaveLength(1);
    expect(a.target).toEqual({ kind: "number", operator: "≥", value: 100, unit: "人次", approx: false });
    expect(a.origin.cells.target).toBe("F6");
  });

  it("reads 总分 as declaredTotal and stops at notes; 合计, 注：and 填表说明 rows are not indicators", () => {
    const rows = [
      ...centralForm({ total: 88.5 }),
      ["注：得分不超过分值。"],
      ["填表说明：请如实填写。"],
    ];
    const m = readForms(book(sheet("表", rows)), rb)!;
    const p = m.projects[0];
    expect(p.declaredTotal).toBe(88.5);
    expect(p.origin.cells.declaredTotal).toBe("H15");
    expect(p.indicators.map((i) => i.name)).toEqual(["培训人次", "合格率", "覆盖率"]);

    const withSum = centralForm({});
    withSum[withSum.length - 1] = [_, _, _, "合计", _, _, 100, 97];
    const q = readForms(book(sheet("表", withSum)), rb)!.projects[0];
    expect(q.indicators.map((i) => i.name)).toEqual(["培训人次", "合格率", "覆盖率"]);
    expect(q.declaredTotal).toBe(97);
  });

  it("reports a grid without a 指标值 column as missing (D001), and a form without a grid as a project without indicators", () => {
    const rows: CellValue[][] = [
      ["项目名称", "庚项目"],
      ["项目资金（万元）", "资金总额", "财政拨款"],
      [_, 10, 10],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "实际完成值"],
      [_, "产出指标", "数量指标", "人次", "12人次"],
    ];
    const m = readForms(book(sheet("表", rows)), rb)!;
    expect(m.missing).toEqual([{ sheet: "表", headerRow: 4, role: "indicators", fields: ["target"] }]);
    expect(m.projects[0].indicators).toHaveLength(1);
    const noGrid = readForms(book(sheet("表", rows.slice(0, 3))), rb)!;
    expect(noGrid.projects[0].indicators).toEqual([]);
    expect(noGrid.missing).toEqual([]);
    expect(noGrid.detections[0].headerRow).toBe(1);
  });

  it("records an unreadable 得分 and an error 分值 with the field null", () => {
    const rows = centralForm({
      grid: [
        [_, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", { error: "#REF!" }, "五十"],
        [_, "效益指标", "社会效益指标", "覆盖率", "≥90%", "92%", 20, 20],
      ],
    });
    const m = readForms(book(sheet("表", rows)), rb)!;
    const i = m.projects[0].indicators[0];
    expect(i.weight).toBeNull();
    expect(i.declaredScore).toBeNull();
    expect(m.cellErrors).toEqual([expect.objectContaining({ cell: "G12", field: "weight", error: "#REF!" })]);
    expect(m.unreadable).toEqual([expect.objectContaining({ cell: "H12", field: "score", raw: "五十" })]);
  });

  it("a monitoring form: 1-6月执行数 and 截至目前完成情况 columns give 运行监控, 监控截止日期 the as-of date", () => {
    const rows: CellValue[][] = [
      ["2024年度项目支出绩效运行监控表"],
      ["监控截止日期：2024年6月30日"],
      ["项目名称", "戊项目"],
      ["项目资金（万元）", _, "年初预算数", "1-6月执行数", "全年预计执行数"],
      [_, "年度资金总额", 100, 40, 95],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "截至目前完成情况", "全年预计完成情况"],
      [_, "产出指标", "数量指标", "培训人次", "≥100人次", "45人次", "100人次"],
    ];
    const m = readForms(book(sheet("监控表", rows)), rb)!;
    const p = m.projects[0];
    expect([p.initialBudget, p.cumulativeSpent, p.forecastSpent]).toEqual([100, 40, 95]);
    expect(p.indicators[0].current).toMatchObject({ kind: "number", value: 45 });
    expect(m.modes).toEqual(["目标审核", "运行监控"]);
    expect(m.asOfInSheet).toBe("2024-06-30");
    expect(m.year).toBe(2024);

    // The date in its own cell beside the label, as a date serial.
    rows[1] = ["监控截止日期", 45504];
    const n = readForms(book(sheet("监控表", rows, [], { B2: "yyyy-mm-dd" })), rb)!;
    expect(n.asOfInSheet).toBe("2024-07-31");
  });
});

describe("readForms: monitoring sub-columns (完成目标可能性 / 偏差原因 marked with √ or text)", () => {
  // 财预〔2019〕136号 监控表: the two heads merged over their options, the options in the row below.
  const rows: CellValue[][] = [
    ["2024年度项目支出绩效运行监控表"],
    ["监控截止日期：2024年7月31日"],
    ["项目名称", "己项目"],
    ["项目资金（万元）", _, "年初预算数", "1-7月执行数", "全年预计执行数"],
    [_, "年度资金总额", 120, 70, 118],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析", _, _, _, _, "完成目标可能性", _, _, "备注"],
    [_, _, _, _, _, _, _, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能", _],
    [_, "产出指标", "数量指标", "培训人次", "≥1200人次", "300人次", "900人次", "√", _, _, _, _, "√", _, _],
    [_, _, "质量指标", "培训合格率", "≥95%", "96%", "96%", _, _, _, _, _, "√", _, _],
    [_, "效益指标", "社会效益指标", "就业人数", "≥200人", "20人", "60人", _, "配套制度未出台", _, _, "疫情影响", _, _, "√"],
    [_, "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "80%", "85%", _, _, _, _, _, _, "✓", _],
  ];
  const merges = ["A6:A11", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7", "G6:G7", "H6:L6", "M6:O6", "P6:P7"];

  it("reads the marked option as 完成目标可能性 and the marked kinds (with their text) as 偏差原因", () => {
    const m = readForms(book(sheet("监控表", rows, merges)), rb)!;
    const inds = m.projects[0].indicators;
    expect(inds.map((i) => i.name)).toEqual(["培训人次", "培训合格率", "就业人数", "参训人员满意度"]);
    expect(inds.map((i) => i.possibility)).toEqual(["确定能", "确定能", "完全不可能", "有可能"]);
    expect(inds.map((i) => i.reason)).toEqual(["经费保障", null, "制度保障：配套制度未出台；疫情影响", null]);
    expect(inds[0].forecast).toMatchObject({ kind: "number", value: 900 });
    // Cells: the marked cell, else the first option's cell.
    expect(inds.map((i) => i.origin.cells.possibility)).toEqual(["M8", "M9", "O10", "N11"]);
    expect(inds.map((i) => i.origin.cells.reason)).toEqual(["H8", "H9", "I10", "H11"]);
    expect(m.modes).toContain("运行监控");
  });

  it("「×」, 0 and dashes are not marks; an error value in an option is a cell error", () => {
    const r2 = rows.map((r) => [...r]);
    r2[7][12] = "×";
    r2[7][13] = "√";
    r2[8][7] = "—";
    r2[8][14] = { error: "#N/A" };
    const m = readForms(book(sheet("监控表", r2, merges)), rb)!;
    const inds = m.projects[0].indicators;
    expect(inds[0].possibility).toBe("有可能");
    expect(inds[1].reason).toBeNull();
    expect(inds[1].possibility).toBeNull();
    expect(m.cellErrors).toEqual([expect.objectContaining({ cell: "O9", field: "possibility" })]);
  });

  it("a single 完成目标可能性 column is read as before", () => {
    const single: CellValue[][] = [
      ...rows.slice(0, 5),
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因", "完成目标可能性"],
      [_, "产出指标", "数量指标", "培训人次", "≥1200人次", "300人次", "900人次", "经费未到位", "确定能"],
    ];
    const ind = readForms(book(sheet("监控表", single)), rb)!.projects[0].indicators[0];
    expect([ind.possibility, ind.reason, ind.origin.cells.possibility]).toEqual(["确定能", "经费未到位", "I7"]);
  });
});

describe("readForms: several forms", () => {
  it("reads forms one after another on one sheet, each with its own rows", () => {
    const a = centralForm({ name: "甲", total: 90 });
    const b = centralForm({
      name: "乙",
      total: 80,
      grid: [
        [_, "产出指标", "数量指标", "乙数量", "≥1个", "1个", 40, 40],
        [_, "满意度指标", "服务对象满意度指标", "乙满意度", "≥90%", "80%", 10, 8],
      ],
    });
    const m = readForms(book(sheet("汇总", [...a, [_], ...b])), rb)!;
    expect(m.projects.map((p) => [p.name, p.origin.row, p.declaredTotal, p.indicators.length])).toEqual([
      ["甲", 3, 90, 3],
      ["乙", 19, 80, 2],
    ]);
    expect(m.projects[1].indicators[0].origin.row).toBe(28);
    expect(m.detections.map((d) => d.headerRow)).toEqual([11, 27]);
    expect(new Set(m.projects.map((p) => p.id)).size).toBe(2);
  });

  it("reads one form per sheet and keeps ids unique when codes repeat", () => {
    const one = centralForm({ name: "甲", extraTop: [["项目编码", "P1"]] });
    const two = centralForm({ name: "乙", extraTop: [["项目编码", "P1"]] });
    const m = readForms(book(sheet("一", one), sheet("二", two), sheet("_jixiao", [["run", "{}"]])), rb)!;
    expect(m.projects.map((p) => [p.origin.sheet, p.code, p.id])).toEqual([
      ["一", "P1", "P1"],
      ["二", "P1", "P1@二!4"],
    ]);
    expect(m.detections.map((d) => [d.sheet, d.role])).toEqual([
      ["一", "combined"],
      ["二", "combined"],
    ]);
    expect(m.detections[0].columns).toMatchObject({ name: "B4", level1: "B", indicatorName: "D", target: "E" });
  });
});

describe("readForms: not a form", () => {
  it("returns null for a list-layout project sheet and indicator sheet", () => {
    const projects = sheet("项目表", [
      ["项目编码", "项目名称", "主管部门", "年初预算数", "全年预算数", "全年执行数"],
      ["P1", "甲项目", "甲局", 10, 10, 9],
      ["P2", "乙项目", "乙局", 20, 20, 18],
    ]);
    const indicators = sheet("指标表", [
      ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
      ["P1", "甲项目", "产出指标", "数量指标", "人次", "≥10人次", "12人次"],
    ]);
    expect(readForms(book(projects, indicators), rb)).toBeNull();
  });

  it("returns null for a combined list whose 项目名称 header has an unknown header beside it", () => {
    const s = sheet("合并表", [
      ["序号", "项目名称", "经办人员", "一级指标", "二级指标", "三级指标", "指标值"],
      [1, "甲项目", "张三", "产出指标", "数量指标", "人次", "≥10人次"],
      [2, "乙项目", "李四", "产出指标", "数量指标", "人次", "≥10人次"],
    ]);
    expect(readForms(book(s), rb)).toBeNull();
  });

  it("returns null for an empty workbook, a lone 项目名称 pair and hidden form sheets", () => {
    expect(readForms(book(), rb)).toBeNull();
    expect(readForms(book(sheet("空", [])), rb)).toBeNull();
    expect(readForms(book(sheet("杂", [["项目名称", "甲"], ["备注", "无"]])), rb)).toBeNull();
    const hidden = { ...sheet("隐藏", centralForm({})), visibility: "hidden" as const };
    expect(readForms(book(hidden), rb)).toBeNull();
  });
});

describe("readForms: the declared grade near the 总分 row", () => {
  it("reads 「自评等级 | 优」 on the row under 总分, with its value cell", () => {
    const rows = [...centralForm({}), ["自评等级", "优"]];
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect(p.declaredGrade).toBe("优");
    expect(p.origin.cells.declaredGrade).toBe(`B${rows.length}`);
  });

  it("reads 「自评等级：良」 written in one cell at the end of the 总分 row", () => {
    const rows = centralForm({});
    rows[rows.length - 1] = [...rows[rows.length - 1], "自评等级：良"];
    const p = readForms(book(sheet("表", rows)), rb)!.projects[0];
    expect(p.declaredGrade).toBe("良");
    expect(p.origin.cells.declaredGrade).toBe(`I${rows.length}`);
  });

  it("a form with an empty 自评等级 does not take the grade of the form above it", () => {
    const rows = [...centralForm({}), ["自评等级", "优"], ...centralForm({ name: "乙项目" }), ["自评等级", _]];
    const m = readForms(book(sheet("表", rows)), rb)!;
    expect(m.projects.map((p) => p.declaredGrade)).toEqual(["优", null]);
    expect(m.projects[1].origin.cells.declaredGrade).toBeUndefined();
  });

  it("leaves it empty when the form has none, and does not take the next form's title", () => {
    const rows = [...centralForm({}), ...centralForm({ name: "乙项目" })];
    const m = readForms(book(sheet("表", rows)), rb)!;
    expect(m.projects.map((p) => p.declaredGrade)).toEqual([null, null]);
  });
});

describe("a form's declared grade is checked like a list's", () => {
  it("E008 points at the grade cell when the form says 良 for a total of 99", async () => {
    const { analyse } = await import("../../engine/pipeline");
    const rows = [...centralForm({}), ["自评等级", "良"]];
    const a = analyse(book(sheet("表", rows)));
    expect(a.model.layout).toBe("form");
    expect(a.results.get(a.model.projects[0].id)?.totalScore).toBe(99);
    const e008 = a.findings.filter((f) => f.rule === "E008");
    expect(e008.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`表!B${rows.length}`]);
    expect(e008[0].message).toContain("良");
  });
});
