/**
 * A 监控表 whose 完成目标可能性 and 偏差原因 are marked with 「√」 or text in sub-columns under a
 * merged head (test/fixtures/forms/monitoring-2024.xlsx, written by make-form-fixtures.ts): M004
 * and M005 work on it as on a single column.
 */
import { join } from "node:path";
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import { analyse } from "../../src/engine/pipeline";

const FILE = join(__dirname, "..", "fixtures", "forms", "monitoring-2024.xlsx");

describe("monitoring form with marked sub-columns", () => {
  it("reports the off-track indicators without a marked reason (M004) and 「确定能」 beside a short forecast (M005), nothing on the marked ones", async () => {
    const a = analyse(await readXlsxFile(FILE));
    expect(a.asOf).toBe("2024-07-31");
    const m = a.findings.filter((f) => f.rule === "M004" || f.rule === "M005").map((f) => `${f.rule} ${f.cell}`);
    // 就业人数 (row 11): red, nothing marked under 偏差原因分析 → M004 at the first kind's cell; 确定能 ✓ while 60 < 200 → M005.
    // 参训人员满意度 (row 13): 80 % against ≥90 % (red level), no reason → M004.
    // 培训人次 (经费保障 √) and 培训补贴发放户数 (完全不可能 with 制度保障 / 其他 texts): no finding.
    expect(m.sort()).toEqual(["M004 H11", "M004 H13", "M005 M11"]);
  });
});
