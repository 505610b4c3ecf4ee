import type { Indicator } from "../model/model";
import type { ParsedValue } from "../parse/types";
import { getPreset } from "../rulebook/load";
import type { Rulebook } from "../rulebook/schema";
import { scoreIndicator, inBand, tierBand } from "./score";
import { gradeFor, scoreProject, weightsFor } from "./project";
import { EMPTY, date, ind, num, project, tier } from "./testing/fixtures";

const central = getPreset("central-2020");

function withScoring(patch: Partial<Rulebook["scoring"]>): Rulebook {
  const rb = getPreset("central-2020");
  rb.scoring = { ...rb.scoring, ...patch };
  return rb;
}

interface Row {
  name: string;
  target: ParsedValue;
  actual: ParsedValue;
  weight?: number | null;
  declared?: number;
  rulebook?: Rulebook;
  score: number | null;
  fullMarks?: boolean;
  overAchieved?: boolean;
  ratio?: number | null;
}

const ratioRb = withScoring({ reverse: "ratio" });

/** Worked examples: one row per scoring branch and boundary (weight 10 unless given). */
const TABLE: Row[] = [
  // 正向 ≥ / ＞ / bare
  { name: "≥ met exactly", target: num("≥", 500, "人次"), actual: num(null, 500, "人次"), score: 10, fullMarks: true, ratio: 1 },
  { name: "≥ short: actual/target × weight", target: num("≥", 500, "人次"), actual: num(null, 400, "人次"), score: 8, fullMarks: false, ratio: 0.8 },
  { name: "≥ short, rounded half-up", target: num("≥", 3, "个"), actual: num(null, 2, "个"), score: 6.67 },
  { name: "＞ treated as ≥", target: num(">", 100, "户"), actual: num(null, 50, "户"), score: 5 },
  { name: "bare target read as ≥", target: num(null, 10, "辆"), actual: num(null, 12, "辆"), score: 10, overAchieved: false },
  { name: "bare target short", target: num(null, 10, "辆"), actual: num(null, 7, "辆"), score: 7 },
  { name: "≥ negative actual clamps to 0", target: num("≥", 10, "个"), actual: num(null, -5, "个"), score: 0 },
  // over-achievement (flag only, at 130 %)
  { name: "129 % is not over-achieved", target: num("≥", 100, "人"), actual: num(null, 129, "人"), score: 10, overAchieved: false },
  { name: "130 % is over-achieved, full marks", target: num("≥", 100, "人"), actual: num(null, 130, "人"), score: 10, overAchieved: true, ratio: 1.3 },
  { name: "over-achievement is not flagged on 反向", target: num("≤", 100, "万元"), actual: num(null, 10, "万元"), score: 10, overAchieved: false },
  // target 0
  { name: "≥0: actual 0 full", target: num("≥", 0, "起"), actual: num(null, 0, "起"), score: 10, ratio: null },
  { name: "≥0: positive actual full", target: num("≥", 0, "起"), actual: num(null, 3, "起"), score: 10 },
  { name: "＝0: actual 0 full", target: num("=", 0, "起"), actual: num(null, 0, "起"), score: 10 },
  { name: "＝0: actual 1 zero", target: num("=", 0, "起"), actual: num(null, 1, "起"), score: 0 },
  { name: "≤0: actual 0 full", target: num("≤", 0, "起"), actual: num(null, 0, "起"), score: 10 },
  { name: "≤0: actual 2 zero", target: num("≤", 0, "起"), actual: num(null, 2, "起"), score: 0 },
  // ＝ as 正向
  { name: "＝ met", target: num("=", 4, "次"), actual: num(null, 4, "次"), score: 10 },
  { name: "＝ short scored as 正向", target: num("=", 4, "次"), actual: num(null, 3, "次"), score: 7.5 },
  // 反向 linear (default)
  { name: "≤ within target", target: num("≤", 90, "万元"), actual: num(null, 85, "万元"), score: 10, fullMarks: true },
  { name: "≤ at target", target: num("≤", 90, "万元"), actual: num(null, 90, "万元"), score: 10 },
  { name: "≤ 10 % over, linear", target: num("≤", 100, "万元"), actual: num(null, 110, "万元"), score: 9 },
  { name: "≤ 50 % over, linear", target: num("≤", 100, "万元"), actual: num(null, 150, "万元"), score: 5 },
  { name: "≤ exactly twice the target, linear → 0", target: num("≤", 100, "万元"), actual: num(null, 200, "万元"), score: 0 },
  { name: "≤ beyond twice the target, linear → 0", target: num("≤", 100, "万元"), actual: num(null, 300, "万元"), score: 0 },
  { name: "＜ scored like ≤", target: num("<", 5, "天"), actual: num(null, 6, "天"), score: 8 },
  // 反向 ratio preset
  { name: "≤ 50 % over, ratio", target: num("≤", 100, "万元"), actual: num(null, 150, "万元"), rulebook: ratioRb, score: 6.67 },
  { name: "≤ twice the target, ratio → half", target: num("≤", 100, "万元"), actual: num(null, 200, "万元"), rulebook: ratioRb, score: 5 },
  { name: "≤ within target, ratio", target: num("≤", 100, "万元"), actual: num(null, 80, "万元"), rulebook: ratioRb, score: 10 },
  // units
  { name: "万元 target, 元 actual converted", target: num("≤", 90, "万元"), actual: num(null, 900000, "元"), score: 10 },
  { name: "元 target, 万元 actual converted (over)", target: num("≤", 900000, "元"), actual: num(null, 135, "万元"), score: 5 },
  { name: "% target, bare actual read as %", target: num("≥", 95, "%"), actual: num(null, 76), score: 8 },
  { name: "% target, % actual", target: num("≥", 95, "%"), actual: num(null, 97, "%"), score: 10 },
  { name: "% target, money actual: not comparable", target: num("≥", 95, "%"), actual: num(null, 97, "万元"), score: null },
  // dates
  { name: "date: on the deadline full", target: date("2024-12-31"), actual: date("2024-12-31"), score: 10 },
  { name: "date: earlier full", target: date("2024-12-31"), actual: date("2024-10-15"), score: 10 },
  { name: "date: later zero", target: date("2024-06-30"), actual: date("2024-07-01"), score: 0, fullMarks: false },
  { name: "date target, number actual: no score", target: date("2024-06-30"), actual: num(null, 5), score: null },
  // qualitative: tier value without a declared score
  { name: "达成 without declared score → 100 %", target: tier("achieved"), actual: tier("achieved"), score: 10 },
  { name: "部分达成 without declared score → 70 %", target: tier("achieved"), actual: tier("partial"), score: 7 },
  { name: "未达成 without declared score → 30 %", target: tier("achieved"), actual: tier("failed"), score: 3 },
  // qualitative: declared score on each band edge (weight 10: 达成 [8, 10], 部分 [6, 8), 未达成 [0, 6))
  { name: "达成 declared 8 (lower edge) accepted", target: tier("achieved"), actual: tier("achieved"), declared: 8, score: 8 },
  { name: "达成 declared 10 (upper edge, inclusive) accepted", target: tier("achieved"), actual: tier("achieved"), declared: 10, score: 10 },
  { name: "达成 declared 7.99 (below band) → tier value", target: tier("achieved"), actual: tier("achieved"), declared: 7.99, score: 10 },
  { name: "部分 declared 6 (lower edge) accepted", target: tier("achieved"), actual: tier("partial"), declared: 6, score: 6 },
  { name: "部分 declared 7.99 accepted", target: tier("achieved"), actual: tier("partial"), declared: 7.99, score: 7.99 },
  { name: "部分 declared 8 (upper edge, exclusive) → tier value", target: tier("achieved"), actual: tier("partial"), declared: 8, score: 7 },
  { name: "未达成 declared 0 (lower edge) accepted", target: tier("achieved"), actual: tier("failed"), declared: 0, score: 0 },
  { name: "未达成 declared 6 (upper edge, exclusive) → tier value", target: tier("achieved"), actual: tier("failed"), declared: 6, score: 3 },
  { name: "qualitative actual, text target (定性)", target: { kind: "text", text: "定性" }, actual: tier("partial"), score: 7 },
  { name: "qualitative actual against a number target: no score", target: num("≥", 5, "个"), actual: tier("achieved"), score: null },
  // missing inputs
  { name: "no actual: no score", target: num("≥", 5, "个"), actual: EMPTY, score: null },
  { name: "no weight: no score", target: num("≥", 5, "个"), actual: num(null, 5, "个"), weight: null, score: null },
  { name: "text target: no score", target: { kind: "text", text: "进一步提高" }, actual: num(null, 5, "个"), score: null },
  { name: "weight 7.5, short", target: num("≥", 200, "人"), actual: num(null, 150, "人"), weight: 7.5, score: 5.63 },
];

