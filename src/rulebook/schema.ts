/**
 * The rulebook: everything a locality may change, as one zod schema; the TypeScript types
 * are inferred from it. Presets are in ./presets.ts. domain.md says every threshold is a
 * preset default, not a constant: nothing in src/ hard-codes one of these numbers.
 */
import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Per rule: on/off, severity, and the rule's own thresholds (documented in the rule module). */
export const RuleSettingSchema = z.object({
  enabled: z.boolean().default(true),
  severity: SeveritySchema.optional(),
  /** Rule-specific numeric or list parameters, e.g. { floor: 85 } for T014. */
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])).optional(),
});
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const GradeBandSchema = z.object({
  grade: z.string().min(1),
  /** Lower bound, inclusive (boundaries belong to the higher grade). */
  min: z.number().min(0).max(100),
});

export const SuggestionRowSchema = z.object({
  grade: z.string().min(1),
  action: z.string().min(1),
  /** Next-year amount as a fraction of this year's 全年预算数 (1 = 100 %). */
  ratio: z.number().min(0).max(2),
  /** For one-off projects (一次性), where different. */
  oneOffRatio: z.number().min(0).max(2).optional(),
  oneOffAction: z.string().optional(),
});

export const RulebookSchema = z.object({
  preset: z.string().min(1),
  version: z.string().min(1),
  /** Framework: 一级 → accepted 二级 names (canonical, with 「指标」). */
  framework: z.record(z.string(), z.array(z.string())),
  /** 二级 names that are cumulative over the year (monitoring). */
  cumulativeLevel2: z.array(z.string()),
  vagueWords: z.array(z.string()),
  placeholders: z.array(z.string()),
  /** Inputs that are not outputs (T015). */
  inputIndicators: z.array(z.string()),
  /** Units: alias → canonical unit; money units carry their factor to 元. */
  units: z.object({
    aliases: z.record(z.string(), z.string()),
    money: z.record(z.string(), z.number().positive()),
    /** Units of things that add up over a year (cumulative indicators). */
    countable: z.array(z.string()),
  }),
  /** The default unit of amount columns when the sheet does not say. */
  defaultUnit: z.string().default("万元"),
  rules: z.record(z.string(), RuleSettingSchema),
  scoring: z.object({
    executionWeight: z.number().min(0).max(100),
    indicatorTotal: z.number().min(0).max(100),
    /** Category weights (一级 → points), split evenly among that category's indicators when the sheet gives none. */
    categoryWeights: z.record(z.string(), z.number().min(0)),
    /** Weights must be given in the sheet (sichuan-2023). */
    weightsRequired: z.boolean(),
    reverse: z.enum(["linear", "ratio"]),
    tierBands: z.object({
      achieved: z.tuple([z.number(), z.number()]),
      partial: z.tuple([z.number(), z.number()]),
      failed: z.tuple([z.number(), z.number()]),
    }),
    /** Score share used when a qualitative indicator has no declared score. */
    tierValues: z.object({ achieved: z.number(), partial: z.number(), failed: z.number() }),
    /** Actual ≥ this × a 正向 target is over-achievement (E006). */
    overAchievement: z.number().min(1),
    /** 执行率 below this needs a reason (E007). */
    executionReasonBelow: z.number().min(0).max(1),
    /** Declared vs recomputed tolerance (E003). */
    scoreTolerance: z.number().min(0),
    grades: z.array(GradeBandSchema).min(2),
  }),
  monitoring: z.object({
    /** 序时进度: by month (month/12) or by elapsed days. */
    timeProgress: z.enum(["month", "days"]),
    /** Default as-of date (ISO) when neither --as-of nor the sheet gives one. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    budgetRed: z.number(),
    budgetYellow: z.number(),
    cumulativeRed: z.number(),
    cumulativeYellow: z.number(),
    cumulativeBlue: z.number(),
    /** Level indicators: shortfall within this share of the target is yellow. */
    levelTolerance: z.number().min(0),
    /** Idle money (M006): forecast leaves more than this share unspent. */
    idleShare: z.number().min(0).max(1),
  }),
  suggestions: z.object({
    table: z.array(SuggestionRowSchema).min(1),
    /** Where 执行率 < capBelow, the amount is capped at 全年执行数 × capFactor. */
    capBelow: z.number().min(0).max(1),
    capFactor: z.number().min(0),
  }),
  targets: z.object({
    /** Size thresholds for T023 (in 万元). */
    newProjectMin: z.number().min(0),
    recurringProjectMin: z.number().min(0),
    satisfactionFloor: z.number().min(0).max(100),
    /** Layout whose 成本指标 is expected (T006): "2021" expects cost indicators. */
    expectCost: z.boolean(),
  }),
  /** Extra header synonyms: field key → more Chinese headers. */
  synonyms: z.record(z.string(), z.array(z.string())).default({}),
});
export type Rulebook = z.infer<typeof RulebookSchema>;
/** What a user may write: every field optional, deep; merged over a preset. */
export type RulebookInput = z.input<typeof RulebookSchema>;
