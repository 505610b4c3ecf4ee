import { makeBook, soundIndicators } from "../rules/testing/book";
import { getPreset } from "../rulebook/load";
import { evaluate, resolveAsOf } from "./evaluate";

const rb = getPreset("central-2020");

describe("evaluate", () => {
  it("self-evaluation: scores, grade and a suggestion, every indicator filled", () => {
    const book = makeBook([
      {
        budget: 100,
        spent: 95,
        indicators: [
          { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次", actual: "520人次" },
          { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: "≥95%", actual: "90%" },
          { l1: "效益指标", l2: "社会效益指标", name: "新增就业人数", target: "≥200人", actual: "200人" },
          { l1: "满意度指标", l2: "服务对象满意度指标", name: "满意度", target: "≥90%", actual: "92%" },
        ],
      },
    ]);
    expect(book.modes).toContain("绩效自评");
    const r = evaluate(book, rb, null).get("P001")!;
    // 产出 25 + 25 × 90/95 = 48.684…, 效益 30, 满意度 10 → 88.684…; execution 9.5 → 98.18
    expect(r.executionScore).toBe(9.5);
    expect(r.indicatorScore).toBe(88.68);
    expect(r.totalScore).toBe(98.18);
    expect(r.grade).toBe("优");
    expect(r.suggestion?.action).toBe("优先保障");
    expect(Object.values(r.indicators)).toHaveLength(4);
    for (const i of Object.values(r.indicators)) expect(i.weight).not.toBeNull();
    expect(r.light).toBeNull();
  });

  it("monitoring: lights, time progress and a recovery suggestion for a red budget", () => {
    const book = makeBook([{ budget: 120, cumulativeSpent: 24, indicators: [{ l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥1200人次", current: "700人次" }] }]);
    expect(book.modes).toEqual(["目标审核", "运行监控"]);
    const r = evaluate(book, rb, "2024-07-31").get("P001")!;
    expect(r.timeProgress).toBeCloseTo(7 / 12, 12);
    expect(r.budgetLight).toBe("red");
    expect(r.light).toBe("red");
    const ind = Object.values(r.indicators)[0];
    expect(ind).toMatchObject({ light: "green", monitoringKind: "cumulative" });
    expect(r.grade).toBeNull();
    expect(r.suggestion).toMatchObject({ action: "建议按支出进度收回", amount: 46 });
  });

  it("monitoring without any as-of date gives no lights", () => {
    const book = makeBook([{ budget: 120, cumulativeSpent: 24, indicators: soundIndicators() }]);
    const r = evaluate(book, rb, null).get("P001")!;
    expect(r.light).toBeNull();
    expect(r.suggestion).toBeNull();
  });

  it("the as-of date: argument, then the sheet's, then the preset's", () => {
    const book = makeBook([], { asOfInSheet: "2024-06-30" });
    expect(resolveAsOf(book, rb, "2024-07-31")).toBe("2024-07-31");
    expect(resolveAsOf(book, rb, null)).toBe("2024-06-30");
    const withDefault = getPreset();
    withDefault.monitoring.asOf = "2024-09-30";
    expect(resolveAsOf(makeBook([]), withDefault, null)).toBe("2024-09-30");
  });

  it("an invalid as-of date is ignored (no throw): the sheet's date is used, else no lights", () => {
    const spec = [{ budget: 120, cumulativeSpent: 24, indicators: soundIndicators() }];
    expect(evaluate(makeBook(spec), rb, "2024-13-01").get("P001")!.light).toBeNull();
    const r = evaluate(makeBook(spec, { asOfInSheet: "2024-06-30" }), rb, "2024-02-30").get("P001")!;
    expect(r.timeProgress).toBe(0.5);
  });

  it("an as-of date after the budget year is 100 % time progress", () => {
    const book = makeBook([{ budget: 120, cumulativeSpent: 100, indicators: soundIndicators() }], { year: 2023 });
    const r = evaluate(book, rb, "2024-07-31").get("P001")!;
    expect(r.timeProgress).toBe(1);
    expect(r.budgetLight).toBe("green"); // 83 % of 100 %
  });

  it("target review only: weights filled, no score, no grade", () => {
    const book = makeBook([{ budget: 100, indicators: soundIndicators() }]);
    const r = evaluate(book, rb, null).get("P001")!;
    expect(r.totalScore).toBeNull();
    expect(Object.values(r.indicators).every((i) => i.weight !== null && i.score === null)).toBe(true);
  });
});
