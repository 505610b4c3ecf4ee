/**
 * The round as write plans: the consolidated workbook (汇总 / 项目清单 / 问题清单) and one
 * 审核意见反馈表 per department. Pure: src/round/workbook.ts turns a plan into a new .xlsx.
 */
import type { PlanAction, PlanValue, WritePlan } from "../core/plan";
import { colToLetters, toA1 } from "../core/address";
import { encodeState, STATE_SHEET, type StateDocs } from "../core/state";
import { t, type Lang, type Params } from "../messages";
import { GridBuilder } from "../writeplan/grid";
import { normaliseCell, severityWord } from "../writeplan/highlights";
import { CELL, GRADE_FORMAT, INT, LIGHT_FORMAT, NOTE, NUM, PCT, PCT1, SCORE, SECTION, SEVERITY_FILL, SUBTITLE, TABLE_HEAD, TITLE, TOTAL } from "../writeplan/style";
import { ACCEPTED_KEY, acceptedDoc, type Acceptance } from "./accepted";
import { FEEDBACK_KEY, ROUND_KEY, type FeedbackState, type RoundState } from "./state";
import type { RoundFinding, RoundModel, RoundProject } from "./types";
import { keyText } from "./fingerprint";
import { X_RULES } from "./rules";

export interface RoundSheetOptions {
  lang?: Lang;
  /** Link target of a submitted file, relative to the workbook being written (null: no link). */
  linkTarget?: (file: string) => string | null;
  /**
   * Write the round's state sheet 「_jixiao」 (default true: a new consolidated workbook). The
   * pane, writing the sheets into an open workbook that may have its own state, passes false.
   */
  includeState?: boolean;
  /** Sheet names to use instead of 汇总 / 项目清单 / 问题清单 (the pane frees taken names). */
  sheetNames?: { summary: string; projects: string; findings: string };
}

const money = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
const TAB = "#2E75B6";

function L(key: string, lang: Lang, params: Params = {}): string {
  return t(`round.${key}`, lang, params);
}

/** 处理状态 as written in 问题清单 and the feedback workbooks. */
/**
 * What every list sheet of the round has around its rows: a frozen header, a filter over
 * `lastRow` rows (1-based, header included below), the header on every printed page, an optional
 * drop-down column and the column widths.
 */
function listFrame(name: string, columns: number, lastRow: number, widths: number[], list: { range: string; values: string[] } | null = null): PlanAction[] {
  return [
    { kind: "freeze", sheet: name, rows: 1, cols: 0 },
    { kind: "autoFilter", sheet: name, range: `A1:${colToLetters(columns - 1)}${lastRow + 1}` },
    { kind: "printTitles", sheet: name, firstRow: 0, lastRow: 0 },
    ...(list ? [{ kind: "validationList" as const, sheet: name, range: list.range, values: list.values }] : []),
    { kind: "columnWidths", sheet: name, widths: widths.map((width, col) => ({ col, width })) },
  ];
}

export function statusWord(f: Pick<RoundFinding, "status">, lang: Lang = "zh-CN"): string {
  const k = f.status === "新增" ? "new" : f.status === "仍存在" ? "persisting" : f.status === "已确认" ? "accepted" : "open";
  return L(`status.${k}`, lang);
}

/** 处理说明 as prefilled: the acceptance's reason, or the old reason of an acceptance whose values changed. */
export function statusNote(f: RoundFinding, lang: Lang = "zh-CN"): string | null {
  if (f.status === "已确认" && f.acceptance) return f.acceptance.reason;
  const parts: string[] = [];
  if (f.acceptance) parts.push(L("note.changed", lang, { reason: f.acceptance.reason }));
  if (f.otherFile) parts.push(L("note.other", lang, { file: f.otherFile }));
  const r = responseNote(f.response, lang);
  if (r) parts.push(r);
  return parts.length ? parts.join("；") : null;
}

/** 「部门反馈：已整改；已补充单位」 from a returned feedback workbook. */
export function responseNote(r: { status: string; note: string } | undefined, lang: Lang = "zh-CN"): string | null {
  if (!r || (!r.status && !r.note)) return null;
  return L("note.response", lang, { answer: [r.status, r.note].filter(Boolean).join(lang === "zh-CN" ? "，" : ", ") });
}

