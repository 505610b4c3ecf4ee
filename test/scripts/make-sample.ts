/**
 * Writes the bundled sample workbook assets/samples/sample-county-2024.xlsx (a county's
 * 2024 self-evaluation in list layout, amounts in 万元) and, beside it,
 * sample-county-2024.defects.json: every seeded defect with its rule, sheet, cell and project,
 * taken from where this generator put it (not from running the checker).
 *
 * Deterministic: a seeded PRNG, no clock. Run: `npx tsx test/scripts/make-sample.ts [outDir]`.
 * The building blocks (project specs, scoring, sheet layout) are exported for the benchmark.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Decimal, round2 } from "../../src/scoring/round";
import { runWhenMain } from "./run-script";

export const SAMPLE_BASENAME = "sample-county-2024";
export const PROJECT_SHEET = "项目表";
export const INDICATOR_SHEET = "指标表";
export const YEAR = 2024;

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, deterministic. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- specs

export type Level2Key = "数量" | "质量" | "时效" | "成本" | "经济" | "社会" | "生态" | "可持续" | "满意";
/** 二级 shorthand → [一级, 二级] names (shared with make-midyear-sample.ts). */
export const L2: Record<Level2Key, [string, string]> = {
  数量: ["产出指标", "数量指标"],
  质量: ["产出指标", "质量指标"],
  时效: ["产出指标", "时效指标"],
  成本: ["产出指标", "成本指标"],
  经济: ["效益指标", "经济效益指标"],
  社会: ["效益指标", "社会效益指标"],
  生态: ["效益指标", "生态效益指标"],
  可持续: ["效益指标", "可持续影响指标"],
  满意: ["满意度指标", "服务对象满意度指标"],
};
const CATEGORY_WEIGHT: Record<string, number> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 };

/** How an indicator is scored (domain.md §4), known to the generator. */
export type Calc =
  | { kind: "pos"; t: number; a: number }
  | { kind: "neg"; t: number; a: number }
  | { kind: "full" } // qualitative achieved, or a date met
  | { kind: "zero" } // a date missed
  | { kind: "none" }; // not scoreable (defective target)

export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string | number;
  weight: number;
  calc: Calc;
  /** Declared 得分 (defaults to the recomputed score). */
  declared?: number;
  reason: string;
  /** Defects seeded in this row: rule → field whose cell carries it. */
  defects?: { rule: string; field: IndicatorCol }[];
}

export interface ProjectSpec {
  code: string;
  name: string;
  department: string;
  implementer: string;
  attribute: string;
  fundType: string;
  initial: number | string;
  budget: number;
  spent: number;
  goal: string;
  indicators: IndicatorSpec[];
  reason: string;
  /** Declared total / grade (default recomputed). */
  declaredTotal?: number;
  declaredGrade?: string;
  defects?: { rule: string; field: ProjectCol }[];
  /** Intended grade of a sound project (checked when generating). */
  intended?: string;
  /** Sound: no defect seeded anywhere in this project. */
  sound: boolean;
  /** Not on the project sheet (its indicators name a missing project: D002). */
  orphan?: boolean;
}

// ---------------------------------------------------------------- scoring (domain.md §4, central-2020)

export function indicatorScore(ind: IndicatorSpec): number | null {
  const w = new Decimal(ind.weight);
  const c = ind.calc;
  switch (c.kind) {
    case "pos":
      if (c.t === 0 || c.a >= c.t) return ind.weight;
      return round2(new Decimal(c.a).div(c.t).times(w));
    case "neg":
      if (c.a <= c.t) return ind.weight;
      return round2(Decimal.max(0, new Decimal(1).minus(new Decimal(c.a).minus(c.t).div(c.t))).times(w));
    case "full":
      return ind.weight;
    case "zero":
      return 0;
    case "none":
      return null;
  }
}

export function executionScore(budget: number, spent: number): number {
  if (!(budget > 0)) return 0;
  return round2(Decimal.min(new Decimal(spent).div(budget), 1).times(10));
}

export function gradeOf(total: number): string {
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
}

/** Recomputed total from the recomputed indicator scores (unscoreable ones count their declared score). */
export function projectTotal(p: ProjectSpec): number {
  let sum = new Decimal(executionScore(p.budget, p.spent));
  for (const ind of p.indicators) sum = sum.plus(indicatorScore(ind) ?? ind.declared ?? 0);
  return round2(sum);
}

// ---------------------------------------------------------------- building indicators

type Tuple = [Level2Key, string, string, number | string, string];
//            二级      三级    op     target           unit ("date", "tier" for those kinds)

