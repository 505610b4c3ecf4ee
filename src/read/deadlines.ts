/**
 * Deadlines written without a year (「12月底前」「11月30日」) mean the budget year's: once the
 * book's year is known (its title 「2024年度…」), a 时效 target in such words, and the actual /
 * current / forecast values beside a date target, are read as dates of that year — so that the
 * indicator is scored (domain.md §4: both dates → not later = full marks) instead of silently
 * losing its points. Without a known year they stay text. Texts naming a year are left alone
 * (the parser already read them, or they are not dates).
 */
import type { Indicator, ModelBook } from "../model/model";
import { parseDateWithOperator } from "../parse/date";
import type { ParsedValue } from "../parse/types";

function inYear(v: ParsedValue, year: number): ParsedValue {
  if (v.kind !== "text" || /\d{4}/.test(v.text)) return v;
  const d = parseDateWithOperator(v.text, year);
  return d ? { kind: "date", operator: d.operator, date: d.date, text: v.text } : v;
}

export function resolveYearlessDates(model: ModelBook): void {
  const year = model.year;
  if (year === null) return;
  const projects = model.projects;
  for (let i = 0; i < projects.length; i++) {
    const inds = projects[i].indicators;
    for (let j = 0; j < inds.length; j++) resolveIndicator(inds[j], year);
  }
}

function resolveIndicator(ind: Indicator, year: number): void {
  if (ind.target.kind === "text" && ind.level2 === "时效指标") ind.target = inYear(ind.target, year);
  if (ind.target.kind !== "date") return;
  ind.actual = inYear(ind.actual, year);
  ind.current = inYear(ind.current, year);
  ind.forecast = inYear(ind.forecast, year);
}
