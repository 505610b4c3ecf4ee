import type { CellValue, SheetSnapshot } from "../core/grid";
import { assignRoles, classify, findHeader, readAboveHeader, scanBook } from "./detect";
import { MergedGrid } from "./grid";
import { buildSynonymIndex } from "./synonyms";

const idx = buildSynonymIndex();
const sheet = (name: string, values: CellValue[][], merges: string[] = []): SheetSnapshot => ({ name, values, merges, formats: {} });

describe("findHeader", () => {
  it("finds a header below title and unit rows (up to row 15 and beyond the first)", () => {
    const rows: CellValue[][] = [["2024年度项目支出绩效自评表"], ["填报单位：某局", null, "单位：万元"]];
    for (let i = 0; i < 12; i++) rows.push([]);
    rows.push(["序号", "项目名称", "主管部门", "全年预算数"], [1, "甲", "局", 5]);
    const h = findHeader(new MergedGrid(sheet("s", rows, ["A1:D1"])), idx)!;
    expect(h.row).toBe(14);
    expect([...h.project.entries()]).toEqual([
      ["name", 1],
      ["department", 2],
      ["budget", 3],
    ]);
  });

  it("prefers the sub-header row of a two-row header and records suffix units from the band", () => {
    const g = new MergedGrid(sheet("s", [["项目名称", "项目资金（元）", null], [null, "年初预算数", "全年执行数"], ["甲", 1, 2]], ["A1:A2", "B1:C1"]));
    const h = findHeader(g, idx)!;
    expect(h.row).toBe(1);
    expect(h.top).toBe(0);
    expect(h.project.get("name")).toBe(0);
    expect(h.project.get("initialBudget")).toBe(1);
    expect(h.units.get(1)).toBe("元");
    expect(h.units.get(2)).toBe("元");
  });

  it("does not take a data row for the header", () => {
    const g = new MergedGrid(sheet("s", [["项目名称", "部门", "预算数"], ["甲", null, null], [null, null, null]]));
    expect(findHeader(g, idx)!.row).toBe(0);
  });

  it("returns null for a sheet with no known header", () => {
    expect(findHeader(new MergedGrid(sheet("s", [["a", "b"], [1, 2]])), idx)).toBeNull();
  });
});

describe("classify and roles", () => {
  const proj = sheet("项目", [["项目编码", "项目名称", "主管部门", "全年预算数"]]);
  const ind = sheet("指标", [["项目编码", "项目名称", "一级指标", "三级指标", "指标值"]]);
  it("tells project, indicator and combined sheets apart", () => {
    const h = findHeader(new MergedGrid(ind), idx)!;
    expect(classify(h)).toEqual({ projectish: true, indicatorish: true });
    expect(classify(findHeader(new MergedGrid(proj), idx)!)).toEqual({ projectish: true, indicatorish: false });
    // With a separate project sheet the indicator sheet only references projects…
    expect([...assignRoles(scanBook({ name: "b", sheets: [proj, ind] }, idx))]).toEqual([
      ["项目", "projects"],
      ["指标", "indicators"],
    ]);
    // …without one it is the project list too.
    expect([...assignRoles(scanBook({ name: "b", sheets: [ind] }, idx))]).toEqual([["指标", "combined"]]);
  });
  it("does not take a sheet with a single stray synonym for data", () => {
    expect(scanBook({ name: "b", sheets: [sheet("说明", [["项目"], ["本表说明"]]), sheet("x", [["单位", "得分"]])] }, idx)).toEqual([]);
  });
});

describe("readAboveHeader", () => {
  it("reads unit line, year and as-of date written in various ways", () => {
    const g = new MergedGrid(sheet("s", [["2024年度部门项目绩效运行监控表（金额单位：元）"], ["监控截止日期", null, "2024年7月31日"], ["项目名称"]]));
    expect(readAboveHeader(g, 2)).toEqual({ unit: "元", year: 2024, asOf: "2024-07-31" });
    const g2 = new MergedGrid(sheet("s", [["截止日期：2024.6.30", "单位:万元"], ["项目名称"]]));
    expect(readAboveHeader(g2, 1)).toEqual({ unit: "万元", year: null, asOf: "2024-06-30" });
  });
});

describe("year-prefixed headers", () => {
  const h = (cells: CellValue[]) => findHeader(new MergedGrid(sheet("s", [cells])), idx)!;
  it("reads 「2024年预算数」「2024年执行数」 as this year's columns", () => {
    const c = h(["项目名称", "2024年预算数", "2024年执行数"]);
    expect(Object.fromEntries(c.project)).toEqual({ name: 0, initialBudget: 1, spent: 2 });
  });
  it("keeps only the latest year's figures when several years appear", () => {
    const c = h(["项目名称", "2023年执行数", "2024年预算数", "2024年执行数"]);
    expect(Object.fromEntries(c.project)).toEqual({ name: 0, initialBudget: 2, spent: 3 });
  });
  it("an earlier year's 实际完成值 is last year's actual; a plain header wins over a year-prefixed one", () => {
    const c = h(["三级指标", "指标值", "2023年实际完成值", "实际完成值"]);
    expect(Object.fromEntries(c.indicator)).toEqual({ name: 0, target: 1, lastYear: 2, actual: 3 });
    const d = h(["三级指标", "2024年度指标值", "2023年实际完成值", "2024年实际完成值"]);
    expect(Object.fromEntries(d.indicator)).toEqual({ name: 0, target: 1, lastYear: 2, actual: 3 });
  });
});

describe("two-row header with many unmerged single-row columns", () => {
  it("still takes the lower row, so the band's sub-headers are read", () => {
    const top: CellValue[] = ["项目编码", "项目名称", "主管部门", "实施单位", "项目属性", "资金性质", "年度总体目标", "项目开始时间", "项目结束时间", "分值", "项目资金", null, null];
    const sub: CellValue[] = [null, null, null, null, null, null, null, null, null, null, "年初预算数", "全年预算数", "全年执行数"];
    const h = findHeader(new MergedGrid(sheet("s", [top, sub, ["P1", "甲"]], ["K1:M1"])), idx)!;
    expect(h.row).toBe(1);
    expect(h.top).toBe(0);
    expect(Object.fromEntries(h.project)).toMatchObject({ code: 0, name: 1, goal: 6, initialBudget: 10, budget: 11, spent: 12 });
  });
});

describe("as-of date implied by a title", () => {
  it.each([
    ["2024年1-6月项目绩效运行监控表", "2024-06-30"],
    ["截至2024年7月31日项目执行情况", "2024-07-31"],
    ["截止2024年9月底", "2024-09-30"],
    ["2024年1至2月执行进度", "2024-02-29"],
    ["2024年度项目支出绩效自评表", null],
  ])("%s → %s", (title, iso) => {
    const g = new MergedGrid(sheet("s", [[title], ["项目名称"]]));
    expect(readAboveHeader(g, 1).asOf).toBe(iso);
  });
  it("an explicit 监控截止日期 wins over the title", () => {
    const g = new MergedGrid(sheet("s", [["2024年1-6月项目绩效运行监控表"], ["监控截止日期：2024-06-25"], ["项目名称"]]));
    expect(readAboveHeader(g, 2).asOf).toBe("2024-06-25");
  });
});
