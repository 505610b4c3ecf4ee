/**
 * The headless reader of submitted workbooks in the pane: bytes → a port onto that workbook
 * (read only: the pane checks it with write: false). Loaded only when 「汇总多个报送文件」 is
 * used, as its own chunk (see `loadReader` in ./load.ts).
 *
 * Today: ExcelJS (its browser build) with the headless adapter's snapshot reader. When the
 * package reader (src/adapters/xlsx, `openXlsx(bytes, name)`) is on main, this becomes:
 *   export const openSubmission: OpenSubmission = async (bytes, name) => openXlsx(bytes, name);
 */
import ExcelJS from "exceljs";
import type { WorkbookPort } from "../../core/port";
import { snapshotFromExcelJS } from "../../adapters/exceljs/snapshot";
import type { OpenSubmission } from "./load";

export const openSubmission: OpenSubmission = async (bytes, name) => {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's browser build takes an ArrayBuffer of exactly the file's bytes.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  await wb.xlsx.load(buffer as ArrayBuffer);
  const port: WorkbookPort = {
    readSnapshot: () => snapshotFromExcelJS(wb, name),
    // A submission is only read here (checked with write: false): nothing is ever written to it.
    readLooks: async () => ({}),
    applyPlan: async () => {
      throw new Error("a submitted workbook is read only in the pane");
    },
  };
  return port;
};
