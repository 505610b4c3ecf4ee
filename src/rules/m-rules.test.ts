import { runRuleCases, type Case, type InvalidCase, type RuleCases } from "./testing/tester";
import { INDICATOR_SHEET, PROJECT_SHEET, makeBook, type IndicatorSpec, type ProjectSpec } from "./testing/book";
import { getPreset } from "../rulebook/load";
import { evaluate } from "../scoring/evaluate";
import { M001 } from "./M001-budget-light";
import { M002 } from "./M002-cumulative-light";
import { M003 } from "./M003-level-light";
import { M004 } from "./M004-reason-missing";
import { M005 } from "./M005-possibility";
import { M006 } from "./M006-idle-money";
import { M_RULES } from "./m-rules";

const AS_OF = "2024-07-31"; // 序时进度 7/12

function withResults<C extends Case>(c: C): C {
  const c2 = { ...c, asOf: c.asOf ?? AS_OF };
  const rb = c2.options?.rulebook ?? getPreset();
  const book = makeBook(c2.projects, c2.options);
  c2.tweak?.(book);
  return { ...c2, results: evaluate(book, rb, c2.asOf) };
}
function cases(r: RuleCases): RuleCases {
  return { valid: r.valid.map(withResults), invalid: r.invalid.map((c) => withResults(c) as InvalidCase) };
}

/** Rows 2–4, all green at July 31: 1200 人次 (expected 700), 合格率 ≥95 %, 满意度 ≥90 %. */
function inds(over: Partial<IndicatorSpec>[] = []): IndicatorSpec[] {
  const base: IndicatorSpec[] = [
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥1200人次", current: 700 },
    { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: "≥95%", current: "96%" },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", current: "92%" },
  ];
  return base.map((b, i) => ({ ...b, ...(over[i] ?? {}) }));
}
/** Budget 120, 累计执行 70 = 序时进度 (green). */
function proj(p: Partial<ProjectSpec> = {}, over: Partial<IndicatorSpec>[] = []): ProjectSpec {
  return { budget: 120, cumulativeSpent: 70, indicators: inds(over), ...p };
}
const I = (cell: string) => `${INDICATOR_SHEET}!${cell}`;
const P = (cell: string) => `${PROJECT_SHEET}!${cell}`;

runRuleCases(
  M001,
  cases({
    valid: [
      { name: "on time progress", projects: [proj()] },
      { name: "ratio exactly 80 % is green", projects: [proj({ cumulativeSpent: 56 })] },
      { name: "no budget: no light", projects: [proj({ budget: undefined })] },
    ],
    invalid: [
      {
        name: "ratio 34 % red (error)",
        projects: [proj({ cumulativeSpent: 24 })],
        errors: [{ cell: P("N2"), severity: "error", messageIncludes: ["20.0%", "58.3%", "34.3%", "红灯"] }],
      },
      { name: "ratio exactly 60 % yellow (warning)", projects: [proj({ cumulativeSpent: 42 })], errors: [{ cell: P("N2"), severity: "warning", messageIncludes: ["黄灯"] }] },
      {
        name: "no 累计执行数: 全年执行数 cell",
        projects: [proj({ cumulativeSpent: undefined, spent: 30 }), proj({ cumulativeSpent: 70 })],
        errors: [{ cell: P("G2"), severity: "error" }],
      },
    ],
  }),
);

runRuleCases(
  M002,
  cases({
    valid: [
      { name: "exactly on expected", projects: [proj()] },
      { name: "80 % of expected (560) is green", projects: [proj({}, [{ current: 560 }])] },
      { name: "rates are not cumulative", projects: [proj({}, [{}, { current: "50%" }])] },
    ],
    invalid: [
      { name: "419 of 700 red", projects: [proj({}, [{ current: 419, reason: "x" }])], errors: [{ cell: I("L2"), severity: "error", messageIncludes: ["700", "59.9%"] }] },
      { name: "420 of 700 yellow", projects: [proj({}, [{ current: 420 }])], errors: [{ cell: I("L2"), severity: "warning", messageIncludes: ["60.0%"] }] },
      { name: "840 of 700 blue", projects: [proj({}, [{ current: 840 }])], errors: [{ cell: I("L2"), severity: "info", messageIncludes: ["120.0%", "蓝灯"] }] },
    ],
  }),
);

