/**
 * Writes the second bundled sample, assets/samples/sample-county-2024-midyear.xlsx: a county's
 * 2024 运行监控 (mid-year monitoring, domain.md §5) as exported on 2024-07-31, list layout,
 * amounts in 万元 — and beside it sample-county-2024-midyear.defects.json: every seeded defect
 * with its rule, severity, sheet, cell and project, taken from where this generator put it
 * (not from running the checker).
 *
 * Most projects are on track (execution ≈ 7/12 of the budget, counts ≈ 7/12 of the target,
 * rates at target); the others carry one kind of M001–M006 defect each, in a known cell.
 *
 * Deterministic: a seeded PRNG, no clock. Run: `npx tsx test/scripts/make-midyear-sample.ts [outDir]`.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Decimal, round2 } from "../../src/scoring/round";
import { INDICATOR_SHEET, L2, PROJECT_SHEET, YEAR, colLetter, makeRng, type Level2Key } from "./make-sample";
import { runWhenMain } from "./run-script";

export { INDICATOR_SHEET, PROJECT_SHEET };
export const MIDYEAR_BASENAME = "sample-county-2024-midyear";
/** The monitoring date the sheet states, and the month it ends (序时进度 = month / 12). */
export const AS_OF = `${YEAR}-07-31`;
export const AS_OF_MONTH = 7;
export const PROGRESS = AS_OF_MONTH / 12;

// ---------------------------------------------------------------- specs

/** 二级 whose counts and amounts build up over the year (domain.md §5). */
const CUMULATIVE_L2: Level2Key[] = ["数量", "经济", "社会", "生态", "可持续"];

export type ProjectCol = "code" | "name" | "department" | "attribute" | "budget" | "cumulativeSpent" | "forecastSpent" | "reason";
export type IndicatorCol = "projectCode" | "level1" | "level2" | "name" | "target" | "current" | "forecast" | "reason" | "possibility";

export const PROJECT_COLS: { key: ProjectCol; header: string; width: number }[] = [
  { key: "code", header: "项目编码", width: 13 },
  { key: "name", header: "项目名称", width: 30 },
  { key: "department", header: "主管部门", width: 18 },
  { key: "attribute", header: "项目属性", width: 9 },
  { key: "budget", header: "全年预算数", width: 11 },
  { key: "cumulativeSpent", header: `1-${AS_OF_MONTH}月执行数`, width: 11 },
  { key: "forecastSpent", header: "全年预计执行数", width: 13 },
  { key: "reason", header: "偏差原因", width: 44 },
];
export const INDICATOR_COLS: { key: IndicatorCol; header: string; width: number }[] = [
  { key: "projectCode", header: "项目编码", width: 13 },
  { key: "level1", header: "一级指标", width: 11 },
  { key: "level2", header: "二级指标", width: 16 },
  { key: "name", header: "三级指标", width: 28 },
  { key: "target", header: "年度指标值", width: 16 },
  { key: "current", header: `1-${AS_OF_MONTH}月完成值`, width: 14 },
  { key: "forecast", header: "全年预计完成值", width: 14 },
  { key: "reason", header: "偏差原因", width: 44 },
  { key: "possibility", header: "完成目标可能性", width: 12 },
];
export const pcol = (k: ProjectCol): string => colLetter(PROJECT_COLS.findIndex((c) => c.key === k));
export const icol = (k: IndicatorCol): string => colLetter(INDICATOR_COLS.findIndex((c) => c.key === k));

export const PROJECT_TITLE = `XX县${YEAR}年度项目绩效运行监控汇总表`;
export const INDICATOR_TITLE = `XX县${YEAR}年度项目绩效指标运行监控表`;
export const AS_OF_LINE = `监控截止日期：${YEAR}年${AS_OF_MONTH}月31日`;
/** First data row (1-based): title, as-of / unit line, header. */
export const PROJECT_FIRST_ROW = 4;
export const INDICATOR_FIRST_ROW = 3;

export type Severity = "error" | "warning" | "info";
export type Kind = "cumulative" | "level" | "date" | "tier";

