/** The JSON report of contract.md, as a zod schema (the types come from it). */
import type { z } from "zod";
import { lazyObject, once, zodNow } from "../core/lazy";
import { acceptanceFields } from "../round/accepted";

/** The schemas, built on first use (zod is loaded then: see src/core/lazy.ts). */
const schemas = once(() => {
  const z = zodNow();
  const Light = z.enum(["green", "yellow", "red", "blue"]).nullable();

  const IndicatorReportSchema = z.object({
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

  const SuggestionReportSchema = z.object({
    action: z.string(),
    amount: z.number(),
    change: z.number(),
    reason: z.string(),
  });

  const ProjectReportSchema = z.object({
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

  const AcceptedReportSchema = z.object({
    reason: z.string(),
    by: z.string().optional(),
    at: z.string().optional(),
  });

  const FindingReportSchema = z.object({
    rule: z.string(),
    severity: z.enum(["error", "warning", "info"]),
    sheet: z.string(),
    cell: z.string(),
    project: z.string().nullable(),
    message: z.string(),
    hint: z.string(),
    // Review round (src/round/fingerprint.ts); optional so that older reports still read.
    /** rule | project | indicator | field: what the finding is about, never where it sits. */
    fingerprint: z.string().optional(),
    /** Hash of the values the finding is about (an acceptance holds while they are unchanged). */
    valueHash: z.string().optional(),
    projectName: z.string().nullable().optional(),
    department: z.string().nullable().optional(),
    indicator: z.string().nullable().optional(),
    field: z.string().nullable().optional(),
    /** 审核确认: a reviewer accepted the finding as needing no change (counted apart). */
    accepted: AcceptedReportSchema.nullable().optional(),
  });

  const DetectionReportSchema = z.object({
    sheet: z.string(),
    role: z.string(),
    headerRow: z.number().int(),
    columns: z.record(z.string(), z.string()),
    unit: z.string(),
  });

  const FileReportSchema = z.object({
    file: z.string(),
    layout: z.enum(["list", "form"]),
    modes: z.array(z.enum(["目标审核", "绩效自评", "运行监控"])),
    unit: z.string(),
    detected: z.array(DetectionReportSchema),
    projects: z.array(ProjectReportSchema),
    findings: z.array(FindingReportSchema),
    /** The rulebook this file was checked with, and where it came from (given, stored in the workbook, default preset). */
    rulebook: z
      .object({
        preset: z.string(),
        version: z.string(),
        source: z.enum(["option", "workbook", "preset"]),
      })
      .optional(),
    /** Set when the input was an .xls / .et / .ods converted to .xlsx before checking. */
    convertedFrom: z.enum(["xls", "et", "ods"]).optional(),
    /** Said once, zh-CN and English: state left alone, an invalid stored rulebook, a converted file. */
    notices: z.array(z.object({ message: z.string(), messageEn: z.string() })).optional(),
  });

  const Counts = z.object({
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
  });

  /** A finding across submissions (X rules): it names both files. */
  const CrossFindingReportSchema = FindingReportSchema.extend({
    file: z.string(),
    otherFile: z.string(),
    department: z.string().nullable().optional(),
  });

  const RoundDepartmentReportSchema = z.object({
    department: z.string(),
    files: z.array(z.string()),
    projects: z.number().int(),
    budget: z.number(),
    spent: z.number(),
    executionRate: z.number().nullable(),
    averageScore: z.number().nullable(),
    findings: Counts,
    accepted: z.number().int(),
    lights: z.record(z.string(), z.number().int()),
    /** Against the previous round (null without --previous). */
    comparison: z
      .object({
        new: z.number().int(),
        persisting: z.number().int(),
        fixed: z.number().int(),
      })
      .nullable(),
  });

  /** The review round over several submissions (`--summary`, `--feedback`, `--previous`); money in 万元. */
  const RoundReportSchema = z.object({
    /** 1 for the first round, previous + 1 with --previous. */
    round: z.number().int().optional(),
    unit: z.literal("万元"),
    totals: z.object({
      files: z.number().int(),
      unreadable: z.number().int(),
      departments: z.number().int(),
      projects: z.number().int(),
      budget: z.number(),
      spent: z.number(),
      executionRate: z.number().nullable(),
      findings: Counts,
      accepted: z.number().int(),
    }),
    grades: z.array(
      z.object({
        grade: z.string(),
        projects: z.number().int(),
        budget: z.number(),
      }),
    ),
    departments: z.array(RoundDepartmentReportSchema),
    cross: z.array(CrossFindingReportSchema),
    comparison: z
      .object({
        new: z.number().int(),
        persisting: z.number().int(),
        fixed: z.number().int(),
        accepted: z.number().int(),
      })
      .nullable(),
    /** Every finding of last round no longer found (已整改). */
    fixed: z.array(
      z.object({
        fingerprint: z.string(),
        file: z.string(),
        department: z.string(),
        rule: z.string(),
        project: z.string().nullable(),
        message: z.string(),
      }),
    ),
    /** Acceptances in force (审核确认), with their reasons: the next round reads them back. */
    accepted: z.array(z.object(acceptanceFields(z))).optional(),
    /** Inputs not checked: unreadable files and files that are no workbook. */
    skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  });

  const ReportSchema = z.object({
    tool: z.object({ name: z.literal("jixiao"), version: z.string() }),
    rulebook: z.object({
      preset: z.string(),
      version: z.string(),
      source: z.enum(["option", "workbook", "preset"]).optional(),
    }),
    asOf: z.string().nullable(),
    files: z.array(FileReportSchema),
    summary: z.object({
      projects: z.number().int(),
      findings: z.object({
        error: z.number().int(),
        warning: z.number().int(),
        info: z.number().int(),
      }),
      grades: z.record(z.string(), z.number().int()),
      /** Findings a reviewer accepted (审核确认): counted here, not in `findings`. */
      accepted: z.number().int().optional(),
    }),
    /** Present when several submissions were checked as one review round. */
    round: RoundReportSchema.optional(),
  });

  return {
    IndicatorReportSchema,
    SuggestionReportSchema,
    ProjectReportSchema,
    AcceptedReportSchema,
    FindingReportSchema,
    DetectionReportSchema,
    FileReportSchema,
    CrossFindingReportSchema,
    RoundDepartmentReportSchema,
    RoundReportSchema,
    ReportSchema,
  };
});

export const IndicatorReportSchema = lazyObject(() => schemas().IndicatorReportSchema);
export const SuggestionReportSchema = lazyObject(() => schemas().SuggestionReportSchema);
export const ProjectReportSchema = lazyObject(() => schemas().ProjectReportSchema);
export const AcceptedReportSchema = lazyObject(() => schemas().AcceptedReportSchema);
export const FindingReportSchema = lazyObject(() => schemas().FindingReportSchema);
export const DetectionReportSchema = lazyObject(() => schemas().DetectionReportSchema);
export const FileReportSchema = lazyObject(() => schemas().FileReportSchema);
export const CrossFindingReportSchema = lazyObject(() => schemas().CrossFindingReportSchema);
export const RoundDepartmentReportSchema = lazyObject(() => schemas().RoundDepartmentReportSchema);
export const RoundReportSchema = lazyObject(() => schemas().RoundReportSchema);
export const ReportSchema = lazyObject(() => schemas().ReportSchema);

export type IndicatorReport = z.infer<typeof IndicatorReportSchema>;
export type ProjectReport = z.infer<typeof ProjectReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type FindingReport = z.infer<typeof FindingReportSchema>;
export type CrossFindingReport = z.infer<typeof CrossFindingReportSchema>;
export type RoundReport = z.infer<typeof RoundReportSchema>;
