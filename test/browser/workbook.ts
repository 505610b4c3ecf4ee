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
