/** Every non-empty cell's value of a workbook, by sheet and address: for "regenerates the same file" tests. */
import ExcelJS from "exceljs";

export async function cellValues(path: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, Record<string, unknown>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = c.value;
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}
