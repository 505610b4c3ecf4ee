/**
 * The presets. Every number is a default a locality may change (domain.md).
 * central-2020: 财预〔2020〕10号 scoring (执行率 10 + 产出 50 / 效益 30 / 满意度 10).
 * sichuan-2023: 执行 10 + 指标 90 split freely by the sheet's own weights (required).
 * five-grade:   central scoring with 优/良/中/低/差 (seed 000).
 */
import type { Rulebook } from "./schema";

const framework: Rulebook["framework"] = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

export const CENTRAL_2020: Rulebook = {
  preset: "central-2020",
  version: "2026.11.1",
  framework,
  cumulativeLevel2: ["数量指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"],
  vagueWords: ["进一步", "有效", "显著", "明显", "大幅", "逐步", "不断", "稳步", "积极", "努力", "力争"],
  placeholders: ["*", "**", "XX", "xx", "×××", "待定", "?", "？"],
  inputIndicators: ["预算执行率", "资金到位率", "支出进度", "资金拨付率"],
  units: {
    aliases: {
      百分比: "%",
      "％": "%",
      百分点: "%",
      人次数: "人次",
      万: "万元",
    },
    money: { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 },
    countable: ["人", "人次", "户", "次", "座", "个", "项", "家", "所", "件", "台", "套", "辆", "场", "期", "批", "名", "亩", "公里", "千米", "米", "平方米", "万元", "元", "亿元", "册", "份", "篇", "天", "批次", "处", "条", "株", "头", "只", "吨", "张"],
  },
  defaultUnit: "万元",
  rules: {},
  scoring: {
    executionWeight: 10,
    indicatorTotal: 90,
    categoryWeights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10, 成本指标: 0 },
    weightsRequired: false,
    reverse: "linear",
    tierBands: { achieved: [0.8, 1], partial: [0.6, 0.8], failed: [0, 0.6] },
    tierValues: { achieved: 1, partial: 0.7, failed: 0.3 },
    overAchievement: 1.3,
    executionReasonBelow: 0.9,
    scoreTolerance: 0.5,
    grades: [
      { grade: "优", min: 90 },
      { grade: "良", min: 80 },
      { grade: "中", min: 60 },
      { grade: "差", min: 0 },
    ],
  },
  monitoring: {
    timeProgress: "month",
    asOf: null,
    budgetRed: 0.6,
    budgetYellow: 0.8,
    cumulativeRed: 0.6,
    cumulativeYellow: 0.8,
    cumulativeBlue: 1.2,
    levelTolerance: 0.05,
    idleShare: 0.1,
  },
  suggestions: {
    table: [
      { grade: "优", action: "优先保障", ratio: 1 },
      { grade: "良", action: "据实保障", ratio: 1 },
      { grade: "中", action: "核减并整改", ratio: 0.9 },
      { grade: "差", action: "大幅核减", ratio: 0.5, oneOffRatio: 0, oneOffAction: "取消，不再安排同类项目" },
    ],
    capBelow: 0.8,
    capFactor: 1.1,
  },
  targets: {
    newProjectMin: 50,
    recurringProjectMin: 500,
    satisfactionFloor: 85,
    expectCost: false,
  },
  synonyms: {},
};

export const SICHUAN_2023: Rulebook = {
  ...CENTRAL_2020,
  preset: "sichuan-2023",
  scoring: { ...CENTRAL_2020.scoring, weightsRequired: true },
  targets: { ...CENTRAL_2020.targets, expectCost: true },
};

export const FIVE_GRADE: Rulebook = {
  ...CENTRAL_2020,
  preset: "five-grade",
  scoring: {
    ...CENTRAL_2020.scoring,
    grades: [
      { grade: "优", min: 90 },
      { grade: "良", min: 80 },
      { grade: "中", min: 70 },
      { grade: "低", min: 60 },
      { grade: "差", min: 0 },
    ],
  },
  suggestions: {
    ...CENTRAL_2020.suggestions,
    table: [
      { grade: "优", action: "优先保障", ratio: 1 },
      { grade: "良", action: "据实保障", ratio: 1 },
      { grade: "中", action: "核减并整改", ratio: 0.9 },
      { grade: "低", action: "核减", ratio: 0.7, oneOffRatio: 0.5 },
      { grade: "差", action: "大幅核减", ratio: 0.5, oneOffRatio: 0, oneOffAction: "取消，不再安排同类项目" },
    ],
  },
};

export const PRESETS: Record<string, Rulebook> = {
  "central-2020": CENTRAL_2020,
  "sichuan-2023": SICHUAN_2023,
  "five-grade": FIVE_GRADE,
};

export const DEFAULT_PRESET = "central-2020";