function section(g: GridBuilder, row: number, n: number, key: string, lang: Lang): number {
  const num = lang === "zh-CN" ? "一二三四五六七八九十"[n - 1] : String(n);
  g.set(row, 0, L("sectionNumber", lang, { n: num, title: L(`s.${key}`, lang) }));
  g.format(SECTION, row, 0);
  return row + 1;
}

function head(g: GridBuilder, row: number, labels: string[]): number {
  g.line(row, labels);
  g.format(TABLE_HEAD, row, 0, row, labels.length - 1);
  return row + 1;
}

// ---------------------------------------------------------------- 汇总

export function roundSummarySheet(name: string, model: RoundModel, lang: Lang): PlanAction[] {
  const g = new GridBuilder();
  const charts: PlanAction[] = [];
  const W = 9;
  let row = 0;
  g.set(row, 0, L("title", lang, { round: model.round }));
  g.merge(row, 0, W - 1);
  g.format(TITLE, row, 0);
  row++;
  g.set(row, 0, model.asOf ? L("subtitleAsOf", lang, { date: model.date, asOf: model.asOf, files: model.totals.files }) : L("subtitle", lang, { date: model.date, files: model.totals.files }));
  g.merge(row, 0, W - 1);
  g.format(SUBTITLE, row, 0);
  row += 2;
  let n = 0;

  // 一、总体情况
  row = section(g, row, ++n, "overview", lang);
  const T = model.totals;
  const overview: [string, PlanValue, string | undefined][] = [
    [L("files", lang), T.files, INT],
    [L("unreadable", lang), T.unreadable, INT],
    [L("departments", lang), T.departments, INT],
    [L("projects", lang), T.projects, INT],
    [L("budget", lang), money(T.budget), NUM],
    [L(model.monitoring ? "spentToDate" : "spent", lang), money(T.spent), NUM],
    [L("rate", lang), T.executionRate, PCT],
    [L("findings", lang), L("findingsValue", lang, { ...T.findings }), undefined],
    [L("accepted", lang), T.accepted, INT],
  ];
  if (model.comparison) overview.push([L("compare", lang), L("compareValue", lang, { ...model.comparison }), undefined]);
  const top = row;
  for (const [label, value, fmt] of overview) {
    g.line(row, [label, value]);
    if (fmt && typeof value === "number") g.format({ numberFormat: fmt, horizontal: "right" }, row, 1);
    row++;
  }
  g.format({ ...CELL, bold: true, fill: "#F2F2F2" }, top, 0, row - 1, 0);
  g.format(CELL, top, 1, row - 1, 1);
  row++;

  // 二、等级分布
  row = section(g, row, ++n, "grades", lang);
  const graded = model.grades.filter((x) => x.projects > 0);
  if (!graded.length) {
    g.set(row, 0, L("noScores", lang));
    g.format(NOTE, row, 0);
    row += 2;
  } else {
    const headRow = row;
    row = head(g, row, [L("col.grade", lang), L("col.count", lang), L("col.money", lang), L("col.moneyShare", lang)]);
    for (const x of graded) {
      g.line(row, [x.grade, x.projects, money(x.budget), T.budget > 0 ? Math.round((x.budget / T.budget) * 10000) / 10000 : null]);
      if (GRADE_FORMAT[x.grade]) g.format({ ...GRADE_FORMAT[x.grade], border: true }, row, 0);
      row++;
    }
    const last = row - 1;
    const ungraded = model.projects.filter((p) => !p.grade);
    if (ungraded.length) {
      const b = ungraded.reduce((s, p) => s + (p.budget ?? 0), 0);
      g.line(row, [L("ungraded", lang), ungraded.length, money(b), T.budget > 0 ? Math.round((b / T.budget) * 10000) / 10000 : null]);
      row++;
    }
    g.line(row, [L("totalRow", lang), T.projects, money(T.budget), T.budget > 0 ? 1 : null]);
    g.format(TOTAL, row, 0, row, 3);
    g.format(CELL, headRow + 1, 1, row - 1, 3);
    g.format({ numberFormat: INT }, headRow + 1, 1, row, 1);
    g.format({ numberFormat: NUM }, headRow + 1, 2, row, 2);
    g.format({ numberFormat: PCT1 }, headRow + 1, 3, row, 3);
    charts.push({ kind: "chart", sheet: name, chartType: "pie", title: L("chart.grades", lang), dataRange: `A${headRow + 1}:B${last + 1}`, anchor: `K${headRow + 1}`, width: 420, height: 260 });
    row += 2;
  }

  // 三、部门情况（按平均得分）
  row = section(g, row, ++n, "deptScore", lang);
  {
    const headRow = row;
    row = head(g, row, [L("col.rank", lang), L("col.dept", lang), L("col.files", lang), L("col.count", lang), L("col.money", lang), L("col.spent", lang), L("col.rate", lang), L("col.avgScore", lang)]);
    const byName = new Map(model.departments.map((d) => [d.department, d] as const));
    const ordered = [...model.rankByScore, ...model.departments.map((d) => d.department).filter((d) => !model.rankByScore.includes(d))];
    ordered.forEach((name2, i) => {
      const d = byName.get(name2);
      if (!d) return;
      g.line(row, [d.averageScore !== null ? i + 1 : null, d.department, d.files.length, d.projects, money(d.budget), money(d.spent), d.executionRate, d.averageScore]);
      row++;
    });
    if (row > headRow + 1) {
      g.format({ ...CELL, horizontal: "center" }, headRow + 1, 0, row - 1, 0);
      g.format(CELL, headRow + 1, 1, row - 1, 7);
      g.format({ numberFormat: NUM }, headRow + 1, 4, row - 1, 5);
      g.format({ numberFormat: PCT1 }, headRow + 1, 6, row - 1, 6);
      g.format({ numberFormat: SCORE }, headRow + 1, 7, row - 1, 7);
      if (model.rankByScore.length) {
        // Data bars on the average scores (no chart needed to compare departments).
        charts.push({ kind: "dataBar", sheet: name, range: `H${headRow + 2}:H${headRow + 1 + model.rankByScore.length}`, color: "#5B9BD5" });
      }
    }
    row++;
  }

  // 四、部门问题（错误优先，再警告）
  row = section(g, row, ++n, "deptProblems", lang);
  {
    const headRow = row;
    const cmp = model.comparison !== null;
    row = head(g, row, [L("col.rank", lang), L("col.dept", lang), L("col.errors", lang), L("col.warnings", lang), L("col.infos", lang), L("col.accepted", lang), ...(cmp ? [L("col.new", lang), L("col.persisting", lang), L("col.fixed", lang)] : [])]);
    const byName = new Map(model.departments.map((d) => [d.department, d] as const));
    model.rankByProblems.forEach((name2, i) => {
      const d = byName.get(name2);
      if (!d) return;
      g.line(row, [i + 1, d.department, d.findings.error, d.findings.warning, d.findings.info, d.accepted, ...(cmp && d.comparison ? [d.comparison.new, d.comparison.persisting, d.comparison.fixed] : [])]);
      row++;
    });
    if (row > headRow + 1) {
      g.format({ ...CELL, horizontal: "center" }, headRow + 1, 0, row - 1, 0);
      g.format(CELL, headRow + 1, 1, row - 1, cmp ? 8 : 5);
      charts.push({ kind: "dataBar", sheet: name, range: `C${headRow + 2}:C${row}`, color: "#FF7C80" });
    }
    row++;
  }

  // 五、各部门监控灯
  if (model.monitoring) {
    row = section(g, row, ++n, "lights", lang);
    const headRow = row;
    const lights = ["green", "yellow", "red", "blue"] as const;
    row = head(g, row, [L("col.dept", lang), ...lights.map((l) => t(`sheets.light.${l}`, lang))]);
    for (const d of model.departments) {
      g.line(row, [d.department, ...lights.map((l) => d.lights[l] ?? 0)]);
      row++;
    }
    lights.forEach((l, i) => g.format({ ...LIGHT_FORMAT[l], border: true }, headRow, i + 1));
    if (row > headRow + 1) g.format(CELL, headRow + 1, 0, row - 1, 4);
    row++;
  }

  // 六、跨文件问题
  row = section(g, row, ++n, "cross", lang);
  if (!model.cross.length) {
    g.set(row, 0, L("noCross", lang));
    g.format(NOTE, row, 0);
    row += 2;
  } else {
    const headRow = row;
    row = head(g, row, [L("col.rule", lang), L("col.file", lang), L("col.otherFile", lang), L("col.message", lang)]);
    for (const f of model.cross) {
      const meta = X_RULES.find((r) => r.meta.id === f.rule)?.meta;
      g.line(row, [meta ? `${f.rule} ${lang === "en" ? meta.title.en : meta.title.zh}` : f.rule, f.file, f.otherFile ?? null, f.message]);
      g.merge(row, 3, W - 1);
      row++;
    }
    g.format(CELL, headRow + 1, 0, row - 1, 2);
    g.format({ ...CELL, wrap: true }, headRow + 1, 3, row - 1, 3);
    row++;
  }

  // 七、未能检查的文件
  if (model.skipped.length) {
    row = section(g, row, ++n, "skipped", lang);
    const headRow = row;
    row = head(g, row, [L("col.file", lang), L("col.reason", lang)]);
    for (const s of model.skipped) {
      g.line(row, [s.file, s.reason]);
      g.merge(row, 1, W - 1);
      row++;
    }
    g.format(CELL, headRow + 1, 0, row - 1, 1);
  }

  return [
    ...g.actions(name),
    ...charts,
    { kind: "columnWidths", sheet: name, widths: [30, 24, 12, 12, 16, 16, 12, 12, 12].map((width, col) => ({ col, width })) },
  ];
}

