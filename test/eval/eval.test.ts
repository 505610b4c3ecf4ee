/**
 * The published accuracy (README): the real pipeline against the labelled corpus of
 * test/eval/generate.ts. Fails below 97 % precision or 90 % recall overall (issue 10), or when
 * the corpus stops seeding a rule family.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatTable, runEval, type EvalResult } from "./score";

let res: EvalResult;

beforeAll(async () => {
  res = await runEval();
}, 120000);

describe("accuracy on the labelled corpus", () => {
  it("is big enough to mean something and seeds every rule family", () => {
    expect(res.projects).toBeGreaterThanOrEqual(500);
    for (const fam of ["D", "T", "E", "M"]) {
      const labelled = res.rows.filter((r) => r.rule.startsWith(fam)).reduce((a, r) => a + r.tp + r.fn, 0);
      expect([fam, labelled >= 20]).toEqual([fam, true]);
    }
    expect(res.scores.compared).toBeGreaterThanOrEqual(200);
  });

  it("overall precision ≥ 97 % and recall ≥ 90 %", () => {
    // The table, so that a failing CI run shows where.
    const detail = `${formatTable(res)}\n${res.misses.filter((m) => m.rule !== "score").slice(0, 40).map((m) => `${m.kind} ${m.rule} ${m.file} ${m.where}: ${m.detail}`).join("\n")}`;
    expect({ precisionOk: res.overall.precision >= 0.97, recallOk: res.overall.recall >= 0.9, detail }).toMatchObject({ precisionOk: true, recallOk: true });
  });

  it("grades agree on ≥ 97 % of the self-evaluations, totals within a cent", () => {
    expect(res.scores.gradeAgree / res.scores.compared).toBeGreaterThanOrEqual(0.97);
    expect(res.scores.totalWithinCent / res.scores.compared).toBeGreaterThanOrEqual(0.97);
  });

  it("the generator imports nothing of the checker (only ExcelJS and node)", () => {
    const src = readFileSync(join(__dirname, "generate.ts"), "utf8");
    const imports = [...src.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.filter((i) => !/^(exceljs|node:)/.test(i))).toEqual([]);
  });
});
