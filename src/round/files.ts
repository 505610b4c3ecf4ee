/** What the round needs to know of one checked file: its department, a project's cell, money in 万元. */
import Decimal from "decimal.js";
import type { FileReport, ProjectReport } from "../engine/report";
import { toYuan } from "../parse/units";
import type { RoundFile } from "./types";
import { keyText } from "./fingerprint";

/** The file name without folders and extension: 「报送/县教育局.xlsx」 → 「县教育局」. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}

/** The file's department: the 主管部门 most of its projects name, else the file name (a department sends its own file). */
export function fileDepartment(file: Pick<RoundFile, "file" | "report">): string {
  const counts = new Map<string, { name: string; n: number }>();
  for (const p of file.report.projects) {
    if (!p.department || !keyText(p.department)) continue;
    const k = keyText(p.department);
    const c = counts.get(k) ?? { name: p.department.trim(), n: 0 };
    c.n++;
    counts.set(k, c);
  }
  let best: { name: string; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.name ?? fileStem(file.file);
}

/** A project's department as the round groups it (its own 主管部门, else its file's). */
export function departmentOf(file: Pick<RoundFile, "file" | "report">, project: Pick<ProjectReport, "department"> | null): string {
  const own = project?.department?.trim();
  return own ? own : fileDepartment(file);
}

/** The cell a project-level cross finding points at: its code (or name) cell where the reader says which column that is. */
export function projectCell(report: FileReport, project: ProjectReport | null, field?: string): { sheet: string; cell: string } {
  if (!project) {
    const first = report.detected[0]?.sheet ?? report.projects[0]?.sheet ?? "";
    return { sheet: first, cell: "A1" };
  }
  const d = report.detected.find((x) => x.sheet === project.sheet && (x.role === "projects" || x.role === "combined"));
  const col = d ? ((field ? d.columns[field] : undefined) ?? (project.code !== null ? d.columns.code : undefined) ?? d.columns.name) : undefined;
  return { sheet: project.sheet, cell: `${col ?? "A"}${project.row}` };
}

/** An amount in the file's unit as 万元 (null stays null; a unit that is no money is taken as 万元). */
export function toWan(amount: number | null, unit: string): number | null {
  if (amount === null || !Number.isFinite(amount)) return null;
  const yuan = toYuan(amount, unit);
  if (yuan === null) return amount;
  return new Decimal(yuan).div(10000).toDecimalPlaces(6).toNumber();
}
