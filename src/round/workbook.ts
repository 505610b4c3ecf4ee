/**
 * A write plan → a new .xlsx file (the consolidated workbook, the feedback workbooks). The one
 * place the round meets a workbook writer: the package adapter's `createXlsx` (a minimal fresh
 * package with the plan applied; pure TypeScript, so the page can use it too). Not re-exported
 * from src/round/index.ts, so that importing the round's pure functions does not pull in a writer.
 */
import type { WritePlan } from "../core/plan";
import { createXlsx } from "../adapters/xlsx/port";

export async function planToXlsx(plan: WritePlan): Promise<Uint8Array> {
  return createXlsx(plan);
}
