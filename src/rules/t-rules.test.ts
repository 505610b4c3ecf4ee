/**
 * Precision over recall (rules.md): the T rules together must stay silent on sound sheets,
 * whatever the mix of sound indicators, presets, units and weights.
 */
import fc from "fast-check";
import { T_RULES } from "./t-rules";
import { runRules } from "./run";
import { makeBook, type IndicatorSpec, type ProjectSpec } from "./testing/book";
import { getPreset } from "../rulebook/load";

const i = (l1: string, l2: string, name: string, target: string | number, extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({ l1, l2, name, target, ...extra });

const QUANTITY = [
  i("产出指标", "数量指标", "培训人次", "≥500人次"),
  i("产出指标", "数量指标", "新建村级服务站", "≥5个"),
  i("产出指标", "数量指标", "改造农村户厕", "≥1200户"),
  i("产出指标", "数量指标", "购置救护车", "10辆"),
  i("产出指标", "数量指标", "资助学生人数", 300, { op: "≥", unit: "人" }),
];
const QUALITY_TIME = [
  i("产出指标", "质量指标", "培训合格率", "≥95%"),
  i("产出指标", "质量指标", "工程验收合格率", "=100%"),
  i("产出指标", "质量指标", "设备完好率", "≥98百分比"),
  i("产出指标", "时效指标", "项目完成时间", "2024年12月底前"),
  i("产出指标", "时效指标", "资金拨付时间", "2024年6月30日前"),
];
const COST = [
  i("成本指标", "经济成本指标", "培训成本", "≤30万元"),
  i("产出指标", "成本指标", "设备购置成本", "≤200000元"),
  i("产出指标", "经济成本指标", "人均补助标准", "≤1500元"),
];
const BENEFIT = [
  i("效益指标", "社会效益指标", "新增就业人数", "≥200人"),
  i("效益指标", "社会效益指标", "受益群众", "≥5000人"),
  i("效益指标", "经济效益指标", "带动农民增收", "≥50万元"),
  i("效益指标", "可持续影响指标", "设施使用年限", "≥10年"),
  i("效益指标", "生态效益指标", "有效灌溉面积", "≥500亩"),
];
const QUALITATIVE = [i("效益指标", "社会效益指标", "群众生活条件", "达成年度指标"), i("产出指标", "质量指标", "工程质量", "优良")];
const SATISFACTION = [
  i("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
  i("满意度指标", "服务对象满意度", "受益群众满意度", "≥85%"),
  i("满意度指标", "满意度指标", "服务对象满意度", 95, { op: "≥", unit: "%" }),
];

const GOALS = [
  "全年开展职业技能培训500人次，培训合格率达到95%以上，带动新增就业200人",
  "完成1200户农村户厕改造，验收合格率100%，改善农村人居环境，群众满意度达到85%以上",
  "购置救护车10辆，提升县域院前急救能力，急救平均到达时间缩短到15分钟以内",
];

const project: fc.Arbitrary<ProjectSpec> = fc
  .record({
    quantity: fc.subarray(QUANTITY, { minLength: 1, maxLength: 2 }),
    qualityTime: fc.subarray(QUALITY_TIME, { minLength: 1, maxLength: 2 }),
    cost: fc.subarray(COST, { minLength: 1, maxLength: 2 }),
    benefit: fc.subarray(BENEFIT, { minLength: 1, maxLength: 3 }),
    qualitative: fc.subarray(QUALITATIVE, { maxLength: 1 }),
    satisfaction: fc.constantFrom(...SATISFACTION),
    goal: fc.constantFrom(...GOALS),
    budget: fc.integer({ min: 100, max: 3000 }),
    attribute: fc.constantFrom("经常性", "新增", "一次性", "延续性"),
    weights: fc.boolean(),
    lastYear: fc.boolean(),
  })
  .map((r) => {
    const indicators = [...r.quantity, ...r.qualityTime, ...r.cost, ...r.benefit, ...r.qualitative, r.satisfaction].map((x) => ({ ...x }));
    if (r.weights) {
      // Split 90 points in whole numbers, the remainder on the first indicator.
      const each = Math.floor(90 / indicators.length);
      indicators.forEach((x, k) => (x.weight = k === 0 ? 90 - each * (indicators.length - 1) : each));
    }
    if (r.lastYear) {
      // Last year's actual at or below this year's target, where the target is a number.
      indicators.forEach((x) => {
        const m = typeof x.target === "string" ? /^[≥=]?(\d+)(.*)$/.exec(x.target) : null;
        if (m && !x.l2?.includes("成本")) x.lastYear = `${Math.floor(Number(m[1]) * 0.9)}${m[2]}`;
      });
    }
    return { goal: r.goal, budget: r.budget, attribute: r.attribute, indicators };
  });

describe("T rules on sound sheets", () => {
  it.each(["central-2020", "sichuan-2023", "five-grade"])("report nothing (%s)", (preset) => {
    const rulebook = getPreset(preset);
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 4 }), (projects) => {
        const findings = runRules(T_RULES, { book: makeBook(projects, { rulebook }), rulebook });
        if (findings.length) throw new Error(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`).join("\n"));
      }),
      { numRuns: 150, seed: 20241 },
    );
  });

  it("the same sheets in 元 (budget × 10000) stay sound", () => {
    const rulebook = getPreset();
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 3 }), (projects) => {
        const inYuan = projects.map((p) => ({ ...p, budget: (p.budget ?? 0) * 10000 }));
        expect(runRules(T_RULES, { book: makeBook(inYuan, { rulebook, unit: "元" }), rulebook })).toEqual([]);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