describe("scoreIndicator: worked examples", () => {
  it.each(TABLE.map((r) => [r.name, r] as const))("%s", (_name, r) => {
    const weight = r.weight === undefined ? 10 : r.weight;
    const s = scoreIndicator(ind(r.target, r.actual, { declaredScore: r.declared ?? null }), weight, r.rulebook ?? central);
    expect(s.score).toBe(r.score);
    if (r.fullMarks !== undefined) expect(s.fullMarks).toBe(r.fullMarks);
    if (r.overAchieved !== undefined) expect(s.overAchieved).toBe(r.overAchieved);
    if (r.ratio !== undefined) expect(s.ratio).toBe(r.ratio);
    if (r.score === null) expect(s.reason).toBeTruthy();
  });

  it("changing reverse to ratio changes the score", () => {
    const i = ind(num("≤", 100, "万元"), num(null, 125, "万元"));
    expect(scoreIndicator(i, 10, central).score).toBe(7.5);
    expect(scoreIndicator(i, 10, ratioRb).score).toBe(8);
  });

  it("tier bands: [lo, hi) except 达成 which includes 100 %", () => {
    expect(inBand(10, tierBand("achieved", 10, central))).toBe(true);
    expect(inBand(8, tierBand("partial", 10, central))).toBe(false);
    expect(inBand(5.99, tierBand("failed", 10, central))).toBe(true);
  });
});

