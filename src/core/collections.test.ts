import fs from "fs";
import path from "path";
import fc from "fast-check";
import { maxOf, minOf, pushAll } from "./collections";

describe("maxOf / minOf / pushAll", () => {
  it("agree with Math.max / Math.min / push on small arrays", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN))), fc.oneof(fc.double(), fc.constantFrom(0, -0)), (xs, init) => {
        expect(maxOf(xs, init)).toBe(Math.max(init, ...xs));
        expect(minOf(xs, init)).toBe(Math.min(init, ...xs));
        expect(maxOf(xs)).toBe(Math.max(...xs));
        expect(minOf(xs)).toBe(Math.min(...xs));
        const a = [1, 2];
        const b = [1, 2];
        a.push(...xs);
        expect(pushAll(b, xs)).toEqual(a);
      }),
    );
  });

  it("take a million elements without overflowing the stack", () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(maxOf(big)).toBe(999_999);
    expect(minOf(new Set(big).keys())).toBe(0);
    expect(pushAll([], big).length).toBe(1_000_000);
  });
});

/** Spread of a whole collection into a call — the pattern that crashed `jixiao check` at 200,000 indicators. */
const SPREAD_CALL = /(?:Math\.(?:max|min)|\.push|\.unshift|String\.fromCharCode|String\.fromCodePoint)\(\s*(?:[^(){}]*,\s*)?\.\.\./;

describe("no spread of whole collections into calls", () => {
  it("appears nowhere in src", () => {
    const root = path.join(__dirname, "..", "..");
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        const rel = path.relative(root, p);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
          fs.readFileSync(p, "utf8").split("\n").forEach((line, i) => {
            if (!/^\s*(\*|\/\/)/.test(line) && SPREAD_CALL.test(line)) hits.push(`${rel}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(path.join(root, "src"));
    expect(hits).toEqual([]);
  });
});
