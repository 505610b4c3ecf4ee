/**
 * The labelled evaluation corpus (`npm run eval`): generated workbooks with seeded defects and
 * the findings, scores and grades they must give, worked out HERE from the definitions in
 * /work/shared/spec (domain.md §3–§5, rules.md), never by running the checker: this file imports
 * no rule, scorer, reader or engine module — only ExcelJS to write the files.
 *
 * Each book has one mode (目标审核 / 绩效自评 / 运行监控), one layout (list: 项目表 + 指标表;
 * combined: one sheet; forms: central 2020 自评表, Sichuan 自评表 with 指标性质 | 指标值 | 度量单位,
 * 湘潭 目标申报表 with operator + value + unit in one cell, the 136号 监控表 with √ sub-columns)
 * and one amount unit (万元 / 元). About half of its projects are sound; each of the others gets
 * one seeded defect. A label is (rule, sheet, cell), (rule, sheet, row) for an indicator's row
 * (the rule may point at its target, operator, reason or score cell) or (rule, project) for a
 * project-level finding (its cell is the rule's choice).
 *
 * A defect is only seeded where its consequences are defined by the spec: e.g. a target without
 * a number (T008) is seeded in target-review books only, because how a self-evaluation scores an
 * unreadable target is not specified. Structural findings (T003 / T004 / T005 / T016 / T017 /
 * T018 / T021) are computed from the final indicator list of every project, whatever was seeded.
 *
 * Deterministic: a seeded PRNG, no clock.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

// ---------------------------------------------------------------- types

export type Mode = "target" | "self" | "monitor";
export type Layout = "list" | "list-sichuan" | "combined" | "form-central" | "form-sichuan" | "form-xiangtan" | "form-monitor";

export type Label =
  | { rule: string; sheet: string; cell: string; defect: string }
  | { rule: string; sheet: string; row: number; defect: string }
  | { rule: string; project: string; defect: string };

export interface ExpectedScore {
  project: string;
  total: number;
  grade: string;
}

export interface EvalBook {
  file: string;
  mode: Mode;
  layout: Layout;
  unit: "万元" | "元";
  varied: boolean;
  /** The monitoring date the book states (監控截止日期), null otherwise. */
  asOf: string | null;
  projects: number;
  labels: Label[];
  scores: ExpectedScore[];
  /** Seeded defect kinds (one per defective project), for the report. */
  defects: string[];
}

type Cell = ExcelJS.CellValue;
type Op = "≥" | "≤" | "=" | null;

interface Ind {
  l1: string;
  l2: string;
  name: string;
  kind: "num" | "tier" | "date" | "text";
  op: Op;
  value: number;
  /** Unit as written (「人次」「%」「万元」「元/人」); "" for none. */
  unit: string;
  /** tier / date / text: the target as written. */
  text: string;
  /** date targets: the ISO date they mean. */
  date: string;
  /** Counts and amounts that build up over the year (domain.md §5). */
  cumulative: boolean;
  weight: number;
  /** Self-evaluation: the actual as written, and what it scores. */
  actual: Cell;
  score: number;
  declared: Cell;
  reason: string;
  /** Monitoring: 1-7月完成值, 全年预计完成值, 完成目标可能性. */
  current: Cell;
  forecast: Cell;
  possibility: string;
  /** 上年实际完成值 (books with a history column): a number in the target's unit, null for none. */
  lastYear: number | null;
  /** Raw overrides of this row's cells (seeded unreadable values, error values). */
  over: Partial<Record<IndCol, Cell>>;
}

type IndCol = "code" | "target" | "actual" | "weight" | "score" | "reason" | "current" | "forecast" | "possibility" | "lastYear";
type ProjCol = "code" | "name" | "department" | "implementer" | "attribute" | "initialBudget" | "budget" | "fiscal" | "other" | "spent" | "cumSpent" | "forecastSpent" | "goal" | "execReason" | "total" | "grade";

interface Proj {
  code: string;
  name: string;
  department: string;
  implementer: string;
  attribute: string;
  /** Amounts in 万元 (written × 10000 in a 元 book). */
  initialBudget: number;
  budget: number;
  fiscal: number;
  other: number;
  spent: number;
  cumSpent: number;
  forecastSpent: number;
  goal: string;
  execReason: string;
  inds: Ind[];
  /** Orphan indicator rows (D002): written on the indicator sheet with an unknown code. */
  orphans: Ind[];
  over: Partial<Record<ProjCol, Cell>>;
  /** Labels in terms of this project (resolved to cells once written). */
  marks: Mark[];
  /** Whether the score and grade are defined (no unreadable input). */
  scored: boolean;
  declaredTotal: number | null;
  declaredGrade: string | null;
  defect: string | null;
}

type Mark = { rule: string; at: "project" } | { rule: string; at: "ind"; index: number } | { rule: string; at: "pcell"; col: ProjCol } | { rule: string; at: "icell"; index: number; col: IndCol } | { rule: string; at: "orphan"; index: number };

// ---------------------------------------------------------------- dialects

/**
 * How a book writes what it writes — the variations domain.md §2 and the README name for real
 * forms: operator spellings (≥ >= ＞＝), 「%」 or 「百分比」, 一级/二级 with or without 「指标」,
 * 达成年度指标 or 达成预期指标, bare target values (＝ for targets, ≥ for scoring), full-width
 * digits, amounts stored as text with thousands separators, percentages as number formats, header
 * wordings seen in local forms, 一级/二级 merged down or repeated, a 「项目资金」 band over the
 * amount columns. Every variation is sound: it must not change a finding.
 */
interface Dialect {
  ge: string;
  le: string;
  pct: string;
  suffix: boolean;
  tierWord: "年度" | "预期";
  bare: boolean;
  fullWidth: boolean;
  textAmounts: boolean;
  pctFormat: boolean;
  mergeLevels: boolean;
  band: boolean;
  /** Sichuan layouts: the operator column written as the direction (正向 / 反向, 财预〔2021〕101号) under 「指标方向」. */
  direction: boolean;
  /** Monitoring lists: 偏差原因 and 完成目标可能性 as √ sub-columns under merged heads (136号). */
  choices: boolean;
  /** Combined sheets: the project's cells repeated on every indicator row (not only the first). */
  repeat: boolean;
  /** Deadlines met: the actual as a date cell (yyyy-mm-dd format) instead of text. */
  dateCells: boolean;
  /** Lists: the unit in the amount headers 「全年预算数（万元）」 instead of a 「单位：万元」 line. */
  unitInHeader: boolean;
  h: Record<string, string>;
}

const HEADER_VARIANTS: Record<string, string[]> = {
  项目编码: ["项目编码", "项目代码"],
  主管部门: ["主管部门", "主管单位"],
  实施单位: ["实施单位", "项目实施单位"],
  全年预算数: ["全年预算数", "调整后预算数"],
  全年执行数: ["全年执行数", "实际支出"],
  三级指标: ["三级指标", "指标名称"],
  年度指标值: ["年度指标值", "指标值", "年度目标值"],
  实际完成值: ["实际完成值", "全年实际完成值"],
  分值: ["分值", "权重"],
  得分: ["得分", "自评得分"],
  偏差原因分析: ["偏差原因分析", "偏差原因分析及改进措施", "未完成原因分析"],
};

function chooseDialect(r: () => number, plain: boolean): Dialect {
  const h: Record<string, string> = {};
  for (const [k, vs] of Object.entries(HEADER_VARIANTS)) h[k] = plain ? k : pick(r, vs);
  if (plain) return { ge: "≥", le: "≤", pct: "%", suffix: true, tierWord: "年度", bare: false, fullWidth: false, textAmounts: false, pctFormat: false, mergeLevels: false, band: false, direction: false, choices: false, repeat: false, dateCells: false, unitInHeader: false, h };
  const ops = pick(r, [["≥", "≤"], [">=", "<="], ["＞＝", "＜＝"]]);
  return {
    ge: ops[0],
    le: ops[1],
    pct: pick(r, ["%", "%", "百分比", "％"]),
    suffix: r() < 0.7,
    tierWord: r() < 0.6 ? "年度" : "预期",
    bare: r() < 0.3,
    fullWidth: r() < 0.2,
    textAmounts: r() < 0.3,
    pctFormat: r() < 0.4,
    mergeLevels: r() < 0.5,
    band: r() < 0.4,
    direction: r() < 0.5,
    choices: true,
    repeat: r() < 0.5,
    dateCells: r() < 0.5,
    unitInHeader: r() < 0.5,
    h,
  };
}

const FULL_DIGITS = "０１２３４５６７８９";
function digits(s: string, d: Dialect): string {
  return d.fullWidth ? s.replace(/[0-9]/g, (c) => FULL_DIGITS[Number(c)]) : s;
}
function levelName(name: string, d: Dialect): string {
  return d.suffix ? name : name.replace(/指标$/, "");
}
function tierText(text: string, d: Dialect): string {
  return d.tierWord === "预期" ? text.replace("年度指标", "预期指标") : text;
}

// ---------------------------------------------------------------- PRNG and numbers

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half-up rounding to 2 decimals on integers of 1/1,000,000 (no binary noise at .xx5). */
export function round2(x: number): number {
  const micro = Math.round(x * 1e6);
  const sign = micro < 0 ? -1 : 1;
  const a = Math.abs(micro);
  return (sign * Math.floor((a + 5000) / 10000)) / 100;
}

