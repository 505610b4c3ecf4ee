/**
 * The byte-for-byte guard of the engine: every bundled sample, reading fixture and form
 * fixture (plus two small synthetic county workbooks from the bench generator), under the
 * three presets, with and without an as-of date, through the same path as `jixiao check`
 * (snapshot → analyse → file report → whole report), serialised as `--json` writes it.
 *
 * The golden files in test/fixtures/report-golden were generated from the engine before the
 * speed work (issue 13) and must not change when only speed changes:
 *   node src/cli/run-ts.cjs test/scripts/make-report-golden.ts
 * regenerates them (only when a finding, score or message is meant to change).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import { analyse } from "../../src/engine/pipeline";
import { buildFileReport, buildReport } from "../../src/engine/build-report";
import { getPreset } from "../../src/rulebook/load";

const ROOT = path.join(__dirname, "..", "..");
export const GOLDEN_DIR = path.join(ROOT, "test", "fixtures", "report-golden");
export const PRESET_NAMES = ["central-2020", "sichuan-2023", "five-grade"] as const;
export const AS_OFS = [null, "2024-07-31"] as const;
const NOW = new Date(Date.UTC(2025, 2, 31));

export interface GoldenInput {
  /** Stable name of the golden file stem. */
  id: string;
  /** Path of the workbook, or a synthetic county of n projects. */
  file?: string;
  synthetic?: { projects: number; merged: boolean };
}

export function goldenInputs(): GoldenInput[] {
  const out: GoldenInput[] = [];
  const add = (dir: string, prefix: string) => {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((x) => x.endsWith(".xlsx")).sort()) {
      out.push({ id: `${prefix}-${f.replace(/\.xlsx$/, "")}`, file: path.join(ROOT, dir, f) });
    }
  };
  add("assets/samples", "sample");
  add("test/fixtures/reading", "reading");
  add("test/fixtures/forms", "forms");
  out.push({ id: "synthetic-24", synthetic: { projects: 24, merged: false } });
  out.push({ id: "synthetic-12-merged", synthetic: { projects: 12, merged: true } });
  return out;
}

export function goldenPath(input: GoldenInput): string {
  return path.join(GOLDEN_DIR, `${input.id}.json`);
}

async function fileOf(input: GoldenInput): Promise<{ file: string; cleanup: () => void }> {
  if (input.file) return { file: input.file, cleanup: () => undefined };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require("../bench/bench") as typeof import("../bench/bench");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-golden-"));
  const file = path.join(dir, `${input.id}.xlsx`);
  const s = input.synthetic!;
  await bench.writeListWorkbook(file, bench.syntheticProjects(s.projects, 11), s.merged);
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** All six reports of one input (presets × as-of), as one JSON text, `--json` style. */
export async function goldenText(input: GoldenInput): Promise<string> {
  const { file, cleanup } = await fileOf(input);
  try {
    const snap = await readXlsxFile(file);
    const runs: Record<string, unknown> = {};
    for (const preset of PRESET_NAMES) {
      for (const asOf of AS_OFS) {
        const rulebook = getPreset(preset);
        const a = analyse(snap, { rulebook, asOf: asOf ?? undefined, now: NOW, write: false });
        const fr = { ...buildFileReport(snap.name, a), file: `${input.id}.xlsx` };
        runs[`${preset} ${asOf ?? "no-as-of"}`] = buildReport([fr], rulebook, asOf ?? a.asOf);
      }
    }
    return JSON.stringify(runs, null, 2) + "\n";
  } finally {
    cleanup();
  }
}
