/**
 * A preset's display name, the one the pane, 领导汇总 and 运行记录 all show
 * (「中央部门 2020（财预〔2020〕10号）」, never the id 「central-2020」). An id without a name
 * in the catalogue (a custom rulebook's) is shown as it is.
 */
import { hasMessage, t, type Lang } from "./index";

export function presetLabel(preset: string, lang: Lang = "zh-CN"): string {
  const key = `ui.preset.${preset}`;
  return hasMessage(key, lang) ? t(key, lang) : preset;
}
