/** Text normalisation shared by every parser (domain.md §2: full-width forms occur everywhere). */

/** Full-width ASCII (U+FF01–U+FF5E) → half-width; a few look-alikes too. Chinese characters are kept. */
const EXTRA: Record<string, string> = {
  "\u3000": " ",
  "\u00a0": " ",
  "≧": "≥",
  "≦": "≤",
  "⩾": "≥",
  "⩽": "≤",
  "﹪": "%",
  "〜": "~",
  "－": "-",
  "﹣": "-",
  "−": "-",
  "﹤": "<",
  "﹥": ">",
  "﹦": "=",
};

/** Every character normaliseText changes: full-width ASCII, the look-alikes above, zero-width spaces. */
const MAPPED_RE = /[\uff01-\uff5e\u3000\u00a0≧≦⩾⩽﹪〜﹣−﹤﹥﹦]/g;
const WHITESPACE_RE = /(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g;
/** Anything that makes the text differ from its normalised form (a quick test, so that most cells are returned as they are). */
const NEEDS_WORK_RE = /[\uff01-\uff5e≧≦⩾⩽﹪〜﹣−﹤﹥﹦\u200b-\u200d]|[^\S ]| {2}|^ | $/;

function mapChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : EXTRA[ch];
}

/** Full-width → half-width (digits, letters, ＞＜＝％，．（）：), whitespace (incl. \u3000, NBSP, line breaks) collapsed to one space and trimmed. */
export function normaliseText(s: string): string {
  if (typeof s !== "string") return "";
  if (!NEEDS_WORK_RE.test(s)) return s;
  return s.replace(MAPPED_RE, mapChar).replace(WHITESPACE_RE, " ").trim();
}

/** normaliseText with every space removed: for reading operators, numbers and units. */
export function compactText(s: string): string {
  const t = normaliseText(s);
  return t.includes(" ") ? t.replace(/ /g, "") : t;
}

/**
 * Text that NFKC, width folding and white-space removal all leave as it is: printable ASCII
 * without spaces, CJK unified ideographs and a few Chinese punctuation marks that have no
 * compatibility form (、。《》“”‘’). Almost every cell of a real sheet is such text, so the
 * squeezing helpers test this first and skip the (costly) Unicode normalisation.
 */
const SQUEEZED_RE = /^[\x21-\x7e\u4e00-\u9fff\u3001\u3002\u300a\u300b\u201c\u201d\u2018\u2019]*$/;

export function isSqueezed(s: string): boolean {
  return SQUEEZED_RE.test(s);
}
