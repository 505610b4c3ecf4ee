/**
 * A department's answers, read back from the 审核意见反馈表 it returns: 整改情况 / 整改说明
 * per comment, matched by the comment's content (文件, 工作表, 单元格, 说明) to the
 * fingerprints the workbook remembers. They are shown to the reviewer in the next 问题清单's
 * 处理说明; they never accept a finding by themselves (审核确认 is the reviewer's).
 */
import { cellAt, type CellValue, type WorkbookSnapshot } from "../core/grid";
import { readState } from "../core/state";
import { t } from "../messages";
import { normaliseText } from "../parse/text";
import { FEEDBACK_KEY, FeedbackStateSchema } from "./state";

export interface DepartmentResponse {
  fingerprint: string;
  department: string;
  /** 整改情况 as the department chose it (已整改 / 未整改 / 无需整改…), "" when only a note was written. */
  status: string;
  /** 整改说明. */
  note: string;
}

export interface ReturnedFeedback {
  department: string;
  round: number;
  responses: DepartmentResponse[];
}

const text = (v: CellValue): string => (v === null || typeof v === "object" ? "" : String(v).trim());

/** The answers in a returned feedback workbook; null when the workbook is no feedback workbook of ours. */
export function responsesFromFeedback(book: WorkbookSnapshot): ReturnedFeedback | null {
  const parsed = FeedbackStateSchema.safeParse((readState(book) as Record<string, unknown>)[FEEDBACK_KEY]);
  if (!parsed.success) return null;
  const state = parsed.data;
  const names = new Set([t("round.fb.findings", "zh-CN"), t("round.fb.findings", "en")]);
  const sheet = book.sheets.find((s) => names.has(s.name));
  const responses: DepartmentResponse[] = [];
  if (sheet) {
    const header = (sheet.values[0] ?? []).map((v) => normaliseText(text(v)));
    const find = (key: string) => header.findIndex((h) => h === normaliseText(t(key, "zh-CN")) || h === normaliseText(t(key, "en")));
    const col = { file: find("round.f.file"), sheet: find("round.f.sheet"), cell: find("round.f.cell"), message: find("round.f.message"), fix: find("round.fb.col.fix"), note: find("round.fb.col.fixNote") };
    if (Object.values(col).every((c) => c >= 0)) {
      const key = (file: string, sh: string, cell: string, message: string) => [file, sh, cell, message].map(normaliseText).join("\u0000");
      const byContent = new Map(state.findings.map((f) => [key(f.file, f.sheet, f.cell, f.message), f] as const));
      for (let r = 1; r < sheet.values.length; r++) {
        const get = (c: number) => text(cellAt(sheet, r, c));
        const f = byContent.get(key(get(col.file), get(col.sheet), get(col.cell), get(col.message)));
        if (!f) continue;
        const status = get(col.fix);
        const note = get(col.note);
        if (status || note) responses.push({ fingerprint: f.fingerprint, department: f.department, status, note });
      }
    }
  }
  return { department: state.department, round: state.round, responses };
}
