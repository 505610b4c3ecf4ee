/**
 * Property tests for detection: random list workbooks built from the synonym table (any
 * synonym per field, any column order, title / unit lines above, header spelled with
 * full-width characters, spaces, 「*」 and unit suffixes) must be read back with exactly the
 * columns they were built with.
 */
import fc from "fast-check";
import type { CellValue, WorkbookSnapshot } from "../core/grid";
import { colToLetters } from "../core/address";
import { getPreset } from "../rulebook/load";
import type { IndicatorField, ProjectField } from "../model/fields";
import { readModel } from "./read-model";
import { normaliseHeader } from "./header";
import { INDICATOR_SYNONYMS, PROJECT_SYNONYMS } from "./synonyms";

const rb = getPreset();

const PROJECT_OPTIONAL: ProjectField[] = ["code", "department", "implementer", "attribute", "fundType", "initialBudget", "budget", "spent", "goal", "fiscalFunds", "otherFunds", "cumulativeSpent", "forecastSpent"];
const INDICATOR_OPTIONAL: IndicatorField[] = ["level1", "level2", "operator", "unit", "actual", "weight", "reason", "forecast", "possibility"];
const AMOUNT = new Set<string>(["initialBudget", "budget", "spent", "fiscalFunds", "otherFunds", "cumulativeSpent", "forecastSpent"]);

