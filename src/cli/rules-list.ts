/** `jixiao rules`: the rule catalogue as the rulebook in force sees it (id, severity, on/off, title, source). */
import { ALL_RULES } from "../rules/all";
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
  return ALL_RULES.map((r) => {
    const s = ruleSetting(rulebook, r.meta.id, r.meta.severity);
    return { id: r.meta.id, severity: s.severity, enabled: s.enabled, title: r.meta.title.zh, titleEn: r.meta.title.en, source: r.meta.source, practice: Boolean(r.meta.practice) };
  });
}

export function rulesTable(rulebook: Rulebook): string {
  const rows = ruleRows(rulebook).map((r) => [r.id, `${SEVERITY_ZH[r.severity]} ${r.severity}`, r.enabled ? "开 on" : "关 off", r.practice ? `${r.title}（实务）` : r.title, r.source]);
  return renderTable(["规则 rule", "级别 severity", "状态", "说明 title", "依据 source"], rows, [false, false, false, false, false]);
}
