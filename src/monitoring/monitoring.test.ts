import { getPreset } from "../rulebook/load";
import type { Light } from "../engine/results";
import { EMPTY, date, ind, num, project, tier } from "../scoring/testing/fixtures";
import { budgetLightFor, indicatorLight, isIsoDate, timeProgressIn, monitorProject, monitoringKindOf, timeProgress, worstLight } from "./monitor";

const rb = getPreset("central-2020");
const JULY = 7 / 12;

describe("timeProgress", () => {
  it("July 31 by month is 7/12", () => {
    expect(timeProgress("2024-07-31", "month")).toBeCloseTo(7 / 12, 12);
    expect(timeProgress("2024-07-01", "month")).toBeCloseTo(7 / 12, 12);
    expect(timeProgress("2024-12-31", "month")).toBe(1);
  });
  it("by days: elapsed days including the date / days in year", () => {
    expect(timeProgress("2024-07-31", "days")).toBeCloseTo(213 / 366, 12); // leap year
    expect(timeProgress("2023-07-31", "days")).toBeCloseTo(212 / 365, 12);
    expect(timeProgress("2023-12-31", "days")).toBe(1);
  });
  it("refuses a malformed date", () => {
    expect(() => timeProgress("31/07/2024", "month")).toThrow();
  });
});

describe("timeProgressIn / isIsoDate", () => {
  it("clamps to the budget year", () => {
    expect(timeProgressIn("2025-03-31", "month", 2024)).toBe(1);
    expect(timeProgressIn("2023-12-31", "month", 2024)).toBe(0);
    expect(timeProgressIn("2024-03-31", "month", 2024)).toBe(0.25);
    expect(timeProgressIn("2024-03-31", "month", null)).toBe(0.25);
  });
  it("validates ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024/07/31")).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe("budget light (ratio = 执行率 ÷ 序时进度)", () => {
  it.each<[number, Light]>([
    [0.59, "red"],
    [0.6, "yellow"],
    [0.79, "yellow"],
    [0.8, "green"],
    [1.5, "green"],
  ])("%p → %s", (ratio, light) => expect(budgetLightFor(ratio, rb)).toBe(light));

  it("uses 累计执行数 before 全年执行数, against 全年预算数", () => {
    // 7/12 of 120 = 70; 累计 42 → 0.35 / 0.5833 = 0.6 → yellow
    const m = monitorProject(project({ budget: 120, spent: 999, cumulativeSpent: 42 }), rb, "2024-07-31");
    expect(m.executionRate).toBe(0.35);
    expect(m.budgetRatio).toBeCloseTo(0.6, 12);
    expect(m.budgetLight).toBe("yellow");
  });
  it("a zero budget gives no light and no throw", () => {
    const m = monitorProject(project({ budget: 0, spent: 5 }), rb, "2024-07-31");
    expect(m.budgetLight).toBeNull();
    expect(m.light).toBeNull();
  });
  it("thresholds come from the rulebook", () => {
    const strict = getPreset();
    strict.monitoring.budgetRed = 0.9;
    expect(budgetLightFor(0.85, strict)).toBe("red");
  });
});

describe("indicator lights", () => {
  const cum = (current: number) => ind(num("≥", 1200, "人次"), EMPTY, { current: num(null, current, "人次") });
  // expected at July = 1200 × 7/12 = 700
  it.each<[number, Light]>([
    [419, "red"], // 0.598
    [420, "yellow"], // 0.6
    [559, "yellow"],
    [560, "green"], // 0.8
    [839, "green"],
    [840, "blue"], // 1.2
  ])("cumulative 人次: current %p of expected 700 → %s", (current, light) => {
    const l = indicatorLight(cum(current), rb, JULY);
    expect(l.kind).toBe("cumulative");
    expect(l.expected).toBeCloseTo(700, 9);
    expect(l.light).toBe(light);
  });

  it("satisfaction (%, under a cumulative 二级) is a level, never pro-rated", () => {
    const i = ind(num("≥", 90, "%"), EMPTY, { level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度", current: num(null, 93, "%") });
    expect(monitoringKindOf(i, rb)).toBe("level");
    expect(indicatorLight(i, rb, JULY).light).toBe("green");
  });
  it("a 率 name is a level even with a count unit", () => {
    const i = ind(num("≥", 95, "个"), EMPTY, { name: "覆盖率", current: num(null, 95, "个") });
    expect(monitoringKindOf(i, rb)).toBe("level");
  });
  it("质量 indicators are levels", () => {
    const i = ind(num("≥", 100, "个"), EMPTY, { level2: "质量指标" });
    expect(monitoringKindOf(i, rb)).toBe("level");
  });
  it("反向 count under 数量 is a level", () => {
    const i = ind(num("≤", 5, "次"), EMPTY);
    expect(monitoringKindOf(i, rb)).toBe("level");
  });

  // level ≥ 95 %: tolerance 5 % of 95 = 4.75 → ≥ 90.25 yellow
  it.each<[number, Light]>([
    [95, "green"],
    [99, "green"],
    [90.25, "yellow"],
    [90.24, "red"],
  ])("level ≥95%%: current %p → %s", (current, light) => {
    const i = ind(num("≥", 95, "%"), EMPTY, { level2: "质量指标", name: "合格率", current: num(null, current, "%") });
    expect(indicatorLight(i, rb, JULY).light).toBe(light);
  });
  // reverse ≤ 100 万元: within 105 yellow
  it.each<[number, Light]>([
    [80, "green"],
    [100, "green"],
    [105, "yellow"],
    [105.01, "red"],
  ])("level ≤100万元: current %p → %s", (current, light) => {
    const i = ind(num("≤", 100, "万元"), EMPTY, { level2: "成本指标", name: "培训成本", current: num(null, current, "万元") });
    expect(indicatorLight(i, rb, JULY).light).toBe(light);
  });
  it("qualitative tiers: 达成 green, 部分 yellow, 未达成 red", () => {
    const mk = (t: "achieved" | "partial" | "failed") => indicatorLight(ind(tier("achieved"), EMPTY, { current: tier(t) }), rb, JULY);
    expect(mk("achieved")).toMatchObject({ kind: "qualitative", light: "green" });
    expect(mk("partial").light).toBe("yellow");
    expect(mk("failed").light).toBe("red");
  });
  it("dates: not later than the target green, else red", () => {
    const i = (d: string) => indicatorLight(ind(date("2024-06-30"), EMPTY, { level2: "时效指标", current: date(d) }), rb, JULY).light;
    expect(i("2024-06-30")).toBe("green");
    expect(i("2024-07-10")).toBe("red");
  });
  it("no current value: no light", () => {
    expect(indicatorLight(cum(0), rb, JULY).light).toBe("red");
    expect(indicatorLight(ind(num("≥", 1200, "人次"), EMPTY), rb, JULY).light).toBeNull();
  });
});

describe("project light", () => {
  it("worst of budget and indicators: red > yellow > green > blue", () => {
    expect(worstLight(["blue", "green"])).toBe("green");
    expect(worstLight(["blue", null])).toBe("blue");
    expect(worstLight(["green", "yellow", "blue"])).toBe("yellow");
    expect(worstLight(["yellow", "red"])).toBe("red");
    expect(worstLight([null])).toBeNull();
  });
  it("a green budget with a red indicator is red", () => {
    const m = monitorProject(
      project({ budget: 120, cumulativeSpent: 70, indicators: [ind(num("≥", 1200, "人次"), EMPTY, { current: num(null, 100, "人次") })] }),
      rb,
      "2024-07-31",
    );
    expect(m.budgetLight).toBe("green");
    expect(m.light).toBe("red");
  });
});
