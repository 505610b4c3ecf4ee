/**
 * The headless reader of submitted workbooks in the pane: bytes → a port onto that workbook
 * (read only here: the pane checks it with write: false). The package adapter
 * (src/adapters/xlsx: fflate + saxes, no Node built-in, no ExcelJS). Loaded only when
 * 「汇总多个报送文件」 is used, as its own chunk (see `loadReader` in ./load.ts).
 */
import { openXlsx } from "../../adapters/xlsx/port";
import type { OpenSubmission } from "./load";

export const openSubmission: OpenSubmission = async (bytes, name) => openXlsx(bytes, name);
