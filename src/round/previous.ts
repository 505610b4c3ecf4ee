/**
 * The previous round, read back from what it left: its consolidated workbook 汇总.xlsx (the
 * state sheet's `round` and `accepted` documents, and the reviewer's 处理状态 / 处理说明 in
 * 问题清单) or its JSON report (report.json). Pure: the caller reads the file.
 *
 * 审核确认 in 问题清单: a row whose 处理状态 is 「已确认」 (or 「确认无需修改」) with a
 * 处理说明 accepts that finding; 「已确认」 without a 处理说明 is not accepted and reported
 * back (`unexplained`); a row that was accepted and is set back to anything else revokes it.
 */
import { cellAt, type CellValue, type WorkbookSnapshot } from "../core/grid";
import { readState } from "../core/state";
import { ReportSchema } from "../engine/report";
import { normaliseText } from "../parse/text";
import { t } from "../messages";
import { readAccepted, type Acceptance } from "./accepted";
import { departmentOf } from "./files";
import { keyText } from "./fingerprint";
import { ROUND_KEY, RoundStateSchema } from "./state";
import { FINDING_COLUMNS } from "./sheets";
import type { PreviousFinding, PreviousRound } from "./types";
import { pushAll } from "../core/collections";

export class PreviousRoundError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "PreviousRoundError";
  }
}

/** 处理状态 texts that accept a finding. */
const ACCEPT_WORDS = new Set(["已确认", "确认无需修改", "确认", "无需修改", "accepted"].map((w) => keyText(w)));

const text = (v: CellValue): string => (v === null || typeof v === "object" ? "" : normaliseText(String(v)));

export interface PreviousFromSummary {
  previous: PreviousRound;
  /** Rows marked 已确认 without a 处理说明 (not accepted). */
  unexplained: { file: string; sheet: string; cell: string }[];
}

function findingsSheetOf(book: WorkbookSnapshot) {
  const names = new Set([t("round.sheet.findings", "zh-CN"), t("round.sheet.findings", "en")]);
  return book.sheets.find((s) => names.has(s.name));
}

/** Reads a consolidated workbook written by an earlier round (throws PreviousRoundError when it is none). */
export function previousFromSummary(book: WorkbookSnapshot): PreviousFromSummary {
  const docs = readState(book) as Record<string, unknown>;
  const parsed = RoundStateSchema.safeParse(docs[ROUND_KEY]);
  if (!parsed.success) {
    throw new PreviousRoundError(`「${book.name}」不是绩效助手写出的汇总工作簿（找不到上一轮的记录）`, `「${book.name}」 is no consolidated workbook written by jixiao (no record of the round)`);
  }
  const state = parsed.data;
  const findings: PreviousFinding[] = state.findings.map((f) => ({ ...f }));
  let accepted: Acceptance[] = readAccepted(docs);
  const unexplained: PreviousFromSummary["unexplained"] = [];

  const sheet = findingsSheetOf(book);
  if (sheet) {
    // Columns by their header label (either language), so moved columns still read.
    const header = (sheet.values[0] ?? []).map(text);
    const col: Record<string, number> = {};
    for (const c of FINDING_COLUMNS) {
      const labels = [t(`round.f.${c}`, "zh-CN"), t(`round.f.${c}`, "en")].map(normaliseText);
      col[c] = header.findIndex((h) => labels.includes(h));
    }
    const need = ["file", "sheet", "cell", "message", "status", "note"];
    if (need.every((c) => col[c] >= 0)) {
      const byContent = new Map<string, PreviousFinding[]>();
      const contentKey = (file: string, sh: string, cell: string, message: string) => [file, sh, cell, message].map(normaliseText).join("\u0000");
      for (const f of findings) {
        const k = contentKey(f.file, f.sheet, f.cell, f.message);
        byContent.set(k, [...(byContent.get(k) ?? []), f]);
      }
      const used = new Set<PreviousFinding>();
      for (let r = 1; r < sheet.values.length; r++) {
        const get = (c: string) => text(cellAt(sheet, r, col[c]));
        const k = contentKey(get("file"), get("sheet"), get("cell"), get("message"));
        const f = (byContent.get(k) ?? []).find((x) => !used.has(x));
        if (!f) continue;
        used.add(f);
        const status = keyText(get("status"));
        // The reason as the reviewer wrote it (only trimmed).
        const raw = cellAt(sheet, r, col.note);
        const note = raw === null || typeof raw === "object" ? "" : String(raw).trim();
        accepted = accepted.filter((a) => !(a.fingerprint === f.fingerprint && (a.department === undefined || keyText(a.department) === keyText(f.department))));
        if (!ACCEPT_WORDS.has(status)) continue;
        if (!note) {
          unexplained.push({ file: f.file, sheet: f.sheet, cell: f.cell });
          continue;
        }
        accepted.push({ fingerprint: f.fingerprint, valueHash: f.valueHash, reason: note, rule: f.rule, project: f.project, message: f.message, department: f.department, file: f.file });
      }
    }
  }
  return { previous: { round: state.round, findings, accepted }, unexplained };
}

/** Reads an earlier round's JSON report (throws PreviousRoundError when it is none). */
export function previousFromReport(json: unknown, name = "report.json"): PreviousRound {
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PreviousRoundError(`「${name}」不是绩效助手的 JSON 报告（${issue?.path.join(".") ?? ""}）`, `「${name}」 is no jixiao JSON report (${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""})`);
  }
  const report = parsed.data;
  const findings: PreviousFinding[] = [];
  const accepted: Acceptance[] = [];
  for (const file of report.files) {
    const rf = { file: file.file, report: file };
    const byProject = new Map(file.projects.map((p) => [p.code ?? p.name, p] as const));
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const project = f.project !== null ? (byProject.get(f.project) ?? null) : null;
      const department = f.department?.trim() || departmentOf(rf, project);
      let fingerprint = f.fingerprint ?? `${f.rule}|${keyText(f.project) || `sheet:${keyText(f.sheet)}`}||`;
      if (!f.fingerprint) {
        const n = (seen.get(fingerprint) ?? 0) + 1;
        seen.set(fingerprint, n);
        if (n > 1) fingerprint += `#${n}`;
      }
      findings.push({ fingerprint, valueHash: f.valueHash ?? "", file: file.file, department, rule: f.rule, severity: f.severity, project: f.project, message: f.message, sheet: f.sheet, cell: f.cell });
    }
  }
  for (const x of report.round?.cross ?? []) {
    if (!x.fingerprint) continue;
    findings.push({ fingerprint: x.fingerprint, valueHash: x.valueHash ?? "", file: x.file, department: x.department ?? "", rule: x.rule, severity: x.severity, project: x.project, message: x.message, sheet: x.sheet, cell: x.cell });
  }
  // Acceptances the round itself recorded (made in 问题清单 and carried forward); those stored in
  // a submitted workbook are read from the workbook again, so that revoking them there counts.
  pushAll(accepted, report.round?.accepted ?? []);
  return { round: report.round?.round ?? 1, findings, accepted };
}
