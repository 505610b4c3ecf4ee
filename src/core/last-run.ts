/**
 * The last run as the task pane shows it, kept in the state sheet under its own key
 * 「lastRun」, so that reopening the pane on a checked workbook shows the summary and the
 * findings without re-running: when, which rulebook, the counts, the grades and lights, and
 * the findings (compact rows, most severe first, bounded: a county workbook with 20,000
 * findings keeps as many as fit in MAX_CHARS and says how many were left out).
 *
 * The summary belongs to one run: it is shown only while the state's `run.runAt` is its own
 * (a run that did not write it — an older version — makes it stale).
 */
import type { z } from "zod";
import { lazyObject, once, zodNow } from "./lazy";

/** JSON characters the findings may take (about 17 cells of the state sheet). */
export const MAX_CHARS = 500_000;
export const LAST_RUN_KEY = "lastRun";

/** The schemas, built on first use (zod is loaded then: see src/core/lazy.ts). */
const schemas = once(() => {
  const z = zodNow();
  const Sev = z.union([z.literal(0), z.literal(1), z.literal(2)]);
  const Count = z.number().int().nonnegative();

  /** [code or name, name, department, sheet, 1-based row] */
  const UnitSchema = z.tuple([z.string(), z.string(), z.string().nullable(), z.string(), z.number().int()]);
  /** [rule, severity 0 error 1 warning 2 info, sheet, cell, unit index or -1, message, hint, messageEn, hintEn, cause or null] */
  const StoredFindingSchema = z.tuple([z.string(), Sev, z.string(), z.string(), z.number().int(), z.string(), z.string(), z.string(), z.string(), z.string().nullable()]);

  const LastRunSchema = z.object({
    v: z.literal(1),
    runAt: z.string(),
    preset: z.string(),
    rulebookVersion: z.string(),
    file: z.string(),
    modes: z.array(z.string()),
    asOf: z.string().nullable(),
    projects: Count,
    counts: z.object({ error: Count, warning: Count, info: Count }),
    grades: z.record(z.string(), Count),
    lights: z.object({ green: Count, yellow: Count, red: Count, blue: Count }),
    units: z.array(UnitSchema),
    findings: z.array(StoredFindingSchema),
    /** Findings left out to stay within MAX_CHARS. */
    omitted: Count,
    /** [fingerprint, valueHash] of each stored finding, in the same order (review round: 审核确认 on reopening). */
    fp: z.array(z.tuple([z.string(), z.string()])).optional(),
  });

  return { UnitSchema, StoredFindingSchema, LastRunSchema };
});

export const UnitSchema = lazyObject(() => schemas().UnitSchema);
export const StoredFindingSchema = lazyObject(() => schemas().StoredFindingSchema);
export const LastRunSchema = lazyObject(() => schemas().LastRunSchema);

export type LastRun = z.infer<typeof LastRunSchema>;
export type StoredFinding = z.infer<typeof StoredFindingSchema>;

/** The stored summary, if it is valid and belongs to the run the state records; else null. */
export function readLastRun(docs: Record<string, unknown>): LastRun | null {
  const parsed = LastRunSchema.safeParse(docs[LAST_RUN_KEY]);
  if (!parsed.success) return null;
  const run = docs.run as { runAt?: unknown } | undefined;
  return run && run.runAt === parsed.data.runAt ? parsed.data : null;
}
