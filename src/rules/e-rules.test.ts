import { runRuleCases, type Case, type InvalidCase, type RuleCases } from "./testing/tester";
import { INDICATOR_SHEET, PROJECT_SHEET, makeBook, type IndicatorSpec, type ProjectSpec } from "./testing/book";
import { getPreset } from "../rulebook/load";
import { evaluate } from "../scoring/evaluate";
import { E001 } from "./E001-actual-missing";
import { E002 } from "./E002-tier-unrecognised";
import { E003 } from "./E003-score-differs";
import { E004 } from "./E004-score-over-weight";
import { E005 } from "./E005-reason-missing";
import { E006 } from "./E006-over-achieved";
import { E007 } from "./E007-execution-reason";
import { E008, normaliseGrade } from "./E008-total-grade";
import { E009 } from "./E009-tier-band";
import { E_RULES } from "./e-rules";

/** Attach the results evaluate() computes for the case's book, as the engine does. */
function withResults<C extends Case>(c: C): C {
  const rb = c.options?.rulebook ?? getPreset();
  const book = makeBook(c.projects, c.options);
  c.tweak?.(book);
  return { ...c, results: evaluate(book, rb, c.asOf ?? null) };
}
function cases(r: RuleCases): RuleCases {
  return { valid: r.valid.map(withResults), invalid: r.invalid.map((c) => withResults(c) as InvalidCase) };
}