function gradeOf(total: number): string {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

// ---------------------------------------------------------------- themes (sound projects)

interface Theme {
  project: string;
  department: string;
  implementer: string;
  /** [name, unit, target range] of the 数量 indicator. */
  count: [string, string, number, number];
  quality: string;
  time: string;
  cost: string;
  benefitCount: [string, string, number, number];
  benefitTier: string;
  satisfaction: string;
  goal: (n: number, m: number) => string;
}

const THEMES: Theme[] = [
  { project: "职业技能提升培训", department: "县人力资源和社会保障局", implementer: "县就业服务中心", count: ["培训人次", "人次", 800, 3000], quality: "培训合格率", time: "培训完成时间", cost: "培训成本", benefitCount: ["新增就业人数", "人", 100, 600], benefitTier: "劳动者就业技能", satisfaction: "参训人员满意度", goal: (n, m) => `全年完成职业技能培训${n}人次，培训合格率达到95%以上，带动新增就业${m}人。` },
  { project: "农村公路养护", department: "县交通运输局", implementer: "县公路养护中心", count: ["养护里程", "公里", 120, 900], quality: "路况优良率", time: "养护完成时间", cost: "养护成本", benefitCount: ["受益群众人数", "人", 5000, 40000], benefitTier: "群众出行条件", satisfaction: "沿线群众满意度", goal: (n, m) => `完成农村公路日常养护${n}公里，路况优良率保持在90%以上，惠及沿线群众${m}人。` },
  { project: "城乡居民健康体检", department: "县卫生健康委员会", implementer: "县疾病预防控制中心", count: ["体检人数", "人", 3000, 20000], quality: "体检报告合格率", time: "体检完成时间", cost: "体检成本", benefitCount: ["建立健康档案数", "份", 2000, 15000], benefitTier: "居民健康管理水平", satisfaction: "受检群众满意度", goal: (n, m) => `为城乡居民免费体检${n}人，建立规范化健康档案${m}份，体检报告合格率达到98%。` },
  { project: "中小学校舍维修改造", department: "县教育局", implementer: "县教育基建中心", count: ["维修改造面积", "平方米", 2000, 15000], quality: "工程验收合格率", time: "工程完工时间", cost: "维修改造成本", benefitCount: ["受益学生人数", "人", 800, 6000], benefitTier: "学校办学条件", satisfaction: "师生满意度", goal: (n, m) => `完成校舍维修改造${n}平方米，工程验收合格率达到100%，改善${m}名学生的学习条件。` },
  { project: "高标准农田建设", department: "县农业农村局", implementer: "县农田建设服务站", count: ["建设面积", "亩", 3000, 20000], quality: "工程质量合格率", time: "项目完工时间", cost: "建设成本", benefitCount: ["受益农户数", "户", 500, 4000], benefitTier: "农业综合生产能力", satisfaction: "受益农户满意度", goal: (n, m) => `建成高标准农田${n}亩，工程质量合格率达到95%以上，受益农户${m}户。` },
  { project: "社区居家养老服务", department: "县民政局", implementer: "县养老服务指导中心", count: ["服务老人人次", "人次", 2000, 12000], quality: "服务规范达标率", time: "服务补贴发放时间", cost: "服务成本", benefitCount: ["受益老年人数", "人", 300, 2500], benefitTier: "老年人生活质量", satisfaction: "服务对象满意度", goal: (n, m) => `为辖区老年人提供居家养老服务${n}人次，服务规范达标率达到95%，受益老人${m}人。` },
  { project: "农村饮水安全巩固提升", department: "县水利局", implementer: "县农村供水管理站", count: ["新建供水管网长度", "公里", 20, 200], quality: "水质检测合格率", time: "工程完工时间", cost: "工程建设成本", benefitCount: ["受益人口数", "人", 3000, 30000], benefitTier: "农村供水保障水平", satisfaction: "受益群众满意度", goal: (n, m) => `新建改造供水管网${n}公里，水质检测合格率达到95%以上，保障${m}名农村居民饮水安全。` },
  { project: "公共文化服务", department: "县文化旅游体育局", implementer: "县文化馆", count: ["送戏下乡场次", "场", 40, 300], quality: "演出活动达标率", time: "活动完成时间", cost: "活动成本", benefitCount: ["观看群众人次", "人次", 5000, 50000], benefitTier: "群众文化生活", satisfaction: "观众满意度", goal: (n, m) => `全年开展送戏下乡${n}场，演出活动达标率达到95%，服务群众${m}人次。` },
];

const PLACES = ["城关镇", "河西镇", "新桥乡", "白沙镇", "青山乡", "石门镇", "东湖街道", "南岭乡", "西坪镇", "龙泉乡", "高桥镇", "马家乡"];

function ind(partial: Partial<Ind> & Pick<Ind, "l1" | "l2" | "name" | "kind">): Ind {
  return { op: null, value: 0, unit: "", text: "", date: "", cumulative: false, weight: 0, actual: null, score: 0, declared: null, reason: "", current: null, forecast: null, possibility: "", lastYear: null, over: {}, ...partial };
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
function between(r: () => number, lo: number, hi: number): number {
  return Math.round(lo + r() * (hi - lo));
}

/** A sound project (domain.md §3): 年度总体目标, 产出 (数量 + 质量 + 时效 + 成本), 效益 (count + tier), 满意度 — weights 50 / 30 / 10. */
function soundProject(r: () => number, i: number, mode: Mode, bookIndex: number, varied: boolean, hasExecReason: boolean): Proj {
  const th = THEMES[(i + bookIndex) % THEMES.length];
  const place = PLACES[(i * 7 + bookIndex) % PLACES.length];
  const budget = between(r, 30, 900);
  const n = Math.round(between(r, th.count[2], th.count[3]) / 10) * 10;
  const m = Math.round(between(r, th.benefitCount[2], th.benefitCount[3]) / 10) * 10;
  const costCap = Math.round(budget * (0.4 + r() * 0.4));
  const fiscal = Math.round(budget * 0.8);
  const inds: Ind[] = [
    ind({ l1: "产出指标", l2: "数量指标", name: th.count[0], kind: "num", op: "≥", value: n, unit: th.count[1], cumulative: true, weight: 20 }),
    ind({ l1: "产出指标", l2: "质量指标", name: th.quality, kind: "num", op: "≥", value: pick(r, [90, 95, 98]), unit: "%", weight: 10 }),
    ind({ l1: "产出指标", l2: "时效指标", name: th.time, kind: "date", text: "2024年12月底前", date: "2024-12-31", weight: 10 }),
    ind({ l1: "产出指标", l2: "成本指标", name: th.cost, kind: "num", op: "≤", value: costCap, unit: "万元", weight: 10 }),
    ind({ l1: "效益指标", l2: "社会效益指标", name: th.benefitCount[0], kind: "num", op: "≥", value: m, unit: th.benefitCount[1], cumulative: true, weight: 15 }),
    ind({ l1: "效益指标", l2: "社会效益指标", name: th.benefitTier, kind: "tier", text: "达成年度指标", weight: 15 }),
    ind({ l1: "满意度指标", l2: "服务对象满意度指标", name: th.satisfaction, kind: "num", op: "≥", value: pick(r, [85, 90, 95]), unit: "%", weight: 10 }),
  ];
  const p: Proj = {
    code: `2024-${String(bookIndex).padStart(2, "0")}-${String(i + 1).padStart(3, "0")}`,
    name: `${place}${th.project}项目（${bookIndex}-${i + 1}）`,
    department: th.department,
    implementer: th.implementer,
    attribute: pick(r, ["经常性", "新增", "延续性"]),
    initialBudget: budget,
    budget,
    fiscal,
    other: budget - fiscal,
    spent: 0,
    cumSpent: 0,
    forecastSpent: 0,
    goal: th.goal(n, m),
    execReason: "",
    inds,
    orphans: [],
    over: {},
    marks: [],
    scored: mode === "self",
    declaredTotal: null,
    declaredGrade: null,
    defect: null,
  };
  if (varied) soundVariants(r, p, mode);
  // 上年实际完成值 (target-review lists): last year's counts below this year's targets.
  if (mode === "target") for (const x of p.inds) if (x.kind === "num" && x.cumulative) x.lastYear = Math.round(x.value * (0.7 + r() * 0.25));
  if (mode === "self") soundSelf(r, p, hasExecReason);
  if (mode === "monitor") soundMonitor(r, p);
  return p;
}

/**
 * Sound variations of a project's targets (dialect books): each keeps every finding as it was —
 * the 2021 cost layout (成本指标 → 经济成本指标) or the hybrid (经济成本指标 under 产出指标), a
 * unit cost (≤ N 元/人), other ways of writing a deadline, thousands separators, a rate known by
 * its name under 效益, loose tier synonyms (好 / 优良 / 完成), free qualitative text under 效益
 * and names with 「数据」「数字化」 (target review only: how a self-evaluation scores a free-text
 * target is not specified).
 */
function soundVariants(r: () => number, p: Proj, mode: Mode): void {
  const cost = p.inds[3];
  const variants: (() => void)[] = [
    () => Object.assign(cost, { l1: "成本指标", l2: "经济成本指标" }),
    () => Object.assign(cost, { l1: "产出指标", l2: "经济成本指标" }),
    () => Object.assign(cost, { name: `人均${cost.name}`, value: between(r, 200, 900), unit: "元/人" }),
    () => Object.assign(p.inds[2], { text: pick(r, ["2024年12月31日前", "12月底前", "2024年11月底前"]) }),
    () => {
      if (p.inds[0].value >= 1000) p.inds[0].text = "thousands";
    },
    () => Object.assign(p.inds[4], { name: `${p.inds[4].name.replace(/(人数|数|人次)$/, "")}覆盖率`, value: pick(r, [80, 90, 95]), unit: "%", cumulative: false }),
    () => Object.assign(p.inds[5], { text: pick(r, ["好", "优良", "完成"]) }),
    () => Object.assign(p.inds[1], { op: "=", value: 100 }),
  ];
  if (mode === "target") {
    variants.push(() => Object.assign(p.inds[5], { kind: "text", text: "有所减轻" }));
    variants.push(() => Object.assign(p.inds[5], { kind: "text", name: pick(r, ["数据共享", "数字化管理水平"]), text: "实现部门间互联互通" }));
  }
  const n = r() < 0.4 ? 0 : r() < 0.6 ? 1 : 2;
  for (let k = 0; k < n; k++) pick(r, variants)();
}

/** A complete self-evaluation: most indicators met (below 130 %), some short of target with a reason. */
function soundSelf(r: () => number, p: Proj, hasExecReason: boolean): void {
  p.spent = Math.round(p.budget * (0.9 + r() * 0.1) * 100) / 100;
  // Execution below 90 % with its reason given (where the sheet has a place for it): no E007.
  if (hasExecReason && r() < 0.15) {
    p.spent = Math.round(p.budget * (0.6 + r() * 0.29) * 100) / 100;
    p.execReason = "部分资金年底到位，合同尾款下年支付。";
  }
  const short = r() < 0.5 ? Math.floor(r() * 4) : 0; // 0–3 indicators short of target (cost: over its cap)
  const shortSet = new Set<number>();
  while (shortSet.size < short) shortSet.add(pick(r, [0, 1, 3, 4, 5]));
  p.inds.forEach((x, k) => setActual(r, x, shortSet.has(k) ? 0.3 + r() * 0.65 : 1));
  // Far above target, with the reason given: no E006.
  const x = p.inds[0];
  if (!shortSet.has(0) && x.kind === "num" && r() < 0.15) {
    x.actual = `${Math.round(x.value * (1.3 + r() * 0.5))}${x.unit}`;
    x.reason = "群众需求旺盛，追加开展了部分工作。";
  }
}

/** Write the actual of an indicator reaching `f` of its target (1: met), its score and declared score. */
function setActual(r: () => number, x: Ind, f: number): void {
  x.reason = "";
  if (x.kind === "num" && (x.op === "≥" || x.op === "=")) {
    if (f >= 1) {
      const a = x.unit === "%" ? Math.min(100, x.value + between(r, 0, 4)) : Math.round(x.value * (1 + r() * 0.2));
      x.actual = `${a}${x.unit}`;
      x.score = x.weight;
    } else {
      const a = x.unit === "%" ? Math.round(x.value * f * 10) / 10 : Math.max(1, Math.floor(x.value * f));
      x.actual = `${a}${x.unit}`;
      x.score = round2((a / x.value) * x.weight);
      x.reason = "受资金到位时间影响，部分任务推迟实施，已制定整改措施。";
    }
  } else if (x.kind === "num" && x.op === "≤") {
    if (f >= 1) {
      x.actual = `${Math.round(x.value * (0.8 + r() * 0.2) * 100) / 100}${x.unit}`;
      x.score = x.weight;
    } else {
      // Over its cap: linear (domain.md §4, the default preset) — weight × max(0, 1 − (actual − target) / target).
      const a = Math.round(x.value * (2 - f) * 100) / 100;
      x.actual = `${a}${x.unit}`;
      x.score = round2(x.weight * Math.max(0, 1 - (a - x.value) / x.value));
      x.reason = "材料价格上涨，单位成本超出预期。";
    }
  } else if (x.kind === "date") {
    x.actual = "2024年11月30日";
    x.score = x.weight;
  } else if (x.kind === "tier") {
    if (f >= 1) {
      x.actual = "达成年度指标";
      x.score = x.weight;
    } else if (f >= 0.6) {
      x.actual = "部分达成年度指标并具有一定效果";
      x.score = round2(x.weight * 0.7);
      x.reason = "部分工作尚未完成，下年度继续推进。";
    } else {
      x.actual = "未达成年度指标且效果较差";
      x.score = round2(x.weight * 0.3);
      x.reason = "项目实施条件发生变化，效果未达预期，已调整实施方案。";
    }
  }
  x.declared = x.score;
}

/** A mid-year monitoring sheet at 2024-07-31 (序时进度 7/12): every light green. */
function soundMonitor(r: () => number, p: Proj): void {
  p.cumSpent = Math.round(p.budget * (0.55 + r() * 0.15) * 100) / 100;
  p.forecastSpent = Math.round(p.budget * (0.95 + r() * 0.05) * 100) / 100;
  for (const x of p.inds) {
    x.reason = "";
    if (x.kind === "num" && x.cumulative) {
      x.current = `${Math.round(((x.value * 7) / 12) * (0.95 + r() * 0.15))}${x.unit}`;
      x.forecast = `${x.value}${x.unit}`;
      x.possibility = "确定能";
    } else if (x.kind === "num" && (x.op === "≥" || x.op === "=")) {
      const c = x.unit === "%" ? Math.min(100, x.value + between(r, 0, 3)) : x.value;
      x.current = `${c}${x.unit}`;
      x.forecast = `${c}${x.unit}`;
      x.possibility = "确定能";
    } else if (x.kind === "num" && x.op === "≤") {
      x.current = `${Math.round(x.value * 0.5)}${x.unit}`;
      x.forecast = `${Math.round(x.value * 0.95)}${x.unit}`;
      x.possibility = "确定能";
    } else if (x.kind === "tier") {
      x.current = "达成年度指标";
      x.forecast = "达成年度指标";
      x.possibility = "确定能";
    }
  }
}

// ---------------------------------------------------------------- defects

interface Defect {
  kind: string;
  modes: Mode[];
  layouts?: Layout[];
  /** Apply to a sound project; false when it does not fit this project. */
  apply: (p: Proj, r: () => number, ctx: { unit: "万元" | "元"; all: Proj[] }) => boolean | void;
}

const LIST_LAYOUTS: Layout[] = ["list", "list-sichuan"];
const FORM_SELF: Layout[] = ["form-central", "form-sichuan"];
const byName = (p: Proj, l2: string) => p.inds.findIndex((x) => x.l2 === l2);
/** The money-valued cost indicator in 万元 (not a unit cost), -1 when the project has none. */
const costIndex = (p: Proj) => p.inds.findIndex((x) => x.l2.includes("成本") && x.unit === "万元");
const idx = (p: Proj, pred: (x: Ind) => boolean) => p.inds.findIndex(pred);
function markInd(p: Proj, rule: string, index: number): void {
  p.marks.push({ rule, at: "ind", index });
}
function scoreOff(p: Proj): void {
  p.scored = false;
}

const DEFECTS: Defect[] = [
  // ---- D: the sheet itself
  { kind: "D002 orphan indicator row", modes: ["target", "self", "monitor"], layouts: LIST_LAYOUTS, apply: (p) => {
    const o = { ...p.inds[1], over: {} };
    p.orphans.push(o);
    p.marks.push({ rule: "D002", at: "orphan", index: 0 });
  } },
  { kind: "D003 project without indicators", modes: ["target", "monitor"], layouts: LIST_LAYOUTS, apply: (p) => {
    p.inds = [];
    p.attribute = "新增";
    p.budget = p.initialBudget = 30;
    p.fiscal = 24;
    p.other = 6;
    p.cumSpent = 17.5;
    p.forecastSpent = 30;
    p.marks.push({ rule: "D003", at: "project" });
  } },
  // Not on a combined sheet: there consecutive rows with one code are one project's rows.
  { kind: "D003 a large project without indicators (T023 too)", modes: ["target"], layouts: LIST_LAYOUTS, apply: (p) => {
    p.inds = [];
    p.attribute = "经常性";
    p.budget = p.initialBudget = 650;
    p.fiscal = 520;
    p.other = 130;
    p.marks.push({ rule: "D003", at: "project" }, { rule: "T023", at: "project" });
  } },
  { kind: "D004 duplicated project code", modes: ["target"], layouts: LIST_LAYOUTS, apply: (p, _r, ctx) => {
    const k = ctx.all.indexOf(p);
    if (k === 0) return false;
    // This row repeats the previous project's code; its indicators go to the first (one cause: D004).
    p.code = ctx.all[k - 1].code;
    p.inds = [];
    p.marks.push({ rule: "D004", at: "pcell", col: "code" });
  } },
  { kind: "D005 budget written as 「约…万」", modes: ["target", "self", "monitor"], layouts: [...LIST_LAYOUTS, "combined"], apply: (p) => {
    p.over.budget = `约${p.budget}万`;
    p.over.initialBudget = null;
    p.marks.push({ rule: "D005", at: "pcell", col: "budget" });
    scoreOff(p);
  } },
  { kind: "D005 weight written as text", modes: ["self"], apply: (p) => {
    p.inds[0].over.weight = "二十";
    p.marks.push({ rule: "D005", at: "icell", index: 0, col: "weight" });
    scoreOff(p);
  } },
  { kind: "D006 funding sources do not add up", modes: ["target", "self"], layouts: [...LIST_LAYOUTS, "form-central"], apply: (p) => {
    p.fiscal = p.fiscal - 5;
    p.marks.push({ rule: "D006", at: "project" });
  } },
  { kind: "D006 negative amount", modes: ["target"], layouts: LIST_LAYOUTS, apply: (p) => {
    p.other = -p.other;
    p.fiscal = p.initialBudget - p.other;
    p.marks.push({ rule: "D006", at: "pcell", col: "other" });
  } },
  { kind: "D007 error value in a cell", modes: ["target", "self", "monitor"], layouts: [...LIST_LAYOUTS, "combined"], apply: (p) => {
    p.over.implementer = { error: "#N/A" };
    p.marks.push({ rule: "D007", at: "pcell", col: "implementer" });
  } },
  { kind: "D008 overspend", modes: ["self"], apply: (p) => {
    p.spent = Math.round(p.budget * 1.08 * 100) / 100;
    p.marks.push({ rule: "D008", at: "pcell", col: "spent" });
  } },
  { kind: "D009 万元 column holding 元", modes: ["target"], layouts: [...LIST_LAYOUTS, "combined"], apply: (p, _r, ctx) => {
    if (ctx.unit !== "万元") return false;
    p.over.budget = p.budget * 10000;
    p.marks.push({ rule: "D009", at: "pcell", col: "budget" });
  } },

  // ---- T: target quality
  { kind: "T001 年度总体目标 empty", modes: ["target", "self", "monitor"], layouts: ["list", "list-sichuan", "combined", "form-central", "form-xiangtan"], apply: (p) => {
    p.goal = "";
    p.marks.push({ rule: "T001", at: "project" });
  } },
  { kind: "T002 年度总体目标 too short", modes: ["target", "self", "monitor"], layouts: ["list", "list-sichuan", "combined", "form-central", "form-xiangtan"], apply: (p) => {
    p.goal = "完成项目建设任务";
    p.marks.push({ rule: "T002", at: "project" });
  } },
  { kind: "T003 no 效益指标", modes: ["target", "self"], apply: (p) => {
    // The two 效益 indicators become 产出 ones (质量 / 数量): 产出 keeps its shape, 效益 is gone.
    for (const x of p.inds) if (x.l1 === "效益指标") Object.assign(x, x.kind === "tier" || x.kind === "text" ? { l1: "产出指标", l2: "质量指标", name: `${x.name}达标情况` } : { l1: "产出指标", l2: "数量指标" });
  } },
  { kind: "T004 no 满意度指标", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = byName(p, "服务对象满意度指标");
    p.inds[4].weight += p.inds[k].weight;
    resetScore(p.inds[4]);
    p.inds.splice(k, 1);
  } },
  { kind: "T005 产出 without 数量指标", modes: ["target", "self"], apply: (p) => {
    const k = byName(p, "数量指标");
    p.inds[1].weight += p.inds[k].weight;
    resetScore(p.inds[1]);
    p.inds.splice(k, 1);
  } },
  { kind: "T007 社会效益指标 under 产出指标", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier" && x.l1 === "效益指标");
    if (k < 0) return false;
    p.inds[k].l1 = "产出指标";
    markInd(p, "T007", k);
  } },
  { kind: "T008 数量 target without a number", modes: ["target"], apply: (p) => {
    const x = p.inds[0];
    Object.assign(x, { kind: "text", text: "有所增加", op: null });
    markInd(p, "T008", 0);
  } },
  { kind: "T008 a rate under 质量 without a number", modes: ["target"], apply: (p) => {
    const x = p.inds[1];
    Object.assign(x, { kind: "text", text: "有所提升", op: null });
    markInd(p, "T008", 1);
  } },
  { kind: "T008 a count under 效益 without a number", modes: ["target"], apply: (p) => {
    const x = p.inds[4];
    Object.assign(x, { kind: "text", text: "持续增加", op: null });
    markInd(p, "T008", 4);
  } },
  { kind: "T009 vague word in a name", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier");
    if (k < 0) return false;
    p.inds[k].name = `${p.inds[k].name}明显改善`;
    markInd(p, "T009", k);
  } },
  { kind: "T009 vague qualitative target", modes: ["target"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier");
    if (k < 0) return false;
    Object.assign(p.inds[k], { kind: "text", text: "逐步提高" });
    markInd(p, "T009", k);
  } },
  { kind: "T010 placeholder target", modes: ["target"], apply: (p) => {
    Object.assign(p.inds[0], { kind: "text", text: `XX${p.inds[0].unit}`, op: null });
    markInd(p, "T010", 0);
  } },
  { kind: "T011 number without a unit", modes: ["target", "self"], apply: (p) => {
    const x = p.inds[0];
    if (/(人次|人数|次数|户数|个数|件数|天数|数)$/.test(x.name)) x.name = `${x.name.replace(/(人次|人数|数)$/, "")}规模`;
    const keep = x.unit;
    x.unit = "";
    if (typeof x.actual === "string") x.actual = x.actual.replace(keep, "");
    markInd(p, "T011", 0);
  } },
  { kind: "T012 cost floored with ≥", modes: ["target"], apply: (p) => {
    const k = costIndex(p);
    if (k < 0) return false;
    p.inds[k].op = "≥";
    markInd(p, "T012", k);
  } },
  { kind: "T012 unit cost floored with ≥", modes: ["target"], apply: (p) => {
    const k = costIndex(p);
    if (k < 0) return false;
    Object.assign(p.inds[k], { name: `${p.inds[k].name.replace(/成本$/, "")}单位成本`, op: "≥", value: 500, unit: "元/人" });
    markInd(p, "T012", k);
  } },
  { kind: "T013 rate above 100 %", modes: ["target"], apply: (p) => {
    p.inds[1].value = 120;
    markInd(p, "T013", 1);
  } },
  { kind: "T014 satisfaction floor below 85 %", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = byName(p, "服务对象满意度指标");
    p.inds[k].value = 70;
    markInd(p, "T014", k);
  } },
  { kind: "T015 预算执行率 as an output", modes: ["target"], apply: (p) => {
    Object.assign(p.inds[1], { name: "预算执行率", value: 90 });
    markInd(p, "T015", 1);
  } },
  { kind: "T016 two indicators with one name", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier");
    if (k < 0) return false;
    p.inds[k].name = p.inds[4].name;
  } },
  { kind: "T017 only two indicators", modes: ["target"], apply: (p) => {
    p.inds = [p.inds[0], p.inds[4]];
    p.inds[0].weight = 60;
    p.inds[1].weight = 30;
  } },
  { kind: "T018 qualitative majority", modes: ["target"], apply: (p) => {
    // 数量 30, 质量 (tier) 20 = 产出 50; 社会 (tier) 15, 可持续 (tier) 15 = 效益 30; 满意度 10: 3 of 5 qualitative.
    p.inds = [p.inds[0], p.inds[5], p.inds[6]];
    p.inds[0].weight = 30;
    p.inds.splice(1, 0, ind({ l1: "产出指标", l2: "质量指标", name: "服务规范程度", kind: "tier", text: "达成年度指标", weight: 20 }));
    p.inds.splice(3, 0, ind({ l1: "效益指标", l2: "可持续影响指标", name: "长效机制建设", kind: "tier", text: "达成年度指标", weight: 15 }));
  } },
  { kind: "T019 cost targets above the budget", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = costIndex(p);
    if (k < 0) return false;
    p.inds[k].value = Math.round(p.budget * 3);
    if (p.inds[k].actual !== null) resetScore(p.inds[k]);
    if (p.inds[k].current !== null) {
      p.inds[k].current = `${Math.round(p.budget * 1.2)}万元`;
      p.inds[k].forecast = `${Math.round(p.budget * 2.5)}万元`;
    }
    markInd(p, "T019", k);
  } },
  { kind: "T019 a unit cost above the budget", modes: ["target"], apply: (p) => {
    const k = costIndex(p);
    if (k < 0) return false;
    Object.assign(p.inds[k], { name: `${p.inds[k].name.replace(/成本$/, "")}单位成本`, value: Math.round(p.budget * 2), unit: "万元/人" });
    markInd(p, "T019", k);
  } },
  { kind: "T020 时效 target outside the budget year", modes: ["target", "self", "monitor"], apply: (p) => {
    const k = byName(p, "时效指标");
    Object.assign(p.inds[k], { text: "2025年12月底前", date: "2025-12-31" });
    markInd(p, "T020", k);
  } },
  { kind: "T022 target below last year's actual", modes: ["target"], layouts: LIST_LAYOUTS, apply: (p) => {
    const x = p.inds[0];
    x.lastYear = Math.round(x.value * 1.25);
    markInd(p, "T022", 0);
  } },
  { kind: "T021 weights not adding up to 90", modes: ["self"], apply: (p) => {
    p.inds[0].weight += 5;
    resetScore(p.inds[0]);
  } },

  // ---- E: self-evaluation
  { kind: "E001 实际完成值 empty", modes: ["self"], apply: (p) => {
    p.inds[0].actual = null;
    p.inds[0].declared = null;
    p.inds[0].reason = "数据尚在统计中。";
    markInd(p, "E001", 0);
    scoreOff(p);
  } },
  { kind: "E002 qualitative actual not a tier", modes: ["self"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier");
    if (k < 0) return false;
    p.inds[k].actual = "见附件";
    markInd(p, "E002", k);
    scoreOff(p);
  } },
  { kind: "E003 declared score off by 3", modes: ["self"], apply: (p) => {
    const x = p.inds[0];
    x.declared = round2(x.score - 3);
    markInd(p, "E003", 0);
  } },
  { kind: "E004 declared score above the weight", modes: ["self"], apply: (p) => {
    const x = p.inds[1];
    setActual(() => 0.5, x, 1);
    x.declared = x.weight + 2;
    markInd(p, "E004", 1);
  } },
  { kind: "E005 short of target without a reason", modes: ["self"], apply: (p) => {
    const x = p.inds[4];
    setActual(() => 0.5, x, 0.6);
    x.reason = "";
    markInd(p, "E005", 4);
  } },
  // E006 itself is labelled by the oracle (overAchieved), wherever an actual reaches 130 %.
  { kind: "E006 far above target without a reason", modes: ["self"], apply: (p) => {
    const x = p.inds[0];
    x.actual = `${Math.round(x.value * 1.6)}${x.unit}`;
    x.score = x.declared = x.weight;
    x.reason = "";
  } },
  { kind: "E007 execution below 90 % without a reason", modes: ["self"], layouts: [...LIST_LAYOUTS, "combined"], apply: (p) => {
    p.spent = Math.round(p.budget * 0.7 * 100) / 100;
    p.execReason = "";
    p.marks.push({ rule: "E007", at: "project" });
  } },
  { kind: "E008 declared total off by 6", modes: ["self"], layouts: [...LIST_LAYOUTS, ...FORM_SELF], apply: (p) => {
    p.declaredTotal = -6; // resolved after scoring: expected + 6
    p.marks.push({ rule: "E008", at: "project" });
  } },
  { kind: "E009 tier score outside its band", modes: ["self"], apply: (p) => {
    const k = idx(p, (x) => x.kind === "tier");
    if (k < 0) return false;
    const x = p.inds[k];
    setActual(() => 0.5, x, 0.5);
    x.declared = round2(x.weight * 0.95);
    markInd(p, "E009", k);
  } },

  // ---- M: monitoring (at 2024-07-31, 序时进度 7/12)
  { kind: "M001 budget red", modes: ["monitor"], apply: (p) => {
    p.cumSpent = Math.round(p.budget * 0.2 * 100) / 100;
    p.marks.push({ rule: "M001", at: "project" });
  } },
  { kind: "M001 budget yellow", modes: ["monitor"], apply: (p) => {
    p.cumSpent = Math.round(p.budget * 0.4 * 100) / 100;
    p.marks.push({ rule: "M001", at: "project" });
  } },
  { kind: "M002 cumulative red (reason given)", modes: ["monitor"], apply: (p) => {
    const x = p.inds[0];
    x.current = `${Math.round(((x.value * 7) / 12) * 0.4)}${x.unit}`;
    x.forecast = `${Math.round(x.value * 0.7)}${x.unit}`;
    x.possibility = "有可能";
    x.reason = "经费保障";
    markInd(p, "M002", 0);
  } },
  { kind: "M002 cumulative blue", modes: ["monitor"], apply: (p) => {
    const x = p.inds[4];
    if (!x.cumulative) return false;
    x.current = `${Math.round(((x.value * 7) / 12) * 1.35)}${x.unit}`;
    markInd(p, "M002", 4);
  } },
  { kind: "M003 level red (reason given)", modes: ["monitor"], apply: (p) => {
    const x = p.inds[1];
    x.current = `${x.value - 15}%`;
    x.forecast = `${x.value - 5}%`;
    x.possibility = "有可能";
    x.reason = "制度保障";
    markInd(p, "M003", 1);
  } },
  { kind: "M004 red without a reason", modes: ["monitor"], apply: (p) => {
    const x = p.inds[0];
    x.current = `${Math.round(((x.value * 7) / 12) * 0.3)}${x.unit}`;
    x.forecast = `${Math.round(x.value * 0.6)}${x.unit}`;
    x.possibility = "有可能";
    x.reason = "";
    markInd(p, "M002", 0);
    markInd(p, "M004", 0);
  } },
  { kind: "M005 确定能 beside a short forecast", modes: ["monitor"], apply: (p) => {
    const x = p.inds[4];
    x.forecast = `${Math.round(x.value * 0.8)}${x.unit}`;
    x.possibility = "确定能";
    markInd(p, "M005", 4);
  } },
  { kind: "M005 完全不可能 without a reason", modes: ["monitor"], apply: (p) => {
    const x = p.inds[0];
    x.forecast = `${Math.round(x.value * 0.5)}${x.unit}`;
    x.possibility = "完全不可能";
    x.reason = "";
    markInd(p, "M005", 0);
  } },
  { kind: "M006 idle money", modes: ["monitor"], apply: (p) => {
    p.forecastSpent = Math.round(p.budget * 0.8 * 100) / 100;
    p.marks.push({ rule: "M006", at: "project" });
  } },
];

