/**
 * Builds the golden reading fixtures: small .xlsx files in list layout, each beside the
 * expected model (a compact projection) that the reader must produce.
 *
 *   npx tsx test/scripts/make-reading-fixtures.ts
 *
 * The expectations are written here by hand from the input rows — never dumped from the
 * reader — so that a reader regression shows up as a diff against what the sheet says.
 * test/read/reading-golden.test.ts compares readXlsxFile + readModel with them.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";

type Cell = string | number | null | Date | { formula: string; result: number } | { richText: { text: string }[] } | { error: string };

interface FixtureSheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
  /** A1 → number format. */
  formats?: Record<string, string>;
  state?: "visible" | "hidden" | "veryHidden";
}

export interface ExpectedTarget {
  kind: string;
  operator?: string | null;
  value?: number;
  unit?: string | null;
}

export interface ExpectedProject {
  code: string | null;
  name: string;
  department: string | null;
  budget: number | null;
  spent: number | null;
  indicators: number;
  /** 三级指标 name → parsed target (only the ones listed are compared). */
  targets?: Record<string, ExpectedTarget>;
  /** 三级指标 name → [一级, 二级] canonical (only the ones listed are compared). */
  levels?: Record<string, [string | null, string | null]>;
}

export interface ExpectedModel {
  detections: { sheet: string; role: string; headerRow: number; columns: Record<string, string>; unit: string }[];
  unit: string;
  year: number | null;
  asOfInSheet: string | null;
  modes: string[];
  projects: ExpectedProject[];
  orphans: number;
  unreadable: string[];
  cellErrors: string[];
}

interface Fixture {
  file: string;
  about: string;
  sheets: FixtureSheet[];
  expected: ExpectedModel;
}

const num = (value: number, unit: string | null, operator: string | null = "≥"): ExpectedTarget => ({ kind: "number", operator, value, unit });

