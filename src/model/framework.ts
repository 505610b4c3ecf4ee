/** The indicator framework: recognising 一级 / 二级 names written loosely (domain.md §2). */
import type { Rulebook } from "../rulebook/schema";
import { isSqueezed } from "../parse/text";
import { LEVEL1_NAMES, type Level1 } from "./model";

const LEVEL1_SET: ReadonlySet<string> = new Set(LEVEL1_NAMES);

function squeeze(s: string): string {
  if (isSqueezed(s)) return s.endsWith(":") ? s.replace(/[：:]+$/, "") : s;
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[：:]+$/, "");
}

/** 「产出」「产出指标」「 产出指标 」 → "产出指标"; null when not a 一级 name. */
export function canonicalLevel1(text: string | null | undefined): Level1 | null {
  if (!text) return null;
  let s = squeeze(text);
  if (!s.endsWith("指标")) s += "指标";
  return LEVEL1_SET.has(s) ? (s as Level1) : null;
}

/** 「数量」「数量指标」「服务对象满意度」 → canonical 二级 name from the framework; null when unknown. */
export function canonicalLevel2(text: string | null | undefined, framework: Rulebook["framework"]): string | null {
  if (!text) return null;
  let s = squeeze(text);
  if (!s.endsWith("指标")) s += "指标";
  for (const names of Object.values(framework)) if (names.includes(s)) return s;
  if (s === "满意度指标" || s === "服务对象满意度指标") return "服务对象满意度指标";
  return null;
}

/** Is `level2` accepted under `level1` in this rulebook's framework (old, 2021 and hybrid layouts)? */
export function level2Allowed(level1: string, level2: string, framework: Rulebook["framework"]): boolean {
  return (framework[level1] ?? []).includes(level2);
}
