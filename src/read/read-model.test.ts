import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { getPreset } from "../rulebook/load";
import { readModel } from "./read-model";
import { eachCell, hasCell, rawOf } from "../model/model";
import { runRules } from "../rules/run";
import { D_RULES } from "../rules/d-rules";

const rb = getPreset();

function sheet(name: string, values: CellValue[][], merges: string[] = [], formats: Record<string, string> = {}, visibility?: SheetSnapshot["visibility"]): SheetSnapshot {
  return { name, values, merges, formats, ...(visibility ? { visibility } : {}) };
}
function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "t.xlsx", sheets };
}

const PROJECTS = sheet("项目表", [
  ["2024年度项目支出绩效自评表"],
  ["单位：万元", null, null, null, null, null, "监控截止日期：", "2024年7月31日"],
  ["项目编码", "项目名称", "主管部门", "年初预算数", "全年预算数", "全年执行数", "年度总体目标"],
  ["P001", "职业技能培训", "人社局", 100, 120, 110, "全年培训500人次，合格率95%以上，带动就业200人"],
  ["P002", "农村道路养护", "交通局", 300, null, 280, "养护农村道路100公里，路况优良率90%以上"],
  [null, null, null, null, null, null, null],
  ["合计", null, null, 400, 120, 390, null],
  ["注：金额单位为万元。"],
], ["A1:G1"]);

const INDICATORS = sheet("指标表", [
  ["项目编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "实际完成值"],
  ["P001", "产出指标", "数量指标", "培训人次", "≥", 500, "人次", 520],
  ["P001", null, "质量指标", "培训合格率", "≥", 95, "%", 96],
  ["P001", "效益指标", "社会效益指标", "带动就业人数", "≥", 200, "人", 210],
  ["P002", "产出", "数量", "养护里程", "≥", 100, "公里", 100],
  ["P002", null, null, "路况优良率", "≥", 0.9, "%", 0.92],
  ["P009", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 93],
], ["B2:B3"], { F6: "0%", H6: "0%" });

describe("readModel: project and indicator lists", () => {
  const m = readModel(book(PROJECTS, INDICATORS), rb);

  it("detects both sheets with header rows, columns and unit", () => {
    expect(m.layout).toBe("list");
    expect(m.detections).toEqual([
      { sheet: "项目表", role: "projects", headerRow: 3, columns: { code: "A", name: "B", department: "C", initialBudget: "D", budget: "E", spent: "F", goal: "G" }, unit: "万元" },
      {
        sheet: "指标表",
        role: "indicators",
        headerRow: 1,
        columns: { projectCode: "A", level1: "B", level2: "C", name: "D", operator: "E", target: "F", unit: "G", actual: "H" },
        unit: "万元",
      },
    ]);
    expect(m.unit).toBe("万元");
    expect(m.year).toBe(2024);
    expect(m.asOfInSheet).toBe("2024-07-31");
    expect(m.modes).toEqual(["目标审核", "绩效自评"]);
    expect(m.projectFields.sort()).toEqual(["budget", "code", "department", "goal", "initialBudget", "name", "spent"]);
    expect(m.indicatorFields).toContain("actual");
    expect(m.missing).toEqual([]);
  });

  it("reads projects, skipping blank, subtotal and note rows", () => {
    expect(m.projects.map((p) => [p.id, p.name, p.department, p.initialBudget, p.budget, p.spent])).toEqual([
      ["P001", "职业技能培训", "人社局", 100, 120, 110],
      // No adjusted figure: 全年预算数 falls back to 年初预算数.
      ["P002", "农村道路养护", "交通局", 300, 300, 280],
    ]);
    const p = m.projects[0];
    expect(p.origin).toMatchObject({ sheet: "项目表", row: 4, cells: { code: "A4", name: "B4", spent: "F4" }, raw: { spent: 110 } });
  });

  it("attaches indicators by code, fills 一级/二级 down, canonicalises names", () => {
    const [a, b] = m.projects;
    expect(a.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "培训人次"],
      ["产出指标", "质量指标", "培训合格率"],
      ["效益指标", "社会效益指标", "带动就业人数"],
    ]);
    expect(a.indicators[1].origin.cells.level1).toBe("B2");
    expect(a.indicators[0].target).toEqual({ kind: "number", operator: "≥", value: 500, unit: "人次", approx: false });
    expect(b.indicators[0]).toMatchObject({ level1: "产出指标", level1Text: "产出", level2: "数量指标", level2Text: "数量" });
    // Blank 一级/二级 below are filled from the row above within the same project.
    expect(b.indicators[1]).toMatchObject({ level1: "产出指标", level2: "数量指标", name: "路况优良率" });
    // 0.9 formatted as a percentage is 90 %.
    expect(b.indicators[1].target).toMatchObject({ kind: "number", value: 90, unit: "%" });
  });

  it("works an indicator's cell addresses out when asked, the same as read (and says which fields have one without working them out)", () => {
    const fresh = readModel(book(PROJECTS, INDICATORS), rb);
    const fields = ["projectCode", "projectName", "level1", "level2", "name", "operator", "target", "unit", "actual", "weight", "score", "reason", "current", "forecast", "possibility", "lastYear"] as const;
    for (const ind of fresh.projects.flatMap((p) => p.indicators)) {
      const has = fields.map((f) => hasCell(ind.origin, f));
      const each: [string, string][] = [];
      eachCell(ind.origin, (f, address) => each.push([f, address]));
      const cells = ind.origin.cells;
      expect(each).toEqual(Object.entries(cells));
      expect(has).toEqual(fields.map((f) => cells[f] !== undefined));
      expect(Object.keys(cells)).toEqual(["projectCode", "level1", "level2", "name", "operator", "target", "unit", "actual"]);
      expect(ind.origin.cells).toBe(cells); // worked out once
      // The raw values likewise: one at a time without the record, then the record, the same.
      const one = fields.map((f) => rawOf(ind.origin, f));
      expect(Object.keys(ind.origin.raw)).toEqual(Object.keys(cells));
      expect(fields.map((f) => ind.origin.raw[f])).toEqual(one);
      expect(ind.origin.raw).toBe(ind.origin.raw);
      expect(cells.name).toBe(`D${ind.origin.row}`);
    }
    // 一级 filled down from the row above: its address is that row's cell.
    expect(fresh.projects[0].indicators[1].origin.cells).toMatchObject({ level1: "B2", name: "D3" });
    expect(fresh.projects[0].indicators[1].origin.raw).toMatchObject({ level1: "产出指标" });
  });

  it("keeps indicators naming an unknown project as orphans, with the project cell", () => {
    expect(m.orphans).toHaveLength(1);
    expect(m.orphans[0]).toMatchObject({ projectText: "P009", cell: "A7" });
    expect(m.orphans[0].indicator.name).toBe("群众满意度");
  });
});

