/**
 * Golden form workbooks (test/fixtures/forms, written by test/scripts/make-form-fixtures.ts):
 * each .xlsx read with the ExcelJS adapter and readForms must give the projection its
 * generator wrote from its input data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxFile } from "../../adapters/exceljs/read";
import type { ModelBook } from "../../model/model";
import type { ParsedValue } from "../../parse/types";
import { getPreset } from "../../rulebook/load";
import { readForms } from "./index";
import type { ExpFile, ExpValue } from "../../../test/scripts/make-form-fixtures";

const DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "forms");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

function value(v: ParsedValue): ExpValue {
  switch (v.kind) {
    case "empty":
      return { kind: "empty" };
    case "number":
      return { kind: "number", operator: v.operator, value: v.value, unit: v.unit };
    case "tier":
      return { kind: "tier", tier: v.tier };
    case "date":
      return { kind: "date", date: v.date };
    case "text":
      return { kind: "text", text: v.text };
  }
}

function pick(cells: Record<string, string | undefined>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = cells[k] ?? "(none)";
  return out;
}

/** The reader's output in the expected file's shape (cells only for the keys the generator names). */
function projection(m: ModelBook, exp: ExpFile): ExpFile {
  return {
    file: exp.file,
    layout: m.layout as "form",
    unit: m.unit,
    year: m.year,
    modes: m.modes,
    detections: m.detections.map((d) => ({ sheet: d.sheet, headerRow: d.headerRow })),
    unreadable: m.unreadable.map((u) => ({ sheet: u.sheet, cell: u.cell, field: u.field })),
    cellErrors: m.cellErrors.map((u) => ({ sheet: u.sheet, cell: u.cell, field: u.field })),
    projects: m.projects.map((p, i) => {
      const ep = exp.projects[i];
      return {
        sheet: p.origin.sheet,
        row: p.origin.row,
        id: p.id,
        code: p.code,
        name: p.name,
        department: p.department,
        implementer: p.implementer,
        attribute: p.attribute,
        initialBudget: p.initialBudget,
        budget: p.budget,
        spent: p.spent,
        fiscalFunds: p.fiscalFunds,
        otherFunds: p.otherFunds,
        declaredExecutionScore: p.declaredExecutionScore,
        declaredTotal: p.declaredTotal,
        goal: p.goal,
        goalActual: p.goalActual ?? null,
        cells: pick(p.origin.cells, Object.keys(ep?.cells ?? {})),
        indicators: p.indicators.map((ind, k) => ({
          row: ind.origin.row,
          level1: ind.level1,
          level2: ind.level2,
          name: ind.name,
          target: value(ind.target),
          actual: value(ind.actual),
          weight: ind.weight,
          score: ind.declaredScore,
          ...(ep?.indicators[k] && "possibility" in ep.indicators[k] ? { forecast: value(ind.forecast), reason: ind.reason, possibility: ind.possibility } : {}),
          cells: pick(ind.origin.cells, Object.keys(ep?.indicators[k]?.cells ?? {})),
        })),
      };
    }),
  };
}

describe("golden form workbooks", () => {
  it("finds the fixtures", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(FILES)("%s", async (file) => {
    const exp = JSON.parse(readFileSync(join(DIR, file.replace(/\.xlsx$/, ".expected.json")), "utf8")) as ExpFile | null;
    const book = await readXlsxFile(join(DIR, file));
    const model = readForms(book, getPreset());
    if (exp === null) {
      expect(model).toBeNull();
      return;
    }
    expect(model).not.toBeNull();
    expect(projection(model!, exp)).toEqual(exp);
  });
});
