/**
 * A small self-evaluation workbook in list layout (万元) for the browser test and the pane
 * preview: two projects, eight indicators, a few defects (a vague indicator, a missing target,
 * an actual below target without a reason).
 */
import type { SheetSpec } from "../../src/adapters/officejs/fake/book";

export const PROJECTS: SheetSpec = {
  name: "项目表",
  rows: [
    ["2024年度项目支出绩效自评表"],
    ["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "年度总体目标"],
    ["P001", "农村饮水安全巩固提升", "县水利局", "经常性", 200, 210, 189, "完成12处农村供水工程维修改造，保障3万人饮水安全"],
    ["P002", "=HYPERLINK(\"http://example.com\",\"点此\")", "县教育局", "一次性", 80, 80, 40, "进一步提升教师培训质量"],
  ],
};

export const INDICATORS: SheetSpec = {
  name: "指标表",
  rows: [
    ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "实际完成值", "分值", "偏差原因分析及改进措施"],
    ["P001", "产出指标", "数量指标", "维修改造供水工程数量", "≥12", "处", 12, 20, null],
    ["P001", "产出指标", "质量指标", "工程验收合格率", "≥95%", null, "96%", 15, null],
    ["P001", "产出指标", "时效指标", "完工时间", "2024年10月底前", null, "2024年10月20日", 15, null],
    ["P001", "效益指标", "社会效益指标", "受益人口", "≥3", "万人", 2.5, 30, null],
    ["P001", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", null, "93%", 10, null],
    ["P002", "产出指标", "数量指标", "培训教师人次", null, "人次", 420, 30, null],
    ["P002", "效益指标", "社会效益指标", "教师教学能力", "有效提升", null, "有所提升", 30, null],
    ["P002", "满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", null, "88%", 10, null],
  ],
};

const DEPARTMENTS = ["县教育局", "县卫生健康局", "县农业农村局", "县水利局", "县交通运输局", "县民政局", "县住建局", "县文旅局", "县人社局", "县生态环境局"];

/**
 * A generated county workbook in list layout: `n` projects (codes C0001…), ten indicators
 * each, spread over ten departments, with defects seeded at fixed strides: vague targets,
 * missing units, actuals below target without a reason, and three indicator rows naming an
 * unknown project C9999 (one cause).
 */
export function countyBook(n: number): SheetSpec[] {
  const projects: SheetSpec["rows"] = [
    ["2024年度项目支出绩效自评汇总表"],
    ["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "年度总体目标"],
  ];
  const indicators: SheetSpec["rows"] = [["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "实际完成值", "分值", "偏差原因分析及改进措施"]];
  for (let i = 1; i <= n; i++) {
    const code = `C${String(i).padStart(4, "0")}`;
    const budget = 50 + (i % 37) * 10;
    const spent = i % 9 === 0 ? budget * 0.6 : budget * 0.95;
    projects.push([code, `第${i}号民生项目`, DEPARTMENTS[i % DEPARTMENTS.length], i % 3 ? "经常性" : "一次性", budget, budget, spent, i % 11 === 0 ? "进一步提升服务水平" : `完成第${i}号项目建设任务${i % 50 + 5}处，惠及群众约${i % 9 + 1}万人`]);
    const vague = i % 7 === 0;
    const noUnit = i % 5 === 0;
    const low = i % 13 === 0;
    indicators.push(
      [code, "产出指标", "数量指标", "完成建设任务", `≥${i % 50 + 5}`, noUnit ? null : "处", low ? (i % 50) + 1 : i % 50 + 5, 20, null],
      [code, "产出指标", "质量指标", "验收合格率", "≥95%", null, "97%", 10, null],
      [code, "产出指标", "时效指标", "按期完工率", "100%", null, "100%", 10, null],
      [code, "产出指标", "成本指标", "单位成本控制", "≤1.2", "万元/处", 1.1, 10, null],
      [code, "效益指标", "社会效益指标", "惠及群众", vague ? "有效提升" : `≥${i % 9 + 1}`, vague ? null : "万人", vague ? "有所提升" : i % 9 + 1, 10, null],
      [code, "效益指标", "经济效益指标", "带动就业", "≥20", "人", 25, 5, null],
      [code, "效益指标", "生态效益指标", "环境改善", "明显改善", null, "明显改善", 5, null],
      [code, "效益指标", "可持续影响指标", "长效管护机制", "建立", null, "建立", 10, null],
      [code, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", null, "93%", 5, null],
      [code, "满意度指标", "服务对象满意度指标", "社会公众满意度", "≥85%", null, "90%", 5, null],
    );
  }
  for (let k = 0; k < 3; k++) indicators.push(["C9999", "产出指标", "数量指标", `孤立指标${k + 1}`, "≥1", "个", 1, 10, null]);
  return [
    { name: "项目表", rows: projects },
    { name: "指标表", rows: indicators },
  ];
}

/** A workbook with no project sheet at all. */
export const CONTACTS: SheetSpec = { name: "通讯录", rows: [["姓名", "电话", "科室"], ["张三", "13800000000", "预算科"]] };