/** After a weight changed (self-evaluation): the indicator is met, with full marks of its new weight. */
function resetScore(x: Ind): void {
  if (x.actual === null) return;
  setActual(() => 0.5, x, 1);
}

// ---------------------------------------------------------------- the oracle for structure, scores and grades

/** Findings that follow from a project's final indicator list (rules.md T003–T005, T016–T018, T021). */
function structural(p: Proj, weighted: boolean): void {
  if (p.inds.length === 0) return;
  const has = (l1: string) => p.inds.some((x) => x.l1 === l1);
  if (!has("产出指标") || !has("效益指标")) p.marks.push({ rule: "T003", at: "project" });
  if (!has("满意度指标")) p.marks.push({ rule: "T004", at: "project" });
  const out = p.inds.filter((x) => x.l1 === "产出指标");
  if (out.length && (!out.some((x) => x.l2 === "数量指标") || !out.some((x) => x.l2 === "质量指标" || x.l2 === "时效指标"))) p.marks.push({ rule: "T005", at: "project" });
  const seen = new Set<string>();
  p.inds.forEach((x, k) => {
    if (seen.has(x.name)) markInd(p, "T016", k);
    seen.add(x.name);
  });
  if (p.inds.length < 3) p.marks.push({ rule: "T017", at: "project" });
  const qualitative = p.inds.filter((x) => x.kind === "tier" || x.kind === "text").length;
  if (qualitative * 2 > p.inds.length) p.marks.push({ rule: "T018", at: "project" });
  if (weighted) {
    const sum = p.inds.reduce((a, x) => a + x.weight, 0);
    if (Math.abs(sum - 90) > 1e-9) p.marks.push({ rule: "T021", at: "project" });
  }
}