// ---------------------------------------------------------------- 项目清单

export const PROJECT_COLUMNS = ["file", "dept", "code", "name", "budget", "spent", "rate", "total", "grade", "light", "amount", "suggestion", "errors", "warnings", "infos"] as const;

export function roundProjectsSheet(name: string, projects: RoundProject[], lang: Lang, columns: readonly string[] = PROJECT_COLUMNS): PlanAction[] {
  const g = new GridBuilder();
  const heads = columns.map((c) => L(`p.${c}`, lang));
  head(g, 0, heads);
  const value = (p: RoundProject, c: string): PlanValue => {
    switch (c) {
      case "file": return p.file;
      case "dept": return p.department;
      case "code": return p.code;
      case "name": return p.name;
      case "budget": return money(p.budget);
      case "spent": return money(p.spent);
      case "rate": return p.executionRate;
      case "total": return p.totalScore;
      case "grade": return p.grade;
      case "light": return p.light ? t(`sheets.light.${p.light}`, lang) : null;
      case "amount": return money(p.amount);
      case "suggestion": return p.action;
      case "errors": return p.errors;
      case "warnings": return p.warnings;
      case "infos": return p.infos;
      default: return null;
    }
  };
  projects.forEach((p, i) => {
    g.line(i + 1, columns.map((c) => value(p, c)));
    const gi = columns.indexOf("grade");
    if (gi >= 0 && p.grade && GRADE_FORMAT[p.grade]) g.format({ ...GRADE_FORMAT[p.grade], border: true }, i + 1, gi);
    const li = columns.indexOf("light");
    if (li >= 0 && p.light) g.format({ ...LIGHT_FORMAT[p.light], border: true }, i + 1, li);
  });
  const last = projects.length;
  const col = (c: string) => columns.indexOf(c);
  if (last) {
    g.format(CELL, 1, 0, last, columns.length - 1);
    for (const c of ["budget", "spent", "amount"]) if (col(c) >= 0) g.format({ ...CELL, numberFormat: NUM }, 1, col(c), last, col(c));
    if (col("rate") >= 0) g.format({ ...CELL, numberFormat: PCT1 }, 1, col("rate"), last, col("rate"));
    if (col("total") >= 0) g.format({ ...CELL, numberFormat: SCORE }, 1, col("total"), last, col("total"));
  }
  const widths: Record<string, number> = { file: 24, dept: 18, code: 14, name: 30, budget: 14, spent: 14, rate: 9, total: 8, grade: 6, light: 8, amount: 12, suggestion: 14, errors: 7, warnings: 7, infos: 7 };
  return [
    ...g.actions(name, 0, 0, columns.length),
    ...listFrame(name, columns.length, last, columns.map((c) => widths[c] ?? 10)),
  ];
}

