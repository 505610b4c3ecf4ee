/** Helpers shared by the monitoring rules (M001–M006): the as-of date and indicator lights with their numbers. */
import type { Indicator, Project } from "../model/model";
import type { Light, ProjectResult } from "../engine/results";
import { indicatorLight, type IndicatorLight } from "../monitoring/monitor";
import { resolveAsOf } from "../scoring/evaluate";
import type { RuleContext } from "./types";
import { resultsOf } from "./E-common";

export interface MonitoredIndicator {
  project: Project;
  result: ProjectResult;
  ind: Indicator;
  light: IndicatorLight;
}

/** The as-of date in force for messages (argument, sheet, preset). */
export function asOfOf(ctx: RuleContext): string {
  return resolveAsOf(ctx.book, ctx.rulebook, ctx.asOf) ?? "";
}

/** Every indicator of a monitored project (one with a 序时进度), with its light and numbers. */
export function monitoredIndicators(ctx: RuleContext): MonitoredIndicator[] {
  const results = resultsOf(ctx);
  const out: MonitoredIndicator[] = [];
  for (const project of ctx.book.projects) {
    const result = results.get(project.id);
    if (!result || result.timeProgress === null) continue;
    for (const ind of project.indicators) out.push({ project, result, ind, light: indicatorLight(ind, ctx.rulebook, result.timeProgress) });
  }
  return out;
}

export const LIGHT_ZH: Record<Light, string> = { red: "红灯", yellow: "黄灯", green: "绿灯", blue: "蓝灯" };