/** rules.md E006: a 正向 actual at or above 130 % of its target with no reason (whatever made it so). */
function overAchieved(p: Proj): void {
  p.inds.forEach((x, k) => {
    if (x.kind !== "num" || x.op !== "≥" || x.reason || typeof x.actual !== "string" || x.value <= 0) return;
    const a = Number(x.actual.replace(x.unit, ""));
    if (Number.isFinite(a) && a >= x.value * 1.3) markInd(p, "E006", k);
  });
}

/** domain.md §4: execution min(rate, 100 %) × 10 + the indicators' scores; grade bands 90 / 80 / 60. */
function expectedTotal(p: Proj): number {
  const rate = p.budget > 0 ? Math.min(1, p.spent / p.budget) : 0;
  let sum = round2(rate * 10);
  for (const x of p.inds) sum += x.score;
  return round2(sum);
}

// ---------------------------------------------------------------- writing

interface Where {
  sheet: string;
  row: number;
  cells: Partial<Record<string, string>>;
}

function colName(n: number): string {
  let s = "";
  let x = n + 1;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}
const A1 = (c: number, r: number) => `${colName(c)}${r}`;

function put(ws: ExcelJS.Worksheet, c: number, r: number, v: Cell): void {
  if (v === null || v === undefined || v === "") return;
  ws.getCell(A1(c, r)).value = v;
}
function merge(ws: ExcelJS.Worksheet, c1: number, r1: number, c2: number, r2: number): void {
  if (c1 === c2 && r1 === r2) return;
  ws.mergeCells(`${A1(c1, r1)}:${A1(c2, r2)}`);
}