describe("readModel: header layouts", () => {
  it("reads a two-row header: 项目资金 merged over 年初预算数 | 全年预算数 | 全年执行数", () => {
    const s = sheet(
      "自评表",
      [
        ["项目名称", "主管部门", "项目资金（万元）", null, null],
        [null, null, "年初预算数", "全年预算数", "全年执行数"],
        ["甲", "财政局", 10, 12, 11],
      ],
      ["A1:A2", "B1:B2", "C1:E1"],
    );
    const m = readModel(book(s), rb);
    expect(m.detections[0]).toMatchObject({ headerRow: 2, role: "projects", columns: { name: "A", department: "B", initialBudget: "C", budget: "D", spent: "E" }, unit: "万元" });
    expect(m.projects).toHaveLength(1);
    expect(m.projects[0]).toMatchObject({ name: "甲", initialBudget: 10, budget: 12, spent: 11 });
  });

  it("reads 指标 merged over 一级指标 | 二级指标 | 三级指标 next to an unmerged blank", () => {
    const s = sheet(
      "指标",
      [
        ["项目名称", "指标", null, null, "指标值"],
        [null, "一级指标", "二级指标", "三级指标", null],
        ["甲", "产出指标", "数量指标", "人次", "≥5人次"],
      ],
      ["B1:D1"],
    );
    const m = readModel(book(sheet("项目", [["项目名称", "主管部门"], ["甲", "局"]]), s), rb);
    const d = m.detections.find((x) => x.sheet === "指标")!;
    expect(d).toMatchObject({ role: "indicators", headerRow: 2, columns: { projectName: "A", level1: "B", level2: "C", name: "D", target: "E" } });
    expect(m.projects[0].indicators).toHaveLength(1);
    expect(m.projects[0].indicators[0].target).toMatchObject({ kind: "number", value: 5, operator: "≥" });
  });

  it("normalises header texts: full width, spaces, line breaks, required marks", () => {
    const s = sheet("项目", [["*项目\n名称", "主管　部门", "全年预算数（元）", "预算执行数（元）"], ["甲", "局", "１２", "1,234.5"]]);
    const m = readModel(book(s), rb);
    expect(m.detections[0]).toMatchObject({ columns: { name: "A", department: "B", budget: "C", spent: "D" }, unit: "元" });
    expect(m.unit).toBe("元");
    expect(m.projects[0]).toMatchObject({ budget: 12, spent: 1234.5 });
  });

  it("converts a column whose suffix differs from the sheet's unit", () => {
    const s = sheet("项目", [["项目名称", "部门", "全年预算数（万元）", "全年执行数（元）"], ["甲", "局", 12, 110000]]);
    const m = readModel(book(s), rb);
    expect(m.unit).toBe("万元");
    expect(m.projects[0]).toMatchObject({ budget: 12, spent: 11 });
  });

  it("takes the unit from a 「金额单位：元」 line, else the rulebook default", () => {
    const withLine = sheet("项目", [["金额单位：元"], ["项目名称", "部门", "预算数"], ["甲", "局", 5000]]);
    expect(readModel(book(withLine), rb).unit).toBe("元");
    const none = sheet("项目", [["项目名称", "部门", "预算数"], ["甲", "局", 5000]]);
    expect(readModel(book(none), { ...rb, defaultUnit: "元" }).unit).toBe("元");
    expect(readModel(book(none), rb).unit).toBe("万元");
  });

  it("ignores the add-in's result columns under 「绩效助手结果」", () => {
    const s = sheet(
      "项目",
      [
        [null, null, null, "绩效助手结果", null],
        ["项目名称", "部门", "全年预算数", "执行率", "总分"],
        ["甲", "局", 10, 0.9, 95],
      ],
      ["D1:E1"],
    );
    const m = readModel(book(s), rb);
    expect(m.detections[0].columns).toEqual({ name: "A", department: "B", budget: "C" });
    expect(m.projectFields).not.toContain("declaredTotal");
  });

  it("skips the add-in's own sheets and hidden sheets", () => {
    const own = (n: string) => sheet(n, [["项目名称", "部门"], ["X", "Y"]]);
    const m = readModel(book(own("_jixiao"), own("校验结果"), own("领导汇总"), own("运行记录"), sheet("藏", [["项目名称", "部门"], ["H", "Y"]], [], {}, "hidden"), own("项目")), rb);
    expect(m.detections.map((d) => d.sheet)).toEqual(["项目"]);
    expect(m.projects.map((p) => p.name)).toEqual(["X"]);
  });
});

