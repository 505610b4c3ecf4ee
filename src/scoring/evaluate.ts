/**
 * The orchestrator the engine calls: scores (绩效自评), lights (运行监控) and suggestions for
 * every project of a book, with every indicator's result filled.
 */
import type { ModelBook } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import type { ProjectResult } from "../engine/results";
import { isIsoDate, monitorProject } from "../monitoring/monitor";
import { suggest } from "../suggest/suggest";
import { projectInMode } from "../model/modes";
import { emptyResult, executionRate, projectBudget, scoreProject, weightList } from "./project";

/** The monitoring date in force: the given one, else the sheet's, else the preset's; null when none is a valid date. */
export function resolveAsOf(book: ModelBook, rulebook: Rulebook, asOf: string | null): string | null {
  for (const d of [asOf, book.asOfInSheet, rulebook.monitoring.asOf]) if (isIsoDate(d)) return d;
  return null;
}

export function evaluate(book: ModelBook, rulebook: Rulebook, asOf: string | null): Map<string, ProjectResult> {
  const scoring = book.modes.includes("绩效自评");
  const date = book.modes.includes("运行监控") ? resolveAsOf(book, rulebook, asOf) : null;
  const out = new Map<string, ProjectResult>();
  for (const project of book.projects) {
    let r: ProjectResult;
    if (scoring && projectInMode(book, project, "绩效自评")) {
      r = scoreProject(project, rulebook);
    } else {
      r = emptyResult(project);
      const ws = weightList(project, rulebook);
      project.indicators.forEach((ind, k) => (r.indicators[ind.id].weight = ws[k]));
      r.executionRate = executionRate(project.spent, projectBudget(project));
    }
    if (date !== null) {
      const m = monitorProject(project, rulebook, date, book.year);
      r.timeProgress = m.timeProgress;
      r.budgetLight = m.budgetLight;
      r.light = m.light;
      if (!scoring) r.executionRate = m.executionRate;
      for (const ind of project.indicators) {
        const l = m.indicators.get(ind.id);
        r.indicators[ind.id].light = l?.light ?? null;
        r.indicators[ind.id].monitoringKind = l?.kind ?? null;
      }
    }
    const options = { unit: book.unit, asOf: date };
    // A red budget light mid-year calls for recovery; otherwise the grade decides next year's money.
    if (date !== null && r.budgetLight !== null && (r.budgetLight === "red" || r.grade === null)) {
      r.suggestion = suggest(project, r, rulebook, "运行监控", options);
    } else if (r.grade !== null) {
      r.suggestion = suggest(project, r, rulebook, "绩效自评", options);
    }
    out.set(project.id, r);
  }
  return out;
}
