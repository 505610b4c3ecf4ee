/** Qualitative tiers (domain.md §2): 达成 / 部分达成 / 未达成 and their loose synonyms. */
import type { Tier } from "./types";
import { compactText } from "./text";

const VERB = "(?:达成|完成|实现|达到|达标)";
const OBJ = "(?:(?:年度|预期|绩效|既定|计划)?(?:指标|目标|任务|效果)(?:值|任务)?|预期)?";

const FAILED_RE = new RegExp(`^(?:未能?|没有|没|尚未)${VERB}${OBJ}(?:[,，;；]?且?效果(?:较|很)?差)?$`);
const PARTIAL_RE = new RegExp(`^(?:部分|基本|大部分|大部)${VERB}${OBJ}(?:[,，;；]?并?具有一定效果)?$`);
const ACHIEVED_RE = new RegExp(`^(?:已|已经|全部|全面|均已|按时|按期|如期|圆满|顺利)*${VERB}${OBJ}$`);

const FAILED_WORDS = new Set(["差", "较差", "很差", "不合格", "不达标", "未达标", "不满意", "不好", "效果较差", "否"]);
const PARTIAL_WORDS = new Set(["一般", "基本合格", "基本达标", "部分达标", "尚可", "较一般", "效果一般", "基本满意", "具有一定效果", "有一定效果", "中", "中等"]);
const ACHIEVED_WORDS = new Set([
  "好", "较好", "良好", "很好", "优", "良", "优良", "优秀", "合格", "达标", "满意", "是", "已达标", "效果良好", "效果较好", "效果好",
]);

export function parseTier(text: string): Tier | null {
  if (typeof text !== "string") return null;
  const t = compactText(text).replace(/[。.!！]+$/, "");
  if (t === "") return null;
  if (FAILED_WORDS.has(t) || FAILED_RE.test(t)) return "failed";
  if (PARTIAL_WORDS.has(t) || PARTIAL_RE.test(t)) return "partial";
  if (ACHIEVED_WORDS.has(t) || ACHIEVED_RE.test(t)) return "achieved";
  return null;
}
