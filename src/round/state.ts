/**
 * What the consolidated workbook remembers of its round, in its state sheet 「_jixiao」 under
 * the key `round` (beside `accepted`, the acceptances in force): every finding with its
 * fingerprint and the cells it was shown at, so that the next round (`--previous 汇总.xlsx`)
 * knows what was found, and which 问题清单 row a reviewer's 处理状态 / 处理说明 belongs to
 * (rows are matched by their content, so sorting or filtering the sheet does no harm).
 */
import type { z } from "zod";
import { lazyObject, once, zodNow } from "../core/lazy";

export const ROUND_KEY = "round";

/** The schemas, built on first use (zod is loaded then: see src/core/lazy.ts). */
const schemas = once(() => {
  const z = zodNow();
  const RoundFindingStateSchema = z.object({
    fingerprint: z.string(),
    valueHash: z.string(),
    file: z.string(),
    department: z.string(),
    rule: z.string(),
    severity: z.enum(["error", "warning", "info"]),
    project: z.string().nullable(),
    message: z.string(),
    sheet: z.string(),
    cell: z.string(),
  });

  const RoundStateSchema = z.object({
    version: z.literal(1),
    round: z.number().int().min(1),
    date: z.string(),
    findings: z.array(RoundFindingStateSchema),
  });
  const FeedbackStateSchema = z.object({
    version: z.literal(1),
    round: z.number().int().min(1),
    department: z.string(),
    date: z.string(),
    findings: z.array(
      z.object({
        fingerprint: z.string(),
        department: z.string(),
        file: z.string(),
        sheet: z.string(),
        cell: z.string(),
        message: z.string(),
      }),
    ),
  });
  return { RoundFindingStateSchema, RoundStateSchema, FeedbackStateSchema };
});

export const RoundFindingStateSchema = lazyObject(() => schemas().RoundFindingStateSchema);
export const RoundStateSchema = lazyObject(() => schemas().RoundStateSchema);
export type RoundState = z.infer<typeof RoundStateSchema>;

/**
 * What a feedback workbook (审核意见反馈表) remembers, under the key `feedback`: whose it is,
 * which round, and each comment's fingerprint with the cells it was shown at, so that the
 * department's 整改情况 / 整改说明 can be read back when it returns the workbook.
 */
export const FEEDBACK_KEY = "feedback";

export const FeedbackStateSchema = lazyObject(() => schemas().FeedbackStateSchema);
export type FeedbackState = z.infer<typeof FeedbackStateSchema>;