runRuleCases(
  M003,
  cases({
    valid: [
      { name: "rates at or above target", projects: [proj()] },
      { name: "cumulative indicators are M002's business", projects: [proj({}, [{ current: 10 }])] },
      { name: "反向 cost within its ceiling", projects: [proj({}, [{}, { l2: "成本指标", name: "人均培训成本", target: "≤0.2万元", current: "0.15万元" }])] },
    ],
    invalid: [
      { name: "合格率 90 % (short by more than 4.75) red", projects: [proj({}, [{}, { current: "90%" }])], errors: [{ cell: I("L3"), severity: "error", messageIncludes: ["90%", "≥95%"] }] },
      { name: "满意度 86 % within 5 % of 90 → yellow", projects: [proj({}, [{}, {}, { current: "86%" }])], errors: [{ cell: I("L4"), severity: "warning" }] },
      { name: "反向 cost over its ceiling", projects: [proj({}, [{}, { l2: "成本指标", name: "人均培训成本", target: "≤0.2万元", current: "0.3万元" }])], errors: [{ cell: I("L3"), severity: "error", messageIncludes: ["上限"] }] },
      {
        name: "qualitative 部分达成 yellow",
        projects: [proj({}, [{}, {}, { target: "达成年度指标", current: "部分达成年度指标并具有一定效果" }])],
        errors: [{ cell: I("L4"), severity: "warning" }],
      },
    ],
  }),
);

runRuleCases(
  M004,
  cases({
    valid: [
      { name: "all green", projects: [proj()] },
      { name: "red with a reason", projects: [proj({}, [{ current: 100, reason: "经费保障：资金未到位" }])] },
      { name: "blue needs no reason", projects: [proj({}, [{ current: 900, reason: "" }])] },
    ],
    invalid: [
      { name: "red, empty reason cell", projects: [proj({}, [{ current: 100, reason: "" }])], errors: [{ cell: I("K2"), messageIncludes: ["红灯"] }] },
      {
        name: "yellow without a reason column: points at 当前完成值",
        projects: [proj({}, [{}, { current: "93%" }])],
        errors: [{ cell: I("L3"), messageIncludes: ["黄灯"] }],
      },
    ],
  }),
);

runRuleCases(
  M005,
  cases({
    valid: [
      { name: "确定能 with a forecast at target", projects: [proj({}, [{ forecast: "1200人次", possibility: "确定能" }])] },
      { name: "有可能 below target", projects: [proj({}, [{ forecast: 1000, possibility: "有可能" }])] },
      { name: "完全不可能 with a reason", projects: [proj({}, [{ forecast: 500, possibility: "完全不可能", reason: "经费保障：资金削减" }])] },
    ],
    invalid: [
      { name: "确定能 with a forecast below target", projects: [proj({}, [{ forecast: 1000, possibility: "确定能" }])], errors: [{ cell: I("N2"), messageIncludes: ["1000", "≥1200人次"] }] },
      { name: "完全不可能 without reason", projects: [proj({}, [{}, { forecast: "80%", possibility: "完全不可能" }])], errors: [{ cell: I("N3") }] },
      { name: "确定能 for a 反向 forecast above the ceiling", projects: [proj({}, [{}, { l2: "成本指标", name: "成本", target: "≤0.2万元", forecast: "0.25万元", possibility: "确定能" }])], errors: [{ cell: I("N3") }] },
    ],
  }),
);

runRuleCases(
  M006,
  cases({
    valid: [
      { name: "forecast spends the budget", projects: [proj({ forecastSpent: 120 })] },
      { name: "exactly 10 % left", projects: [proj({ forecastSpent: 108 })] },
      { name: "no forecast", projects: [proj()] },
    ],
    invalid: [
      { name: "20 % left", projects: [proj({ forecastSpent: 96 })], errors: [{ cell: P("O2"), severity: "info", messageIncludes: ["24.00", "20.0%"] }] },
      { name: "half left, second project", projects: [proj({ forecastSpent: 120 }), proj({ forecastSpent: 60 })], errors: [{ cell: P("O3") }] },
    ],
  }),
);

describe("M rules", () => {
  it("M_RULES lists M001–M006, monitoring only", () => {
    expect(M_RULES.map((r) => r.meta.id)).toEqual(["M001", "M002", "M003", "M004", "M005", "M006"]);
    for (const r of M_RULES) expect(r.meta.modes).toEqual(["运行监控"]);
  });
});