/** A header as people type it: full width, stray spaces, a required mark, a unit suffix. */
function spell(word: string, variant: number, unitSuffix: boolean): string {
  let s = word;
  if (variant & 1) s = s.replace(/[A-Za-z0-9()]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  if (variant & 2) s = s.length > 2 ? `${s.slice(0, 2)}\n${s.slice(2)}` : ` ${s} `;
  if (variant & 4) s = `*${s}`;
  if (unitSuffix) s = `${s}（万元）`;
  return s;
}

const titleRows = fc.array(fc.constantFrom<CellValue[]>(["2024年度项目支出绩效自评表"], ["单位：万元"], [], ["填报单位：某县财政局", null, "填报日期：2024年8月"]), { maxLength: 4 });

const projectSheet = fc
  .record({
    // A name column alone is not enough to call a sheet a project list (by design): one more field at least.
    fields: fc.subarray(PROJECT_OPTIONAL, { minLength: 1 }),
    order: fc.array(fc.nat(1000), { minLength: 16, maxLength: 16 }),
    picks: fc.array(fc.nat(50), { minLength: 16, maxLength: 16 }),
    spelling: fc.array(fc.nat(7), { minLength: 16, maxLength: 16 }),
    titles: titleRows,
    rows: fc.integer({ min: 1, max: 6 }),
    /** Amount columns under a 「项目资金」 band (two-row header); the others merged down or left blank below. */
    band: fc.boolean(),
    mergeOthers: fc.boolean(),
  })
  .map((g) => {
    const fields: ProjectField[] = ["name", ...g.fields];
    let ordered = fields.map((f, i) => ({ f, k: g.order[i] })).sort((a, b) => a.k - b.k).map((x) => x.f);
    const amounts = ordered.filter((f) => AMOUNT.has(f));
    const band = g.band && amounts.length > 0;
    if (band) ordered = [...ordered.filter((f) => !AMOUNT.has(f)), ...amounts];
    const word = (f: ProjectField, i: number, suffix: boolean) => {
      const syns = PROJECT_SYNONYMS[f].filter((w) => !/^其中/.test(w));
      return spell(syns[g.picks[i] % syns.length], g.spelling[i], suffix);
    };
    const header = ordered.map((f, i) => word(f, i, AMOUNT.has(f) && g.spelling[i] % 3 === 0));
    const data = Array.from({ length: g.rows }, (_, r) =>
      ordered.map((f) => (f === "name" ? `项目${r + 1}` : f === "code" ? `P${r + 1}` : AMOUNT.has(f) ? 100 + r : `值${r}`)),
    );
    const columns = Object.fromEntries(ordered.map((f, i) => [f, colToLetters(i)]));
    const t = g.titles.length;
    if (!band) return { values: [...g.titles, header, ...data] as CellValue[][], merges: [] as string[], columns, headerRow: t + 1, rows: g.rows };
    const first = ordered.length - amounts.length;
    const top: CellValue[] = ordered.map((_f, i) => (i < first ? header[i] : i === first ? "项目资金（万元）" : null));
    const sub: CellValue[] = ordered.map((_f, i) => (i < first ? null : header[i]));
    const merges: string[] = [];
    if (amounts.length > 1) merges.push(`${colToLetters(first)}${t + 1}:${colToLetters(ordered.length - 1)}${t + 1}`);
    if (g.mergeOthers) for (let i = 0; i < first; i++) merges.push(`${colToLetters(i)}${t + 1}:${colToLetters(i)}${t + 2}`);
    return { values: [...g.titles, top, sub, ...data] as CellValue[][], merges, columns, headerRow: t + 2, rows: g.rows };
  });

const indicatorSheet = fc
  .record({
    fields: fc.subarray(INDICATOR_OPTIONAL),
    order: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
    picks: fc.array(fc.nat(50), { minLength: 12, maxLength: 12 }),
    spelling: fc.array(fc.nat(7), { minLength: 12, maxLength: 12 }),
  })
  .map((g) => {
    const fields: IndicatorField[] = ["projectName", "name", "target", ...g.fields];
    const ordered = fields.map((f, i) => ({ f, k: g.order[i] })).sort((a, b) => a.k - b.k).map((x) => x.f);
    const header = ordered.map((f, i) => {
      const syns = INDICATOR_SYNONYMS[f];
      return spell(syns[g.picks[i] % syns.length], g.spelling[i], false);
    });
    const data = ordered.map((f) => (f === "projectName" ? "项目1" : f === "name" ? "培训人次" : f === "target" ? "≥500人次" : f === "level1" ? "产出指标" : f === "level2" ? "数量指标" : "x"));
    const columns = Object.fromEntries(ordered.map((f, i) => [f, colToLetters(i)]));
    return { values: [header, data] as CellValue[][], columns };
  });

describe("synonym table", () => {
  it("gives every normalised header word one field per table", () => {
    for (const table of [PROJECT_SYNONYMS, INDICATOR_SYNONYMS] as Record<string, string[]>[]) {
      const seen = new Map<string, string>();
      for (const [field, words] of Object.entries(table)) {
        for (const w of words) {
          const k = normaliseHeader(w).key;
          const other = seen.get(k);
          if (other !== undefined && other !== field) throw new Error(`「${w}」 is a synonym of both ${other} and ${field}`);
          seen.set(k, field);
        }
      }
    }
  });
});

describe("detection finds what a random list workbook was built with", () => {
  it("project and indicator sheets: header row, columns, projects, attachment", () => {
    fc.assert(
      fc.property(projectSheet, indicatorSheet, (p, i) => {
        const book: WorkbookSnapshot = {
          name: "r.xlsx",
          sheets: [
            { name: "项目表", values: p.values, merges: p.merges, formats: {} },
            { name: "指标表", values: i.values, merges: [], formats: {} },
          ],
        };
        const m = readModel(book, rb);
        const dp = m.detections.find((d) => d.sheet === "项目表");
        const di = m.detections.find((d) => d.sheet === "指标表");
        expect(dp).toMatchObject({ role: "projects", headerRow: p.headerRow, columns: p.columns });
        expect(di).toMatchObject({ role: "indicators", headerRow: 1, columns: i.columns });
        expect(m.projects.map((x) => x.name)).toEqual(Array.from({ length: p.rows }, (_, r) => `项目${r + 1}`));
        expect(m.projects[0].indicators.map((x) => x.name)).toEqual(["培训人次"]);
        expect(m.orphans).toEqual([]);
        // Amounts were written as 100, 101, … in 万元 (band or suffix or default): read back unchanged.
        for (const f of Object.keys(p.columns).filter((k) => AMOUNT.has(k))) {
          expect(m.projects.map((x) => (x as unknown as Record<string, number | null>)[f])).toEqual(m.projects.map((_, r) => 100 + r));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a random combined sheet", () => {
  const combined = fc.record({
    perProject: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
    /** How project cells look below a project's first row: merged, blank, or repeated. */
    style: fc.constantFrom("merged", "blank", "repeated"),
    withCode: fc.boolean(),
    level1Style: fc.constantFrom("merged", "blank", "repeated"),
  });
  it("gives each project its own indicators whatever the fill style", () => {
    fc.assert(
      fc.property(combined, (g) => {
        const header: CellValue[] = [...(g.withCode ? ["项目编码"] : []), "项目名称", "年初预算数", "一级指标", "三级指标", "指标值"];
        const off = g.withCode ? 1 : 0;
        const rows: CellValue[][] = [header];
        const merges: string[] = [];
        g.perProject.forEach((n, p) => {
          const start = rows.length + 1; // 1-based row of the project's first indicator
          for (let k = 0; k < n; k++) {
            const first = k === 0;
            const show = first || g.style === "repeated";
            const l1 = k === 0 || g.level1Style === "repeated" ? "产出指标" : null;
            rows.push([...(g.withCode ? [show ? `C${p}` : null] : []), show ? `项目${p}` : null, show ? 10 * (p + 1) : null, l1, `指标${p}-${k}`, k + 1]);
          }
          if (g.style === "merged" && n > 1) for (let c = 0; c < off + 2; c++) merges.push(`${colToLetters(c)}${start}:${colToLetters(c)}${start + n - 1}`);
          if (g.level1Style === "merged" && n > 1) merges.push(`${colToLetters(off + 2)}${start}:${colToLetters(off + 2)}${start + n - 1}`);
        });
        const m = readModel({ name: "c.xlsx", sheets: [{ name: "表", values: rows, merges, formats: {} }] }, rb);
        expect(m.detections.map((d) => d.role)).toEqual(["combined"]);
        expect(m.projects.map((p) => [p.name, p.initialBudget, p.indicators.length])).toEqual(g.perProject.map((n, p) => [`项目${p}`, 10 * (p + 1), n]));
        for (const p of m.projects) for (const i of p.indicators) expect(i.level1).toBe("产出指标");
        expect(m.orphans).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