describe("readModel: combined sheet", () => {
  const s = sheet(
    "绩效目标表",
    [
      ["项目编码", "项目名称", "年初预算数", "一级指标", "二级指标", "三级指标", "指标值"],
      ["A01", "培训", 100, "产出指标", "数量指标", "人次", "≥500人次"],
      [null, null, null, null, "质量指标", "合格率", "≥95%"],
      [null, null, null, "满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
      ["A02", "修路", 50, "产出指标", "数量指标", "里程", "≥10公里"],
      ["A02", "修路", 50, null, null, "优良率", "≥90%"],
      ["小计", null, 150, null, null, null, null],
    ],
    ["A2:A4", "B2:B4", "C2:C4", "D2:D3"],
  );
  const m = readModel(book(s), rb);
  it("detects one combined sheet", () => {
    expect(m.detections).toEqual([
      { sheet: "绩效目标表", role: "combined", headerRow: 1, columns: { code: "A", name: "B", initialBudget: "C", level1: "D", level2: "E", indicatorName: "F", target: "G" }, unit: "万元" },
    ]);
    expect(m.missing).toEqual([]);
  });
  it("makes one project per merged or repeated block, with its indicators", () => {
    expect(m.projects.map((p) => [p.code, p.name, p.initialBudget, p.indicators.map((i) => i.name)])).toEqual([
      ["A01", "培训", 100, ["人次", "合格率", "满意度"]],
      ["A02", "修路", 50, ["里程", "优良率"]],
    ]);
    expect(m.projects[0].indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["产出指标", "质量指标"],
      ["满意度指标", "服务对象满意度指标"],
    ]);
    expect(m.projects[1].indicators[1]).toMatchObject({ level1: "产出指标", level2: "数量指标" });
  });
});