// ---------------------------------------------------------------- 问题清单

export const FINDING_COLUMNS = ["file", "dept", "project", "sheet", "cell", "severity", "message", "hint", "status", "note"] as const;

/** The 处理状态 drop-down (what a reviewer may choose). */
export function statusChoices(lang: Lang = "zh-CN"): string[] {
  return ["open", "new", "persisting", "accepted"].map((k) => L(`status.${k}`, lang));
}

function projectLabel(f: Pick<RoundFinding, "project" | "projectName">): string | null {
  if (f.project === null) return null;
  return f.projectName && f.projectName !== f.project ? `${f.project} ${f.projectName}` : f.project;
}

export function roundFindingsSheet(name: string, model: RoundModel, lang: Lang, linkTarget: (file: string) => string | null): PlanAction[] {
  const g = new GridBuilder();
  const heads = FINDING_COLUMNS.map((c) => L(`f.${c}`, lang));
  head(g, 0, heads);
  const links: PlanAction[] = [];
  const rows = [...model.findings, ...model.cross];
  rows.forEach((f, i) => {
    const r = i + 1;
    const address = normaliseCell(f.cell);
    g.line(r, [f.file, f.department, projectLabel(f), f.sheet, address ?? (f.cell || null), severityWord(f.severity, lang), f.message, f.hint || null, statusWord(f, lang), statusNote(f, lang)]);
    g.format({ fill: SEVERITY_FILL[f.severity], horizontal: "center", vertical: "middle", border: true }, r, 5);
    if (f.status === "已确认") g.format({ fill: "#E2EFDA", border: true, vertical: "middle" }, r, 8);
    const target = address ? linkTarget(f.file) : null;
    if (address && target) links.push({ kind: "setLink", sheet: name, address: toA1(r, 4), text: address, targetSheet: f.sheet, targetAddress: address, targetFile: target });
  });
  // Last round's findings that are gone: listed after, as 已整改.
  model.fixed.forEach((f, i) => {
    const r = rows.length + i + 1;
    const answer = responseNote(f.response, lang);
    g.line(r, [f.file, f.department, f.project, f.sheet, f.cell || null, severityWord(f.severity, lang), f.message, null, L("status.fixed", lang), answer ? `${L("note.fixed", lang)}；${answer}` : L("note.fixed", lang)]);
    g.format({ fontColor: "#7F7F7F", border: true, vertical: "middle" }, r, 0, r, FINDING_COLUMNS.length - 1);
  });
  const last = rows.length + model.fixed.length;
  if (last) {
    g.format({ ...CELL, horizontal: "center" }, 1, 3, last, 4);
    g.format({ ...CELL, wrap: true }, 1, 6, last, 7);
    g.format(CELL, 1, 0, last, 2);
    g.format(CELL, 1, 8, last, 9);
  } else {
    g.set(1, 0, L("f.none", lang));
    g.merge(1, 0, heads.length - 1);
    g.format(NOTE, 1, 0);
  }
  return [
    ...g.actions(name, 0, 0, heads.length),
    ...links,
    ...listFrame(name, heads.length, Math.max(1, last), [24, 18, 26, 12, 8, 7, 60, 44, 10, 30], rows.length ? { range: `I2:I${rows.length + 1}`, values: statusChoices(lang) } : null),
  ];
}

