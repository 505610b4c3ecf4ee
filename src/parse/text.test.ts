/**
 * normaliseText is the hottest function of the engine (every cell goes through it), so it is
 * written with a quick test and whole-string replaces. This proves it equal to the plain
 * character-by-character definition, on strings made of every kind of character it treats.
 */
import fc from "fast-check";
import { compactText, isSqueezed, normaliseText } from "./text";

const EXTRA: Record<string, string> = {
  "\u3000": " ", "\u00a0": " ", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "﹪": "%", "〜": "~",
  "－": "-", "﹣": "-", "−": "-", "﹤": "<", "﹥": ">", "﹦": "=",
};

/** The definition: map each code point, collapse whitespace and zero-width runs, trim. */
function reference(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (EXTRA[ch] !== undefined) out += EXTRA[ch];
    else out += ch;
  }
  return out.replace(/(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g, " ").trim();
}

const PIECES = [
  "a", "Z", "1", " ", "  ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2028", "\u1680",
  "\u2003", "\u202f", "\u205f", "＞", "＜", "＝", "％", "，", "．", "（", "）", "：", "１", "Ａ", "ｚ", "～", "\uff01", "\uff5e", "\uff5f", "\uff00",
  ...Object.keys(EXTRA), "达成", "≥", "万元", "😀", "\ud800", "\udc00", "é", "e\u0301",
];

describe("normaliseText", () => {
  it("equals the character-by-character definition", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(normaliseText(s)).toBe(reference(s));
        expect(compactText(s)).toBe(reference(s).replace(/ /g, ""));
      }),
      { numRuns: 5000 },
    );
  });

  it("equals it on arbitrary unicode strings too", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => {
        expect(normaliseText(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("returns text that needs nothing as the same string, and non-strings as empty", () => {
    expect(normaliseText("项目 名称")).toBe("项目 名称");
    expect(normaliseText(" ≧９０％ ")).toBe("≥90%");
    expect(normaliseText(42 as unknown as string)).toBe("");
  });
});

describe("isSqueezed", () => {
  it("holds only for characters that NFKC, width folding and squeezing leave unchanged (every one checked)", () => {
    let checked = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!isSqueezed(ch)) continue;
      checked++;
      expect([ch, ch.normalize("NFKC"), normaliseText(ch), /\s/.test(ch)]).toEqual([ch, ch, ch, false]);
    }
    expect(checked).toBeGreaterThan(20000);
    expect(isSqueezed("项目 名称")).toBe(false);
    expect(isSqueezed("（万元）")).toBe(false);
    expect(isSqueezed("预算执行率")).toBe(true);
  });
});
