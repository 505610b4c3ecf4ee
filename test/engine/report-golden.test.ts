/**
 * The engine's reports are byte-for-byte the golden ones (test/engine/report-golden.ts says
 * what is run and how to regenerate): same findings, scores, grades and suggestions.
 */
import fs from "fs";
import { goldenInputs, goldenPath, goldenText } from "./report-golden";

describe("JSON reports match the golden files byte for byte", () => {
  it.each(goldenInputs().map((g) => [g.id, g] as const))("%s", async (_id, input) => {
    const want = fs.readFileSync(goldenPath(input), "utf8");
    const got = await goldenText(input);
    if (got !== want) {
      // A readable first difference rather than a megabyte diff.
      const a = got.split("\n");
      const b = want.split("\n");
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      expect({ line: i + 1, got: a.slice(Math.max(0, i - 3), i + 3) }).toEqual({ line: i + 1, got: b.slice(Math.max(0, i - 3), i + 3) });
    }
    expect(got === want).toBe(true);
  });
});