describe("readModel: what cannot be read", () => {
  it("records unreadable numbers and Excel errors, leaving the field empty", () => {
    const p = sheet("项目", [
      ["项目编码", "项目名称", "全年预算数", "全年执行数"],
      ["P1", "甲", "约50万", { error: "#N/A" }],
      ["P2", "乙", "见附件", "五十"],
    ]);
    const i = sheet("指标", [
      ["项目编码", "三级指标", "指标值", "分值"],
      ["P1", "人次", { error: "#REF!" }, "十"],
    ]);
    const m = readModel(book(p, i), rb);
    expect(m.projects[0]).toMatchObject({ budget: null, spent: null });
    expect(m.unreadable.map((u) => [u.sheet, u.cell, u.field, u.projectId])).toEqual([
      ["项目", "C2", "budget", "P1"],
      ["项目", "C3", "budget", "P2"],
      ["项目", "D3", "spent", "P2"],
      ["指标", "D2", "weight", "P1"],
    ]);
    expect(m.cellErrors.map((e) => [e.sheet, e.cell, e.field, e.error])).toEqual([
      ["项目", "D2", "spent", "#N/A"],
      ["指标", "C2", "target", "#REF!"],
    ]);
    expect(m.projects[0].indicators[0].target).toEqual({ kind: "empty" });
  });

  it("reports missing required columns and sheets", () => {
    const p = sheet("项目", [["主管部门", "全年预算数", "年度总体目标"], ["局", 1, "x"]]);
    expect(readModel(book(p), rb).missing).toEqual([
      { sheet: null, headerRow: null, role: "projects", fields: [] },
      { sheet: null, headerRow: null, role: "indicators", fields: [] },
    ]);
    const p2 = sheet("项目", [["项目名称", "部门"], ["甲", "局"], ["乙", "局"]]);
    const i = sheet("指标", [["一级指标", "二级指标", "计量单位"], ["产出指标", "数量指标", "个"]]);
    expect(readModel(book(p2, i), rb).missing).toEqual([{ sheet: "指标", headerRow: 1, role: "indicators", fields: ["name", "target", "projectCode"] }]);
  });

  it("feeds the D rules: a sheet with problems gets its findings, a sound one none", () => {
    const sound = readModel(book(PROJECTS, sheet("指标表", INDICATORS.values.slice(0, 6), ["B2:B3"], { F6: "0%", H6: "0%" })), rb);
    expect(runRules(D_RULES, { book: sound, rulebook: rb })).toEqual([]);
    const withOrphan = readModel(book(PROJECTS, INDICATORS), rb);
    expect(runRules(D_RULES, { book: withOrphan, rulebook: rb }).map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["D002 指标表!A7"]);
  });
});