/** The round's state documents (what the next round reads back). */
export function roundStateDocs(model: RoundModel): Record<string, unknown> {
  const state: RoundState = {
    version: 1,
    round: model.round,
    date: model.date,
    findings: [...model.findings, ...model.cross].map((f) => ({
      fingerprint: f.fingerprint,
      valueHash: f.valueHash,
      file: f.file,
      department: f.department,
      rule: f.rule,
      severity: f.severity,
      project: f.project,
      message: f.message,
      sheet: f.sheet,
      cell: normaliseCell(f.cell) ?? f.cell,
    })),
  };
  const accepted: Acceptance[] = [...model.findings, ...model.cross].filter((f) => f.status === "已确认" && f.acceptance && f.acceptedIn === "round").map((f) => ({ ...(f.acceptance as Acceptance), fingerprint: f.fingerprint, valueHash: f.valueHash, department: f.department, file: f.file }));
  const docs: Record<string, unknown> = { [ROUND_KEY]: state };
  const a = acceptedDoc(accepted);
  if (a) docs[ACCEPTED_KEY] = a;
  return docs;
}

/** The whole consolidated workbook (a new file: no previous state to respect). */
export function summaryWorkbookPlan(model: RoundModel, options: RoundSheetOptions = {}): WritePlan {
  const lang = options.lang ?? "zh-CN";
  const link = options.linkTarget ?? (() => null);
  const names = options.sheetNames ?? { summary: L("sheet.summary", lang), projects: L("sheet.projects", lang), findings: L("sheet.findings", lang) };
  const actions: PlanAction[] = [
    { kind: "addSheet", sheet: names.summary, tabColor: TAB, activate: true },
    ...roundSummarySheet(names.summary, model, lang),
    { kind: "addSheet", sheet: names.projects, tabColor: TAB },
    ...roundProjectsSheet(names.projects, model.projects, lang),
    { kind: "addSheet", sheet: names.findings, tabColor: TAB },
    ...roundFindingsSheet(names.findings, model, lang, link),
  ];
  if (options.includeState ?? true) {
    actions.push({ kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" });
    actions.push({ kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: encodeState(roundStateDocs(model) as StateDocs) });
  }
  return { actions };
}

// ---------------------------------------------------------------- 审核意见反馈表

export interface FeedbackWorkbook {
  department: string;
  /** File name without folder: 「审核意见反馈表_县教育局.xlsx」. */
  fileName: string;
  plan: WritePlan;
  findings: number;
}

/** A file name from a department name: characters Windows refuses replaced. */
export function safeFileName(s: string): string {
  const cleaned = [...s].map((ch) => ((ch.codePointAt(0) ?? 0) < 32 || '\\/:*?"<>|'.includes(ch) ? "_" : ch)).join("").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return cleaned.slice(0, 120) || "_";
}

export function feedbackWorkbooks(model: RoundModel, options: RoundSheetOptions = {}): FeedbackWorkbook[] {
  const lang = options.lang ?? "zh-CN";
  const link = options.linkTarget ?? (() => null);
  const out: FeedbackWorkbook[] = [];
  const taken = new Set<string>();
  for (const d of model.departments) {
    const k = keyText(d.department);
    const findings = [...model.findings, ...model.cross].filter((f) => keyText(f.department) === k);
    const projects = model.projects.filter((p) => keyText(p.department) === k);
    let fileName = `${safeFileName(L("fb.fileName", lang, { department: d.department }))}.xlsx`;
    for (let i = 2; taken.has(fileName.toLowerCase()); i++) fileName = `${safeFileName(L("fb.fileName", lang, { department: d.department }))} (${i}).xlsx`;
    taken.add(fileName.toLowerCase());
    const names = { cover: L("fb.cover", lang), projects: L("fb.projects", lang), findings: L("fb.findings", lang) };
    const actions: PlanAction[] = [
      { kind: "addSheet", sheet: names.cover, tabColor: TAB, activate: true },
      ...coverSheet(names.cover, model, d.department, d.files, projects.length, findings, lang),
      { kind: "addSheet", sheet: names.projects, tabColor: TAB },
      ...roundProjectsSheet(names.projects, projects, lang, ["file", "code", "name", "budget", "spent", "rate", "total", "grade", "light", "amount", "suggestion"]),
      { kind: "addSheet", sheet: names.findings, tabColor: TAB },
      ...feedbackFindingsSheet(names.findings, findings, lang, link),
      { kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" },
      { kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: encodeState({ [FEEDBACK_KEY]: feedbackState(model, d.department, findings) } as unknown as StateDocs) },
    ];
    out.push({ department: d.department, fileName, plan: { actions }, findings: findings.length });
  }
  return out;
}

function feedbackState(model: RoundModel, department: string, findings: RoundFinding[]): FeedbackState {
  return {
    version: 1,
    round: model.round,
    department,
    date: model.date,
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, department: f.department, file: f.file, sheet: f.sheet, cell: normaliseCell(f.cell) ?? f.cell, message: f.message })),
  };
}

