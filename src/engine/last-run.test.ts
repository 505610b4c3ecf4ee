import fc from "fast-check";
import { jsonLength } from "./last-run";

describe("jsonLength", () => {
  it("is JSON.stringify(values).length, escapes and lone surrogates included", () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.constantFrom('"', "\\", "\n", "\u0000", "\ud800", "\udfff", "预算\u2028"), fc.integer(), fc.double(), fc.constant(null));
    fc.assert(fc.property(fc.array(value, { maxLength: 12 }), (vs) => jsonLength(vs) === JSON.stringify(vs).length), { numRuns: 3000 });
    expect(jsonLength([])).toBe(2);
    expect(jsonLength(["a", 1, null])).toBe(JSON.stringify(["a", 1, null]).length);
  });
});
