import { getPreset } from "../rulebook/load";
import type { ProjectResult } from "../engine/results";
import { emptyResult } from "../scoring/project";
import { project } from "../scoring/testing/fixtures";
import { suggest } from "./suggest";

const rb = getPreset("central-2020");

function graded(grade: string, total: number, executionRate: number | null): ProjectResult {
  return { ...emptyResult(project({})), grade, totalScore: total, executionRate };
}

describe("suggest: grade table", () => {
  it.each([
    ["优", 95, "优先保障", 100, 0],
    ["良", 85, "据实保障", 100, 0],
    ["中", 70, "核减并整改", 90, -10],
    ["差", 50, "大幅核减", 50, -50],
  ] as const)("%s → %s, %p", (grade, total, action, amount, change) => {
    const s = suggest(project({ budget: 100, spent: 95 }), graded(grade, total, 0.95), rb, "绩效自评", { unit: "万元" });
    expect(s).toMatchObject({ action, amount, change });
    expect(s?.reason).toContain(`等级“${grade}”`);
    expect(s?.reason).toContain(`${amount.toFixed(2)} 万元`);
    expect(s?.reasonEn).toContain(`grade “${grade}”`);
  });

  it("one-off project graded 差 → 0, 不再安排同类项目", () => {
    const s = suggest(project({ budget: 80, spent: 78, attribute: "一次性项目" }), graded("差", 40, 0.975), rb, "绩效自评");
    expect(s?.amount).toBe(0);
    expect(s?.change).toBe(-80);
    expect(s?.action).toContain("不再安排同类项目");
    expect(s?.reason).toContain("一次性项目");
  });
  it("a recurring project graded 差 keeps 50 %", () => {
    const s = suggest(project({ budget: 80, spent: 78, attribute: "经常性" }), graded("差", 40, 0.975), rb, "绩效自评");
    expect(s?.amount).toBe(40);
  });

  it("execution cap: 执行率 < 80 % caps the amount at 全年执行数 × 1.1, with the memo sentence", () => {
    const s = suggest(project({ budget: 100, spent: 56 }), graded("中", 72.5, 0.56), rb, "绩效自评", { unit: "万元" });
    expect(s?.amount).toBe(61.6);
    expect(s?.change).toBe(-38.4);
    expect(s?.reason).toBe(
      "自评总分 72.50 分，等级“中”，执行率 56.0%，低于 80%，按“核减并整改”下调至 90%，并以全年执行数的 1.1 倍封顶，建议安排 61.60 万元（较本年减少 38.40 万元）。",
    );
  });
  it("the cap does not apply at 执行率 80 % exactly", () => {
    const s = suggest(project({ budget: 100, spent: 80 }), graded("良", 85, 0.8), rb, "绩效自评");
    expect(s?.amount).toBe(100);
    expect(s?.reason).not.toContain("封顶");
  });
  it("the cap applies only when it binds (below 80 % but cap above the table amount)", () => {
    // 差: 50 % of 100 = 50; cap 79 × 1.1 = 86.9 does not bind
    const s = suggest(project({ budget: 100, spent: 79 }), graded("差", 50, 0.79), rb, "绩效自评");
    expect(s?.amount).toBe(50);
    expect(s?.reason).not.toContain("封顶");
  });
  it("amounts in the sheet's unit, rounded to 2 decimals", () => {
    const s = suggest(project({ budget: 1234567.891, spent: 1234567.891 }), graded("中", 65, 1), rb, "绩效自评", { unit: "元" });
    expect(s?.amount).toBe(1111111.1);
    expect(s?.reason).toContain("1111111.10 元");
  });
  it("no grade or no budget → null", () => {
    expect(suggest(project({ budget: 100 }), emptyResult(project({})), rb, "绩效自评")).toBeNull();
    expect(suggest(project({ budget: null }), graded("优", 95, null), rb, "绩效自评")).toBeNull();
  });
  it("five-grade preset: 低 → 70 %", () => {
    const s = suggest(project({ budget: 100, spent: 100 }), graded("低", 65, 1), getPreset("five-grade"), "绩效自评");
    expect(s).toMatchObject({ action: "核减", amount: 70, change: -30 });
  });
});

describe("suggest: monitoring recovery", () => {
  const mon = (light: "red" | "yellow" | "green"): ProjectResult => ({ ...emptyResult(project({})), timeProgress: 7 / 12, budgetLight: light });

  it("red budget light: 建议按支出进度收回 budget × (序时进度 − 执行率)", () => {
    // 120 × (7/12 − 24/120) = 70 − 24 = 46
    const s = suggest(project({ budget: 120, cumulativeSpent: 24 }), mon("red"), rb, "运行监控", { unit: "万元", asOf: "2024-07-31" });
    expect(s?.action).toBe("建议按支出进度收回");
    expect(s?.amount).toBe(46);
    expect(s?.change).toBe(-46);
    expect(s?.reason).toContain("截至 2024-07-31");
    expect(s?.reason).toContain("序时进度 58.3%");
    expect(s?.reason).toContain("执行率 20.0%");
    expect(s?.reason).toContain("收回 46.00 万元");
  });
  it("yellow: no recovery", () => {
    const s = suggest(project({ budget: 120, cumulativeSpent: 45 }), mon("yellow"), rb, "运行监控");
    expect(s?.amount).toBe(0);
    expect(s?.action).not.toBe("建议按支出进度收回");
  });
  it("green: carry on", () => {
    const s = suggest(project({ budget: 120, cumulativeSpent: 70 }), mon("green"), rb, "运行监控");
    expect(s).toMatchObject({ amount: 0, change: 0 });
  });
  it("no light → null", () => {
    expect(suggest(project({ budget: 120 }), { ...emptyResult(project({})), timeProgress: 0.5 }, rb, "运行监控")).toBeNull();
  });
});