export interface MIndicator {
  level1: string;
  level2: string;
  name: string;
  kind: Kind;
  target: string;
  current: string;
  forecast: string;
  reason: string;
  possibility: string;
  defects?: { rule: string; severity: Severity; field: IndicatorCol }[];
}

export interface MProject {
  code: string;
  name: string;
  department: string;
  attribute: string;
  budget: number;
  cumulativeSpent: number;
  forecastSpent: number;
  reason: string;
  indicators: MIndicator[];
  defects?: { rule: string; severity: Severity; field: ProjectCol }[];
  /** No defect seeded anywhere in the project. */
  sound: boolean;
}

// ---------------------------------------------------------------- building indicators

type Tuple = [Level2Key, string, string, number | string, string];
//            二级      三级    op     target           unit ("date", "tier" for those kinds)

const round1 = (x: number) => Math.round(x * 10) / 10;
const isCount = (u: string) => !["%", "万元", "元", "亿元"].includes(u);
const fmt = (x: number, unit: string): string => (unit === "%" ? `${round1(x)}%` : `${Number.isInteger(x) ? x : round2(x)}${unit}`);
const show = (x: number, unit: string) => (unit === "%" ? round1(x) : isCount(unit) ? Math.floor(x) : round2(x));

/** Cumulative in the sense of domain.md §5: a 正向 count or amount under a cumulative 二级, not a rate. */
function kindOf(t: Tuple): Kind {
  const [key, name, op, , unit] = t;
  if (unit === "date") return "date";
  if (unit === "tier") return "tier";
  const reverse = op === "≤" || op === "<";
  return CUMULATIVE_L2.includes(key) && unit !== "%" && !reverse && !/率|比例|占比|百分比/.test(name) ? "cumulative" : "level";
}

/** An on-track indicator at the monitoring date: counts near 7/12 of the target, levels at target, the year's forecast at target. */
function onTrack(t: Tuple, rng: () => number): MIndicator {
  const [key, name, op, target, unit] = t;
  const [level1, level2] = L2[key];
  const kind = kindOf(t);
  const base = { level1, level2, name, kind, reason: "", possibility: "确定能" };
  if (kind === "date") {
    const m = Number(/(\d+)月/.exec(String(target))?.[1] ?? 12);
    const done = Math.min(m, AS_OF_MONTH);
    return { ...base, target: String(target), current: `${YEAR}年${done}月${5 + Math.floor(rng() * 20)}日`, forecast: String(target) };
  }
  if (kind === "tier") return { ...base, target: String(target), current: "良好", forecast: "达成年度指标" };
  const tv = Number(target);
  const targetText = `${op}${fmt(tv, unit)}`;
  if (kind === "cumulative") {
    // 90–105 % of the pro-rated target: green (80–120 %).
    const cur = show(tv * PROGRESS * (0.9 + rng() * 0.15), unit);
    return { ...base, target: targetText, current: fmt(cur, unit), forecast: fmt(tv, unit) };
  }
  const reverse = op === "≤" || op === "<";
  let cur: number;
  if (op === "=" || op === "＝") cur = tv;
  else if (reverse) cur = show(tv * (unit === "%" ? 0.8 + rng() * 0.2 : 0.5 + rng() * 0.08), unit);
  else if (unit === "%") cur = Math.max(tv, round1(tv + rng() * (Math.min(100, tv * 1.05) - tv)));
  else cur = Math.max(tv, show(tv * (1 + rng() * 0.05), unit));
  return { ...base, target: targetText, current: fmt(cur, unit), forecast: fmt(tv, unit) };
}

// ---------------------------------------------------------------- the county

interface Dept {
  name: string;
  prefix: string;
}
const EDU: Dept = { name: "县教育局", prefix: "2024101" };
const HEALTH: Dept = { name: "县卫生健康委员会", prefix: "2024102" };
const AGRI: Dept = { name: "县农业农村局", prefix: "2024103" };
const CIVIL: Dept = { name: "县民政局", prefix: "2024105" };

