/** The JSON report of contract.md, as a zod schema (the types come from it). */
import { z } from "zod";

const Light = z.enum(["green", "yellow", "red", "blue"]).nullable();

export const IndicatorReportSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string(),
  operator: z.string().nullable(),
  target: z.union([z.number(), z.string()]).nullable(),
  unit: z.string().nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  light: Light,
});

export const SuggestionReportSchema = z.object({
  action: z.string(),
  amount: z.number(),
  change: z.number(),
  reason: z.string(),
});

export const ProjectReportSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  department: z.string().nullable(),
  sheet: z.string(),
  row: z.number().int(),
  initialBudget: z.number().nullable(),
  budget: z.number().nullable(),
  spent: z.number().nullable(),
  executionRate: z.number().nullable(),
  executionScore: z.number().nullable(),
  indicatorScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  grade: z.string().nullable(),
  light: Light,
  suggestion: SuggestionReportSchema.nullable(),
  indicators: z.array(IndicatorReportSchema),
});

export const FindingReportSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string(),
  cell: z.string(),
  project: z.string().nullable(),
  message: z.string(),
  hint: z.string(),
});

export const DetectionReportSchema = z.object({
  sheet: z.string(),
  role: z.string(),
  headerRow: z.number().int(),
  columns: z.record(z.string(), z.string()),
  unit: z.string(),
});

export const FileReportSchema = z.object({
  file: z.string(),
  layout: z.enum(["list", "form"]),
  modes: z.array(z.enum(["目标审核", "绩效自评", "运行监控"])),
  unit: z.string(),
  detected: z.array(DetectionReportSchema),
  projects: z.array(ProjectReportSchema),
  findings: z.array(FindingReportSchema),
});

export const ReportSchema = z.object({
  tool: z.object({ name: z.literal("jixiao"), version: z.string() }),
  rulebook: z.object({ preset: z.string(), version: z.string() }),
  asOf: z.string().nullable(),
  files: z.array(FileReportSchema),
  summary: z.object({
    projects: z.number().int(),
    findings: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    grades: z.record(z.string(), z.number().int()),
  }),
});

export type IndicatorReport = z.infer<typeof IndicatorReportSchema>;
export type ProjectReport = z.infer<typeof ProjectReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