/** Amounts as written in this book's unit. */
function money(v: number, unit: "万元" | "元"): number {
  return unit === "元" ? Math.round(v * 10000 * 100) / 100 : v;
}

function unitText(unit: string, d: Dialect): string {
  return unit === "%" ? d.pct : unit;
}

function targetText(x: Ind, d: Dialect): string {
  if (x.kind === "num") {
    // A bare value is ＝ for a target and ≥ for scoring: only where the indicator is 正向 anyway.
    const op = x.op === "≥" ? (d.bare && x.cumulative ? "" : d.ge) : x.op === "≤" ? d.le : x.op === "=" ? "＝" : "";
    const n = x.text === "thousands" ? x.value.toLocaleString("en-US") : String(x.value);
    return `${op}${digits(n, d)}${unitText(x.unit, d)}`;
  }
  return x.kind === "tier" ? tierText(x.text, d) : x.text;
}

/** An actual / current / forecast as written: tiers in the book's wording. */
function valueText(v: Cell, d: Dialect): Cell {
  return typeof v === "string" ? tierText(v, d) : v;
}

const SICHUAN_OP: Record<string, string> = { "=": "＝" };

/** 指标性质: the operator of a number, 定性 for a tier; nothing for a date or a text that should have been a number. */
function sichuanOp(x: Ind, d: Dialect): string {
  if (x.kind === "num" && d.direction && (x.op === "≥" || x.op === "≤")) return x.op === "≥" ? "正向" : "反向";
  if (x.kind === "num") return x.op === "≥" ? d.ge : x.op === "≤" ? d.le : x.op ? SICHUAN_OP[x.op] : "＝";
  return x.kind === "tier" ? "定性" : "";
}

interface Written {
  project: Where;
  inds: Where[];
  orphans: Where[];
}

const AMOUNT_COLS: ProjCol[] = ["initialBudget", "budget", "fiscal", "other", "spent", "cumSpent", "forecastSpent"];

function projectValue(p: Proj, col: ProjCol, unit: "万元" | "元", declaredTotal: number | null, d?: Dialect): Cell {
  if (col in p.over) return p.over[col] as Cell;
  const v = projectRaw(p, col, unit, declaredTotal);
  // Amounts stored as text: 「1,234.50」.
  if (d?.textAmounts && typeof v === "number" && AMOUNT_COLS.includes(col)) return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v;
}

function projectRaw(p: Proj, col: ProjCol, unit: "万元" | "元", declaredTotal: number | null): Cell {
  switch (col) {
    case "code": return p.code;
    case "name": return p.name;
    case "department": return p.department;
    case "implementer": return p.implementer;
    case "attribute": return p.attribute;
    case "initialBudget": return money(p.initialBudget, unit);
    case "budget": return money(p.budget, unit);
    case "fiscal": return money(p.fiscal, unit);
    case "other": return money(p.other, unit);
    case "spent": return money(p.spent, unit);
    case "cumSpent": return money(p.cumSpent, unit);
    case "forecastSpent": return money(p.forecastSpent, unit);
    case "goal": return p.goal;
    case "execReason": return p.execReason;
    case "total": return declaredTotal;
    case "grade": return p.declaredGrade;
  }
}

