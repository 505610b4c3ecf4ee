/**
 * A county-sized list workbook for the in-memory Excel: `projects` projects with 10 indicators
 * each, a share of them with seeded defects (missing or vague targets, actuals below target
 * without a reason, execution below budget), some cells carrying the user's own notes and
 * patterned or tinted fills. Used by the real-serialiser test and `test/bench/officejs-requests.ts`.
 */
import { makeBook, type FakeBookData, type SheetSpec } from "./book";

const DEPTS = ["县教育局", "县卫生健康委员会", "县农业农村局", "县交通运输局", "县民政局", "县水利局"];
const INDICATORS: [string, string, string, string, string | null][] = [
  ["产出指标", "数量指标", "完成建设任务数量", "≥100", "个"],
  ["产出指标", "数量指标", "受益人数", "≥1000", "人"],
  ["产出指标", "质量指标", "验收合格率", "≥95%", null],
  ["产出指标", "时效指标", "任务完成时间", "2024年12月底前", null],
  ["产出指标", "成本指标", "项目总成本", "≤40", "万元"],
  ["效益指标", "社会效益指标", "政策知晓率", "≥85%", null],
  ["效益指标", "社会效益指标", "服务覆盖率", "≥90%", null],
  ["效益指标", "经济效益指标", "带动增收金额", "≥200", "万元"],
  ["效益指标", "可持续影响指标", "长效管护机制", "有效提升", null],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", null],
];
const ACTUAL = [100, 1000, "96%", "2024年12月20日", 38, "88%", "92%", 210, "有所提升", "93%"];
const WEIGHTS = [10, 10, 10, 10, 10, 8, 8, 7, 7, 10];

export function countyBook(projects: number): FakeBookData {
  const pRows: SheetSpec["rows"] = [["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "年度总体目标"]];
  const iRows: SheetSpec["rows"] = [["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "实际完成值", "分值", "偏差原因分析及改进措施"]];
  const iNotes: Record<string, string> = {};
  const iFills: NonNullable<SheetSpec["fills"]> = {};
  for (let p = 0; p < projects; p++) {
    const code = `P${String(p + 1).padStart(5, "0")}`;
    const budget = 100 + (p % 37) * 10;
    const spent = p % 4 === 0 ? Math.round(budget * 0.6) : budget - (p % 5);
    pRows.push([code, `公共服务能力提升项目（${p + 1}）`, DEPTS[p % DEPTS.length], p % 3 ? "经常性" : "一次性", budget, budget, spent, p % 7 === 0 ? "进一步提升服务水平" : "完成年度建设任务，服务对象覆盖率达到90%以上"]);
    for (let k = 0; k < 10; k++) {
      const [l1, l2, name, target, unit] = INDICATORS[k];
      const row = iRows.length + 1;
      let t: string | null = target;
      let actual: string | number = ACTUAL[k];
      if (p % 3 === 0 && k === 1) t = null; // missing target
      if (p % 5 === 0 && k === 0) actual = 80; // below target, no reason
      iRows.push([code, l1, l2, name, t, unit, actual, WEIGHTS[k], null]);
      if (p % 50 === 0 && k < 2) iNotes[`E${row}`] = `用户批注：指标值口径见文件（${p}）`;
      if (p % 40 === 0 && k === 1) iFills[`E${row}`] = { color: "#FFF2CC", pattern: "LightUp", patternColor: "#808080" };
      if (p % 60 === 0 && k === 0) iFills[`G${row}`] = { color: "#4472C4", tint: 0.6 };
    }
  }
  return makeBook(`county-${projects}.xlsx`, [
    { name: "项目表", rows: pRows },
    { name: "指标表", rows: iRows, notes: iNotes, fills: iFills },
  ]);
}
