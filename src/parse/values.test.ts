import type { CellValue } from "../core/grid";
import {
  canonicalUnit,
  excelSerialToISO,
  isDateFormat,
  isPercentFormat,
  normaliseText,
  parseDate,
  parseIndicatorValue,
  parseNumber,
  parseOperator,
  parseTier,
  toYuan,
  type ParsedValue,
} from "./index";
import type { Operator } from "./types";
import type { UnitTable } from "./values";

const num = (operator: Operator | null, value: number, unit: string | null, approx = false): ParsedValue => ({
  kind: "number",
  operator,
  value,
  unit,
  approx,
});

describe("normaliseText", () => {
  it.each([
    ["１２３", "123"],
    ["＞＝９５％", ">=95%"],
    ["１，２３４．５", "1,234.5"],
    ["（万元）", "(万元)"],
    ["指标值：", "指标值:"],
    ["ＡＢｃ", "ABc"],
    ["  培训\u3000人次\u00a0 ", "培训 人次"],
    ["年度\r\n指标值", "年度 指标值"],
    ["项目名称", "项目名称"],
    ["达成年度指标。", "达成年度指标。"],
    ["≧90", "≥90"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe("parseNumber", () => {
  it.each<[CellValue, number, string | null, boolean]>([
    [12, 12, null, false],
    [-3.5, -3.5, null, false],
    ["1,234.5", 1234.5, null, false],
    ["１２", 12, null, false],
    [" 12 ", 12, null, false],
    ["约50", 50, null, true],
    ["50左右", 50, null, true],
    ["50万", 50, "万元", false],
    ["50万元", 50, "万元", false],
    ["85%", 85, "%", false],
    ["８５％", 85, "%", false],
    ["100百分比", 100, "%", false],
    ["-3", -3, null, false],
    ["+7", 7, null, false],
    [".5", 0.5, null, false],
    ["12,345,678", 12345678, null, false],
    ["3.5亿元", 3.5, "亿元", false],
    ["95(%)", 95, "%", false],
  ])("%j → %d %j approx=%j", (cell, value, unit, approx) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value, unit, approx });
  });

  it("reads a %-formatted number cell as percent points without float noise", () => {
    expect(parseNumber(0.85, { percentFormat: true })).toEqual({ ok: true, value: 85, unit: "%", approx: false });
    expect(parseNumber(0.07, { percentFormat: true })).toEqual({ ok: true, value: 7, unit: "%", approx: false });
    expect(parseNumber(1.2, { percentFormat: true })).toEqual({ ok: true, value: 120, unit: "%", approx: false });
  });

  it("uses the given units table for aliases", () => {
    const units: UnitTable = { aliases: { 人数: "人" }, money: { 元: 1 } };
    expect(parseNumber("30人数", { units })).toEqual({ ok: true, value: 30, unit: "人", approx: false });
  });

  it.each<[CellValue, RegExp]>([
    [true, /逻辑值/],
    [false, /逻辑值/],
    [{ error: "#N/A" }, /#N\/A/],
    [null, /空白/],
    ["", /空白/],
    ["   ", /空白/],
    ["五十", /汉字/],
    ["见附件", /不是数字/],
    ["约", /不是数字/],
    ["≥50", /比较符号/],
    ["50以上", /比较符号/],
    ["12,34", /文字/],
    ["2024年12月底前", /文字/],
    ["1.2.3", /文字/],
    ["9".repeat(400), /范围/],
    [Number.NaN, /有效/],
    [Number.POSITIVE_INFINITY, /有效/],
  ])("%j is not a number", (cell, reason) => {
    const r = parseNumber(cell);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("parseOperator", () => {
  it.each<[string, string | null]>([
    ["≥", "≥"],
    [">=", "≥"],
    ["＞＝", "≥"],
    ["≧", "≥"],
    ["大于等于", "≥"],
    ["不低于", "≥"],
    ["不少于", "≥"],
    ["至少", "≥"],
    ["以上", "≥"],
    ["＞", ">"],
    [">", ">"],
    ["大于", ">"],
    ["＝", "="],
    ["=", "="],
    ["等于", "="],
    ["＜", "<"],
    ["<", "<"],
    ["小于", "<"],
    ["≤", "≤"],
    ["<=", "≤"],
    ["＜＝", "≤"],
    ["小于等于", "≤"],
    ["不高于", "≤"],
    ["不超过", "≤"],
    ["以内", "≤"],
    [" ≥ ", "≥"],
    ["定性", "qualitative"],
    // 指标方向 as a direction (财预〔2021〕101号: 正向指标 / 反向指标).
    ["正向", "≥"],
    ["正向指标", "≥"],
    ["反向", "≤"],
    ["反向指标", "≤"],
    ["定量", null],
    ["", null],
    ["   ", null],
    ["提高", null],
    ["≥50", null],
  ])("%j → %j", (text, expected) => {
    expect(parseOperator(text)).toBe(expected);
  });
});

describe("canonicalUnit", () => {
  it.each<[string | null | undefined, string | null]>([
    ["百分比", "%"],
    ["％", "%"],
    ["%", "%"],
    ["百分点", "%"],
    [" 万元 ", "万元"],
    ["万", "万元"],
    ["人次数", "人次"],
    ["（万元）", "万元"],
    ["个", "个"],
    ["辆", "辆"],
    ["", null],
    ["  ", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (u, expected) => {
    expect(canonicalUnit(u)).toBe(expected);
  });

  it("takes aliases from the given table", () => {
    expect(canonicalUnit("台次", { aliases: { 台次: "次" }, money: {} })).toBe("次");
  });
});

describe("parseIndicatorValue: merged forms", () => {
  it.each<[string, ParsedValue]>([
    ["≥50个", num("≥", 50, "个")],
    ["≤90万元", num("≤", 90, "万元")],
    ["≥100百分比", num("≥", 100, "%")],
    ["≥85%", num("≥", 85, "%")],
    ["10辆", num(null, 10, "辆")],
    ["＞＝95％", num("≥", 95, "%")],
    ["不低于90%", num("≥", 90, "%")],
    ["50万元以内", num("≤", 50, "万元")],
    ["控制在5%以内", num("≤", 5, "%")],
    ["95%以上", num("≥", 95, "%")],
    ["95%及以上", num("≥", 95, "%")],
    ["≤5天", num("≤", 5, "天")],
    ["100%", num(null, 100, "%")],
    ["≥5000万", num("≥", 5000, "万元")],
    ["≥3.5亿元", num("≥", 3.5, "亿元")],
    ["1,234.5万元", num(null, 1234.5, "万元")],
    ["约50人", num(null, 50, "人", true)],
    ["≥约50人", num("≥", 50, "人", true)],
    ["> 0", num(">", 0, null)],
    ["<3次", num("<", 3, "次")],
    ["=1项", num("=", 1, "项")],
    ["≥ 95 %", num("≥", 95, "%")],
    ["12月", num(null, 12, "月")],
    ["≥98.5％", num("≥", 98.5, "%")],
    ["≥1次/年", num("≥", 1, "次/年")],
    ["30个工作日内", num("≤", 30, "个工作日")],
    ["≤1个月", num("≤", 1, "个月")],
    ["2年内", num("≤", 2, "年")],
    ["≥95%(含)", num("≥", 95, "%")],
    ["≥-3%", num("≥", -3, "%")],
    ["近100人", num(null, 100, "人", true)],
  ])("%j", (cell, expected) => {
    expect(parseIndicatorValue(cell)).toEqual(expected);
  });
});

describe("parseIndicatorValue: split forms", () => {
  it.each<[CellValue, CellValue, CellValue, ParsedValue]>([
    ["90", "≥", "%", num("≥", 90, "%")],
    ["90", "≥", "百分比", num("≥", 90, "%")],
    [90, "≥", "百分比", num("≥", 90, "%")],
    [500, "大于等于", "人次", num("≥", 500, "人次")],
    [30, "≤", "万元", num("≤", 30, "万元")],
    [30, "反向指标", "万元", num("≤", 30, "万元")],
    [95, "正向", "%", num("≥", 95, "%")],
    [12, null, "个", num(null, 12, "个")],
    ["12", "", "", num(null, 12, null)],
    // What the value cell says wins over the split columns.
    ["≤90%", "≥", "%", num("≤", 90, "%")],
    ["50万", null, "元", num(null, 50, "万元")],
    ["达成年度指标", "定性", null, { kind: "tier", tier: "achieved", text: "达成年度指标" }],
    ["良好", "定性", "", { kind: "tier", tier: "achieved", text: "良好" }],
    ["群众满意度明显提升", "定性", null, { kind: "text", text: "群众满意度明显提升" }],
    ["≥90%", "定性", null, { kind: "text", text: "≥90%" }],
    [95, "定性", "%", num(null, 95, "%")],
    ["2024年12月31日", "≤", null, { kind: "date", operator: "≤", date: "2024-12-31", text: "2024年12月31日" }],
  ])("%j | op %j | unit %j", (cell, operatorCell, unitCell, expected) => {
    expect(parseIndicatorValue(cell, { operatorCell, unitCell })).toEqual(expected);
  });

  it("reads units through the given table", () => {
    const units: UnitTable = { aliases: { 台次: "次", 万: "万元" }, money: { 元: 1, 万元: 10000 } };
    expect(parseIndicatorValue("≥20台次", { units })).toEqual(num("≥", 20, "次"));
    expect(parseIndicatorValue(20, { unitCell: "台次", units })).toEqual(num(null, 20, "次"));
  });

  it("reads number cells formatted as %", () => {
    expect(parseIndicatorValue(0.95, { percentFormat: true })).toEqual(num(null, 95, "%"));
    expect(parseIndicatorValue(0.95, { percentFormat: true, operatorCell: "≥" })).toEqual(num("≥", 95, "%"));
    expect(parseIndicatorValue(1, { percentFormat: true, unitCell: "%" })).toEqual(num(null, 100, "%"));
  });

  it("reads date-formatted serials as dates", () => {
    expect(parseIndicatorValue(45657, { dateFormat: true })).toEqual({ kind: "date", operator: null, date: "2024-12-31", text: "2024-12-31" });
    expect(parseIndicatorValue(45473, { dateFormat: true, operatorCell: "≤" })).toEqual({ kind: "date", operator: "≤", date: "2024-06-30", text: "2024-06-30" });
    // An impossible serial stays a number.
    expect(parseIndicatorValue(-5, { dateFormat: true })).toEqual(num(null, -5, null));
    expect(parseIndicatorValue(45657)).toEqual(num(null, 45657, null));
  });
});

describe("parseIndicatorValue: tiers, dates, text, empty", () => {
  it.each<[string, "achieved" | "partial" | "failed"]>([
    ["达成年度指标", "achieved"],
    ["达成预期指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["部分达成预期指标并具有一定效果", "partial"],
    ["未达成年度指标且效果较差", "failed"],
    ["未达成预期指标且效果较差", "failed"],
    ["好", "achieved"],
    ["优良", "achieved"],
    ["完成", "achieved"],
    ["达成", "achieved"],
    ["已完成", "achieved"],
    ["较好", "achieved"],
    ["按时完成", "achieved"],
    ["部分达成", "partial"],
    ["基本完成", "partial"],
    ["一般", "partial"],
    ["未达成", "failed"],
    ["未完成", "failed"],
    ["差", "failed"],
    [" 达成年度指标。", "achieved"],
    ["达到预期效果", "achieved"],
    ["完成年度目标任务", "achieved"],
    ["基本达到预期效果", "partial"],
    ["未达到预期效果", "failed"],
  ])("%j → %s", (cell, tier) => {
    expect(parseIndicatorValue(cell)).toEqual({ kind: "tier", tier, text: normaliseText(cell) });
  });

  it.each<[string, "≥" | "≤" | null, string]>([
    ["2024年12月底前", "≤", "2024-12-31"],
    ["2024年6月30日前", "≤", "2024-06-30"],
    ["2024.12.31", null, "2024-12-31"],
    ["2024-12", null, "2024-12-31"],
    ["2023.07-2024.01", null, "2024-01-31"],
    ["2024年底前完成", "≤", "2024-12-31"],
    ["2024年12月31日以前", "≤", "2024-12-31"],
    ["2024年12月之前", "≤", "2024-12-31"],
    ["≤2024.6.30", "≤", "2024-06-30"],
    ["2025年2月", null, "2025-02-28"],
    ["2024年内完成", "≤", "2024-12-31"],
    ["2024年12月31号前", "≤", "2024-12-31"],
    ["2024年7月后", "≥", "2024-07-31"],
  ])("%j is a date", (cell, operator, date) => {
    expect(parseIndicatorValue(cell)).toEqual({ kind: "date", operator, date, text: cell });
  });

  it.each(["进一步提高", "有效提升", "见附件", "≥", "12月底前", "提高服务水平", "90-100", "五十", "≥90且≤100", "100%完成", "≥90%满意", "每年≥2次"])("%j is text", (cell) => {
    expect(parseIndicatorValue(cell)).toEqual({ kind: "text", text: cell });
  });

  it.each<CellValue>([null, "", "   ", "\u3000", "\r\n"])("%j is empty", (cell) => {
    expect(parseIndicatorValue(cell)).toEqual({ kind: "empty" });
  });

  it("returns an Excel error as text", () => {
    expect(parseIndicatorValue({ error: "#DIV/0!" })).toEqual({ kind: "text", text: "#DIV/0!" });
    expect(parseIndicatorValue(true)).toEqual({ kind: "text", text: "TRUE" });
  });
});

describe("parseTier", () => {
  it.each<[string, string | null]>([
    ["达成年度指标", "achieved"],
    ["部分达成预期指标并具有一定效果", "partial"],
    ["未达成预期指标且效果较差", "failed"],
    ["优秀", "achieved"],
    ["基本达标", "partial"],
    ["不合格", "failed"],
    ["进一步提高", null],
    ["有效提升", null],
    ["完成率", null],
    ["95%", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseTier(text)).toBe(expected);
  });
});

describe("parseDate", () => {
  it.each<[string, string | null]>([
    ["2024年12月底前", "2024-12-31"],
    ["2024年12月底", "2024-12-31"],
    ["2024年6月30日前", "2024-06-30"],
    ["2024.12.31", "2024-12-31"],
    ["2024/2/29", "2024-02-29"],
    ["2023/2/29", null],
    ["2024-12", "2024-12-31"],
    ["2024-02", "2024-02-29"],
    ["2023.07-2024.01", "2024-01-31"],
    ["2024年1月至6月", "2024-06-30"],
    ["2024年3月1日-15日", "2024-03-15"],
    ["2024年1-12月", "2024-12-31"],
    ["2024.1-2024.12", "2024-12-31"],
    ["2024.1-6", "2024-06-30"],
    ["2024年12月中旬", "2024-12-20"],
    ["2024年12月上旬", "2024-12-10"],
    ["2024年第一季度", "2024-03-31"],
    ["2024Q2", "2024-06-30"],
    ["2024年下半年", "2024-12-31"],
    ["截至2024年6月", "2024-06-30"],
    ["2023年7月～2024年1月", "2024-01-31"],
    ["2023.07—2024.01", "2024-01-31"],
    ["2024年", "2024-12-31"],
    ["2024年底", "2024-12-31"],
    ["2024年上半年", "2024-06-30"],
    ["2024年第三季度", "2024-09-30"],
    ["２０２４年１２月底前", "2024-12-31"],
    ["12月底前", null],
    ["2024", null],
    ["2024.1", null],
    ["2024年13月", null],
    ["进一步提高", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

describe("number formats", () => {
  it.each(["0%", "0.00%", "#,##0.0%", "[Red]0%"])("%j is a percent format", (f) => {
    expect(isPercentFormat(f)).toBe(true);
  });
  it.each(["0.00", "General", "@", '0"%"', "0\\%", "", null, undefined])("%j is not a percent format", (f) => {
    expect(isPercentFormat(f)).toBe(false);
  });
  it.each(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "m/d/yy", "[$-F800]dddd, mmmm dd, yyyy", "yyyy年m月d日", "mmm-yy", "d-mmm", "[$-409]mmmm d, yyyy;@", "yyyy/m/d h:mm"])(
    "%j is a date format",
    (f) => {
      expect(isDateFormat(f)).toBe(true);
    },
  );
  it.each(["0.00", "General", "@", "0%", "#,##0", "0.00E+00", "h:mm", "[h]:mm:ss", 'mm:ss', '#,##0"元"', "", null, undefined])("%j is not a date format", (f) => {
    expect(isDateFormat(f)).toBe(false);
  });
});

describe("excelSerialToISO", () => {
  it.each<[number, string | null]>([
    [45657, "2024-12-31"],
    [45658, "2025-01-01"],
    [45657.75, "2024-12-31"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [2958465, "9999-12-31"],
    [60, null],
    [0, null],
    [-1, null],
    [2958466, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])("%d → %j", (serial, expected) => {
    expect(excelSerialToISO(serial)).toBe(expected);
  });
});

describe("toYuan", () => {
  it.each<[number, string | null, number | null]>([
    [1, "元", 1],
    [2, "千元", 2000],
    [1.23, "万元", 12300],
    [50, "万", 500000],
    [3.5, "亿元", 350000000],
    [0.1, "万元", 1000],
    [10, "个", null],
    [10, "%", null],
    [10, null, null],
    [Number.NaN, "元", null],
  ])("%d %j → %j", (amount, unit, expected) => {
    expect(toYuan(amount, unit)).toBe(expected);
  });

  it("uses the given money table", () => {
    expect(toYuan(2, "百万元", { aliases: {}, money: { 百万元: 1_000_000 } })).toBe(2_000_000);
  });
});
