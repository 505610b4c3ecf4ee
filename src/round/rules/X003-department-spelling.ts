/**
 * X003 部门名称写法不一 — info.
 * One department's name spelled two ways across files (「县卫健委」 in one, 「县卫生健康委员会」
 * in another): a hint, since the round then counts it as two departments. Reported once per
 * pair of spellings, on the file where the second spelling first occurs, naming the first.
 */
import type { ProjectReport } from "../../engine/report";
import type { RoundFile } from "../types";
import { keyText } from "../fingerprint";
import { sameDepartmentSpelling } from "../department";
import { projectCell } from "../files";
import type { RoundRule } from "./types";

export const X003: RoundRule = {
  meta: {
    id: "X003",
    category: "X",
    severity: "info",
    title: { zh: "部门名称写法不一", en: "Department name spelled two ways" },
    source: "审核实务：按部门汇总 / review practice (totals by department)",
    practice: true,
  },
  check(ctx) {
    // Spellings in order of first appearance, with where they first appear.
    const spellings: { name: string; key: string; file: RoundFile; project: ProjectReport | null }[] = [];
    for (const file of ctx.files) {
      const names: { name: string; project: ProjectReport | null }[] = file.report.projects.length
        ? file.report.projects.map((p) => ({ name: ctx.departmentOf(file, p), project: p }))
        : [{ name: ctx.departmentOf(file), project: null }];
      for (const n of names) {
        const key = keyText(n.name);
        if (!key || spellings.some((s) => s.key === key)) continue;
        spellings.push({ name: n.name, key, file, project: n.project });
      }
    }
    for (let j = 1; j < spellings.length; j++) {
      const later = spellings[j];
      const earlier = spellings.slice(0, j).find((s) => sameDepartmentSpelling(s.name, later.name));
      if (!earlier) continue;
      ctx.report({ file: later.file, other: earlier.file, project: later.project, ...projectCell(later.file.report, later.project, "department"), params: { department: later.name, otherDepartment: earlier.name } });
    }
  },
};
