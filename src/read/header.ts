/**
 * Header normalisation (contract.md): full-width → half-width, spaces and line breaks
 * removed, 「（万元）」-style suffixes stripped (a money or % suffix becomes the column's
 * unit), 「*」 required marks removed, a leading 「其中：」 dropped.
 */

export interface NormalisedHeader {
  /** The bare header used for synonym lookup (「年初预算数」). */
  key: string;
  /** Unit named by the suffix (「万元」「元」「%」), null when none. */
  unit: string | null;
}

import { isSqueezed } from "../parse/text";
import { memoByText } from "../core/memo";

const MONEY = ["亿元", "千元", "万元", "元"];

/** The text of a parenthesised unit such as 「万元」「单位：元」「金额单位：万元」「%」, or null. */
export function unitFromText(inner: string): string | null {
  // Most bracketed texts are no unit at all (「（1）」 after a project name): no patterns for those.
  const s = inner.includes("单位") || inner.includes("人民币") ? inner.replace(/^(金额)?单位[:：]?/, "").replace(/^人民币/, "") : inner;
  for (const u of MONEY) if (s === u) return u;
  if (s === "%" || s === "百分比" || s === "％") return "%";
  return null;
}

/** Full-width → half-width and every kind of white space removed. */
export function squeezeText(text: string): string {
  if (isSqueezed(text)) return text;
  return text.normalize("NFKC").replace(/[\s\u00a0\u3000\u200b]+/g, "");
}

const NO_HEADER: NormalisedHeader = Object.freeze({ key: "", unit: null });

/**
 * The header a cell's text reads as. Once per distinct text (header detection, the form scan and
 * the repeated-header test ask again for the same project names and codes on every sheet); the
 * answer is shared, so it is frozen.
 */
export function normaliseHeader(raw: unknown): NormalisedHeader {
  if (raw === null || raw === undefined || typeof raw === "object") return NO_HEADER;
  return normalisedHeader(typeof raw === "string" ? raw : String(raw));
}

const normalisedHeader = memoByText((text: string): NormalisedHeader => Object.freeze(normaliseHeaderText(text)));

/** A character any of the steps below looks for (a text without them, not starting 其中, is its own key). */
const HEADER_MARKS = /[*＊)\]】>〕/:：]/;

function normaliseHeaderText(raw: string): NormalisedHeader {
  const s = squeezeText(raw);
  // Most texts asked about are data (codes, names): nothing to strip.
  if (!HEADER_MARKS.test(s) && !s.startsWith("其中")) return { key: s, unit: null };
  return headerSteps(s);
}

/** Every step in turn on a squeezed text (exported for the test that the shortcut above gives the same). */
export function headerSteps(squeezed: string): NormalisedHeader {
  let s = squeezed.replace(/[*＊]/g, "");
  let unit: string | null = null;
  // Trailing bracketed parts: 「年初预算数(万元)」「全年预算数(A)」「金额【元】」 — possibly several.
  for (;;) {
    const m = /^(.+?)[([【<〔]([^()[\]【】<>〔〕]{0,12})[)\]】>〕]$/.exec(s);
    if (!m) break;
    const u = unitFromText(m[2]);
    if (u && !unit) unit = u;
    s = m[1];
  }
  // 「预算数/万元」「金额：万元」 written without brackets.
  const slash = /^(.+?)[/:]((?:单位[:]?)?(?:亿元|千元|万元|元))$/.exec(s);
  if (slash) {
    unit = unit ?? unitFromText(slash[2]);
    s = slash[1];
  }
  s = s.replace(/^其中[:、,]?/, "").replace(/[:：]+$/, "");
  return { key: s, unit };
}
