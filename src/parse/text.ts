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

/** Full-width → half-width (digits, letters, ＞＜＝％，．（）：), whitespace (incl. \u3000, NBSP, line breaks) collapsed to one space and trimmed. */
export function normaliseText(s: string): string {
  if (typeof s !== "string") return "";
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (EXTRA[ch] !== undefined) out += EXTRA[ch];
    else out += ch;
  }
  return out.replace(/(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g, " ").trim();
}

/** normaliseText with every space removed: for reading operators, numbers and units. */
export function compactText(s: string): string {
  return normaliseText(s).replace(/ /g, "");
}
