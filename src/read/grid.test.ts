import fc from "fast-check";
import type { CellValue, SheetSnapshot } from "../core/grid";
import { toA1 } from "../core/address";
import { MergedGrid } from "./grid";

/** The definition: the top-left cell of the (first) merged area holding (r, c), else the cell itself. */
function topLeft(merges: [number, number, number, number][], r: number, c: number): [number, number] {
  for (const [t, l, b, rt] of merges) if (r >= t && r <= b && c >= l && c <= rt) return [t, l];
  return [r, c];
}

describe("MergedGrid", () => {
  it("reads every cell through its merged area (value, address, same area), merges anywhere or nowhere", () => {
    const area = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })).map(([t, l, h, w]) => [t, l, t + h, l + w] as [number, number, number, number]);
    fc.assert(
      fc.property(fc.array(area, { maxLength: 3 }), (areas) => {
        // Non-overlapping areas only (a sheet's merges never overlap).
        const merges: [number, number, number, number][] = [];
        for (const a of areas) if (!merges.some((m) => a[0] <= m[2] && m[0] <= a[2] && a[1] <= m[3] && m[1] <= a[3])) merges.push(a);
        const values: CellValue[][] = Array.from({ length: 18 }, (_, r) => Array.from({ length: 9 }, (_, c) => `${r}:${c}`));
        const sheet: SheetSnapshot = { name: "s", values, merges: merges.map(([t, l, b, r]) => `${toA1(t, l)}:${toA1(b, r)}`), formats: {} };
        const g = new MergedGrid(sheet);
        const wrong: string[] = [];
        for (let r = 0; r < 18; r++) {
          for (let c = 0; c < 9; c++) {
            const [tr, tc] = topLeft(merges, r, c);
            if (g.value(r, c) !== values[tr][tc] || g.address(r, c) !== toA1(tr, tc)) wrong.push(`${r},${c}`);
            for (const [r2, c2] of [[r + 1, c], [r, c + 1], [0, 0], [17, 8]]) {
              const [ur, uc] = topLeft(merges, r2, c2);
              if (g.sameMerge(r, c, r2, c2) !== (tr === ur && tc === uc)) wrong.push(`${r},${c}~${r2},${c2}`);
            }
          }
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
