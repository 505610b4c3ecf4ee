/**
 * Regenerates the report golden files of test/engine/report-golden.test.ts from the current
 * engine. Run only when a finding, score or message is meant to change:
 *   node src/cli/run-ts.cjs test/scripts/make-report-golden.ts
 */
import fs from "fs";
import { GOLDEN_DIR, goldenInputs, goldenPath, goldenText } from "../engine/report-golden";
import { runWhenMain } from "./run-script";

export async function main(): Promise<string> {
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  const inputs = goldenInputs();
  for (const g of inputs) fs.writeFileSync(goldenPath(g), await goldenText(g), "utf8");
  return `wrote ${inputs.length} golden reports to ${GOLDEN_DIR}`;
}

runWhenMain(module, __filename, main);
