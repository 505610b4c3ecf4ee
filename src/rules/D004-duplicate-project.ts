/**
 * D004 项目重复 — error.
 * Two projects with the same code (compared after full-width/space normalisation, case-blind);
 * projects without a code: the same name within one department. Reported at the second (and
 * every later) occurrence: its code cell, or its name cell for a name duplicate.
 */
import type { Project } from "../model/model";
import type { Rule } from "./types";
import { projectCell, SRC_SHEET } from "./D-common";

function key(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
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
    const byCode = new Map<string, Project>();
    const byName = new Map<string, Project>();
    for (const p of ctx.book.projects) {
      if (p.code !== null && key(p.code) !== "") {
        const k = key(p.code);
        const first = byCode.get(k);
        if (!first) {
          byCode.set(k, p);
          continue;
        }
        ctx.report({
          messageId: "D004.code",
          sheet: p.origin.sheet,
          cell: p.origin.cells.code ?? projectCell(p),
          project: p,
          params: { code: p.code, firstSheet: first.origin.sheet, firstRow: first.origin.row, firstName: first.name },
        });
        continue;
      }
      if (!p.name || key(p.name) === "") continue;
      const k = `${key(p.department ?? "")}\u0000${key(p.name)}`;
      const first = byName.get(k);
      if (!first) {
        byName.set(k, p);
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
