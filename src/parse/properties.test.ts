/** Property tests: the parsers never throw, never return NaN/Infinity, and read back what was written. */
import fc from "fast-check";
import type { CellValue } from "../core/grid";
import { CENTRAL_2020 } from "../rulebook/presets";
import { canonicalUnit, excelSerialToISO, normaliseText, parseDate, parseIndicatorValue, parseNumber, parseOperator, parseTier, toYuan } from "./index";
import type { Operator, ParsedValue } from "./types";

const RUNS = { numRuns: 400 };

/** Characters the parsers care about, so random strings hit the interesting paths. */
const ALPHABET = [
  ..."0123456789０１２３４５６７８９.,，．-－+%％≥≤><=＞＜＝~至到年月日底前后以上内下约万元亿个人次百分比定性达成部分未完好差一般 \u3000\n\u00a0()（）",
];
const relevantString = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 16 });
const anyString = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), relevantString);

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("#N/A", "#REF!", "#VALUE!", "#DIV/0!").map((error) => ({ error })),
);

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(iso: string): boolean {
  if (!ISO_RE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function wellFormed(v: ParsedValue): boolean {
  switch (v.kind) {
    case "empty":
      return true;
    case "number":
      return Number.isFinite(v.value) && typeof v.approx === "boolean" && (v.unit === null || v.unit.length > 0);
    case "tier":
      return ["achieved", "partial", "failed"].includes(v.tier);
    case "date":
      return isRealDate(v.date);
    case "text":
      return typeof v.text === "string";
  }
}

describe("parsers never throw and never return NaN/Infinity", () => {
  it("parseNumber", () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, percentFormat) => {
        const r = parseNumber(cell, { percentFormat });
        if (r.ok) return Number.isFinite(r.value);
        return typeof r.reason === "string" && r.reason.length > 0;
      }),
      RUNS,
    );
  });

  it("parseIndicatorValue", () => {
    fc.assert(
      fc.property(anyCell, fc.option(anyCell), fc.option(anyCell), fc.boolean(), fc.boolean(), (cell, operatorCell, unitCell, percentFormat, dateFormat) => {
        return wellFormed(parseIndicatorValue(cell, { operatorCell, unitCell, percentFormat, dateFormat }));
      }),
      RUNS,
    );
  });

  it("parseDate returns a real ISO date or null", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const d = parseDate(s);
        return d === null || isRealDate(d);
      }),
      RUNS,
    );
  });

  it("parseOperator, parseTier, canonicalUnit, normaliseText", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const op = parseOperator(s);
        const tier = parseTier(s);
        const unit = canonicalUnit(s);
        const n = normaliseText(s);
        return (
          [null, "qualitative", "≥", ">", "=", "<", "≤"].includes(op) &&
          [null, "achieved", "partial", "failed"].includes(tier) &&
          (unit === null || unit.length > 0) &&
          normaliseText(n) === n &&
          n === n.trim()
        );
      }),
      RUNS,
    );
  });

  it("excelSerialToISO", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const d = excelSerialToISO(x);
        return d === null || isRealDate(d);
      }),
      RUNS,
    );
  });
});

/** A non-negative decimal written plainly, with its value. */
const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999_999 }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([int, frac]) => ({ int, frac, value: Number(frac === undefined ? `${int}` : `${int}.${frac}`) }));