/** An indicator of a category that scores `share` of its weight (actual = share × 100 of ≥100). */
function q(level1: Indicator["level1"], share: number, weight: number | null = null): Indicator {
  return ind(num("≥", 100, "个"), num(null, share * 100, "个"), { level1, weight });
}

describe("weightsFor", () => {
  it("splits the category weights evenly when the sheet gives none", () => {
    const a = q("产出指标", 1), b = q("产出指标", 1), c = q("效益指标", 1), d = q("满意度指标", 1);
    const w = weightsFor(project({ indicators: [a, b, c, d] }), central);
    expect(w.get(a.id)).toBe(25);
    expect(w.get(b.id)).toBe(25);
    expect(w.get(c.id)).toBe(30);
    expect(w.get(d.id)).toBe(10);
  });
  it("sheet weights win", () => {
    const a = q("产出指标", 1, 60), b = q("效益指标", 1, 30);
    const w = weightsFor(project({ indicators: [a, b] }), central);
    expect(w.get(a.id)).toBe(60);
    expect(w.get(b.id)).toBe(30);
  });
  it("sichuan-2023 requires sheet weights: none given → null", () => {
    const a = q("产出指标", 1);
    expect(weightsFor(project({ indicators: [a] }), getPreset("sichuan-2023")).get(a.id)).toBeNull();
  });
  it("an unrecognised 一级 gets no weight", () => {
    const a = ind(num("≥", 1, "个"), num(null, 1, "个"), { level1: null });
    expect(weightsFor(project({ indicators: [a] }), central).get(a.id)).toBeNull();
  });
});

