import fc from "fast-check";
import { fromA1, lettersToCol } from "./address";

/** fromA1 as first written: the regular expression on the trimmed text. */
function byPattern(a1: string): { row: number; col: number } | "throws" {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  return m ? { row: parseInt(m[2], 10) - 1, col: lettersToCol(m[1]) } : "throws";
}

const attempt = (a1: string) => {
  try {
    return fromA1(a1);
  } catch {
    return "throws";
  }
};

describe("fromA1", () => {
  test("reads what the pattern reads and refuses what it refuses", () => {
    for (const a of ["B3", "$B$3", "b3", " XFD1048576 ", "A0", "ABCD1", "$$A1", "A$$1", "A", "1", "", "A1B", "A-1", "Ａ1", "A１", "\u3000C7\n", "$A", "A$", "AAA999999999999999999"]) expect(attempt(a)).toEqual(byPattern(a));
    const piece = fc.constantFrom("$", "A", "z", "Q", "1", "0", "9", " ", "\t", "\u3000", "-", ":", "é", "１");
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => expect(attempt(parts.join(""))).toEqual(byPattern(parts.join("")))), { numRuns: 5000 });
  });
});