function withThousands(int: number): string {
  return String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("round trips", () => {
  it("a number with thousands separators reads back", () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), ({ int, frac, value }, negative) => {
        const text = `${negative ? "-" : ""}${withThousands(int)}${frac === undefined ? "" : `.${frac}`}`;
        const r = parseNumber(text);
        return r.ok && r.value === (negative && value !== 0 ? -value : value) && r.unit === null && !r.approx;
      }),
      RUNS,
    );
  });

  it("a number in full-width characters reads back", () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), ({ int, frac, value }, separators) => {
        const plain = `${separators ? withThousands(int) : int}${frac === undefined ? "" : `.${frac}`}`;
        const r = parseNumber(`\u3000${fullWidth(plain)} `);
        return r.ok && r.value === value;
      }),
      RUNS,
    );
  });

  const OPS: Array<[string, Operator | null]> = [
    ["", null],
    ["≥", "≥"],
    [">=", "≥"],
    ["＞＝", "≥"],
    ["不低于", "≥"],
    ["不少于", "≥"],
    ["大于等于", "≥"],
    [">", ">"],
    ["＞", ">"],
    ["大于", ">"],
    ["=", "="],
    ["＝", "="],
    ["<", "<"],
    ["＜", "<"],
    ["≤", "≤"],
    ["<=", "≤"],
    ["＜＝", "≤"],
    ["不高于", "≤"],
    ["不超过", "≤"],
  ];
  const UNITS: Array<[string, string | null]> = [
    ["", null],
    ["%", "%"],
    ["％", "%"],
    ["百分比", "%"],
    ["万", "万元"],
    ["亿元", "亿元"],
    ["千元", "千元"],
    ...CENTRAL_2020.units.countable.map((u): [string, string] => [u, u]),
  ];

  it("`${op}${n}${unit}` reads back as op / n / unit", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), decimalText, fc.boolean(), fc.constantFrom(...UNITS), ([opText, op], { int, frac, value }, sep, [unitText, unit]) => {
        const n = `${sep ? withThousands(int) : int}${frac === undefined ? "" : `.${frac}`}`;
        const v = parseIndicatorValue(`${opText}${n}${unitText}`);
        return v.kind === "number" && v.operator === op && v.value === value && v.unit === unit && !v.approx;
      }),
      RUNS,
    );
  });

  it("`${n}${unit}以上/以内` reads back with ≥ / ≤", () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...UNITS.filter(([u]) => u !== "")), fc.constantFrom<[string, Operator]>(["以上", "≥"], ["以内", "≤"], ["及以下", "≤"]), ({ int, value }, [unitText, unit], [word, op]) => {
        const v = parseIndicatorValue(`${int}${unitText}${word}`);
        return v.kind === "number" && v.operator === op && v.value === int && v.unit === unit && value >= int;
      }),
      RUNS,
    );
  });

  it("split columns: operator cell + number cell + unit cell read back", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS.filter(([t]) => t !== "")), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(...UNITS), ([opText, op], x, [unitText, unit]) => {
        const v = parseIndicatorValue(x, { operatorCell: opText, unitCell: unitText });
        return v.kind === "number" && v.operator === op && v.value === (Object.is(x, -0) ? 0 : x) && v.unit === unit;
      }),
      RUNS,
    );
  });

  it("dates written in several styles read back", () => {
    const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3 }), fc.constantFrom("", "前", "以前", "之前"), (d, style, suffix) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const dd = d.getUTCDate();
        const iso = d.toISOString().slice(0, 10);
        const text = [`${y}年${m}月${dd}日`, `${y}.${m}.${dd}`, `${y}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`, `${y}/${m}/${dd}`][style] + suffix;
        const v = parseIndicatorValue(text);
        return parseDate(text) === iso && v.kind === "date" && v.date === iso && v.operator === (suffix === "" ? null : "≤");
      }),
      RUNS,
    );
  });

  it("consecutive Excel serials are consecutive days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (n) => {
        const a = excelSerialToISO(n);
        const b = excelSerialToISO(n + 1);
        if (a === null || b === null) return false;
        return Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`) === 86_400_000;
      }),
      RUNS,
    );
  });

  it("toYuan scales money units by the table's factor and rejects other units", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...Object.entries(CENTRAL_2020.units.money)), fc.constantFrom("个", "%", "人次"), (x, [unit, factor], other) => {
        return toYuan(x, unit) === x * factor && toYuan(x, other) === null;
      }),
      RUNS,
    );
  });
});
