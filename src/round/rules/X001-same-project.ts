/**
 * X001 同一项目多处报送 — warning.
 * The same project (same code; without a code, the same name within one department) in two
 * submitted files: its money would be counted twice. Reported on the later file (in the
 * round's file order), naming the first. Two identical files are X002's, not reported here.
 */
import type { ProjectReport } from "../../engine/report";
import type { RoundFile } from "../types";
import { keyText } from "../fingerprint";
import type { RoundRule } from "./types";

export const X001: RoundRule = {
  meta: {
    id: "X001",
    category: "X",
    severity: "warning",
    title: { zh: "同一项目多处报送", en: "Same project in two submissions" },
    source: "审核实务：汇总时避免重复计算 / review practice (no double counting)",
    practice: true,
  },
  check(ctx) {
    const seen = new Map<string, { file: RoundFile; project: ProjectReport }>();
    for (const file of ctx.files) {
      const inThisFile = new Set<string>();
      for (const p of file.report.projects) {
        const code = keyText(p.code);
        const key = code ? `code:${code}` : `name:${keyText(ctx.departmentOf(file, p))}/${keyText(p.name)}`;
        if (!keyText(p.name) && !code) continue;
        if (inThisFile.has(key)) continue; // a duplicate inside one file is D004's
        inThisFile.add(key);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { file, project: p });
          continue;
        }
        if (first.file.contentHash !== null && first.file.contentHash === file.contentHash) continue;
        ctx.report({
          messageId: code ? "X001.code" : "X001.name",
          file,
          other: first.file,
          project: p,
          params: { project: p.name, code: (first.project.code ?? p.code ?? "").trim(), department: ctx.departmentOf(file, p), otherDepartment: ctx.departmentOf(first.file, first.project) },
        });
      }
    }
  },
};
