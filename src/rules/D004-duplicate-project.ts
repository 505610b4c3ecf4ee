/**
 * D004 项目重复 — error.
 * Two projects with the same code (compared after full-width/space normalisation, case-blind);
 * projects without a code: the same name within one department. Reported at the second (and
 * every later) occurrence: its code cell, or its name cell for a name duplicate.
 */
import type { Project } from "../model/model";
import type { Rule } from "./types";
import { projectCell, SRC_SHEET } from "./D-common";
import { isSqueezed } from "../parse/text";

function key(s: string): string {
  // A text NFKC and the space removal leave as it is (almost every code and name): only the case.
  if (isSqueezed(s)) return s.toLowerCase();
  return s.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
}

/**
 * The later occurrences of duplicated projects (what D004 reports), with the first occurrence of
 * each: D003 leaves them to D004 (indicators carrying the shared code attach to the first row,
 * so the second has none — one cause, one finding).
 */
export function duplicateOccurrences(projects: Project[]): Map<Project, Project> {
  const out = new Map<Project, Project>();
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project>();
  for (const p of projects) {
    const code = p.code === null ? "" : key(p.code);
    if (code !== "") {
      const k = code;
      const first = byCode.get(k);
      if (first) out.set(p, first);
      else byCode.set(k, p);
      continue;
    }
    if (!p.name || key(p.name) === "") continue;
    const k = `${key(p.department ?? "")}\u0000${key(p.name)}`;
    const first = byName.get(k);
    if (first) out.set(p, first);
    else byName.set(k, p);
  }
  return out;
}

export const D004: Rule = {
  meta: {
    id: "D004",
    category: "D",
    severity: "error",
    title: { zh: "项目重复", en: "Duplicate project" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const [p, first] of duplicateOccurrences(ctx.book.projects)) {
      if (p.code !== null && key(p.code) !== "") {
        ctx.report({
          messageId: "D004.code",
          sheet: p.origin.sheet,
          cell: p.origin.cells.code ?? projectCell(p),
          project: p,
          params: { code: p.code, firstSheet: first.origin.sheet, firstRow: first.origin.row, firstName: first.name },
        });
        continue;
      }
      ctx.report({
        messageId: p.department ? "D004.name" : "D004.nameNoDepartment",
        sheet: p.origin.sheet,
        cell: projectCell(p),
        project: p,
        params: { project: p.name, department: p.department ?? "", firstSheet: first.origin.sheet, firstRow: first.origin.row },
      });
    }
  },
};
