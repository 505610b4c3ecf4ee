/** Colours and formats of what the add-in writes (presentation only: no thresholds here). */
import type { CellFormat } from "../core/plan";
import type { Light } from "../engine/results";
import type { Severity } from "../rulebook/schema";

/** Highlight fills on finding cells: red error, amber warning, blue info. */
export const SEVERITY_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const LIGHT_FORMAT: Record<Light, CellFormat> = {
  green: { fill: "#C6EFCE", fontColor: "#006100", horizontal: "center" },
  yellow: { fill: "#FFEB9C", fontColor: "#9C5700", horizontal: "center" },
  red: { fill: "#FFC7CE", fontColor: "#9C0006", horizontal: "center" },
  blue: { fill: "#DDEBF7", fontColor: "#1F4E78", horizontal: "center" },
};

/** Grade cell colours by grade name; a grade not listed (a custom preset's) gets no colour. */
export const GRADE_FORMAT: Record<string, CellFormat> = {
  优: { fill: "#C6EFCE", fontColor: "#006100", horizontal: "center", bold: true },
  良: { fill: "#E2EFDA", fontColor: "#375623", horizontal: "center", bold: true },
  中: { fill: "#FFEB9C", fontColor: "#9C5700", horizontal: "center", bold: true },
  低: { fill: "#FCE4D6", fontColor: "#833C0C", horizontal: "center", bold: true },
  差: { fill: "#FFC7CE", fontColor: "#9C0006", horizontal: "center", bold: true },
};
/** Grades that put a project on the 「需重点关注」 list. */
export const ATTENTION_GRADES = new Set(["中", "低", "差"]);
/** Display order of the usual grade names (others follow in the order met). */
export const GRADE_ORDER = ["优", "良", "中", "低", "差"];

export const BAND: CellFormat = { fill: "#1F4E78", fontColor: "#FFFFFF", bold: true, horizontal: "center", vertical: "middle" };
export const LABEL: CellFormat = { fill: "#DDEBF7", fontColor: "#1F4E78", bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true };
export const TITLE: CellFormat = { bold: true, fontSize: 16, fontColor: "#1F4E78" };
export const SUBTITLE: CellFormat = { italic: true, fontColor: "#595959" };
export const SECTION: CellFormat = { bold: true, fontSize: 12, fontColor: "#1F4E78" };
export const TABLE_HEAD: CellFormat = { fill: "#1F4E78", fontColor: "#FFFFFF", bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true };
export const CELL: CellFormat = { border: true, vertical: "middle" };
export const TOTAL: CellFormat = { bold: true, fill: "#F2F2F2", border: true };
export const NOTE: CellFormat = { italic: true, fontColor: "#7F7F7F" };

export const NUM = "#,##0.00";
export const SCORE = "0.00";
export const PCT = "0.00%";
export const PCT1 = "0.0%";
export const INT = "0";
