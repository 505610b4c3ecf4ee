import type { PlanAction } from "../core/plan";
import { GridBuilder } from "./grid";

const formats = (actions: PlanAction[]) => actions.flatMap((a) => (a.kind === "setFormat" ? [{ format: a.format, ranges: a.ranges }] : []));

describe("GridBuilder", () => {
  test("formats come in the order first given; equal formats (even other objects) are one", () => {
    const g = new GridBuilder();
    g.set(0, 0, 1);
    g.format({ bold: true }, 0, 0);
    g.format({ italic: true }, 1, 0);
    g.format({ bold: true }, 2, 0);
    expect(formats(g.actions("S"))).toEqual([
      { format: { bold: true }, ranges: ["A1", "A3"] },
      { format: { italic: true }, ranges: ["A2"] },
    ]);
  });

  test("one row list for several columns makes one area; formatting one of them later leaves the others as they were", () => {
    const g = new GridBuilder();
    const rows = [1, 2, 3];
    const f = { wrap: false };
    g.formatRows(f, rows, 0, 2, true);
    g.format(f, 5, 1);
    g.set(5, 2, null);
    expect(formats(g.actions("S", 10, 1))).toEqual([{ format: f, ranges: ["B12:D14", "C16"] }]);
    expect(rows).toEqual([1, 2, 3]);
  });

  test("rows given out of order or repeated are areas all the same", () => {
    const g = new GridBuilder();
    g.set(0, 0, null);
    const col = g.formatColumn({ bold: true }, 0);
    col.push(4, 2, 3, 2, 0);
    expect(formats(g.actions("S"))).toEqual([{ format: { bold: true }, ranges: ["A1", "A3:A5"] }]);
  });

  test("the rows are padded to the width, or cut to it", () => {
    const g = new GridBuilder();
    g.set(0, 3, "x");
    g.set(2, 0, "y");
    const line = g.lineAt(3, 2);
    line[1] = 7;
    const [values] = g.actions("S", 0, 0, 2);
    expect(values).toEqual({ kind: "setValues", sheet: "S", topLeft: "A1", values: [[null, null], [null, null], ["y", null], [null, 7]] });
  });
});
