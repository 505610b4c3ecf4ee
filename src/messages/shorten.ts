/** Texts quoted in messages and result cells are shortened: a 30,000-character target is not copied whole. */
export const QUOTE_MAX = 60;

export function shorten(text: string, max = QUOTE_MAX): string {
  // No longer than max UTF-16 units: no more than max characters either (the usual case, no copy).
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : text;
}