const fmtNum = (x: number, unit: string): string => {
  if (unit === "%") return `${round1(x)}%`;
  return `${Number.isInteger(x) ? x : round2(x)}${unit}`;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const isCountUnit = (u: string) => !["%", "万元", "元", "公里", "亿元"].includes(u);

export interface Plan {
  /** index → completion factor (actual = target × f), or "late" for a missed date. */
  short?: Record<number, number | "late">;
  /** index → over-achievement factor (≥ 1.3) */
  over?: Record<number, number>;
}

/** Turns compact tuples into indicator specs, with weights split evenly per category and actuals drawn for the plan. */
export function buildIndicators(tuples: Tuple[], plan: Plan, rng: () => number, reasons: string[], weights?: Record<string, number>): IndicatorSpec[] {
  const cw = weights ?? CATEGORY_WEIGHT;
  const counts: Record<string, number> = {};
  for (const t of tuples) counts[L2[t[0]][0]] = (counts[L2[t[0]][0]] ?? 0) + 1;
  let reasonIx = 0;
  return tuples.map((t, i) => {
    const [key, name, op, target, unit] = t;
    const [level1, level2] = L2[key];
    const weight = round2(new Decimal(cw[level1]).div(counts[level1]));
    const short = plan.short?.[i];
    const over = plan.over?.[i];
    let targetText: string;
    let actual: string | number;
    let calc: Calc;
    let reason = "";
    if (unit === "date") {
      targetText = String(target);
      if (short === "late") {
        actual = `${YEAR + 1}年3月15日`;
        calc = { kind: "zero" };
      } else {
        const m = Number(/(\d+)月/.exec(String(target))?.[1] ?? 12);
        actual = `${YEAR}年${m}月${5 + Math.floor(rng() * 20)}日`;
        calc = { kind: "full" };
      }
    } else if (unit === "tier") {
      targetText = String(target);
      actual = rng() < 0.5 ? "达成年度指标" : "优良";
      calc = { kind: "full" };
    } else {
      const tv = Number(target);
      targetText = `${op}${fmtNum(tv, unit)}`;
      const reverse = op === "≤" || op === "<";
      let a: number;
      if (typeof short === "number") a = tv * short;
      else if (over) a = tv * over;
      else if (reverse) a = tv * (0.9 + rng() * 0.1);
      else if (op === "=" || op === "＝") a = tv;
      else if (unit === "%") a = tv + rng() * (Math.min(100, tv * 1.1) - tv);
      else a = tv * (1 + rng() * 0.12);
      a = unit === "%" ? round1(a) : isCountUnit(unit) ? (typeof short === "number" || reverse ? Math.round(a) : Math.floor(a)) : round2(a);
      if (!reverse && typeof short !== "number" && a < tv) a = tv;
      if (reverse && typeof short !== "number" && a > tv) a = tv;
      actual = fmtNum(a, unit);
      calc = reverse ? { kind: "neg", t: tv, a } : { kind: "pos", t: tv, a };
    }
    if (short !== undefined || over !== undefined) reason = reasons[reasonIx++ % reasons.length];
    const spec: IndicatorSpec = { level1, level2, name, target: targetText, actual, weight, calc, reason };
    return spec;
  });
}

// ---------------------------------------------------------------- the county

const REASONS: Record<string, string[]> = {
  edu: ["受春季学期学生转学影响，实际人数略低于预期；下一步加强学籍动态管理，据实测算目标。", "部分学校改造工程因雨季延期，已督促施工单位倒排工期，2025年春季学期前完工。"],
  health: ["部分乡镇卫生院人员不足，服务开展进度滞后；已通过县域医共体下派人员补充。", "设备采购因政府采购流程调整延后，已于年底完成招标，2025年一季度到货。"],
  agri: ["受夏季持续降雨影响，部分地块无法施工，已调整施工计划，剩余任务纳入下年度实施。", "企业申报不足，部分资金未能按期拨付；下一步加强政策宣传，严格项目储备。"],
  traffic: ["受汛期水毁影响，部分路段养护计划调整，已优先保障抢通任务，剩余任务延至次年。", "客运线路调整后车辆运营里程减少，补贴据实结算；下年度按实际线路重新测算目标。"],
  civil: ["救助对象动态调整后人数减少，资金据实发放；下年度按实际对象数测算预算。", "养老机构改造项目前期手续办理时间较长，开工推迟；已建立周调度机制加快推进。"],
};
const EXEC_REASONS: Record<string, string> = {
  edu: "部分项目因工程结算审计未完成，尾款未支付，待审计完成后支付。",
  health: "设备采购合同于年底签订，部分货款跨年支付。",
  agri: "项目受天气影响工期延后，按工程进度拨付资金，剩余资金结转下年使用。",
  traffic: "部分养护工程未完成验收，按合同约定暂未支付尾款。",
  civil: "救助对象人数减少，资金据实发放后形成结余，已按规定收回财政。",
};
const OVER_REASON = "上级追加中央补助资金，实施范围扩大，完成值高于年初目标；下年度将据实提高目标值。";

interface Dept {
  name: string;
  prefix: string;
  key: keyof typeof REASONS;
}
const EDU: Dept = { name: "县教育局", prefix: "2024101", key: "edu" };
const HEALTH: Dept = { name: "县卫生健康委员会", prefix: "2024102", key: "health" };
const AGRI: Dept = { name: "县农业农村局", prefix: "2024103", key: "agri" };
const TRAFFIC: Dept = { name: "县交通运输局", prefix: "2024104", key: "traffic" };
const CIVIL: Dept = { name: "县民政局", prefix: "2024105", key: "civil" };

interface Draft {
  dept: Dept;
  no: number;
  name: string;
  implementer: string;
  attribute: string;
  fund?: string;
  initial: number | string;
  budget: number;
  spent: number;
  goal: string;
  tuples: Tuple[];
  plan?: Plan;
  weights?: Record<string, number>;
  execReason?: boolean;
  intended?: string;
  /** Seeds defects after the indicators are built. */
  seed?: (p: ProjectSpec) => void;
  orphan?: boolean;
}

const DATE_END = `${YEAR}年12月底前`;

function drafts(): Draft[] {
  return [
    // ------------------------------------------------------------ 县教育局
    {
      dept: EDU, no: 1, name: "农村义务教育学生营养改善计划", implementer: "县教育局", attribute: "经常性",
      initial: 1260, budget: 1260, spent: 1248.6, intended: "优",
      goal: "为全县农村义务教育阶段学生提供营养膳食补助，保障约2.1万名学生在校就餐，改善学生营养健康状况。",
      tuples: [
        ["数量", "受益学生人数", "≥", 21000, "人"],
        ["数量", "在校供餐天数", "≥", 200, "天"],
        ["质量", "营养餐食品抽检合格率", "≥", 98, "%"],
        ["时效", "补助资金拨付时间", "", DATE_END, "date"],
        ["成本", "生均每天膳食补助标准", "=", 5, "元"],
        ["社会", "学生体质健康测试合格率", "≥", 92, "%"],
        ["可持续", "营养改善计划覆盖学校比例", "≥", 100, "%"],
        ["满意", "学生及家长满意度", "≥", 90, "%"],
      ],
    },
    {
      dept: EDU, no: 2, name: "学前教育发展资金", implementer: "县教育局", attribute: "经常性",
      initial: 480, budget: 520, spent: 511.3,
      goal: "",
      tuples: [
        ["数量", "普惠性幼儿园补助园所数", "≥", 36, "所"],
        ["数量", "资助家庭经济困难幼儿人数", "≥", 850, "人"],
        ["质量", "资助对象认定准确率", "≥", 100, "%"],
        ["时效", "资助资金发放时间", "", DATE_END, "date"],
        ["社会", "学前三年毛入园率", "≥", 92, "%"],
        ["可持续", "普惠性幼儿园覆盖率", "≥", 85, "%"],
        ["满意", "幼儿家长满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "T001", "goal"),
    },
    {
      dept: EDU, no: 3, name: "义务教育薄弱环节改善与能力提升", implementer: "县第一中学", attribute: "一次性", intended: "良",
      initial: 860, budget: 860, spent: 792.4, execReason: true,
      goal: "完成12所农村学校校舍改造和教学设备更新，改善义务教育薄弱学校办学条件，缩小城乡办学差距。",
      tuples: [
        ["数量", "改造校舍面积", "≥", 12000, "平方米"],
        ["数量", "更新教学设备学校数", "≥", 12, "所"],
        ["质量", "工程验收合格率", "≥", 100, "%"],
        ["时效", "工程完工时间", "", `${YEAR}年8月底前`, "date"],
        ["成本", "校舍改造工程总成本", "≤", 620, "万元"],
        ["社会", "农村学校标准化达标率", "≥", 90, "%"],
        ["可持续", "改造后校舍使用年限", "≥", 30, "年"],
        ["满意", "师生满意度", "≥", 90, "%"],
      ],
      plan: { short: { 0: 0.82, 3: "late", 5: 0.93 } },
    },
    {
      dept: EDU, no: 4, name: "乡村教师培训专项", implementer: "县教师发展中心", attribute: "经常性",
      initial: 150, budget: 150, spent: 146.2,
      goal: "组织全县乡村教师开展县级以上培训不少于1800人次，提升乡村教师教育教学能力和信息技术应用水平。",
      tuples: [
        ["数量", "教师培训人次", "≥", 1800, "人次"],
        ["数量", "乡村教师培训覆盖面", "≥", 0, "%"],
        ["质量", "教师教学能力显著提升比例", "≥", 80, "%"],
        ["时效", "培训完成时间", "", DATE_END, "date"],
        ["社会", "参训教师培训合格率", "≥", 95, "%"],
        ["可持续", "骨干教师储备人数", "≥", 120, "人"],
        ["满意", "参训教师满意度", "≥", 90, "%"],
      ],
      plan: { short: { 4: 0.9 } },
      seed: (p) => {
        const cover = p.indicators[1];
        cover.target = "进一步提高";
        cover.actual = "有所提高";
        cover.calc = { kind: "none" };
        cover.declared = cover.weight;
        addIndicatorDefect(cover, "T008", "target");
        addIndicatorDefect(p.indicators[2], "T009", "name");
        const passRate = p.indicators[4];
        passRate.reason = "";
        addIndicatorDefect(passRate, "E005", "reason");
      },
    },
    {
      dept: EDU, no: 5, name: "县城学校教育信息化建设", implementer: "县教育局", attribute: "一次性", intended: "中",
      initial: 380, budget: 380, spent: 296.4, execReason: true,
      goal: "为县城8所中小学建设智慧教室和校园网络，实现优质数字教育资源班班通，提升课堂教学信息化水平。",
      tuples: [
        ["数量", "建设智慧教室数量", "≥", 96, "间"],
        ["数量", "覆盖学校数", "≥", 8, "所"],
        ["质量", "设备安装调试合格率", "≥", 100, "%"],
        ["时效", "项目建设完成时间", "", `${YEAR}年9月底前`, "date"],
        ["成本", "智慧教室单间建设成本", "≤", 3.2, "万元"],
        ["社会", "信息化教学常态化应用比例", "≥", 80, "%"],
        ["满意", "师生满意度", "≥", 90, "%"],
      ],
      plan: { short: { 0: 0.7, 3: "late", 4: 1.2, 5: 0.75, 6: 0.95 } },
    },
    // ------------------------------------------------------------ 县卫生健康委员会
    {
      dept: HEALTH, no: 1, name: "基层医疗卫生机构能力提升", implementer: "各乡镇卫生院", attribute: "经常性", intended: "优",
      initial: 920, budget: 980, spent: 972.5,
      goal: "为18个乡镇卫生院配置DR、彩超等基本医疗设备，开展基层医务人员轮训，提升基层常见病多发病诊疗能力。",
      tuples: [
        ["数量", "配置医疗设备台数", "≥", 54, "台"],
        ["数量", "基层医务人员轮训人次", "≥", 600, "人次"],
        ["质量", "设备验收合格率", "≥", 100, "%"],
        ["时效", "设备采购完成时间", "", `${YEAR}年10月底前`, "date"],
        ["成本", "设备采购总成本", "≤", 760, "万元"],
        ["社会", "县域内就诊率", "≥", 90, "%"],
        ["可持续", "设备正常使用年限", "≥", 8, "年"],
        ["满意", "患者满意度", "≥", 90, "%"],
      ],
    },
    {
      dept: HEALTH, no: 2, name: "基本公共卫生服务", implementer: "县疾病预防控制中心", attribute: "经常性",
      initial: 1580, budget: 1580, spent: 1566.8,
      goal: "做好公共卫生工作",
      tuples: [
        ["数量", "65岁及以上老年人健康管理人数", "≥", 28000, "人"],
        ["数量", "高血压患者规范管理人数", "≥", 21000, "人"],
        ["质量", "老年人健康管理率", "≥", 105, "%"],
        ["质量", "居民电子健康档案建档率", "≥", 90, "%"],
        ["社会", "适龄儿童免疫规划疫苗接种率", "≥", 95, "%"],
        ["可持续", "基本公共卫生服务项目覆盖率", "≥", 100, "%"],
        ["满意", "城乡居民满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        addProjectDefect(p, "T002", "goal");
        const rate = p.indicators[2];
        rate.actual = "98.5%";
        rate.calc = { kind: "pos", t: 105, a: 98.5 };
        rate.reason = "目标值设置超过100%，实际管理率98.5%；下年度按国家基本公共卫生服务规范设定目标。";
        addIndicatorDefect(rate, "T013", "target");
      },
    },
    {
      dept: HEALTH, no: 3, name: "家庭医生签约服务", implementer: "县人民医院", attribute: "经常性",
      initial: 260, budget: 260, spent: 255.1,
      goal: "推进家庭医生签约服务，重点人群签约服务覆盖率达到75%以上，为签约居民提供基本医疗和健康管理服务。",
      tuples: [
        ["数量", "重点人群签约人数", "≥", 52000, "人"],
        ["数量", "家庭医生团队数", "≥", 86, "个"],
        ["质量", "重点人群签约服务覆盖率", "≥", 75, "%"],
        ["时效", "签约服务费拨付时间", "", DATE_END, "date"],
        ["社会", "签约居民年度健康体检率", "≥", 85, "%"],
        ["可持续", "家庭医生签约服务机制运行情况", "", "达成年度指标", "tier"],
      ],
      weights: { 产出指标: 60, 效益指标: 30, 满意度指标: 0 },
      seed: (p) => addProjectDefect(p, "T004", "name"),
    },
    {
      dept: HEALTH, no: 4, name: "计划生育家庭特别扶助", implementer: "县卫生健康委员会", attribute: "经常性", intended: "中",
      initial: 310, budget: 310, spent: 232.8, execReason: true,
      goal: "对全县计划生育特殊家庭按标准发放特别扶助金，保障扶助对象基本生活，按时足额发放率达到100%。",
      tuples: [
        ["数量", "特别扶助对象人数", "≥", 1050, "人"],
        ["数量", "开展走访慰问次数", "≥", 4, "次"],
        ["质量", "扶助对象资格审核准确率", "≥", 100, "%"],
        ["时效", "扶助金发放时间", "", DATE_END, "date"],
        ["成本", "人均月扶助标准", "=", 590, "元"],
        ["社会", "扶助金按时足额发放率", "≥", 100, "%"],
        ["满意", "扶助对象满意度", "≥", 90, "%"],
      ],
      plan: { short: { 0: 0.76, 1: 0.5, 3: "late", 5: 0.8, 6: 0.9 } },
    },
    // ------------------------------------------------------------ 县农业农村局
    {
      dept: AGRI, no: 1, name: "高标准农田建设", implementer: "县农业技术推广中心", attribute: "一次性", fund: "政府性基金预算", intended: "优",
      initial: 2400, budget: 2650, spent: 2621.7,
      goal: "新建高标准农田1.5万亩，配套灌排渠系和田间道路，亩均粮食产能提高50公斤以上，建成后移交村集体管护。",
      tuples: [
        ["数量", "新建高标准农田面积", "≥", 15000, "亩"],
        ["数量", "新增高效节水灌溉面积", "≥", 2000, "亩"],
        ["质量", "工程验收合格率", "≥", 100, "%"],
        ["时效", "工程完工时间", "", DATE_END, "date"],
        ["成本", "亩均建设成本", "≤", 0.17, "万元"],
        ["经济", "亩均粮食产能提高", "≥", 50, "公斤"],
        ["可持续", "工程设计使用年限", "≥", 15, "年"],
        ["满意", "项目区农户满意度", "≥", 90, "%"],
      ],
      plan: { over: { 1: 1.4 } },
    },
    {
      dept: AGRI, no: 2, name: "耕地地力保护补贴", implementer: "县农业农村局", attribute: "经常性",
      initial: 3120, budget: 3120, spent: 3118.4,
      goal: "按照确权面积向全县种粮农户发放耕地地力保护补贴，补贴面积不少于52万亩，引导农民保护耕地地力。",
      tuples: [
        ["数量", "补贴耕地面积", "≥", 520000, "亩"],
        ["数量", "补贴农户数", "≥", 68000, "户"],
        ["质量", "补贴资金一卡通发放率", "≥", 100, "%"],
        ["时效", "补贴资金发放时间", "", `${YEAR}年6月底前`, "date"],
        ["满意", "种粮农户满意度", "≥", 90, "%"],
      ],
      weights: { 产出指标: 80, 效益指标: 0, 满意度指标: 10 },
      seed: (p) => addProjectDefect(p, "T003", "name"),
    },
    {
      dept: AGRI, no: 3, name: "农村人居环境整治", implementer: "县农业农村局", attribute: "经常性",
      initial: 640, budget: 640, spent: 628.9,
      goal: "完成农村户厕改造1200户，新建村级垃圾收集点90个，行政村生活垃圾收运处置体系覆盖率达到95%以上。",
      tuples: [
        ["数量", "改造农村户厕数量", "≥", 1200, "户"],
        ["数量", "新建垃圾收集点", "≥", 90, "个"],
        ["质量", "户厕改造验收合格率", "≥", 95, "%"],
        ["时效", "改厕任务完成时间", "", `${YEAR}年11月底前`, "date"],
        ["生态", "生活垃圾收运处置体系覆盖率", "≥", 95, "%"],
        ["社会", "村庄清洁行动参与率", "≥", 80, "%"],
        ["满意", "农户满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        const toilets = p.indicators[0];
        toilets.target = "≥1200";
        addIndicatorDefect(toilets, "T011", "target");
        const villages = p.indicators[5];
        villages.target = "≥XX%";
        villages.calc = { kind: "none" };
        villages.declared = villages.weight;
        addIndicatorDefect(villages, "T010", "target");
      },
    },
    {
      dept: AGRI, no: 4, name: "重大动物疫病防控补助", implementer: "县动物疫病预防控制中心", attribute: "经常性",
      initial: 210, budget: 210, spent: 206.3,
      goal: "开展口蹄疫、高致病性禽流感等重大动物疫病强制免疫，应免畜禽免疫密度保持在90%以上，全年不发生区域性重大动物疫情。",
      tuples: [
        ["数量", "强制免疫畜禽数量", "≥", 1200000, "头"],
        ["数量", "疫病监测采样数", "≥", 6000, "份"],
        ["质量", "应免畜禽免疫密度", "≥", 90, "%"],
        ["时效", "春秋防集中免疫完成时间", "", `${YEAR}年11月底前`, "date"],
        ["社会", "区域性重大动物疫情发生次数", "≤", 0, "次"],
        ["经济", "畜牧业产值增长率", "≥", 3, "%"],
        ["满意", "养殖户满意度", "≥", 90, "%"],
      ],
      plan: { short: { 1: 0.9 } },
      seed: (p) => {
        const samples = p.indicators[1];
        samples.declared = samples.weight; // recomputed 11.25
        addIndicatorDefect(samples, "E003", "score");
        const density = p.indicators[2];
        density.declared = round2(density.weight + 2.5);
        addIndicatorDefect(density, "E004", "score");
      },
    },
    {
      dept: AGRI, no: 5, name: "农业产业化龙头企业扶持", implementer: "县农业农村局", attribute: "一次性", intended: "差",
      initial: 500, budget: 500, spent: 260, execReason: true,
      goal: "扶持8家县级以上农业产业化龙头企业开展技术改造和品牌建设，带动农户增收，新增农产品加工产值5000万元。",
      tuples: [
        ["数量", "扶持龙头企业数量", "≥", 8, "家"],
        ["数量", "新建农产品加工生产线", "≥", 6, "条"],
        ["质量", "项目验收合格率", "≥", 100, "%"],
        ["时效", "项目建设完成时间", "", DATE_END, "date"],
        ["经济", "新增农产品加工产值", "≥", 5000, "万元"],
        ["社会", "带动农户数", "≥", 3000, "户"],
        ["满意", "受益农户满意度", "≥", 90, "%"],
      ],
      plan: { short: { 0: 0.5, 1: 0.5, 2: 0.6, 3: "late", 4: 0.3, 5: 0.4, 6: 0.9 } },
    },
    // ------------------------------------------------------------ 县交通运输局
    {
      dept: TRAFFIC, no: 1, name: "农村公路养护", implementer: "县公路事业发展中心", attribute: "经常性", fund: "政府性基金预算", intended: "良",
      initial: 1150, budget: 1150, spent: 1102.6,
      goal: "对全县1860公里农村公路开展日常养护，实施路面修复和安全设施完善，优良中等路率达到85%以上。",
      tuples: [
        ["数量", "日常养护里程", "≥", 1860, "公里"],
        ["数量", "路面修复面积", "≥", 42000, "平方米"],
        ["质量", "优良中等路率", "≥", 85, "%"],
        ["时效", "水毁路段修复时间", "", DATE_END, "date"],
        ["成本", "每公里年养护成本", "≤", 0.6, "万元"],
        ["社会", "农村公路列养率", "≥", 100, "%"],
        ["可持续", "养护长效机制运行情况", "", "达成年度指标", "tier"],
        ["满意", "沿线群众满意度", "≥", 90, "%"],
      ],
      plan: { short: { 1: 0.8, 3: "late" } },
    },
    {
      dept: TRAFFIC, no: 2, name: "城乡客运运营补贴", implementer: "县交通运输局", attribute: "经常性",
      initial: 420, budget: 420, spent: 414.7,
      goal: "对开通农村客运线路的经营者给予运营补贴，保障全县建制村通客车率100%，方便群众出行。",
      tuples: [
        ["数量", "补贴农村客运车辆数", "≥", 142, "辆"],
        ["数量", "开通农村客运线路", "≥", 48, "条"],
        ["质量", "建制村通客车率", "≥", 100, "%"],
        ["成本", "车辆运营补贴成本", "≥", 85, "万元"],
        ["社会", "农村客运安全事故次数", "≤", 0, "次"],
        ["可持续", "客运线路持续运营率", "≥", 95, "%"],
        ["满意", "乘客满意度", "≥", 70, "%"],
      ],
      seed: (p) => {
        addIndicatorDefect(p.indicators[3], "T012", "target");
        addIndicatorDefect(p.indicators[6], "T014", "target");
      },
    },
    {
      dept: TRAFFIC, no: 3, name: "县乡道安全生命防护工程", implementer: "县公路事业发展中心", attribute: "一次性",
      initial: 760, budget: 760, spent: 748.1,
      goal: "对县乡道急弯陡坡、临水临崖等危险路段实施安全生命防护工程，完成处治里程120公里，减少交通事故。",
      tuples: [
        ["数量", "安防工程处治里程", "≥", 120, "公里"],
        ["数量", "新增波形护栏长度", "≥", 36000, "米"],
        ["质量", "预算执行率", "≥", 95, "%"],
        ["质量", "工程交工验收合格率", "≥", 100, "%"],
        ["时效", "工程完工时间", "", `${YEAR}年11月底前`, "date"],
        ["社会", "危险路段交通事故下降率", "≥", 10, "%"],
        ["社会", "安防工程处治里程", "≥", 120, "公里"],
        ["满意", "沿线群众满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        addIndicatorDefect(p.indicators[2], "T015", "name");
        addIndicatorDefect(p.indicators[6], "T016", "name");
      },
    },
    {
      dept: TRAFFIC, no: 4, name: "交通运输综合执法能力建设", implementer: "县交通运输综合行政执法大队", attribute: "经常性",
      initial: 180, budget: 180, spent: 144,
      goal: "开展道路运输和路政执法检查，配备执法装备，治理货车非法超限超载，超限率控制在1%以内。",
      tuples: [
        ["数量", "执法检查次数", "≥", 200, "次"],
        ["数量", "配备执法装备数量", "≥", 40, "台"],
        ["质量", "执法案卷合格率", "≥", 95, "%"],
        ["时效", "装备采购完成时间", "", `${YEAR}年9月底前`, "date"],
        ["社会", "货车超限率", "≤", 1, "%"],
        ["可持续", "执法人员持证上岗率", "≥", 100, "%"],
        ["满意", "群众满意度", "≥", 90, "%"],
      ],
      plan: { over: { 0: 1.5 } },
      seed: (p) => {
        const checks = p.indicators[0];
        checks.reason = "";
        addIndicatorDefect(checks, "E006", "actual");
        addProjectDefect(p, "E007", "spent");
      },
    },
    // ------------------------------------------------------------ 县民政局
    {
      dept: CIVIL, no: 1, name: "困难群众救助", implementer: "县民政局", attribute: "经常性", intended: "优",
      initial: 4860, budget: 5020, spent: 4988.2,
      goal: "保障全县城乡低保、特困和临时救助对象基本生活，城乡低保标准按时提标，救助资金按月足额发放到户。",
      tuples: [
        ["数量", "城乡低保保障人数", "≥", 16500, "人"],
        ["数量", "临时救助人次", "≥", 2400, "人次"],
        ["质量", "救助对象认定准确率", "≥", 98, "%"],
        ["数量", "特困人员救助供养人数", "≥", 1300, "人"],
        ["时效", "救助资金按月发放及时率", "≥", 100, "%"],
        ["社会", "应保尽保率", "≥", 100, "%"],
        ["可持续", "动态管理机制运行情况", "", "达成年度指标", "tier"],
        ["满意", "救助对象满意度", "≥", 90, "%"],
      ],
    },
    {
      dept: CIVIL, no: 2, name: "特困人员供养", implementer: "县社会福利院", attribute: "经常性",
      initial: 980, budget: 980, spent: 1012.6,
      goal: "为全县特困供养人员提供基本生活保障和照料护理服务，集中供养机构安全运行，供养标准按时足额落实。",
      tuples: [
        ["数量", "特困供养人数", "≥", 1320, "人"],
        ["数量", "集中供养人数", "≥", 460, "人"],
        ["质量", "供养机构安全责任事故次数", "≤", 0, "次"],
        ["时效", "供养金发放时间", "", DATE_END, "date"],
        ["社会", "特困人员应养尽养率", "≥", 100, "%"],
        ["可持续", "供养机构护理人员配比达标率", "≥", 90, "%"],
        ["满意", "供养对象满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "D008", "spent"),
    },
    {
      dept: CIVIL, no: 3, name: "养老服务体系建设", implementer: "县民政局", attribute: "新增",
      initial: "约50万", budget: 52, spent: 50.6,
      goal: "新建3个农村互助养老服务点，为80户特殊困难老年人家庭实施适老化改造，提升居家养老服务能力。",
      tuples: [
        ["数量", "新建互助养老服务点", "≥", 3, "个"],
        ["数量", "适老化改造户数", "≥", 80, "户"],
        ["质量", "改造验收合格率", "≥", 100, "%"],
        ["时效", "改造完成时间", "", DATE_END, "date"],
        ["社会", "服务点老年人月均服务人次", "≥", 300, "人次"],
        ["满意", "受益老年人满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "D005", "initial"),
    },
    {
      dept: CIVIL, no: 4, name: "孤儿基本生活保障", implementer: "县民政局", attribute: "经常性",
      initial: 96, budget: 96, spent: 95.2,
      goal: "按月向全县集中和分散供养孤儿、事实无人抚养儿童发放基本生活费，保障其基本生活和健康成长。",
      tuples: [],
      seed: (p) => addProjectDefect(p, "D003", "name"),
    },
    {
      dept: CIVIL, no: 5, name: "残疾人两项补贴", implementer: "县民政局", attribute: "经常性", orphan: true,
      initial: 640, budget: 640, spent: 636,
      goal: "按月发放困难残疾人生活补贴和重度残疾人护理补贴。",
      tuples: [
        ["数量", "困难残疾人生活补贴人数", "≥", 5200, "人"],
        ["数量", "重度残疾人护理补贴人数", "≥", 6100, "人"],
        ["质量", "补贴发放准确率", "≥", 100, "%"],
        ["时效", "补贴按月发放时间", "", DATE_END, "date"],
        ["社会", "残疾人两项补贴覆盖率", "≥", 100, "%"],
        ["满意", "残疾人满意度", "≥", 90, "%"],
      ],
      seed: (p) => addIndicatorDefect(p.indicators[0], "D002", "projectCode"),
    },
  ];
}

function addProjectDefect(p: ProjectSpec, rule: string, field: ProjectCol) {
  p.sound = false;
  (p.defects ??= []).push({ rule, field });
}
function addIndicatorDefect(ind: IndicatorSpec, rule: string, field: IndicatorCol) {
  (ind.defects ??= []).push({ rule, field });
}

/** The sample county's projects, with their seeded defects and declared scores filled in. */
export function sampleProjects(seed = 2024): ProjectSpec[] {
  const rng = makeRng(seed);
  const out: ProjectSpec[] = [];
  for (const d of drafts()) {
    const indicators = buildIndicators(d.tuples, d.plan ?? {}, rng, REASONS[d.dept.key], d.weights);
    const p: ProjectSpec = {
      code: `${d.dept.prefix}${String(d.no).padStart(3, "0")}`,
      name: d.name,
      department: d.dept.name,
      implementer: d.implementer,
      attribute: d.attribute,
      fundType: d.fund ?? "一般公共预算",
      initial: d.initial,
      budget: d.budget,
      spent: d.spent,
      goal: d.goal,
      indicators,
      reason: d.execReason ? EXEC_REASONS[d.dept.key] : "",
      intended: d.intended,
      sound: true,
      orphan: d.orphan,
    };
    const overs = Object.keys(d.plan?.over ?? {}).map(Number);
    for (const i of overs) indicators[i].reason = OVER_REASON;
    d.seed?.(p);
    if (p.indicators.some((i) => i.defects?.length)) p.sound = false;
    if (d.orphan) p.sound = false;
    finishScores(p);
    out.push(p);
  }
  // Seeded after the totals: a declared grade that disagrees with the declared (and recomputed) total.
  const t = out.find((p) => p.name === "县乡道安全生命防护工程")!;
  t.declaredGrade = t.declaredGrade === "优" ? "良" : "优";
  (t.defects ??= []).push({ rule: "E008", field: "grade" });
  for (const p of out) {
    if (p.intended && p.sound && gradeOf(projectTotal(p)) !== p.intended)
      throw new Error(`${p.name}: intended ${p.intended}, computed ${projectTotal(p)} (${gradeOf(projectTotal(p))})`);
  }
  return out;
}

function finishScores(p: ProjectSpec) {
  for (const ind of p.indicators) if (ind.declared === undefined) ind.declared = indicatorScore(ind) ?? 0;
  if (!p.indicators.length) return; // nothing to evaluate: the 自评 cells stay empty
  p.declaredTotal = projectTotal(p);
  p.declaredGrade = gradeOf(p.declaredTotal);
}

// ---------------------------------------------------------------- layout

export type ProjectCol = "code" | "name" | "department" | "implementer" | "attribute" | "fundType" | "initial" | "budget" | "spent" | "goal" | "total" | "grade" | "reason";
export type IndicatorCol = "projectCode" | "projectName" | "level1" | "level2" | "name" | "target" | "actual" | "weight" | "score" | "reason";

export const PROJECT_COLS: { key: ProjectCol; header: string; width: number }[] = [
  { key: "code", header: "项目编码", width: 13 },
  { key: "name", header: "项目名称", width: 30 },
  { key: "department", header: "主管部门", width: 16 },
  { key: "implementer", header: "实施单位", width: 22 },
  { key: "attribute", header: "项目属性", width: 9 },
  { key: "fundType", header: "资金性质", width: 14 },
  { key: "initial", header: "年初预算数", width: 11 },
  { key: "budget", header: "全年预算数", width: 11 },
  { key: "spent", header: "全年执行数", width: 11 },
  { key: "goal", header: "年度总体目标", width: 50 },
  { key: "total", header: "自评得分", width: 9 },
  { key: "grade", header: "自评等级", width: 9 },
  { key: "reason", header: "偏差原因", width: 40 },
];
export const INDICATOR_COLS: { key: IndicatorCol; header: string; width: number }[] = [
  { key: "projectCode", header: "项目编码", width: 13 },
  { key: "projectName", header: "项目名称", width: 28 },
  { key: "level1", header: "一级指标", width: 11 },
  { key: "level2", header: "二级指标", width: 16 },
  { key: "name", header: "三级指标", width: 30 },
  { key: "target", header: "指标值", width: 16 },
  { key: "actual", header: "实际完成值", width: 16 },
  { key: "weight", header: "分值", width: 7 },
  { key: "score", header: "得分", width: 7 },
  { key: "reason", header: "偏差原因分析及改进措施", width: 50 },
];

export const colLetter = (i: number): string => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const pcol = (k: ProjectCol) => colLetter(PROJECT_COLS.findIndex((c) => c.key === k));
const icol = (k: IndicatorCol) => colLetter(INDICATOR_COLS.findIndex((c) => c.key === k));

export const PROJECT_TITLE = `XX县${YEAR}年度项目支出绩效自评汇总表`;
export const INDICATOR_TITLE = `XX县${YEAR}年度项目绩效指标完成情况表`;
/** First data row (1-based) of each sheet. */
export const PROJECT_FIRST_ROW = 5;
export const INDICATOR_FIRST_ROW = 3;

export interface Defect {
  rule: string;
  sheet: string;
  cell: string;
  project: string;
  projectName: string;
}

type Row = (string | number | null)[];

export function projectRow(p: ProjectSpec): Row {
  const v: Record<ProjectCol, string | number | null> = {
    code: p.code, name: p.name, department: p.department, implementer: p.implementer, attribute: p.attribute,
    fundType: p.fundType, initial: p.initial, budget: p.budget, spent: p.spent, goal: p.goal || null,
    total: p.declaredTotal ?? null, grade: p.declaredGrade ?? null, reason: p.reason || null,
  };
  return PROJECT_COLS.map((c) => v[c.key]);
}

export function indicatorRow(p: ProjectSpec, ind: IndicatorSpec): Row {
  const v: Record<IndicatorCol, string | number | null> = {
    projectCode: p.code, projectName: p.name, level1: ind.level1, level2: ind.level2, name: ind.name,
    target: ind.target, actual: ind.actual, weight: ind.weight, score: ind.declared ?? null, reason: ind.reason || null,
  };
  return INDICATOR_COLS.map((c) => v[c.key]);
}

/** Something ExcelJS-like to write rows into: the in-memory Worksheet and the streaming WorksheetWriter both fit. */
export interface SheetSink {
  addRow(values: Row): { commit?: () => void; font?: unknown; alignment?: unknown; height?: number };
  mergeCells(range: string): void;
}

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Writes the 项目表 (title, unit line, two-row header, one row a project). Returns the 1-based row of each project. */
export function writeProjectSheet(ws: SheetSink, projects: ProjectSpec[], styled = true): Map<string, number> {
  const n = PROJECT_COLS.length;
  const last = colLetter(n - 1);
  const blank = (): Row => new Array(n).fill(null);
  const title = blank();
  title[0] = PROJECT_TITLE;
  const r1 = ws.addRow(title);
  const unitLine = blank();
  unitLine[n - 1] = "单位：万元";
  const r2 = ws.addRow(unitLine);
  const h1 = PROJECT_COLS.map((c) => c.header) as Row;
  const h2 = blank();
  const gi = PROJECT_COLS.findIndex((c) => c.key === "initial");
  h1[gi] = "项目资金（万元）";
  h1[gi + 1] = null;
  h1[gi + 2] = null;
  h2[gi] = "年初预算数";
  h2[gi + 1] = "全年预算数";
  h2[gi + 2] = "全年执行数";
  const r3 = ws.addRow(h1);
  const r4 = ws.addRow(h2);
  if (styled) {
    r1.font = { bold: true, size: 16 };
    r1.alignment = { horizontal: "center", vertical: "middle" };
    r1.height = 30;
    r2.alignment = { horizontal: "right" };
    for (const r of [r3, r4]) {
      r.font = { bold: true };
      r.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  }
  ws.mergeCells(`A1:${last}1`);
  for (let i = 0; i < n; i++) if (i < gi || i > gi + 2) ws.mergeCells(`${colLetter(i)}3:${colLetter(i)}4`);
  ws.mergeCells(`${colLetter(gi)}3:${colLetter(gi + 2)}3`);
  for (const r of [r1, r2, r3, r4]) r.commit?.();
  const rows = new Map<string, number>();
  let rowNo = PROJECT_FIRST_ROW;
  for (const p of projects) {
    if (p.orphan) continue;
    const r = ws.addRow(projectRow(p));
    if (styled) r.alignment = { vertical: "middle", wrapText: true };
    r.commit?.();
    rows.set(p.code, rowNo++);
  }
  return rows;
}

/** Writes the 指标表: title, header, one row an indicator, 一级/二级 merged downwards within a project. */
export function writeIndicatorSheet(
  ws: SheetSink,
  projects: ProjectSpec[],
  styled = true,
  onRow?: (p: ProjectSpec, ind: IndicatorSpec, row: number) => void,
  mergeLevels = true,
): void {
  const n = INDICATOR_COLS.length;
  const title = new Array(n).fill(null) as Row;
  title[0] = INDICATOR_TITLE;
  const r1 = ws.addRow(title);
  const r2 = ws.addRow(INDICATOR_COLS.map((c) => c.header));
  if (styled) {
    r1.font = { bold: true, size: 16 };
    r1.alignment = { horizontal: "center", vertical: "middle" };
    r1.height = 30;
    r2.font = { bold: true };
    r2.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  ws.mergeCells(`A1:${colLetter(n - 1)}1`);
  r1.commit?.();
  r2.commit?.();
  const c1 = icol("level1");
  const c2 = icol("level2");
  let rowNo = INDICATOR_FIRST_ROW;
  for (const p of projects) {
    const start = rowNo;
    const added = p.indicators.map((ind, i) => {
      const r = ws.addRow(indicatorRow(p, ind));
      if (styled) r.alignment = { vertical: "middle", wrapText: true };
      onRow?.(p, ind, start + i);
      return r;
    });
    rowNo += p.indicators.length;
    // Runs of equal 一级 / 二级 within the project, merged downwards (before the streaming writer commits the rows).
    for (const [col, key] of mergeLevels ? ([[c1, "level1"], [c2, "level2"]] as const) : []) {
      let i = 0;
      while (i < p.indicators.length) {
        let j = i;
        while (j + 1 < p.indicators.length && p.indicators[j + 1][key] === p.indicators[i][key] && (key === "level1" || p.indicators[j + 1].level1 === p.indicators[i].level1)) j++;
        if (j > i) ws.mergeCells(`${col}${start + i}:${col}${start + j}`);
        i = j + 1;
      }
    }
    for (const r of added) r.commit?.();
  }
}

/** Builds the sample workbook and the list of seeded defects with their cells. */
export function buildSample(seed = 2024): { workbook: ExcelJS.Workbook; defects: Defect[]; projects: ProjectSpec[] } {
  const projects = sampleProjects(seed);
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao make-sample";
  const fixed = new Date(Date.UTC(YEAR + 1, 2, 31));
  wb.created = fixed;
  wb.modified = fixed;
  const ps = wb.addWorksheet(PROJECT_SHEET, { views: [{ state: "frozen", ySplit: 4 }] });
  ps.columns = PROJECT_COLS.map((c) => ({ width: c.width }));
  const is = wb.addWorksheet(INDICATOR_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  is.columns = INDICATOR_COLS.map((c) => ({ width: c.width }));

  const defects: Defect[] = [];
  const projectRows = writeProjectSheet(ps, projects);
  for (const p of projects) {
    const row = projectRows.get(p.code);
    for (const d of p.defects ?? []) {
      if (row === undefined) throw new Error(`project defect on a project not on the sheet: ${p.name}`);
      defects.push({ rule: d.rule, sheet: PROJECT_SHEET, cell: `${pcol(d.field)}${row}`, project: p.code, projectName: p.name });
    }
  }
  writeIndicatorSheet(is, projects, true, (p, ind, row) => {
    for (const d of ind.defects ?? []) defects.push({ rule: d.rule, sheet: INDICATOR_SHEET, cell: `${icol(d.field)}${row}`, project: p.code, projectName: p.name });
  });
  for (const ws of [ps, is]) {
    ws.eachRow((r) => r.eachCell((c) => (c.border = BORDER)));
  }
  for (const col of ["initial", "budget", "spent", "total"] as ProjectCol[]) ps.getColumn(pcol(col)).numFmt = "#,##0.00";
  ps.getColumn(pcol("total")).numFmt = "0.00";
  is.getColumn(icol("weight")).numFmt = "0.00";
  is.getColumn(icol("score")).numFmt = "0.00";
  defects.sort((a, b) => (a.sheet === b.sheet ? rowOf(a.cell) - rowOf(b.cell) || a.cell.localeCompare(b.cell) : a.sheet === PROJECT_SHEET ? -1 : 1));
  return { workbook: wb, defects, projects };
}

const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ""));

/** The sound projects' codes (no seeded defect anywhere in them). */
export function soundCodes(projects: ProjectSpec[]): string[] {
  return projects.filter((p) => p.sound).map((p) => p.code);
}

export async function writeSample(outDir: string, seed = 2024): Promise<{ xlsx: string; json: string; defects: Defect[] }> {
  mkdirSync(outDir, { recursive: true });
  const { workbook, defects, projects } = buildSample(seed);
  const xlsx = join(outDir, `${SAMPLE_BASENAME}.xlsx`);
  const json = join(outDir, `${SAMPLE_BASENAME}.defects.json`);
  await workbook.xlsx.writeFile(xlsx);
  const doc = {
    file: `${SAMPLE_BASENAME}.xlsx`,
    generator: "test/scripts/make-sample.ts",
    note: "Seeded defects, from the generator's own placement (not from running the checker). Projects listed under soundProjects carry no defect.",
    defects: defects.map(({ rule, sheet, cell, project, projectName }) => ({ rule, sheet, cell, project, projectName })),
    soundProjects: projects.filter((p) => p.sound).map((p) => ({ code: p.code, name: p.name, total: p.declaredTotal, grade: p.declaredGrade })),
  };
  writeFileSync(json, JSON.stringify(doc, null, 2) + "\n", "utf8");
  return { xlsx, json, defects };
}

/** Run directly: `npx tsx test/scripts/make-sample.ts [outDir]` (or through src/cli/run-ts.cjs). */
runWhenMain(module, __filename, async () => {
  const outDir = resolve(process.argv[2] ?? join(__dirname, "..", "..", "assets", "samples"));
  const { xlsx, defects } = await writeSample(outDir);
  return `wrote ${xlsx} (${defects.length} seeded defects)`;
});