const FIXTURES: Fixture[] = [
  {
    file: "title-rows.xlsx",
    about: "title, 单位 and 监控截止日期 lines above the header; a 合计 row and a 注 row below the data",
    sheets: [
      {
        name: "项目表",
        rows: [
          ["2024年度项目支出绩效自评表"],
          ["填报单位：某县财政局", null, null, null, "单位：万元"],
          ["监控截止日期：2024年7月31日"],
          ["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数"],
          ["XM001", "职业技能培训", "人社局", 120, 110],
          ["XM002", "农村道路养护", "交通局", 300, 280.5],
          ["合计", null, null, 420, 390.5],
          ["注：本表金额单位为万元。"],
        ],
        merges: ["A1:E1"],
      },
      {
        name: "指标表",
        rows: [
          ["2024年度项目绩效指标"],
          ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
          ["XM001", "产出指标", "数量指标", "培训人次", "≥500人次", 520],
          ["XM001", "效益指标", "社会效益指标", "带动就业人数", "≥200人", 210],
          ["XM002", "产出指标", "数量指标", "养护里程", "≥100公里", 100],
          ["XM002", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 93],
        ],
        merges: ["A1:F1"],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目表", role: "projects", headerRow: 4, columns: { code: "A", name: "B", department: "C", budget: "D", spent: "E" }, unit: "万元" },
        { sheet: "指标表", role: "indicators", headerRow: 2, columns: { projectCode: "A", level1: "B", level2: "C", name: "D", target: "E", actual: "F" }, unit: "万元" },
      ],
      unit: "万元",
      year: 2024,
      asOfInSheet: "2024-07-31",
      modes: ["目标审核", "绩效自评"],
      projects: [
        { code: "XM001", name: "职业技能培训", department: "人社局", budget: 120, spent: 110, indicators: 2, targets: { 培训人次: num(500, "人次"), 带动就业人数: num(200, "人") } },
        { code: "XM002", name: "农村道路养护", department: "交通局", budget: 300, spent: 280.5, indicators: 2, targets: { 群众满意度: num(90, "%") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "two-row-header.xlsx",
    about: "项目资金 merged over 年初预算数 | 全年预算数 | 全年执行数; 指标 merged over 一级 | 二级 | 三级",
    sheets: [
      {
        name: "项目支出",
        rows: [
          ["项目名称", "主管部门", "项目资金（万元）", null, null, "年度总体目标"],
          [null, null, "年初预算数", "全年预算数", "全年执行数", null],
          ["城乡居民医保补助", "医保局", 500, 520, 515, "按标准足额发放城乡居民医保财政补助，参保率稳定在95%以上"],
          ["学生营养改善计划", "教育局", 80, 80, 72, "为农村义务教育学生提供营养膳食补助，惠及学生8000人"],
        ],
        merges: ["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
      },
      {
        name: "绩效指标",
        rows: [
          ["项目名称", "指标", null, null, "指标值", "计量单位"],
          [null, "一级指标", "二级指标", "三级指标", null, null],
          ["城乡居民医保补助", "产出指标", "数量指标", "参保人数", "≥120000", "人"],
          ["城乡居民医保补助", "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90", "%"],
          ["学生营养改善计划", "产出指标", "数量指标", "受益学生人数", "≥8000", "人"],
          ["学生营养改善计划", "效益指标", "社会效益指标", "学生营养状况改善", "达成年度指标", null],
        ],
        merges: ["A1:A2", "B1:D1", "E1:E2", "F1:F2"],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目支出", role: "projects", headerRow: 2, columns: { name: "A", department: "B", initialBudget: "C", budget: "D", spent: "E", goal: "F" }, unit: "万元" },
        { sheet: "绩效指标", role: "indicators", headerRow: 2, columns: { projectName: "A", level1: "B", level2: "C", name: "D", target: "E", unit: "F" }, unit: "万元" },
      ],
      unit: "万元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        { code: null, name: "城乡居民医保补助", department: "医保局", budget: 520, spent: 515, indicators: 2, targets: { 参保人数: num(120000, "人"), 参保群众满意度: num(90, "%") } },
        {
          code: null,
          name: "学生营养改善计划",
          department: "教育局",
          budget: 80,
          spent: 72,
          indicators: 2,
          targets: { 受益学生人数: num(8000, "人"), 学生营养状况改善: { kind: "tier" } },
          levels: { 学生营养状况改善: ["效益指标", "社会效益指标"] },
        },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "synonyms.xlsx",
    about: "header synonyms: 项目代码, 项目支出名称, 预算部门, 调整后预算数 (a formula), 预算执行数; 项目编号, 三级指标名称, 运算符, 目标值, 度量单位, 完成值, 权重",
    sheets: [
      {
        name: "Sheet1",
        rows: [
          ["项目代码", "项目支出名称", "预算部门", "年初预算", "调整后预算数", "预算执行数"],
          ["2024-01", "基层文化设施维护", "文旅局", 60, { formula: "D2+5", result: 65 }, 58],
          ["2024-02", "森林防火", "林业局", 40, { formula: "D3", result: 40 }, 41.2],
        ],
      },
      {
        name: "Sheet2",
        rows: [
          ["项目编号", "一级指标", "二级指标", "三级指标名称", "运算符", "目标值", "度量单位", "完成值", "权重"],
          ["2024-01", "产出指标", "数量指标", "维护场馆数", "≥", 12, "个", 12, 30],
          ["2024-01", "产出指标", "时效指标", "完成时间", "≤", "2024年12月底前", null, "2024年11月", 20],
          ["2024-02", "产出指标", "成本指标", "巡护成本", "≤", 40, "万元", 41.2, 20],
          ["2024-02", "效益指标", "生态效益指标", "森林火灾受害率", "≤", 0.9, "‰", 0.5, 30],
        ],
      },
    ],
    expected: {
      detections: [
        { sheet: "Sheet1", role: "projects", headerRow: 1, columns: { code: "A", name: "B", department: "C", initialBudget: "D", budget: "E", spent: "F" }, unit: "万元" },
        {
          sheet: "Sheet2",
          role: "indicators",
          headerRow: 1,
          columns: { projectCode: "A", level1: "B", level2: "C", name: "D", operator: "E", target: "F", unit: "G", actual: "H", weight: "I" },
          unit: "万元",
        },
      ],
      unit: "万元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核", "绩效自评"],
      projects: [
        { code: "2024-01", name: "基层文化设施维护", department: "文旅局", budget: 65, spent: 58, indicators: 2, targets: { 维护场馆数: num(12, "个"), 完成时间: { kind: "date", operator: "≤" } } },
        { code: "2024-02", name: "森林防火", department: "林业局", budget: 40, spent: 41.2, indicators: 2, targets: { 巡护成本: num(40, "万元", "≤") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "merged-cells.xlsx",
    about: "project code and name merged down the indicator sheet; 一级 and 二级 merged over their indicators",
    sheets: [
      {
        name: "项目",
        rows: [
          ["项目编码", "项目名称", "主管部门", "全年预算数"],
          ["P01", "老年人助餐服务", "民政局", 200],
          ["P02", "中小学校舍维修", "教育局", 150],
        ],
      },
      {
        name: "指标",
        rows: [
          ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
          ["P01", "老年人助餐服务", "产出指标", "数量指标", "助餐服务人次", "≥50000人次"],
          [null, null, null, "质量指标", "食品安全事故", "=0起"],
          [null, null, null, "时效指标", "服务天数", "≥300天"],
          [null, null, "满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"],
          ["P02", "中小学校舍维修", "产出指标", "数量指标", "维修面积", "≥5000平方米"],
          [null, null, null, null, "维修学校数", "≥8所"],
          [null, null, "效益指标", "社会效益指标", "校舍安全隐患消除率", "100%"],
        ],
        merges: ["A2:A5", "B2:B5", "C2:C4", "A6:A8", "B6:B8", "C6:C7", "D6:D7"],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目", role: "projects", headerRow: 1, columns: { code: "A", name: "B", department: "C", budget: "D" }, unit: "万元" },
        { sheet: "指标", role: "indicators", headerRow: 1, columns: { projectCode: "A", projectName: "B", level1: "C", level2: "D", name: "E", target: "F" }, unit: "万元" },
      ],
      unit: "万元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        {
          code: "P01",
          name: "老年人助餐服务",
          department: "民政局",
          budget: 200,
          spent: null,
          indicators: 4,
          targets: { 助餐服务人次: num(50000, "人次"), 服务天数: num(300, "天") },
          levels: { 食品安全事故: ["产出指标", "质量指标"], 服务天数: ["产出指标", "时效指标"], 老年人满意度: ["满意度指标", "服务对象满意度指标"] },
        },
        {
          code: "P02",
          name: "中小学校舍维修",
          department: "教育局",
          budget: 150,
          spent: null,
          indicators: 3,
          targets: { 维修学校数: num(8, "所") },
          levels: { 维修学校数: ["产出指标", "数量指标"], 校舍安全隐患消除率: ["效益指标", "社会效益指标"] },
        },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "fullwidth-text.xlsx",
    about: "full-width header text with spaces and line breaks; numbers stored as text (「１２」「1,234.5」); unreadable 「约50万」 and an #N/A",
    sheets: [
      {
        name: "项目表",
        rows: [
          ["＊项目\n编码", "项目　名称", "主管 部门", "全年预算数\n（万元）", "全年执行数（万元）"],
          ["Ｐ１", "社区卫生服务", "卫健局", "１２", "1,234.5"],
          ["Ｐ２", "河道保洁", "水利局", "约50万", { error: "#N/A" }],
          ["Ｐ３", "图书馆免费开放", "文旅局", " 2,000 ", "１,８００"],
        ],
        formats: { D2: "@", E2: "@", D4: "@", E4: "@" },
      },
      {
        name: "指标表",
        rows: [
          ["项目编码", "三级指标", "指标值"],
          ["P1", "服务人次", "≥１２００人次"],
          ["Ｐ２", "保洁河道长度", "≥３０公里"],
          ["P3", "读者满意度", "≥９０％"],
        ],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目表", role: "projects", headerRow: 1, columns: { code: "A", name: "B", department: "C", budget: "D", spent: "E" }, unit: "万元" },
        { sheet: "指标表", role: "indicators", headerRow: 1, columns: { projectCode: "A", name: "B", target: "C" }, unit: "万元" },
      ],
      unit: "万元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        { code: "Ｐ１", name: "社区卫生服务", department: "卫健局", budget: 12, spent: 1234.5, indicators: 1, targets: { 服务人次: num(1200, "人次") } },
        { code: "Ｐ２", name: "河道保洁", department: "水利局", budget: null, spent: null, indicators: 1, targets: { 保洁河道长度: num(30, "公里") } },
        { code: "Ｐ３", name: "图书馆免费开放", department: "文旅局", budget: 2000, spent: 1800, indicators: 1, targets: { 读者满意度: num(90, "%") } },
      ],
      orphans: 0,
      unreadable: ["项目表!D3"],
      cellErrors: ["项目表!E3"],
    },
  },
  {
    file: "combined.xlsx",
    about: "one sheet holding both: project columns on the first row of each project (merged or blank below), indicators on every row",
    sheets: [
      {
        name: "绩效目标申报表",
        rows: [
          ["2025年度项目绩效目标申报表"],
          ["项目编码", "项目名称", "主管部门", "年初预算数", "年度总体目标", "一级指标", "二级指标", "三级指标", "指标值"],
          ["A001", "乡村振兴产业扶持", "农业农村局", 800, "扶持特色产业项目20个，带动农户增收", "产出指标", "数量指标", "扶持产业项目数", "≥20个"],
          [null, null, null, null, null, null, "质量指标", "项目验收合格率", "≥95%"],
          [null, null, null, null, null, "效益指标", "经济效益指标", "带动农户增收", "≥2000元/户"],
          [null, null, null, null, null, "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"],
          ["A002", "城区公厕运维", "城管局", 120, "保障城区公厕正常开放", "产出指标", "数量指标", "运维公厕座数", "≥60座"],
          ["A002", "城区公厕运维", "城管局", 120, "保障城区公厕正常开放", "产出指标", "时效指标", "开放时长", "≥16小时/天"],
          ["小计", null, null, 920, null, null, null, null, null],
        ],
        merges: ["A1:I1", "A3:A6", "B3:B6", "C3:C6", "D3:D6", "E3:E6", "F3:F4"],
      },
    ],
    expected: {
      detections: [
        {
          sheet: "绩效目标申报表",
          role: "combined",
          headerRow: 2,
          columns: { code: "A", name: "B", department: "C", initialBudget: "D", goal: "E", level1: "F", level2: "G", indicatorName: "H", target: "I" },
          unit: "万元",
        },
      ],
      unit: "万元",
      year: 2025,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        {
          code: "A001",
          name: "乡村振兴产业扶持",
          department: "农业农村局",
          budget: 800,
          spent: null,
          indicators: 4,
          targets: { 扶持产业项目数: num(20, "个"), 项目验收合格率: num(95, "%") },
          levels: { 项目验收合格率: ["产出指标", "质量指标"], 农户满意度: ["满意度指标", "服务对象满意度指标"] },
        },
        { code: "A002", name: "城区公厕运维", department: "城管局", budget: 120, spent: null, indicators: 2, targets: { 运维公厕座数: num(60, "座") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "yuan-unit.xlsx",
    about: "amount columns with a 「（元）」 suffix: the book's unit is 元",
    sheets: [
      {
        name: "项目",
        rows: [
          ["项目编码", "项目名称", "主管部门", "全年预算数（元）", "全年执行数（元）", "财政拨款（元）", "其他资金（元）"],
          ["Y1", "防汛物资储备", "应急局", 350000, 298000, 350000, 0],
          ["Y2", "文明城市创建宣传", "宣传部", 86000.5, 86000.5, 80000, 6000.5],
        ],
      },
      {
        name: "指标",
        rows: [
          ["项目编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位"],
          ["Y1", "产出指标", "成本指标", "物资采购成本", "≤", 35, "万元"],
          ["Y2", "产出指标", "数量指标", "宣传活动场次", "≥", 12, "场"],
        ],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目", role: "projects", headerRow: 1, columns: { code: "A", name: "B", department: "C", budget: "D", spent: "E", fiscalFunds: "F", otherFunds: "G" }, unit: "元" },
        { sheet: "指标", role: "indicators", headerRow: 1, columns: { projectCode: "A", level1: "B", level2: "C", name: "D", operator: "E", target: "F", unit: "G" }, unit: "万元" },
      ],
      unit: "元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        { code: "Y1", name: "防汛物资储备", department: "应急局", budget: 350000, spent: 298000, indicators: 1, targets: { 物资采购成本: num(35, "万元", "≤") } },
        { code: "Y2", name: "文明城市创建宣传", department: "宣传部", budget: 86000.5, spent: 86000.5, indicators: 1, targets: { 宣传活动场次: num(12, "场") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "result-band.xlsx",
    about: "the add-in's own result columns under a 「绩效助手结果」 band (and its own sheets) are not user data",
    sheets: [
      {
        name: "项目表",
        rows: [
          [null, null, null, null, null, "绩效助手结果", null, null, null],
          ["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "执行率", "总分", "等级", "问题数"],
          ["R1", "公共法律服务", "司法局", 50, 45, 0.9, 91.5, "优", 0],
          ["R2", "食品安全抽检", "市场监管局", 30, 30, 1, 78, "中", 2],
        ],
        merges: ["F1:I1"],
        formats: { F3: "0.0%", F4: "0.0%" },
      },
      {
        name: "指标表",
        rows: [
          ["项目编码", "三级指标", "指标值", null, "绩效助手结果"],
          ["R1", "法律援助案件数", "≥300件", null, "计算得分"],
          ["R2", "抽检批次", "≥1200批次", null, null],
        ],
      },
      {
        name: "校验结果",
        rows: [
          ["序号", "级别", "规则", "工作表", "单元格", "项目编码", "项目名称", "说明", "建议"],
          [1, "警告", "T017", "指标表", "B2", "R1", "公共法律服务", "指标少于3个", "补充指标"],
        ],
      },
      { name: "_jixiao", rows: [["run", "{}"]], state: "veryHidden" },
    ],
    expected: {
      detections: [
        { sheet: "项目表", role: "projects", headerRow: 2, columns: { code: "A", name: "B", department: "C", budget: "D", spent: "E" }, unit: "万元" },
        { sheet: "指标表", role: "indicators", headerRow: 1, columns: { projectCode: "A", name: "B", target: "C" }, unit: "万元" },
      ],
      unit: "万元",
      year: null,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        { code: "R1", name: "公共法律服务", department: "司法局", budget: 50, spent: 45, indicators: 1, targets: { 法律援助案件数: num(300, "件") } },
        { code: "R2", name: "食品安全抽检", department: "市场监管局", budget: 30, spent: 30, indicators: 1, targets: { 抽检批次: num(1200, "批次") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "monitoring.xlsx",
    about: "a monitoring list: 监控截止日期 as a date cell above the header, 1-6月执行数 / 1-6月完成值 columns, a 时效 target stored as a date",
    sheets: [
      {
        name: "预算执行",
        rows: [
          ["2024年度项目绩效运行监控表"],
          ["监控截止日期", new Date(Date.UTC(2024, 5, 30)), null, null, "金额单位：万元"],
          ["项目编码", "项目名称", "主管部门", "全年预算数", "1-6月执行数", "全年预计执行数"],
          ["M1", "乡村学校少年宫", "教育局", 40, 12, 38],
          ["M2", "农村饮水安全维修", "水利局", 260, 150, 255],
        ],
        merges: ["A1:F1"],
        formats: { B2: "yyyy-mm-dd" },
      },
      {
        name: "指标监控",
        rows: [
          ["项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "1-6月完成值", "全年预计完成值", "完成目标可能性", "偏差原因"],
          ["M1", "产出指标", "数量指标", "开展活动次数", "≥48次", "20次", "48次", "确定能", null],
          ["M1", "产出指标", "时效指标", "活动完成时间", new Date(Date.UTC(2024, 11, 31)), null, null, "有可能", null],
          ["M2", "产出指标", "数量指标", "维修供水工程处数", "≥30处", "12处", "28处", "有可能", "汛期停工"],
          ["M2", "效益指标", "社会效益指标", "受益人口", "≥20000人", "8000人", "20000人", "确定能", null],
        ],
        formats: { E3: "yyyy\"年\"m\"月\"d\"日\"" },
      },
    ],
    expected: {
      detections: [
        { sheet: "预算执行", role: "projects", headerRow: 3, columns: { code: "A", name: "B", department: "C", budget: "D", cumulativeSpent: "E", forecastSpent: "F" }, unit: "万元" },
        {
          sheet: "指标监控",
          role: "indicators",
          headerRow: 1,
          columns: { projectCode: "A", level1: "B", level2: "C", name: "D", target: "E", current: "F", forecast: "G", possibility: "H", reason: "I" },
          unit: "万元",
        },
      ],
      unit: "万元",
      year: 2024,
      asOfInSheet: "2024-06-30",
      modes: ["目标审核", "运行监控"],
      projects: [
        { code: "M1", name: "乡村学校少年宫", department: "教育局", budget: 40, spent: null, indicators: 2, targets: { 开展活动次数: num(48, "次"), 活动完成时间: { kind: "date" } } },
        { code: "M2", name: "农村饮水安全维修", department: "水利局", budget: 260, spent: null, indicators: 2, targets: { 维修供水工程处数: num(30, "处") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
  {
    file: "system-export.xlsx",
    about: "a budget-system export: 序号 column, a 栏次 row under the header, group headings and subtotals per department, dashes for blanks, year-prefixed headers",
    sheets: [
      {
        name: "项目清单",
        rows: [
          ["序号", "项目编码", "项目名称", "预算单位", "2024年预算数", "2024年执行数", "2023年执行数"],
          ["栏次", 1, 2, 3, 4, 5, 6],
          [null, null, "一、教育局", null, 230, 200, 180],
          [1, "360101-001", "学生资助", "教育局", 150, 140, 120],
          [2, "360101-002", "校园安保", "教育局", 80, 60, "—"],
          [null, null, "小计", null, 230, 200, 120],
          [null, null, "二、卫健局", null, 95, 90, 0],
          [3, "360102-001", "基本公卫服务", "卫健局", 95, 90, "-"],
          [null, null, "合计", null, 325, 290, 120],
        ],
      },
      {
        name: "绩效指标",
        rows: [
          ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
          ["360101-001", "学生资助", "产出指标", "数量指标", "资助学生人数", "≥", 3000, "人"],
          ["360101-001", "学生资助", "满意度指标", "服务对象满意度指标", "受助学生满意度", "≥", 90, "百分比"],
          ["360101-002", "校园安保", "产出指标", "数量指标", "配备安保人员", "≥", 120, "人"],
          ["360102-001", "基本公卫服务", "产出指标", "质量指标", "高血压患者规范管理率", "≥", 65, "%"],
        ],
      },
    ],
    expected: {
      detections: [
        { sheet: "项目清单", role: "projects", headerRow: 1, columns: { code: "B", name: "C", department: "D", initialBudget: "E", spent: "F" }, unit: "万元" },
        {
          sheet: "绩效指标",
          role: "indicators",
          headerRow: 1,
          columns: { projectCode: "A", projectName: "B", level1: "C", level2: "D", name: "E", operator: "F", target: "G", unit: "H" },
          unit: "万元",
        },
      ],
      unit: "万元",
      year: 2024,
      asOfInSheet: null,
      modes: ["目标审核"],
      projects: [
        { code: "360101-001", name: "学生资助", department: "教育局", budget: 150, spent: 140, indicators: 2, targets: { 资助学生人数: num(3000, "人"), 受助学生满意度: num(90, "%") } },
        { code: "360101-002", name: "校园安保", department: "教育局", budget: 80, spent: 60, indicators: 1 },
        { code: "360102-001", name: "基本公卫服务", department: "卫健局", budget: 95, spent: 90, indicators: 1, targets: { 高血压患者规范管理率: num(65, "%") } },
      ],
      orphans: 0,
      unreadable: [],
      cellErrors: [],
    },
  },
];

export const FIXTURE_DIR = path.join(__dirname, "..", "fixtures", "reading");

function toExcelValue(c: Cell): ExcelJS.CellValue {
  if (c === null) return null;
  if (c instanceof Date) return c;
  if (typeof c === "object" && "formula" in c) return { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue;
  if (typeof c === "object" && "error" in c) return { error: c.error } as ExcelJS.CellErrorValue;
  return c as ExcelJS.CellValue;
}

async function writeFixture(f: Fixture): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so that regenerating gives the same bytes where ExcelJS allows.
  wb.creator = "jixiao fixtures";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  for (const s of f.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        ws.getCell(r + 1, c + 1).value = toExcelValue(v);
      });
    });
    for (const [addr, fmt] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = fmt;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(path.join(FIXTURE_DIR, f.file));
  const json = { file: f.file, about: f.about, expected: f.expected };
  fs.writeFileSync(path.join(FIXTURE_DIR, f.file.replace(/\.xlsx$/, ".expected.json")), JSON.stringify(json, null, 2) + "\n");
}

async function main(): Promise<void> {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const f of FIXTURES) {
    await writeFixture(f);
    console.log(`wrote ${f.file}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