function coverSheet(name: string, model: RoundModel, department: string, files: string[], projects: number, findings: RoundFinding[], lang: Lang): PlanAction[] {
  const g = new GridBuilder();
  g.set(0, 0, L("fb.title", lang));
  g.merge(0, 0, 3);
  g.format(TITLE, 0, 0);
  const open = { error: 0, warning: 0, info: 0 };
  let accepted = 0;
  for (const f of findings) {
    if (f.status === "已确认") accepted++;
    else open[f.severity]++;
  }
  const d = model.departments.find((x) => keyText(x.department) === keyText(department));
  const lines: [string, PlanValue][] = [
    [L("fb.dept", lang), department],
    [L("fb.round", lang), L("fb.roundValue", lang, { round: model.round })],
    [L("fb.date", lang), model.date],
    [L("fb.files", lang), files.join("\n")],
    [L("fb.projectCount", lang), projects],
    [L("fb.counts", lang), L("findingsValue", lang, open)],
    [L("fb.accepted", lang), accepted],
  ];
  if (d?.comparison) lines.push([L("fb.compare", lang), L("compareValue", lang, { ...d.comparison })]);
  let row = 2;
  for (const [label, value] of lines) {
    g.line(row, [label, value]);
    g.merge(row, 1, 3);
    row++;
  }
  g.format({ ...CELL, bold: true, fill: "#F2F2F2" }, 2, 0, row - 1, 0);
  g.format({ ...CELL, wrap: true, horizontal: "left" }, 2, 1, row - 1, 3);
  row++;
  g.set(row, 0, L("fb.ask", lang));
  g.merge(row, 0, 3);
  g.format({ wrap: true, vertical: "top" }, row, 0);
  return [...g.actions(name, 0, 0, 4), { kind: "columnWidths", sheet: name, widths: [30, 20, 20, 20].map((width, col) => ({ col, width })) }];
}

