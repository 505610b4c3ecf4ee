/** What scoring, monitoring and suggestions compute, per project and indicator. */
export type Light = "green" | "yellow" | "red" | "blue";

export interface IndicatorResult {
  id: string;
  /** Weight used (sheet's, or split from the preset's category weights). */
  weight: number | null;
  /** Recomputed score, 2 decimals; null when it cannot be computed (unreadable actual, …). */
  score: number | null;
  /** actual / target for quantitative indicators (for messages and over-achievement). */
  ratio: number | null;
  overAchieved: boolean;
  /** Monitoring light, null outside monitoring or when it cannot be judged. */
  light: Light | null;
  /** Cumulative (pro-rated by 序时进度) or level indicator, in monitoring. */
  monitoringKind: "cumulative" | "level" | "qualitative" | null;
}

export interface Suggestion {
  /** 优先保障 / 据实保障 / 核减并整改 / 大幅核减 / 建议按支出进度收回 … */
  action: string;
  /** Next-year amount (or, in monitoring, the amount to recover), in the sheet's unit. */
  amount: number;
  /** amount − this year's 全年预算数 (negative = cut). */
  change: number;
  /** One sentence a finance officer can paste into a memo (zh-CN). */
  reason: string;
  reasonEn: string;
}

export interface ProjectResult {
  id: string;
  /** spent / budget as a fraction (not capped), null when it cannot be computed. */
  executionRate: number | null;
  executionScore: number | null;
  indicatorScore: number | null;
  /** Points the project could reach (100 unless a category is absent). */
  maxScore: number | null;
  totalScore: number | null;
  grade: string | null;
  /** 序时进度 at the as-of date (monitoring). */
  timeProgress: number | null;
  budgetLight: Light | null;
  /** Worst of budget and indicator lights. */
  light: Light | null;
  suggestion: Suggestion | null;
  indicators: Record<string, IndicatorResult>;
}