/** Three indicators at full marks: 产出 50 + 效益 30 + 满意度 10 (rows 2–4). */
function inds(over: Partial<IndicatorSpec>[] = []): IndicatorSpec[] {
  const base: IndicatorSpec[] = [
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次", actual: "500人次", weight: 50 },
    { l1: "效益指标", l2: "社会效益指标", name: "新增就业人数", target: "≥200人", actual: "200人", weight: 30 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", actual: "92%", weight: 10 },
  ];
  return base.map((b, i) => ({ ...b, ...(over[i] ?? {}) }));
}
function proj(p: Partial<ProjectSpec> = {}, over: Partial<IndicatorSpec>[] = []): ProjectSpec {
  return { budget: 100, spent: 95, indicators: inds(over), ...p };
}
const qual = (actual: string, score?: number): Partial<IndicatorSpec> => ({ target: "达成年度指标", actual, score, unit: undefined });
const I = (cell: string) => `${INDICATOR_SHEET}!${cell}`;
const P = (cell: string) => `${PROJECT_SHEET}!${cell}`;

runRuleCases(
  E001,
  cases({
    valid: [
      { name: "every actual filled", projects: [proj()] },
      { name: "qualitative actual filled", projects: [proj({}, [{}, qual("达成年度指标")])] },
      { name: "target review only (no actual column)", projects: [{ budget: 100, indicators: [{ l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次" }] }] },
    ],
    invalid: [
      { name: "one actual empty", projects: [proj({}, [{}, { actual: undefined }])], errors: [{ cell: I("H3"), messageIncludes: ["新增就业人数"] }] },
      {
        name: "two projects, one empty each",
        projects: [proj({}, [{ actual: undefined }]), proj({}, [{}, {}, { actual: undefined }])],
        errors: [{ cell: I("H2"), severity: "error" }, { cell: I("H7") }],
      },
    ],
  }),
);

runRuleCases(
  E002,
  cases({
    valid: [
      { name: "recognised tier", projects: [proj({}, [{}, qual("达成年度指标")])] },
      { name: "partial tier", projects: [proj({}, [{}, qual("部分达成年度指标并具有一定效果")])] },
      { name: "a numeric actual for a numeric target", projects: [proj({}, [{ actual: "480人次" }])] },
      {
        name: "text actual already reported as unreadable (D005)",
        projects: [proj({}, [{ actual: "见附件" }])],
        tweak: (b) => {
          b.unreadable.push({ sheet: INDICATOR_SHEET, cell: "H2", field: "actual", raw: "见附件", reason: "text", projectId: "P001" });
        },
      },
    ],
    invalid: [
      { name: "「基本完成」 is no tier", projects: [proj({}, [{}, qual("基本完成工作")])], errors: [{ cell: I("H3"), messageIncludes: ["基本完成工作"] }] },
      { name: "「见附件」 for a qualitative target", projects: [proj({}, [{}, {}, qual("见附件")])], errors: [{ cell: I("H4") }] },
      { name: "tier word 「基本满意」 for a ≥90% target", projects: [proj({}, [{}, {}, { actual: "基本满意" }])], errors: [{ cell: I("H4"), messageIncludes: ["基本满意", "≥90%"] }] },
      { name: "「见附件」 for a ≥200人 target", projects: [proj({}, [{}, { actual: "见附件" }])], errors: [{ cell: I("H3"), messageIncludes: ["见附件"] }] },
    ],
  }),
);

runRuleCases(
  E003,
  cases({
    valid: [
      { name: "declared equals recomputed", projects: [proj({}, [{ actual: "400人次", score: 40 }])] },
      { name: "within 0.5", projects: [proj({}, [{ actual: "400人次", score: 40.5 }])] },
      { name: "qualitative scores are E009's business", projects: [proj({}, [{}, { ...qual("达成年度指标"), score: 5 }])] },
      { name: "over the weight is E004's business", projects: [proj({}, [{ score: 55 }])] },
    ],
    invalid: [
      {
        name: "declared 50, recomputed 40",
        projects: [proj({}, [{ actual: "400人次", score: 50, reason: "疫情影响" }])],
        errors: [{ cell: I("J2"), messageIncludes: ["50 分", "40 分"] }],
      },
      {
        name: "declared 28 on a full-marks indicator (30)",
        projects: [proj({}, [{}, { score: 28 }])],
        errors: [{ cell: I("J3"), messageIncludes: ["28 分", "30 分"] }],
      },
      {
        name: "tolerance from the rulebook",
        options: { rulebook: { ...getPreset(), scoring: { ...getPreset().scoring, scoreTolerance: 0.1 } } },
        projects: [proj({}, [{ actual: "400人次", score: 40.3 }])],
        errors: [{ cell: I("J2") }],
      },
    ],
  }),
);

runRuleCases(
  E004,
  cases({
    valid: [
      { name: "score equals the weight", projects: [proj({}, [{ score: 50 }])] },
      { name: "score below the weight", projects: [proj({}, [{ actual: "400人次", score: 40 }])] },
    ],
    invalid: [
      { name: "55 of 50", projects: [proj({}, [{ score: 55 }])], errors: [{ cell: I("J2"), severity: "error", messageIncludes: ["55", "50"] }] },
      { name: "10.5 of 10", projects: [proj({}, [{}, {}, { score: 10.5 }])], errors: [{ cell: I("J4") }] },
      {
        name: "against the preset's split weight when the sheet gives none",
        projects: [proj({}, [{ weight: undefined, score: 55 }, { weight: undefined }, { weight: undefined }])],
        errors: [{ cell: I("J2"), messageIncludes: ["50"] }],
      },
    ],
  }),
);

runRuleCases(
  E005,
  cases({
    valid: [
      { name: "all at full marks", projects: [proj()] },
      { name: "below full marks with a reason", projects: [proj({}, [{ actual: "400人次", reason: "部分学员因疫情未能参训，下年度增加线上课程" }])] },
      { name: "no actual: E001's business", projects: [proj({}, [{ actual: undefined }])] },
    ],
    invalid: [
      { name: "400 of 500 with an empty reason cell", projects: [proj({}, [{ actual: "400人次", reason: "" }])], errors: [{ cell: I("K2"), messageIncludes: ["40 分", "50 分"] }] },
      {
        name: "reason column absent: points at the actual cell",
        projects: [proj({}, [{}, {}, { actual: "80%" }])],
        tweak: (b) => {
          b.indicatorFields = b.indicatorFields.filter((f) => f !== "reason");
        },
        errors: [{ cell: I("H4") }],
      },
      { name: "qualitative 部分达成 without reason", projects: [proj({}, [{ reason: "已完成" }, qual("部分达成年度指标并具有一定效果")])], errors: [{ cell: I("K3") }] },
    ],
  }),
);

runRuleCases(
  E006,
  cases({
    valid: [
      { name: "129 %", projects: [proj({}, [{ actual: "645人次" }])] },
      { name: "150 % with a reason", projects: [proj({}, [{ actual: "750人次", reason: "追加培训班次" }])] },
      { name: "反向 far below target", projects: [proj({}, [{ l2: "成本指标", name: "培训成本", target: "≤100万元", actual: "10万元" }])] },
    ],
    invalid: [
      { name: "130 % exactly", projects: [proj({}, [{ actual: "650人次" }])], errors: [{ cell: I("H2"), messageIncludes: ["130.0%"] }] },
      { name: "200 %", projects: [proj({}, [{}, { actual: "400人" }])], errors: [{ cell: I("H3"), messageIncludes: ["200.0%", "≥200人"] }] },
    ],
  }),
);

runRuleCases(
  E007,
  cases({
    valid: [
      { name: "执行率 95 %", projects: [proj({ spent: 95 })] },
      { name: "执行率 90 % exactly", projects: [proj({ spent: 90 })] },
      { name: "执行率 70 % with a reason", projects: [proj({ spent: 70, executionReason: "项目延期" })] },
      { name: "no budget: nothing to compare", projects: [proj({ budget: undefined, spent: 10 })] },
    ],
    invalid: [
      { name: "执行率 89 %", projects: [proj({ spent: 89, executionReason: "" })], errors: [{ cell: P("G2"), messageIncludes: ["89.0%", "90%"] }] },
      {
        name: "no reason column and no indicator reason",
        projects: [proj({ spent: 50 })],
        errors: [{ cell: P("G2"), messageIncludes: ["50.0%"] }],
      },
    ],
  }),
);

runRuleCases(
  E008,
  cases({
    valid: [
      { name: "declared total and grade match", projects: [proj({ declaredTotal: 99.5, declaredGrade: "优" })] },
      { name: "「优秀」 reads as 优, total within 0.5", projects: [proj({ declaredTotal: 99.2, declaredGrade: "优秀" })] },
      {
        name: "an indicator that cannot be scored (E001 reports it) leaves the total unjudged",
        projects: [proj({ declaredTotal: 99.5, declaredGrade: "优" }, [{ actual: undefined }])],
      },
    ],
    invalid: [
      {
        name: "total 95 vs 99.50",
        projects: [proj({ declaredTotal: 95, declaredGrade: "优" })],
        errors: [{ cell: P("L2"), messageIncludes: ["95 分", "99.50 分"] }],
      },
      {
        name: "grade 优 for 89.50",
        projects: [proj({ declaredTotal: 89.5, declaredGrade: "优" }, [{ actual: "400人次", reason: "部分学员未参训" }])],
        errors: [{ cell: P("M2"), messageIncludes: ["“良”"] }],
      },
      {
        name: "both wrong",
        projects: [proj({ declaredTotal: 100, declaredGrade: "优" }, [{ actual: "250人次", reason: "x" }])],
        errors: [{ cell: P("L2") }, { cell: P("M2") }],
      },
    ],
  }),
);

runRuleCases(
  E009,
  cases({
    valid: [
      { name: "达成 at 80 % (band edge)", projects: [proj({}, [{}, qual("达成年度指标", 24)])] },
      { name: "达成 at 100 % (band edge, inclusive)", projects: [proj({}, [{}, qual("达成年度指标", 30)])] },
      { name: "部分 at 60 %", projects: [proj({}, [{}, qual("部分达成年度指标并具有一定效果", 18)])] },
      { name: "no declared score", projects: [proj({}, [{}, qual("未达成年度指标且效果较差")])] },
    ],
    invalid: [
      { name: "部分 at 80 % (upper edge excluded)", projects: [proj({}, [{}, qual("部分达成年度指标并具有一定效果", 24)])], errors: [{ cell: I("J3"), messageIncludes: ["18–24"] }] },
      { name: "达成 at 70 %", projects: [proj({}, [{}, qual("达成年度指标", 21)])], errors: [{ cell: I("J3"), messageIncludes: ["24–30"] }] },
      { name: "未达成 at 60 %", projects: [proj({}, [{}, qual("未达成年度指标且效果较差", 18)])], errors: [{ cell: I("J3") }] },
    ],
  }),
);

describe("E rules", () => {
  it("E_RULES lists E001–E009 in order, self-evaluation only", () => {
    expect(E_RULES.map((r) => r.meta.id)).toEqual(["E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009"]);
    for (const r of E_RULES) expect(r.meta.modes).toEqual(["绩效自评"]);
  });
  it("normaliseGrade", () => {
    const g = ["优", "良", "中", "差"];
    expect(normaliseGrade("优秀", g)).toBe("优");
    expect(normaliseGrade("良好", g)).toBe("良");
    expect(normaliseGrade("中等", g)).toBe("中");
    expect(normaliseGrade("较差", g)).toBe("差");
    expect(normaliseGrade(" 良 ", g)).toBe("良");
    expect(normaliseGrade("A", g)).toBe("A");
  });
});