function feedbackFindingsSheet(name: string, findings: RoundFinding[], lang: Lang, linkTarget: (file: string) => string | null): PlanAction[] {
  const g = new GridBuilder();
  const heads = [L("fb.col.no", lang), L("f.file", lang), L("f.project", lang), L("f.sheet", lang), L("f.cell", lang), L("f.severity", lang), L("f.message", lang), L("f.hint", lang), L("fb.col.status", lang), L("fb.col.fix", lang), L("fb.col.fixNote", lang)];
  head(g, 0, heads);
  const links: PlanAction[] = [];
  findings.forEach((f, i) => {
    const r = i + 1;
    const address = normaliseCell(f.cell);
    const note = statusNote(f, lang);
    g.line(r, [i + 1, f.file, projectLabel(f), f.sheet, address ?? (f.cell || null), severityWord(f.severity, lang), f.message, f.hint || null, note ? `${statusWord(f, lang)}：${note}` : statusWord(f, lang), null, null]);
    g.format({ fill: SEVERITY_FILL[f.severity], horizontal: "center", vertical: "middle", border: true }, r, 5);
    const target = address ? linkTarget(f.file) : null;
    if (address && target) links.push({ kind: "setLink", sheet: name, address: toA1(r, 4), text: address, targetSheet: f.sheet, targetAddress: address, targetFile: target });
  });
  const last = findings.length;
  if (last) {
    g.format({ ...CELL, horizontal: "center" }, 1, 0, last, 0);
    g.format(CELL, 1, 1, last, 4);
    g.format({ ...CELL, wrap: true }, 1, 6, last, 8);
    g.format({ ...CELL, fill: "#FFF2CC" }, 1, 9, last, 10);
  } else {
    g.set(1, 0, L("fb.none", lang));
    g.merge(1, 0, heads.length - 1);
    g.format(NOTE, 1, 0);
  }
  return [
    ...g.actions(name, 0, 0, heads.length),
    ...links,
    ...listFrame(name, heads.length, Math.max(1, last), [6, 22, 24, 12, 8, 7, 50, 40, 16, 14, 30], last ? { range: `J2:J${last + 1}`, values: ["done", "notYet", "noNeed"].map((k) => L(`fb.fix.${k}`, lang)) } : null),
  ];
}
