/**
 * Things a run says once, in both languages, beside its findings: what the state sheet said
 * that the workbook no longer bears out (left alone), which rulebook was used, a converted file.
 * Shown in 运行记录, returned in the outcome (the task pane shows them) and in the JSON report.
 */
import type { LeftAlone, StateProblem } from "../core/state";
import { t, type Params } from "../messages";

export interface Notice {
  /** Catalogue key. */
  key: string;
  message: string;
  messageEn: string;
}

export function notice(key: string, params: Params = {}): Notice {
  return { key, message: t(key, "zh-CN", params), messageEn: t(key, "en", params) };
}

/** 「A、B、C 等 12 处」: a list kept short. */
function shortList(items: string[], lang: "zh-CN" | "en", max = 5): string {
  const sep = lang === "en" ? ", " : "、";
  const head = items.slice(0, max).join(sep);
  return items.length > max ? t("notice.more", lang, { list: head, count: items.length }) : head;
}

function listNotice(key: string, param: string, items: string[], extra: Params = {}): Notice {
  return {
    key,
    message: t(key, "zh-CN", { ...extra, [param]: shortList(items, "zh-CN") }),
    messageEn: t(key, "en", { ...extra, [param]: shortList(items, "en") }),
  };
}

/** One notice per kind of state problem and per kind of thing left alone. */
export function stateNotices(problems: StateProblem[], left: LeftAlone): Notice[] {
  const out: Notice[] = [];
  for (const p of problems) {
    if (p.kind === "row") out.push(notice("notice.state.row", { key: p.key }));
    else if (p.kind === "run") out.push(notice("notice.state.run"));
    else if (p.kind === "mapping") out.push(notice("notice.state.mapping"));
    else out.push(notice("notice.state.records", { count: p.count ?? 0 }));
  }
  if (left.blocks.length) out.push(listNotice("notice.left.blocks", "ranges", left.blocks.map((b) => `「${b.sheet}」!${b.range}`)));
  if (left.sheets.length) out.push(listNotice("notice.left.sheets", "sheets", left.sheets.map((s) => `「${s}」`)));
  if (left.highlights.length) out.push(listNotice("notice.left.highlights", "cells", left.highlights.map((h) => `「${h.sheet}」!${h.address}`), { count: left.highlights.length }));
  return out;
}
