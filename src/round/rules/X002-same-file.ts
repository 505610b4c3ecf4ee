/**
 * X002 同一文件重复报送 — warning.
 * Two submitted files with identical content (the same bytes, whatever their names): one
 * submission sent twice. Reported on the later file, naming the first.
 */
import type { RoundFile } from "../types";
import type { RoundRule } from "./types";

export const X002: RoundRule = {
  meta: {
    id: "X002",
    category: "X",
    severity: "warning",
    title: { zh: "同一文件重复报送", en: "Same file submitted twice" },
    source: "审核实务：汇总时避免重复计算 / review practice (no double counting)",
    practice: true,
  },
  check(ctx) {
    const first = new Map<string, RoundFile>();
    for (const file of ctx.files) {
      if (file.contentHash === null) continue;
      const other = first.get(file.contentHash);
      if (!other) {
        first.set(file.contentHash, file);
        continue;
      }
      ctx.report({ file, other, params: { projects: file.report.projects.length } });
    }
  },
};