function indValue(x: Ind, col: IndCol | "weightCol", code: string, d: Dialect): Cell {
  if (col !== "weightCol" && col in x.over) return x.over[col as IndCol] as Cell;
  switch (col) {
    case "code": return code;
    case "target": return targetText(x, d);
    case "actual": return valueText(x.actual, d);
    case "weight":
    case "weightCol": return "weight" in x.over ? (x.over.weight as Cell) : x.weight;
    case "score": return x.declared;
    case "reason": return x.reason;
    case "current": return valueText(x.current, d);
    case "forecast": return valueText(x.forecast, d);
    case "possibility": return x.possibility;
    case "lastYear": return x.lastYear === null ? null : `${x.lastYear}${unitText(x.unit, d)}`;
  }
}

/** A percentage actual as a number formatted 「0.0%」 (the dialect's pctFormat), else as written. */
function putActual(ws: ExcelJS.Worksheet, c: number, r: number, x: Ind, v: Cell, d: Dialect): void {
  if (d.dateCells && x.kind === "date" && v === "2024年11月30日") {
    const cell = ws.getCell(A1(c, r));
    cell.value = new Date("2024-11-30T00:00:00Z");
    cell.numFmt = "yyyy-mm-dd";
    return;
  }
  if (d.pctFormat && x.kind === "num" && x.unit === "%" && typeof v === "string" && /^\d+(\.\d+)?%$/.test(v)) {
    const cell = ws.getCell(A1(c, r));
    cell.value = Number(v.slice(0, -1)) / 100;
    cell.numFmt = "0.0%";
    return;
  }
  put(ws, c, r, v);
}

const TITLES: Record<Mode, string> = { target: "2024年度项目支出绩效目标表", self: "2024年度项目支出绩效自评表", monitor: "2024年度项目支出绩效运行监控表" };

/** List layout: 项目表 + 指标表 (central: operator + value + unit in one cell; Sichuan: 指标性质 | 指标值 | 计量单位). */
function writeList(wb: ExcelJS.Workbook, projects: Proj[], mode: Mode, unit: "万元" | "元", sichuan: boolean, d: Dialect): Written[] {
  const ps = wb.addWorksheet("项目表");
  const is = wb.addWorksheet("指标表");
  const H = d.h;
  const pcols: [ProjCol, string][] = [["code", H.项目编码], ["name", "项目名称"], ["department", H.主管部门], ["implementer", H.实施单位], ["attribute", "项目属性"]];
  const amounts: [ProjCol, string][] = [["initialBudget", "年初预算数"], ["budget", H.全年预算数], ["fiscal", "财政拨款"], ["other", "其他资金"]];
  if (mode === "self") amounts.push(["spent", H.全年执行数]);
  if (mode === "monitor") amounts.push(["cumSpent", "1-7月执行数"], ["forecastSpent", "全年预计执行数"]);
  pcols.push(...amounts);
  if (mode === "self") pcols.push(["execReason", "执行偏差原因"], ["total", "自评总分"], ["grade", "自评等级"]);
  pcols.push(["goal", "年度总体目标"]);
  let r = 1;
  put(ps, 0, r++, TITLES[mode]);
  if (mode === "monitor") put(ps, 0, r++, "监控截止日期：2024年7月31日");
  if (d.unitInHeader) for (const a of amounts) a[1] = `${a[1]}（${unit}）`;
  else put(ps, 0, r++, `单位：${unit}`);
  // With a band: 「项目资金」 merged over the amount columns, the other headers merged down over both rows.
  const ph = d.band ? r + 1 : r;
  const firstAmount = pcols.findIndex(([f]) => f === amounts[0][0]);
  pcols.forEach(([f, h], c) => {
    const isAmount = c >= firstAmount && c < firstAmount + amounts.length;
    put(ps, c, ph, h);
    if (d.band && !isAmount) {
      ps.getCell(A1(c, ph)).value = null;
      put(ps, c, r, h);
      merge(ps, c, r, c, ph);
    }
    void f;
  });
  if (d.band) {
    put(ps, firstAmount, r, "项目资金");
    merge(ps, firstAmount, r, firstAmount + amounts.length - 1, r);
  }
  const icols: [IndCol | "l1" | "l2" | "name" | "op" | "unit" | "weightCol", string][] = [["code", H.项目编码], ["l1", "一级指标"], ["l2", "二级指标"], ["name", H.三级指标]];
  if (sichuan) icols.push(["op", d.direction ? "指标方向" : "指标性质"], ["target", "指标值"], ["unit", "计量单位"]);
  else icols.push(["target", H.年度指标值]);
  if (mode !== "monitor") icols.push(["weightCol", H.分值]);
  if (mode === "target") icols.push(["lastYear", "上年实际完成值"]);
  if (mode === "self") icols.push(["actual", H.实际完成值], ["score", H.得分], ["reason", H.偏差原因分析]);
  if (mode === "monitor") icols.push(["current", "1-7月完成值"], ["forecast", "全年预计完成值"], ["reason", "偏差原因"], ["possibility", "完成目标可能性"]);
  // Monitoring with √ sub-columns: the two heads merged over their options in a second header row.
  const choice = mode === "monitor" && d.choices;
  if (choice) icols.splice(icols.findIndex(([f]) => f === "reason"), 2);
  icols.forEach(([, h], c) => {
    put(is, c, 1, h);
    if (choice) merge(is, c, 1, c, 2);
  });
  const rc = icols.length;
  if (choice) {
    put(is, rc, 1, "偏差原因分析");
    merge(is, rc, 1, rc + 4, 1);
    REASON_KINDS.forEach((k, i) => put(is, rc + i, 2, k));
    put(is, rc + 5, 1, "完成目标可能性");
    merge(is, rc + 5, 1, rc + 7, 1);
    POSSIBILITIES.forEach((k, i) => put(is, rc + 5 + i, 2, k));
  }
  let ir = choice ? 3 : 2;
  const out: Written[] = [];
  const writeInds = (inds: Ind[], code: string): Where[] => {
    const top = ir;
    const where = inds.map((x) => {
      const cells: Record<string, string> = {};
      icols.forEach(([f], c) => {
        cells[f] = A1(c, ir);
        if (f === "l1") return put(is, c, ir, levelName(x.l1, d));
        if (f === "l2") return put(is, c, ir, levelName(x.l2, d));
        if (f === "name") return put(is, c, ir, x.name);
        if (f === "op") return put(is, c, ir, sichuanOp(x, d));
        if (f === "unit") return put(is, c, ir, x.kind === "num" ? unitText(x.unit, d) : "");
        if (sichuan && f === "target" && !("target" in x.over)) return put(is, c, ir, x.kind === "num" ? x.value : targetText(x, d));
        let v = indValue(x, f, code, d);
        if (sichuan && (f === "actual" || f === "current" || f === "forecast") && x.kind === "num" && typeof v === "string" && x.unit && v.endsWith(x.unit)) v = Number(v.slice(0, -x.unit.length));
        if (f === "actual" || f === "current") return putActual(is, c, ir, x, v, d);
        put(is, c, ir, v);
      });
      if (choice) {
        if (x.reason) {
          const k = REASON_KINDS.indexOf(x.reason);
          put(is, rc + (k >= 0 ? k : 4), ir, k >= 0 ? "√" : x.reason);
        }
        const q = POSSIBILITIES.indexOf(x.possibility);
        if (q >= 0) put(is, rc + 5 + q, ir, pick(rng(ir), ["√", "✓", "√"]));
      }
      return { sheet: is.name, row: ir++, cells };
    });
    // 一级 / 二级 merged down over their blocks (the dialect's mergeLevels).
    if (d.mergeLevels && inds.length) mergeLevelsDown(is, top, inds, icols.findIndex(([f]) => f === "l1"), icols.findIndex(([f]) => f === "l2"));
    return where;
  };
  projects.forEach((p, k) => {
    const row = ph + 1 + k;
    const cells: Record<string, string> = {};
    pcols.forEach(([f], c) => {
      cells[f] = A1(c, row);
      put(ps, c, row, projectValue(p, f, unit, p.declaredTotal, d));
    });
    const inds = writeInds(p.inds, p.code);
    const orphans = writeInds(p.orphans, `X${p.code}-9`);
    out.push({ project: { sheet: ps.name, row, cells }, inds, orphans });
  });
  return out;
}

/** Merge each run of one 一级 (and of one 一级/二级) down, its name in the top cell only. */
function mergeLevelsDown(ws: ExcelJS.Worksheet, top: number, inds: Ind[], c1: number, c2: number): void {
  const runs = (key: (x: Ind) => string, c: number) => {
    let from = 0;
    for (let i = 1; i <= inds.length; i++) {
      if (i < inds.length && key(inds[i]) === key(inds[from])) {
        ws.getCell(A1(c, top + i)).value = null;
        continue;
      }
      merge(ws, c, top + from, c, top + i - 1);
      from = i;
    }
  };
  runs((x) => x.l1, c1);
  runs((x) => `${x.l1}/${x.l2}`, c2);
}

