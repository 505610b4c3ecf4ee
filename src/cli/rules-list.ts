/** `jixiao rules`: the rule catalogue as the rulebook in force sees it (id, severity, on/off, title, source). */
import { ALL_RULES } from "../rules/all";
import { X_RULES } from "../round/rules";
import { ruleSetting } from "../rulebook/load";
import type { Rulebook } from "../rulebook/schema";
import { renderTable } from "./terminal";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

export interface RuleRow {
  id: string;
  severity: "error" | "warning" | "info";
  enabled: boolean;
  title: string;
  titleEn: string;
  source: string;
  practice: boolean;
}

export function ruleRows(rulebook: Rulebook): RuleRow[] {
  // The cross-submission rules of the review round (X) follow the single-workbook ones.
  return [...ALL_RULES.map((r) => r.meta), ...X_RULES.map((r) => r.meta)].map((meta) => {
    const s = ruleSetting(rulebook, meta.id, meta.severity);
    return { id: meta.id, severity: s.severity, enabled: s.enabled, title: meta.title.zh, titleEn: meta.title.en, source: meta.source, practice: Boolean(meta.practice) };
  });
}

export function rulesTable(rulebook: Rulebook): string {
  const rows = ruleRows(rulebook).map((r) => [r.id, `${SEVERITY_ZH[r.severity]} ${r.severity}`, r.enabled ? "开 on" : "关 off", r.practice ? `${r.title}（实务）` : r.title, r.source]);
  return renderTable(["规则 rule", "级别 severity", "状态", "说明 title", "依据 source"], rows, [false, false, false, false, false]);
}