describe("readModel: details", () => {
  it("attaches by name when there is no code, and by name when the code is unknown", () => {
    const p = sheet("项目", [["项目编码", "项目名称", "部门"], ["P1", "甲 项目", "局"], [null, "乙", "局"]]);
    const i = sheet("指标", [["项目名称", "三级指标", "指标值"], ["甲项目", "a", 1], ["乙", "b", 2]]);
    const m = readModel(book(p, i), rb);
    expect(m.projects.map((x) => [x.id, x.indicators.length])).toEqual([
      ["P1", 1],
      ["项目!3", 1],
    ]);
  });

  it("attaches every indicator to the only project when the indicator sheet names none", () => {
    const p = sheet("项目", [["项目名称", "部门"], ["甲", "局"]]);
    const i = sheet("指标", [["一级指标", "三级指标", "指标值"], ["产出指标", "a", 1], [null, "b", 2]]);
    const m = readModel(book(p, i), rb);
    expect(m.projects[0].indicators.map((x) => x.name)).toEqual(["a", "b"]);
    expect(m.missing).toEqual([]);
  });

  it("fills a blank-repeated project code down the indicator sheet", () => {
    const p = sheet("项目", [["项目编码", "项目名称"], ["P1", "甲"], ["P2", "乙"]]);
    const i = sheet("指标", [["项目编码", "一级指标", "三级指标", "指标值"], ["P1", "产出指标", "a", 1], [null, null, "b", 2], ["P2", null, "c", 3]]);
    const m = readModel(book(p, i), rb);
    expect(m.projects.map((x) => x.indicators.map((y) => `${y.name}:${y.level1Text}`))).toEqual([["a:产出指标", "b:产出指标"], ["c:null"]]);
  });

  it("detects monitoring columns", () => {
    const p = sheet("项目", [["项目名称", "全年预算数", "1-7月执行数"], ["甲", 10, 5]]);
    const i = sheet("指标", [["项目名称", "三级指标", "指标值", "1-7月执行情况"], ["甲", "a", 100, 40]]);
    const m = readModel(book(p, i), rb);
    expect(m.modes).toEqual(["目标审核", "运行监控"]);
    expect(m.projects[0].cumulativeSpent).toBe(5);
    expect(m.projects[0].indicators[0].current).toMatchObject({ kind: "number", value: 40 });
  });

  it("gives duplicate codes distinct ids (the D004 finding keeps both)", () => {
    const p = sheet("项目", [["项目编码", "项目名称"], ["P1", "甲"], ["P1", "乙"]]);
    const m = readModel(book(p), rb);
    expect(m.projects.map((x) => x.id)).toEqual(["P1", "P1@项目!3"]);
  });

  it("applies the user's mapping corrections", () => {
    const p = sheet("项目", [["项目名称", "部门", "金额A", "金额B"], ["甲", "局", 10, 8]]);
    const m = readModel(book(p), rb, { mapping: { 项目: { budget: "C", spent: "D", department: null } } });
    expect(m.detections[0].columns).toEqual({ name: "A", budget: "C", spent: "D" });
    expect(m.projects[0]).toMatchObject({ budget: 10, spent: 8, department: null });
  });

  it("reads a sheet detection missed when the user mapped it", () => {
    const p = sheet("清单", [["名目", "钱"], ["甲", 10]]);
    const m = readModel(book(p), rb, { mapping: { 清单: { name: "A", budget: "B" } } });
    expect(m.detections[0]).toMatchObject({ sheet: "清单", role: "projects" });
    expect(m.projects.map((x) => [x.name, x.budget])).toEqual([["甲", 10]]);
  });

  it("reads dates, a loose year and an as-of serial next to its label", () => {
    const p = sheet(
      "项目",
      [["2023年项目执行情况"], ["截止日期", 45473], ["项目名称", "部门", "项目开始时间", "项目结束时间"], ["甲", "局", 45292, "2024年12月31日"]],
      [],
      { C4: "yyyy-mm-dd" },
    );
    const m = readModel(book(p), rb);
    expect(m.year).toBe(2023);
    expect(m.asOfInSheet).toBe("2024-06-30");
    expect(m.projects[0]).toMatchObject({ startDate: "2024-01-01", endDate: "2024-12-31" });
  });
});

describe("readModel: the add-in's labels in row 1 (no room for a band)", () => {
  it("ignores a trailing run of result labels ending with 问题数", () => {
    const s = sheet("项目", [["项目名称", "部门", "全年预算数", "执行率", "总分", "等级", "问题数"], ["甲", "局", 10, 0.9, 95, "优", 0]]);
    const m = readModel(book(s), rb);
    expect(m.detections[0].columns).toEqual({ name: "A", department: "B", budget: "C" });
  });
  it("keeps a user's own 总分 / 等级 columns", () => {
    const s = sheet("项目", [["项目名称", "部门", "全年预算数", "总分", "等级"], ["甲", "局", 10, 95, "优"]]);
    const m = readModel(book(s), rb);
    expect(m.detections[0].columns).toEqual({ name: "A", department: "B", budget: "C", declaredTotal: "D", declaredGrade: "E" });
  });
});

describe("readModel: group headings", () => {
  it("skips 「一、人社局」 rows between coded projects", () => {
    const s = sheet("项目", [
      ["项目编码", "项目名称", "全年预算数"],
      [null, "一、人社局", 300],
      ["P1", "培训", 100],
      [null, "（二）教育类", 200],
      ["P2", "营养餐", 200],
    ]);
    expect(readModel(book(s), rb).projects.map((p) => p.id)).toEqual(["P1", "P2"]);
  });
});

describe("readModel: rulebook synonyms", () => {
  it("reads a locality's own header words", () => {
    const s = sheet("项目", [["项目唯一码", "项目名称", "考核目标值"], ["X1", "甲", 1]]);
    const custom = { ...rb, synonyms: { code: ["项目唯一码"] } };
    expect(readModel(book(s), custom).projects[0].code).toBe("X1");
    // Without it the sheet has a name column only: not enough to call it a project list.
    expect(readModel(book(s), rb).projects).toEqual([]);
  });
});