/** One sheet: project columns on each project's first row (blank below, filled down), indicator columns on every row. */
function writeCombined(wb: ExcelJS.Workbook, projects: Proj[], mode: Mode, unit: "万元" | "元", d: Dialect): Written[] {
  const ws = wb.addWorksheet("项目绩效目标");
  const H = d.h;
  const pcols: [ProjCol, string][] = [["code", H.项目编码], ["name", "项目名称"], ["department", H.主管部门], ["implementer", H.实施单位], ["budget", `${H.全年预算数}（${unit}）`]];
  if (mode === "self") pcols.push(["spent", `${H.全年执行数}（${unit}）`], ["execReason", "执行偏差原因"]);
  pcols.push(["goal", "年度总体目标"]);
  const icols: [IndCol | "l1" | "l2" | "name" | "weightCol", string][] = [["l1", "一级指标"], ["l2", "二级指标"], ["name", H.三级指标], ["target", H.年度指标值]];
  if (mode === "self") icols.push(["weightCol", H.分值], ["actual", H.实际完成值], ["score", H.得分], ["reason", H.偏差原因分析]);
  put(ws, 0, 1, TITLES[mode]);
  const h = 2;
  [...pcols, ...icols].forEach(([, t], c) => put(ws, c, h, t));
  let r = h + 1;
  const out: Written[] = [];
  for (const p of projects) {
    const top = r;
    const cells: Record<string, string> = {};
    pcols.forEach(([f], c) => {
      cells[f] = A1(c, top);
      put(ws, c, top, projectValue(p, f, unit, p.declaredTotal, d));
    });
    const inds: Where[] = [];
    const list = p.inds.length ? p.inds : [null];
    for (const x of list) {
      const icells: Record<string, string> = {};
      if (x) {
        icols.forEach(([f], k) => {
          const c = pcols.length + k;
          icells[f] = A1(c, r);
          if (f === "l1" || f === "l2") return put(ws, c, r, levelName(x[f], d));
          if (f === "name") return put(ws, c, r, x.name);
          const v = indValue(x, f, p.code, d);
          if (f === "actual") return putActual(ws, c, r, x, v, d);
          put(ws, c, r, v);
        });
        inds.push({ sheet: ws.name, row: r, cells: icells });
      }
      // Repeated project cells (many exports): the same values on every row of the project.
      if (d.repeat && r > top) pcols.forEach(([f], c) => put(ws, c, r, projectValue(p, f, unit, p.declaredTotal, d)));
      r++;
    }
    out.push({ project: { sheet: ws.name, row: top, cells }, inds, orphans: [] });
  }
  return out;
}

/** Forms, one after another on one sheet: central / Sichuan 自评表, 湘潭 目标申报表, 136号 监控表. */
function writeForms(wb: ExcelJS.Workbook, projects: Proj[], layout: Layout, unit: "万元" | "元", d: Dialect): Written[] {
  const ws = wb.addWorksheet(layout === "form-xiangtan" ? "绩效目标申报表" : layout === "form-monitor" ? "运行监控表" : "项目支出绩效自评表");
  const out: Written[] = [];
  let r = 1;
  for (const p of projects) {
    const w = layout === "form-xiangtan" ? xiangtanForm(ws, r, p, unit, d) : layout === "form-monitor" ? monitorForm(ws, r, p, unit, d) : selfForm(ws, r, p, unit, layout === "form-sichuan", d);
    out.push(w.written);
    r = w.next + 2;
  }
  return out;
}

function selfForm(ws: ExcelJS.Worksheet, start: number, p: Proj, unit: "万元" | "元", sichuan: boolean, d: Dialect): { written: Written; next: number } {
  const W = sichuan ? 11 : 8;
  let r = start;
  put(ws, 0, r, "项目支出绩效自评表");
  merge(ws, 0, r, W, r);
  r++;
  put(ws, 0, r, "（2024年度）");
  merge(ws, 0, r, W, r);
  r++;
  const cells: Record<string, string> = {};
  put(ws, 0, r, "项目编码");
  put(ws, 1, r, projectValue(p, "code", unit, null));
  merge(ws, 1, r, W, r);
  cells.code = A1(1, r);
  r++;
  const nameRow = r;
  put(ws, 0, r, "项目名称");
  put(ws, 1, r, p.name);
  merge(ws, 1, r, W, r);
  cells.name = A1(1, r);
  r++;
  put(ws, 0, r, "主管部门");
  put(ws, 1, r, projectValue(p, "department", unit, null));
  merge(ws, 1, r, 3, r);
  put(ws, 4, r, "实施单位");
  put(ws, 5, r, projectValue(p, "implementer", unit, null));
  merge(ws, 5, r, W, r);
  cells.department = A1(1, r);
  cells.implementer = A1(5, r);
  r++;
  const f = r;
  put(ws, 0, f, `项目资金（${unit}）`);
  merge(ws, 0, f, 0, f + 3);
  merge(ws, 1, f, 2, f);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(ws, 3 + i, f, h));
  const rate = p.budget > 0 ? Math.min(1, p.spent / p.budget) : 0;
  const rows: [string, Cell[]][] = [
    ["年度资金总额", [projectValue(p, "initialBudget", unit, null), projectValue(p, "budget", unit, null), projectValue(p, "spent", unit, null), 10, Math.round((p.spent / p.budget) * 10000) / 10000, round2(rate * 10)]],
    ["其中：当年财政拨款", [money(p.fiscal, unit), money(round2((p.fiscal * p.budget) / p.initialBudget), unit), money(round2((p.fiscal * p.spent) / p.initialBudget), unit), "—", "—", "—"]],
    ["其他资金", [money(p.other, unit), money(round2(p.budget - (p.fiscal * p.budget) / p.initialBudget), unit), money(round2(p.spent - (p.fiscal * p.spent) / p.initialBudget), unit), "—", "—", "—"]],
  ];
  rows.forEach(([label, vals], i) => {
    put(ws, 1, f + 1 + i, label);
    merge(ws, 1, f + 1 + i, 2, f + 1 + i);
    vals.forEach((v, k) => put(ws, 3 + k, f + 1 + i, v));
  });
  cells.initialBudget = A1(3, f + 1);
  cells.budget = A1(4, f + 1);
  cells.spent = A1(5, f + 1);
  r = f + 4;
  put(ws, 0, r, "年度总体目标");
  merge(ws, 0, r, 0, r + 1);
  put(ws, 1, r, "预期目标");
  merge(ws, 1, r, 4, r);
  put(ws, 5, r, "实际完成情况");
  merge(ws, 5, r, W, r);
  put(ws, 1, r + 1, p.goal);
  merge(ws, 1, r + 1, 4, r + 1);
  put(ws, 5, r + 1, p.goal ? "已按计划完成年度目标。" : "");
  merge(ws, 5, r + 1, W, r + 1);
  cells.goal = A1(1, r + 1);
  r += 2;
  // Grid: 绩效指标 | 一级 | 二级 | 三级 | [指标性质] | 指标值 | [度量单位] | 实际完成值 | 分值 | 得分 | 偏差原因
  const head = sichuan ? ["一级指标", "二级指标", "三级指标", d.direction ? "指标方向" : "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"] : ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  put(ws, 0, r, "绩效指标");
  merge(ws, 0, r, 0, r + p.inds.length);
  head.forEach((h, i) => put(ws, 1 + i, r, h));
  if (!sichuan) merge(ws, 8, r, W, r);
  r++;
  const inds: Where[] = [];
  p.inds.forEach((x) => {
    const ic: Record<string, string> = {};
    let c = 1;
    const w = (key: string, v: Cell) => {
      ic[key] = A1(c, r);
      put(ws, c, r, v);
      c++;
    };
    w("l1", levelName(x.l1, d));
    w("l2", levelName(x.l2, d));
    w("name", x.name);
    if (sichuan) {
      w("op", sichuanOp(x, d));
      w("target", "target" in x.over ? x.over.target! : x.kind === "num" ? x.value : targetText(x, d));
      w("unit", x.kind === "num" ? unitText(x.unit, d) : "");
      w("actual", x.kind === "num" && typeof x.actual === "string" && x.unit ? Number(x.actual.replace(x.unit, "")) : indValue(x, "actual", p.code, d));
    } else {
      w("target", indValue(x, "target", p.code, d));
      ic.actual = A1(c, r);
      putActual(ws, c, r, x, indValue(x, "actual", p.code, d), d);
      c++;
    }
    w("weight", indValue(x, "weightCol", p.code, d));
    w("score", indValue(x, "score", p.code, d));
    w("reason", x.reason);
    if (!sichuan) merge(ws, 8, r, W, r);
    inds.push({ sheet: ws.name, row: r, cells: ic });
    r++;
  });
  put(ws, 0, r, "总分");
  merge(ws, 0, r, sichuan ? 7 : 5, r);
  put(ws, sichuan ? 8 : 6, r, 100);
  put(ws, sichuan ? 9 : 7, r, p.declaredTotal);
  cells.total = A1(sichuan ? 9 : 7, r);
  r++;
  put(ws, 0, r, "自评等级");
  put(ws, 1, r, p.declaredGrade);
  cells.grade = A1(1, r);
  return { written: { project: { sheet: ws.name, row: nameRow, cells }, inds, orphans: [] }, next: r + 1 };
}

function xiangtanForm(ws: ExcelJS.Worksheet, start: number, p: Proj, unit: "万元" | "元", d: Dialect): { written: Written; next: number } {
  const W = 5;
  let r = start;
  put(ws, 0, r, "项目支出绩效目标申报表");
  merge(ws, 0, r, W, r);
  r++;
  put(ws, 0, r, "（2024年度）");
  merge(ws, 0, r, W, r);
  r++;
  const cells: Record<string, string> = {};
  const nameRow = r;
  put(ws, 0, r, "项目名称");
  put(ws, 1, r, p.name);
  merge(ws, 1, r, W, r);
  cells.name = A1(1, r);
  r++;
  put(ws, 0, r, "主管部门");
  put(ws, 1, r, p.department);
  merge(ws, 1, r, 2, r);
  put(ws, 3, r, "实施单位");
  put(ws, 4, r, p.implementer);
  merge(ws, 4, r, 5, r);
  r++;
  put(ws, 0, r, "项目属性");
  put(ws, 1, r, p.attribute);
  merge(ws, 1, r, 2, r);
  put(ws, 3, r, "项目期");
  put(ws, 4, r, "1年");
  merge(ws, 4, r, 5, r);
  r++;
  put(ws, 0, r, `项目资金（${unit}）`);
  merge(ws, 0, r, 0, r + 1);
  put(ws, 1, r, "资金总额");
  put(ws, 2, r, "财政拨款");
  put(ws, 3, r, "其他资金");
  merge(ws, 4, r, 5, r + 1);
  put(ws, 1, r + 1, money(p.budget, unit));
  put(ws, 2, r + 1, money(p.fiscal, unit));
  put(ws, 3, r + 1, money(p.other, unit));
  cells.budget = A1(1, r + 1);
  r += 2;
  put(ws, 0, r, "年度总体目标");
  merge(ws, 0, r, 0, r + 1);
  put(ws, 1, r, p.goal);
  merge(ws, 1, r, W, r + 1);
  cells.goal = A1(1, r);
  r += 2;
  put(ws, 0, r, "绩效指标");
  merge(ws, 0, r, 0, r + p.inds.length);
  ["一级指标", "二级指标", "三级指标", "指标值"].forEach((h, i) => put(ws, 1 + i, r, h));
  merge(ws, 4, r, 5, r);
  r++;
  const inds: Where[] = [];
  for (const x of p.inds) {
    put(ws, 1, r, levelName(x.l1, d));
    put(ws, 2, r, levelName(x.l2, d));
    put(ws, 3, r, x.name);
    put(ws, 4, r, indValue(x, "target", p.code, d));
    merge(ws, 4, r, 5, r);
    inds.push({ sheet: ws.name, row: r, cells: { name: A1(3, r), target: A1(4, r) } });
    r++;
  }
  put(ws, 0, r, "注：指标值应包含比较符号、数值和计量单位。");
  merge(ws, 0, r, W, r);
  return { written: { project: { sheet: ws.name, row: nameRow, cells }, inds, orphans: [] }, next: r + 1 };
}

