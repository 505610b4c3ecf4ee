import fc from "fast-check";
import { charCount, squeeze } from "./T-common";

describe("charCount", () => {
  it("counts code points of the squeezed text, as Array.from does", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("𠀀提升𠀁", "\ud800a", "a\udc00", "\ud83d\ude00\ud83d", "年度 目标"));
    fc.assert(fc.property(text, (s) => charCount(s) === Array.from(squeeze(s)).length), { numRuns: 3000 });
  });
});
