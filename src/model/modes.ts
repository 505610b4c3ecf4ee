/**
 * Modes are found per workbook (contract.md "Modes") but a workbook may mix forms: a 目标表
 * next to a 自评表. A project takes part in a mode only when its own rows carry that mode's
 * columns, so a target form in a self-evaluation workbook is not scored as if every actual
 * were missing.
 */
import { hasCell, type Mode, type ModelBook, type Project } from "./model";

export function projectInMode(book: ModelBook, project: Project, mode: Mode): boolean {
  if (!book.modes.includes(mode)) return false;
  if (mode !== "绩效自评") return true;
  if (project.indicators.length === 0) return hasCell(project.origin, "spent");
  return project.indicators.some((i) => hasCell(i.origin, "actual"));
}

/** The book as a rule for `modes` should see it: only the projects that take part in one of them. */
export function bookForModes(book: ModelBook, modes: Mode[]): ModelBook {
  const projects = book.projects.filter((p) => modes.some((m) => projectInMode(book, p, m)));
  return projects.length === book.projects.length ? book : { ...book, projects };
}