const REASON_KINDS = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"];
const POSSIBILITIES = ["确定能", "有可能", "完全不可能"];

/** 财预〔2019〕136号 监控表: 偏差原因分析 and 完成目标可能性 as √ sub-columns under merged heads. */
function monitorForm(ws: ExcelJS.Worksheet, start: number, p: Proj, unit: "万元" | "元", d: Dialect): { written: Written; next: number } {
  const W = 15;
  let r = start;
  put(ws, 0, r, "2024年度项目支出绩效运行监控表");
  merge(ws, 0, r, W, r);
  r++;
  put(ws, 0, r, "监控截止日期：2024年7月31日");
  merge(ws, 0, r, W, r);
  r++;
  const cells: Record<string, string> = {};
  put(ws, 0, r, "项目编码");
  put(ws, 1, r, p.code);
  merge(ws, 1, r, W, r);
  r++;
  const nameRow = r;
  put(ws, 0, r, "项目名称");
  put(ws, 1, r, p.name);
  merge(ws, 1, r, W, r);
  cells.name = A1(1, r);
  r++;
  put(ws, 0, r, "主管部门");
  put(ws, 1, r, p.department);
  merge(ws, 1, r, W, r);
  r++;
  put(ws, 0, r, `项目资金（${unit}）`);
  merge(ws, 0, r, 0, r + 1);
  ["年初预算数", "全年预算数", "1-7月执行数", "全年预计执行数"].forEach((h, i) => put(ws, 2 + i, r, h));
  put(ws, 1, r + 1, "年度资金总额");
  [p.initialBudget, p.budget, p.cumSpent, p.forecastSpent].forEach((v, i) => put(ws, 2 + i, r + 1, money(v, unit)));
  cells.cumSpent = A1(4, r + 1);
  r += 2;
  const h = r;
  put(ws, 0, h, "绩效指标");
  merge(ws, 0, h, 0, h + 1 + p.inds.length);
  ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况"].forEach((t, i) => {
    put(ws, 1 + i, h, t);
    merge(ws, 1 + i, h, 1 + i, h + 1);
  });
  put(ws, 7, h, "偏差原因分析");
  merge(ws, 7, h, 11, h);
  REASON_KINDS.forEach((k, i) => put(ws, 7 + i, h + 1, k));
  put(ws, 12, h, "完成目标可能性");
  merge(ws, 12, h, 14, h);
  POSSIBILITIES.forEach((k, i) => put(ws, 12 + i, h + 1, k));
  put(ws, 15, h, "备注");
  merge(ws, 15, h, 15, h + 1);
  r = h + 2;
  const inds: Where[] = [];
  for (const x of p.inds) {
    put(ws, 1, r, levelName(x.l1, d));
    put(ws, 2, r, levelName(x.l2, d));
    put(ws, 3, r, x.name);
    put(ws, 4, r, targetText(x, d));
    put(ws, 5, r, valueText(x.current, d));
    put(ws, 6, r, valueText(x.forecast, d));
    // The reason is one of the kinds: marked 「√」; a kind that is not one of them goes under 其他 as text.
    if (x.reason) {
      const k = REASON_KINDS.indexOf(x.reason);
      put(ws, 7 + (k >= 0 ? k : 4), r, k >= 0 ? "√" : x.reason);
    }
    const q = POSSIBILITIES.indexOf(x.possibility);
    if (q >= 0) put(ws, 12 + q, r, "√");
    inds.push({ sheet: ws.name, row: r, cells: { name: A1(3, r) } });
    r++;
  }
  return { written: { project: { sheet: ws.name, row: nameRow, cells }, inds, orphans: [] }, next: r };
}

// ---------------------------------------------------------------- the corpus

interface BookPlan {
  mode: Mode;
  layout: Layout;
  unit: "万元" | "元";
  /** The plain wording of the national forms, or a dialect drawn at random (chooseDialect). */
  varied: boolean;
  projects: number;
}

/** The corpus plan: every mode × the layouts that mode occurs in × both units. */
export function corpusPlan(scale = 1): BookPlan[] {
  const plans: BookPlan[] = [];
  const add = (mode: Mode, layouts: Layout[], n: number) => {
    for (const layout of layouts) for (const unit of ["万元", "元"] as const) for (const varied of [false, true]) plans.push({ mode, layout, unit, varied, projects: Math.max(4, Math.round(n * scale)) });
  };
  add("target", ["list", "list-sichuan", "combined", "form-xiangtan"], 24);
  add("self", ["list", "list-sichuan", "combined", "form-central", "form-sichuan"], 24);
  add("monitor", ["list", "form-monitor"], 28);
  return plans;
}

export async function generateCorpus(dir: string, seed = 20241231, scale = 1): Promise<EvalBook[]> {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const books: EvalBook[] = [];
  const cursor = new Map<Mode, number>();
  const plans = corpusPlan(scale);
  for (let b = 0; b < plans.length; b++) {
    const plan = plans[b];
    const projects: Proj[] = [];
    for (let i = 0; i < plan.projects; i++) projects.push(soundProject(r, i, plan.mode, b + 1, plan.varied, plan.layout === "list" || plan.layout === "list-sichuan" || plan.layout === "combined"));
    const fits = DEFECTS.filter((d) => d.modes.includes(plan.mode) && (!d.layouts || d.layouts.includes(plan.layout)));
    // Every other project gets a defect, taken round-robin over the defects that fit (so each is seeded about equally).
    projects.forEach((p, i) => {
      if (i % 2 === 0) return;
      for (let tries = 0; tries < fits.length; tries++) {
        const c = cursor.get(plan.mode) ?? 0;
        cursor.set(plan.mode, c + 1);
        const d = fits[c % fits.length];
        if (d.apply(p, r, { unit: plan.unit, all: projects }) === false) continue;
        p.defect = d.kind;
        break;
      }
    });
    const weighted = plan.mode === "self" || (plan.mode === "target" && plan.layout.startsWith("list"));
    const scores: ExpectedScore[] = [];
    for (const p of projects) {
      structural(p, weighted);
      if (plan.mode === "self") {
        overAchieved(p);
        const total = expectedTotal(p);
        const offset = p.declaredTotal === -6 ? 6 : 0;
        p.declaredTotal = p.scored ? round2(total + offset) : null;
        p.declaredGrade = p.scored ? gradeOf(total) : null;
        if (p.scored) scores.push({ project: p.code, total, grade: gradeOf(total) });
      }
    }
    const d = chooseDialect(r, !plan.varied);
    const wb = new ExcelJS.Workbook();
    wb.creator = "jixiao eval";
    wb.created = wb.modified = new Date("2024-01-01T00:00:00Z");
    const written = plan.layout === "list" || plan.layout === "list-sichuan" ? writeList(wb, projects, plan.mode, plan.unit, plan.layout === "list-sichuan", d) : plan.layout === "combined" ? writeCombined(wb, projects, plan.mode, plan.unit, d) : writeForms(wb, projects, plan.layout, plan.unit, d);
    const file = `${String(b + 1).padStart(2, "0")}-${plan.mode}-${plan.layout}-${plan.unit === "万元" ? "wan" : "yuan"}${plan.varied ? "-dialect" : ""}.xlsx`;
    await wb.xlsx.writeFile(join(dir, file));
    const labels: Label[] = [];
    projects.forEach((p, k) => {
      const w = written[k];
      const key = plan.layout === "form-xiangtan" ? p.name : p.code;
      for (const m of p.marks) {
        const defect = p.defect ?? "(structure)";
        if (m.at === "project") labels.push({ rule: m.rule, project: key, defect });
        else if (m.at === "ind") labels.push({ rule: m.rule, sheet: w.inds[m.index].sheet, row: w.inds[m.index].row, defect });
        else if (m.at === "orphan") labels.push({ rule: m.rule, sheet: w.orphans[m.index].sheet, cell: w.orphans[m.index].cells.code!, defect });
        else if (m.at === "pcell") labels.push({ rule: m.rule, sheet: w.project.sheet, cell: w.project.cells[m.col]!, defect });
        else labels.push({ rule: m.rule, sheet: w.inds[m.index].sheet, cell: w.inds[m.index].cells[m.col === "weight" ? "weightCol" : m.col] ?? w.inds[m.index].cells[m.col]!, defect });
      }
    });
    books.push({ file, mode: plan.mode, layout: plan.layout, unit: plan.unit, varied: plan.varied, asOf: plan.mode === "monitor" ? "2024-07-31" : null, projects: projects.length, labels, scores, defects: projects.map((p) => p.defect).filter((d): d is string => d !== null) });
  }
  return books;
}