interface Draft {
  dept: Dept;
  no: number;
  name: string;
  attribute: string;
  budget: number;
  /** Execution as a share of the budget (default: on track, 90–105 % of 序时进度). */
  spentShare?: number;
  /** Forecast execution as a share of the budget (default 95–100 %). */
  forecastShare?: number;
  reason?: string;
  tuples: Tuple[];
  /** Seeds defects after the on-track project is built. */
  seed?: (p: MProject) => void;
}

const HALF = `${YEAR}年6月底前`;
const JULY = `${YEAR}年7月底前`;

/** Turns an on-track cumulative indicator into one at `share` of its pro-rated target. */
function cumulativeAt(ind: MIndicator, t: Tuple, share: number, forecastShare: number): void {
  const [, , , target, unit] = t;
  const tv = Number(target);
  ind.current = fmt(show(tv * PROGRESS * share, unit), unit);
  ind.forecast = fmt(show(tv * forecastShare, unit), unit);
}

function drafts(): Draft[] {
  return [
    // ------------------------------------------------------------ 县教育局
    {
      dept: EDU, no: 1, name: "农村义务教育学生营养改善计划", attribute: "经常性", budget: 1260,
      tuples: [
        ["数量", "受益学生人数", "≥", 21000, "人"],
        ["数量", "供餐学校数", "≥", 86, "所"],
        ["质量", "营养餐食品抽检合格率", "≥", 98, "%"],
        ["时效", "春季学期补助资金拨付时间", "", HALF, "date"],
        ["成本", "生均每天膳食补助标准", "=", 5, "元"],
        ["社会", "学生体质健康测试合格率", "≥", 92, "%"],
        ["满意", "学生及家长满意度", "≥", 90, "%"],
      ],
    },
    {
      // M001 red: 20 % spent at 58.33 % time progress (ratio 34.29 %).
      dept: EDU, no: 2, name: "学前教育发展资金", attribute: "经常性", budget: 480, spentShare: 0.2, forecastShare: 1,
      reason: "普惠性幼儿园补助待秋季学期核定在园幼儿数后拨付，9月集中支出。",
      tuples: [
        ["数量", "普惠性幼儿园补助园所数", "≥", 36, "所"],
        ["数量", "资助家庭经济困难幼儿人次", "≥", 850, "人次"],
        ["质量", "资助对象认定准确率", "≥", 100, "%"],
        ["时效", "春季学期资助资金发放时间", "", HALF, "date"],
        ["社会", "学前三年毛入园率", "≥", 92, "%"],
        ["满意", "幼儿家长满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "M001", "error", "cumulativeSpent"),
    },
    {
      // M002 red: 教师培训人次 at 45 % of the pro-rated target, reason given.
      dept: EDU, no: 3, name: "乡村教师培训专项", attribute: "经常性", budget: 150,
      tuples: [
        ["数量", "教师培训人次", "≥", 1800, "人次"],
        ["数量", "送教下乡活动场次", "≥", 24, "场"],
        ["质量", "参训教师考核合格率", "≥", 95, "%"],
        ["时效", "上半年培训计划完成时间", "", JULY, "date"],
        ["社会", "骨干教师储备人数", "≥", 120, "人"],
        ["满意", "参训教师满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        const ind = p.indicators[0];
        cumulativeAt(ind, ["数量", "", "≥", 1800, "人次"], 0.45, 0.85);
        ind.reason = "其他：省级培训平台上半年升级停用，集中培训推迟至暑期举办。";
        ind.possibility = "有可能";
        addIndicatorDefect(ind, "M002", "error", "current");
      },
    },
    // ------------------------------------------------------------ 县卫生健康委员会
    {
      dept: HEALTH, no: 1, name: "基本公共卫生服务项目", attribute: "经常性", budget: 2280,
      tuples: [
        ["数量", "65岁及以上老年人健康管理人数", "≥", 32000, "人"],
        ["数量", "高血压患者规范管理人数", "≥", 18500, "人"],
        ["质量", "适龄儿童国家免疫规划疫苗接种率", "≥", 90, "%"],
        ["时效", "上半年补助资金拨付时间", "", HALF, "date"],
        ["社会", "居民电子健康档案建档率", "≥", 90, "%"],
        ["可持续", "家庭医生签约服务机制运行情况", "", "达成年度指标", "tier"],
        ["满意", "城乡居民满意度", "≥", 90, "%"],
      ],
    },
    {
      // M001 yellow: 42 % spent at 58.33 % (ratio 72 %).
      dept: HEALTH, no: 2, name: "乡镇卫生院医疗设备购置", attribute: "一次性", budget: 960, spentShare: 0.42, forecastShare: 0.98,
      reason: "硬件条件保障：CT设备政府采购于6月完成招标，尾款待验收后支付。",
      tuples: [
        ["数量", "购置医疗设备台数", "≥", 48, "台"],
        ["数量", "受益乡镇卫生院数", "≥", 16, "个"],
        ["质量", "设备验收合格率", "≥", 100, "%"],
        ["时效", "设备招标完成时间", "", HALF, "date"],
        ["成本", "设备购置总成本", "≤", 900, "万元"],
        ["社会", "基层医疗机构诊疗人次", "≥", 150000, "人次"],
        ["满意", "就诊群众满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "M001", "warning", "cumulativeSpent"),
    },
    {
      // M003: one rate short by more than 5 % of its target (red), one within 5 % (yellow); both with reasons.
      dept: HEALTH, no: 3, name: "食品安全监督抽检", attribute: "经常性", budget: 180,
      tuples: [
        ["数量", "食品安全抽检批次", "≥", 1200, "批次"],
        ["质量", "抽检样品检验合格率", "≥", 98, "%"],
        ["质量", "不合格食品核查处置率", "≥", 98, "%"],
        ["时效", "抽检结果公布时间", "", JULY, "date"],
        ["社会", "食品安全事件处置率", "≥", 100, "%"],
        ["满意", "群众食品安全满意度", "≥", 88, "%"],
      ],
      seed: (p) => {
        const red = p.indicators[1];
        red.current = "90%";
        red.forecast = "96%";
        red.possibility = "有可能";
        red.reason = "其他：上半年专项抽检集中在小作坊和农村集市，样品合格率偏低；已加大整治力度。";
        addIndicatorDefect(red, "M003", "error", "current");
        const yellow = p.indicators[2];
        yellow.current = "95%";
        yellow.reason = "人员保障：两名核查人员借调，部分不合格食品核查在途；7月底已补充人员。";
        addIndicatorDefect(yellow, "M003", "warning", "current");
      },
    },
    // ------------------------------------------------------------ 县农业农村局
    {
      dept: AGRI, no: 1, name: "高标准农田建设", attribute: "一次性", budget: 3000,
      tuples: [
        ["数量", "新建高标准农田面积", "≥", 20000, "亩"],
        ["数量", "新建改造灌排渠道长度", "≥", 36, "公里"],
        ["质量", "工程质量验收合格率", "≥", 100, "%"],
        ["时效", "工程开工时间", "", `${YEAR}年4月底前`, "date"],
        ["成本", "亩均建设成本", "≤", 1500, "元"],
        ["经济", "项目区新增粮食产能", "≥", 4000, "吨"],
        ["满意", "项目区农户满意度", "≥", 90, "%"],
      ],
    },
    {
      // M002 info: 培训人次 at 130 % of its pro-rated target (blue), forecast above target.
      dept: AGRI, no: 2, name: "高素质农民培育", attribute: "经常性", budget: 120,
      tuples: [
        ["数量", "培育高素质农民人数", "≥", 600, "人"],
        ["数量", "田间实训场次", "≥", 40, "场"],
        ["质量", "培训考核合格率", "≥", 95, "%"],
        ["时效", "春季培训班结业时间", "", HALF, "date"],
        ["社会", "带动农户增收户数", "≥", 1200, "户"],
        ["满意", "参训农民满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        const ind = p.indicators[0];
        cumulativeAt(ind, ["数量", "", "≥", 600, "人"], 1.3, 1.25);
        ind.reason = "其他：省级新增培训名额下达，春季班扩招，年度目标可上调。";
        addIndicatorDefect(ind, "M002", "info", "current");
      },
    },
    {
      // M004 (with M002 yellow): 病虫害统防统治面积 at 70 % of the pro-rated target, no reason.
      dept: AGRI, no: 3, name: "农作物病虫害统防统治", attribute: "经常性", budget: 260,
      tuples: [
        ["数量", "病虫害统防统治面积", "≥", 120000, "亩"],
        ["数量", "发放防治药剂", "≥", 60, "吨"],
        ["质量", "防治效果达标率", "≥", 90, "%"],
        ["时效", "春季防治完成时间", "", `${YEAR}年5月底前`, "date"],
        ["经济", "挽回粮食损失", "≥", 9000, "吨"],
        ["满意", "种植户满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        const ind = p.indicators[0];
        cumulativeAt(ind, ["数量", "", "≥", 120000, "亩"], 0.7, 1);
        ind.reason = "";
        ind.possibility = "有可能";
        addIndicatorDefect(ind, "M002", "warning", "current");
        addIndicatorDefect(ind, "M004", "warning", "reason");
      },
    },
    // ------------------------------------------------------------ 县民政局
    {
      // M005: 「确定能」 beside a forecast below the target (the light is still green).
      dept: CIVIL, no: 1, name: "城乡居民最低生活保障", attribute: "经常性", budget: 1850,
      tuples: [
        ["数量", "城乡低保保障人数", "≥", 9600, "人"],
        ["数量", "临时救助人次", "≥", 1500, "人次"],
        ["质量", "低保对象认定准确率", "≥", 98, "%"],
        ["时效", "低保金按月发放时间", "", JULY, "date"],
        ["社会", "困难群众基本生活保障覆盖率", "≥", 100, "%"],
        ["满意", "救助对象满意度", "≥", 90, "%"],
      ],
      seed: (p) => {
        const ind = p.indicators[1];
        ind.forecast = "1350人次";
        ind.possibility = "确定能";
        addIndicatorDefect(ind, "M005", "warning", "possibility");
      },
    },
    {
      // M006: on track so far, but the year's forecast leaves 20 % of the budget unspent.
      dept: CIVIL, no: 2, name: "特困人员供养服务设施改造", attribute: "一次性", budget: 540, forecastShare: 0.8,
      reason: "其他：改造工程招标价低于预算，预计结余资金108万元。",
      tuples: [
        ["数量", "改造供养服务设施数", "≥", 8, "所"],
        ["数量", "新增护理型床位", "≥", 160, "张"],
        ["质量", "改造工程验收合格率", "≥", 100, "%"],
        ["时效", "工程招标完成时间", "", `${YEAR}年3月底前`, "date"],
        ["社会", "特困人员集中供养率", "≥", 45, "%"],
        ["满意", "供养对象满意度", "≥", 90, "%"],
      ],
      seed: (p) => addProjectDefect(p, "M006", "info", "forecastSpent"),
    },
    {
      dept: CIVIL, no: 3, name: "居家和社区养老服务", attribute: "经常性", budget: 420,
      tuples: [
        ["数量", "提供居家养老上门服务人次", "≥", 36000, "人次"],
        ["数量", "建成社区养老服务站点", "≥", 12, "个"],
        ["质量", "服务质量抽查合格率", "≥", 95, "%"],
        ["时效", "服务补贴按季拨付时间", "", JULY, "date"],
        ["社会", "困难老年人服务覆盖率", "≥", 90, "%"],
        ["满意", "服务对象满意度", "≥", 90, "%"],
      ],
    },
  ];
}

function addProjectDefect(p: MProject, rule: string, severity: Severity, field: ProjectCol) {
  p.sound = false;
  (p.defects ??= []).push({ rule, severity, field });
}
function addIndicatorDefect(ind: MIndicator, rule: string, severity: Severity, field: IndicatorCol) {
  (ind.defects ??= []).push({ rule, severity, field });
}

/** The county's monitoring projects, with their seeded defects. */
export function midyearProjects(seed = 20240731): MProject[] {
  const rng = makeRng(seed);
  return drafts().map((d) => {
    const indicators = d.tuples.map((t) => onTrack(t, rng));
    const spentShare = d.spentShare ?? PROGRESS * (0.9 + rng() * 0.15);
    const forecastShare = d.forecastShare ?? 0.95 + rng() * 0.05;
    const p: MProject = {
      code: `${d.dept.prefix}${String(d.no).padStart(3, "0")}`,
      name: d.name,
      department: d.dept.name,
      attribute: d.attribute,
      budget: d.budget,
      cumulativeSpent: round2(new Decimal(d.budget).times(spentShare)),
      forecastSpent: round2(new Decimal(d.budget).times(forecastShare)),
      reason: d.reason ?? "",
      indicators,
      sound: true,
    };
    d.seed?.(p);
    if (p.indicators.some((i) => i.defects?.length)) p.sound = false;
    return p;
  });
}

// ---------------------------------------------------------------- layout

export interface Defect {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  project: string;
  projectName: string;
}

type Row = (string | number | null)[];
const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function projectRow(p: MProject): Row {
  const v: Record<ProjectCol, string | number | null> = {
    code: p.code, name: p.name, department: p.department, attribute: p.attribute, budget: p.budget,
    cumulativeSpent: p.cumulativeSpent, forecastSpent: p.forecastSpent, reason: p.reason || null,
  };
  return PROJECT_COLS.map((c) => v[c.key]);
}

function indicatorRow(p: MProject, ind: MIndicator): Row {
  const v: Record<IndicatorCol, string | number | null> = {
    projectCode: p.code, level1: ind.level1, level2: ind.level2, name: ind.name, target: ind.target,
    current: ind.current, forecast: ind.forecast, reason: ind.reason || null, possibility: ind.possibility,
  };
  return INDICATOR_COLS.map((c) => v[c.key]);
}

const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ""));

/** Builds the monitoring workbook and the list of seeded defects with their cells. */
export function buildMidyearSample(seed = 20240731): { workbook: ExcelJS.Workbook; defects: Defect[]; projects: MProject[] } {
  const projects = midyearProjects(seed);
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao make-midyear-sample";
  const fixed = new Date(Date.UTC(YEAR, 7, 5));
  wb.created = fixed;
  wb.modified = fixed;
  const defects: Defect[] = [];

  // 项目表: title, as-of date and unit line, header, one row a project.
  const ps = wb.addWorksheet(PROJECT_SHEET, { views: [{ state: "frozen", ySplit: PROJECT_FIRST_ROW - 1 }] });
  ps.columns = PROJECT_COLS.map((c) => ({ width: c.width }));
  const pn = PROJECT_COLS.length;
  const pt = ps.addRow([PROJECT_TITLE, ...new Array(pn - 1).fill(null)]);
  const asOfLine = new Array(pn).fill(null) as Row;
  asOfLine[0] = AS_OF_LINE;
  asOfLine[pn - 1] = "单位：万元";
  const pl = ps.addRow(asOfLine);
  const ph = ps.addRow(PROJECT_COLS.map((c) => c.header));
  ps.mergeCells(`A1:${colLetter(pn - 1)}1`);
  ps.mergeCells(`A2:${colLetter(2)}2`);
  pt.font = { bold: true, size: 16 };
  pt.alignment = { horizontal: "center", vertical: "middle" };
  pt.height = 30;
  pl.getCell(pn).alignment = { horizontal: "right" };
  ph.font = { bold: true };
  ph.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  projects.forEach((p, i) => {
    const row = PROJECT_FIRST_ROW + i;
    ps.addRow(projectRow(p)).alignment = { vertical: "middle", wrapText: true };
    for (const d of p.defects ?? []) defects.push({ rule: d.rule, severity: d.severity, sheet: PROJECT_SHEET, cell: `${pcol(d.field)}${row}`, project: p.code, projectName: p.name });
  });
  for (const k of ["budget", "cumulativeSpent", "forecastSpent"] as ProjectCol[]) ps.getColumn(pcol(k)).numFmt = "#,##0.00";

  // 指标表: title, header, one row an indicator, 一级/二级 merged downwards within a project.
  const is = wb.addWorksheet(INDICATOR_SHEET, { views: [{ state: "frozen", ySplit: INDICATOR_FIRST_ROW - 1 }] });
  is.columns = INDICATOR_COLS.map((c) => ({ width: c.width }));
  const n = INDICATOR_COLS.length;
  const it = is.addRow([INDICATOR_TITLE, ...new Array(n - 1).fill(null)]);
  const ih = is.addRow(INDICATOR_COLS.map((c) => c.header));
  is.mergeCells(`A1:${colLetter(n - 1)}1`);
  it.font = { bold: true, size: 16 };
  it.alignment = { horizontal: "center", vertical: "middle" };
  it.height = 30;
  ih.font = { bold: true };
  ih.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  let rowNo = INDICATOR_FIRST_ROW;
  for (const p of projects) {
    const start = rowNo;
    p.indicators.forEach((ind, i) => {
      is.addRow(indicatorRow(p, ind)).alignment = { vertical: "middle", wrapText: true };
      for (const d of ind.defects ?? []) defects.push({ rule: d.rule, severity: d.severity, sheet: INDICATOR_SHEET, cell: `${icol(d.field)}${start + i}`, project: p.code, projectName: p.name });
    });
    rowNo += p.indicators.length;
    for (const key of ["level1", "level2"] as const) {
      let i = 0;
      while (i < p.indicators.length) {
        let j = i;
        while (j + 1 < p.indicators.length && p.indicators[j + 1][key] === p.indicators[i][key] && p.indicators[j + 1].level1 === p.indicators[i].level1) j++;
        if (j > i) is.mergeCells(`${icol(key)}${start + i}:${icol(key)}${start + j}`);
        i = j + 1;
      }
    }
  }
  for (const ws of [ps, is]) ws.eachRow((r, no) => { if (no > 1) r.eachCell((c) => (c.border = BORDER)); });
  defects.sort((a, b) => (a.sheet === b.sheet ? rowOf(a.cell) - rowOf(b.cell) || a.cell.localeCompare(b.cell) : a.sheet === PROJECT_SHEET ? -1 : 1));
  return { workbook: wb, defects, projects };
}

/** The monitoring suggestion of a red-budget project: recover 全年预算数 × (序时进度 − 执行率), to the cent. */
export function recoveryAmount(p: Pick<MProject, "budget" | "cumulativeSpent">): number {
  return round2(new Decimal(p.budget).times(new Decimal(AS_OF_MONTH).div(12).minus(new Decimal(p.cumulativeSpent).div(p.budget))));
}

export async function writeMidyearSample(outDir: string, seed = 20240731): Promise<{ xlsx: string; json: string; defects: Defect[] }> {
  mkdirSync(outDir, { recursive: true });
  const { workbook, defects, projects } = buildMidyearSample(seed);
  const xlsx = join(outDir, `${MIDYEAR_BASENAME}.xlsx`);
  const json = join(outDir, `${MIDYEAR_BASENAME}.defects.json`);
  await workbook.xlsx.writeFile(xlsx);
  const doc = {
    file: `${MIDYEAR_BASENAME}.xlsx`,
    generator: "test/scripts/make-midyear-sample.ts",
    note: "运行监控 sample. Seeded defects, from the generator's own placement (not from running the checker). Projects listed under soundProjects carry no defect.",
    asOf: AS_OF,
    defects: defects.map(({ rule, severity, sheet, cell, project, projectName }) => ({ rule, severity, sheet, cell, project, projectName })),
    soundProjects: projects.filter((p) => p.sound).map((p) => ({ code: p.code, name: p.name })),
  };
  writeFileSync(json, JSON.stringify(doc, null, 2) + "\n", "utf8");
  return { xlsx, json, defects };
}

/** Run directly: `npx tsx test/scripts/make-midyear-sample.ts [outDir]` (or through src/cli/run-ts.cjs). */
runWhenMain(module, __filename, async () => {
  const outDir = resolve(process.argv[2] ?? join(__dirname, "..", "..", "assets", "samples"));
  const { xlsx, defects } = await writeMidyearSample(outDir);
  return `wrote ${xlsx} (${defects.length} seeded defects)`;
});