describe("scoreProject", () => {
  const full = () => [q("产出指标", 1), q("效益指标", 1), q("满意度指标", 1)];

  it("execution + indicators, grade 优", () => {
    const r = scoreProject(project({ budget: 120, spent: 108, indicators: full() }), central);
    expect(r.executionRate).toBe(0.9);
    expect(r.executionScore).toBe(9);
    expect(r.indicatorScore).toBe(90);
    expect(r.totalScore).toBe(99);
    expect(r.maxScore).toBe(100);
    expect(r.grade).toBe("优");
    expect(Object.keys(r.indicators)).toHaveLength(3);
  });

  it("执行率 over 100 % scores the full execution weight but the rate is not capped", () => {
    const r = scoreProject(project({ budget: 100, spent: 110, indicators: full() }), central);
    expect(r.executionRate).toBe(1.1);
    expect(r.executionScore).toBe(10);
  });

  it("falls back to 年初预算数 when there is no 全年预算数", () => {
    const r = scoreProject(project({ budget: null, initialBudget: 200, spent: 150, indicators: full() }), central);
    expect(r.executionRate).toBe(0.75);
    expect(r.executionScore).toBe(7.5);
  });

  it("a zero budget gives executionRate null, no throw", () => {
    const r = scoreProject(project({ budget: 0, spent: 10, indicators: full() }), central);
    expect(r.executionRate).toBeNull();
    expect(r.executionScore).toBeNull();
    expect(r.totalScore).toBe(90);
  });

  it("a missing budget gives executionRate null", () => {
    const r = scoreProject(project({ budget: null, initialBudget: null, spent: 10, indicators: full() }), central);
    expect(r.executionRate).toBeNull();
  });

  // 89.994 vs 89.995: execution 8.994 / 8.995 + indicators 81.
  const eightyOne = () => [q("产出指标", 0.92), q("效益指标", 1), q("满意度指标", 0.5)]; // 46 + 30 + 5 = 81
  it("89.994 → 89.99 良", () => {
    const r = scoreProject(project({ budget: 1000, spent: 899.4, indicators: eightyOne() }), central);
    expect(r.indicatorScore).toBe(81);
    expect(r.totalScore).toBe(89.99);
    expect(r.grade).toBe("良");
  });
  it("89.995 → 90.00 优 (decimal, half-up)", () => {
    const r = scoreProject(project({ budget: 1000, spent: 899.5, indicators: eightyOne() }), central);
    expect(r.totalScore).toBe(90);
    expect(r.grade).toBe("优");
  });
  it("gradeFor works on the displayed total", () => {
    expect(gradeFor(89.994, central)).toBe("良");
    expect(gradeFor(89.995, central)).toBe("优");
    expect(gradeFor(90, central)).toBe("优");
    expect(gradeFor(80, central)).toBe("良");
    expect(gradeFor(79.99, central)).toBe("中");
    expect(gradeFor(60, central)).toBe("中");
    expect(gradeFor(59.99, central)).toBe("差");
    expect(gradeFor(0, central)).toBe("差");
  });
  it("a total of exactly 60 is 中", () => {
    // execution 10 + 产出 50 × 40 % + 效益 30 + 满意度 0 = 60
    const r = scoreProject(project({ budget: 100, spent: 100, indicators: [q("产出指标", 0.4, 50), q("效益指标", 1, 30), q("满意度指标", 0, 10)] }), central);
    expect(r.totalScore).toBe(60);
    expect(r.grade).toBe("中");
  });

  it("five-grade preset: 70 中, 69.99 低, 60 低, 59.99 差", () => {
    const five = getPreset("five-grade");
    expect(gradeFor(70, five)).toBe("中");
    expect(gradeFor(69.99, five)).toBe("低");
    expect(gradeFor(60, five)).toBe("低");
    expect(gradeFor(59.99, five)).toBe("差");
    const r = scoreProject(project({ budget: 100, spent: 50, indicators: [q("产出指标", 0.6, 60), q("效益指标", 1, 30)] }), five);
    expect(r.totalScore).toBe(71); // 5 + 36 + 30
    expect(r.grade).toBe("中");
  });

  it("sichuan-2023 with sheet weights scores by them", () => {
    const sc = getPreset("sichuan-2023");
    const r = scoreProject(project({ budget: 100, spent: 95, indicators: [q("产出指标", 0.5, 40), q("产出指标", 1, 20), q("效益指标", 1, 20), q("满意度指标", 1, 10)] }), sc);
    expect(r.executionScore).toBe(9.5);
    expect(r.indicatorScore).toBe(70);
    expect(r.totalScore).toBe(79.5);
    expect(r.grade).toBe("中");
  });
  it("sichuan-2023 without sheet weights: no indicator score, no grade", () => {
    const r = scoreProject(project({ indicators: full() }), getPreset("sichuan-2023"));
    expect(r.indicatorScore).toBeNull();
    expect(r.totalScore).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.executionScore).toBe(10);
  });

  it("an absent category is not moved: max shrinks, total not rescaled", () => {
    const r = scoreProject(project({ indicators: [q("产出指标", 1), q("效益指标", 1)] }), central);
    expect(r.maxScore).toBe(90);
    expect(r.totalScore).toBe(90);
    expect(r.grade).toBe("优");
    const r2 = scoreProject(project({ indicators: [q("产出指标", 1)] }), central);
    expect(r2.maxScore).toBe(60);
    expect(r2.totalScore).toBe(60);
  });

  it("an indicator that cannot be scored counts 0 but keeps score null", () => {
    const missing = ind(num("≥", 100, "个"), EMPTY, { level1: "满意度指标" });
    const r = scoreProject(project({ indicators: [q("产出指标", 1), q("效益指标", 1), missing] }), central);
    expect(r.indicators[missing.id].score).toBeNull();
    expect(r.indicatorScore).toBe(80);
    expect(r.maxScore).toBe(100);
  });

  it("evenly split thirds add back up", () => {
    const r = scoreProject(project({ indicators: [q("产出指标", 1), q("产出指标", 1), q("产出指标", 1), q("效益指标", 1), q("满意度指标", 1)] }), central);
    expect(r.indicatorScore).toBe(90);
    expect(r.totalScore).toBe(100);
  });
});