describe("readModel: subtotal and note rows", () => {
  it("skips 合计 / 小计 / 总计 rows and notes but keeps look-alike project names", () => {
    const s = sheet("项目", [
      ["项目编码", "项目名称", "全年预算数"],
      ["P1", "总计划生育服务", 10],
      ["P2", "注册企业帮扶", 5],
      [null, "人社局小计", 15],
      ["合 计", null, 15],
      ["总计：", null, 15],
      ["填表说明：金额保留两位小数"],
      ["填报人：张三", null, null],
    ]);
    expect(readModel(book(s), rb).projects.map((p) => p.name)).toEqual(["总计划生育服务", "注册企业帮扶"]);
  });
});

describe("readModel: year-prefixed headers", () => {
  it("reads this year's columns and takes the budget year from them when no title gives it", () => {
    const s = sheet("项目", [["项目名称", "2023年执行数", "2024年预算数", "2024年执行数"], ["甲", 90, 100, 95]]);
    const m = readModel(book(s), rb);
    expect(m.year).toBe(2024);
    expect(m.projects[0]).toMatchObject({ initialBudget: 100, budget: 100, spent: 95 });
  });
});

describe("readModel: units written in amount cells", () => {
  it("converts 「50万」 in a 元 column and refuses a non-money unit", () => {
    const s = sheet("项目", [["项目名称", "部门", "全年预算数（元）", "全年执行数（元）"], ["甲", "局", "50万", "30人"]]);
    const m = readModel(book(s), rb);
    expect(m.projects[0].budget).toBe(500000);
    expect(m.projects[0].spent).toBeNull();
    expect(m.unreadable.map((u) => [u.cell, u.reason])).toEqual([["D2", "单位「人」不是金额单位"]]);
  });
});

describe("readModel: mapping on a combined sheet", () => {
  it("treats projectCode / projectName corrections as the project's code / name columns", () => {
    const s = sheet("表", [["编号", "项目名称", "三级指标", "指标值"], ["K1", "甲", "a", 1], [null, null, "b", 2]], ["A2:A3", "B2:B3"]);
    const m = readModel(book(s), rb, { mapping: { 表: { projectCode: "A" } } });
    expect(m.detections[0]).toMatchObject({ role: "combined", columns: { code: "A", name: "B", indicatorName: "C", target: "D" } });
    expect(m.projects.map((p) => [p.code, p.indicators.length])).toEqual([["K1", 2]]);
  });
});

describe("readModel: words that mean one thing per table", () => {
  it("自评得分 / 偏差原因 are the project's total and execution reason on a project list", () => {
    const p = sheet("项目", [["项目编码", "项目名称", "自评得分", "偏差原因"], ["P1", "甲", 88, "采购延迟"]]);
    const i = sheet("指标", [["项目编码", "三级指标", "指标值", "自评得分", "偏差原因"], ["P1", "a", 1, 9, "天气"]]);
    const m = readModel(book(p, i), rb);
    expect(m.projects[0]).toMatchObject({ declaredTotal: 88, executionReason: "采购延迟" });
    expect(m.projects[0].indicators[0]).toMatchObject({ declaredScore: 9, reason: "天气" });
  });
  it("…and the indicator's on a combined sheet", () => {
    const s = sheet("表", [["项目编码", "项目名称", "三级指标", "指标值", "自评得分", "偏差原因"], ["P1", "甲", "a", 1, 9, "天气"]]);
    const m = readModel(book(s), rb);
    expect(m.detections[0].columns).toEqual({ code: "A", name: "B", indicatorName: "C", target: "D", score: "E", reason: "F" });
    expect(m.projects[0]).toMatchObject({ declaredTotal: null, executionReason: null });
    expect(m.projects[0].indicators[0]).toMatchObject({ declaredScore: 9, reason: "天气" });
  });
});

describe("readModel: dashes and bare 亿", () => {
  it("reads 「-」「—」「/」「无」 in numeric cells as blank, 「1.2亿」 as 亿元", () => {
    const s = sheet("项目", [
      ["项目名称", "部门", "全年预算数", "全年执行数", "自评总分"],
      ["甲", "局", "1.2亿", "—", "-"],
      ["乙", "局", "/", "无", "－"],
    ]);
    const m = readModel(book(s), rb);
    expect(m.unreadable).toEqual([]);
    expect(m.projects.map((p) => [p.budget, p.spent, p.declaredTotal])).toEqual([
      [12000, null, null],
      [null, null, null],
    ]);
  });
});
