import fc from "fast-check";
import { OPERATOR_WORDS, splitLeadingOperator, splitTrailingOperator } from "./operator";

/** The definition: the first word of the list (longest first) that the text starts / ends with. */
function naiveLeading(t: string) {
  for (const [w, op] of OPERATOR_WORDS.leading) if (t.startsWith(w)) return { operator: op, rest: t.slice(w.length) };
  return { operator: null, rest: t };
}
function naiveTrailing(t: string) {
  for (const [w, op] of OPERATOR_WORDS.trailing) if (t.endsWith(w)) return { operator: op, rest: t.slice(0, -w.length) };
  return { operator: null, rest: t };
}

describe("operator words", () => {
  it("lead and trail as the word lists say, whatever the text", () => {
    const words = [...OPERATOR_WORDS.leading, ...OPERATOR_WORDS.trailing].map(([w]) => w);
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom("95%", "50个", "万元", "", "不", "大", "以", "≥", "="), fc.string({ maxLength: 3 }));
    const text = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(splitLeadingOperator(t)).toEqual(naiveLeading(t));
        expect(splitTrailingOperator(t)).toEqual(naiveTrailing(t));
      }),
      { numRuns: 3000 },
    );
    expect(splitLeadingOperator("不低于90%")).toEqual({ operator: "≥", rest: "90%" });
    expect(splitTrailingOperator("95%及以上")).toEqual({ operator: "≥", rest: "95%" });
  });
});
