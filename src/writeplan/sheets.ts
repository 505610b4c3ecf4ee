/** The add-in's own sheets: 校验结果, 领导汇总, 运行记录 (content and layout, as plan actions). */
import type { CellFormat, PlanAction, PlanValue } from "../core/plan";
import type { WorkbookSnapshot } from "../core/grid";
import { colToLetters, lettersToCol, toA1 } from "../core/address";
import type { ModelBook, Project } from "../model/model";
import type { ProjectResult } from "../engine/results";
import type { FileReport } from "../engine/report";
import type { Finding } from "../rules/types";
import type { Severity } from "../rulebook/schema";
import { hasMessage, t, type Lang } from "../messages";
import { presetLabel } from "../messages/presets";
import { GridBuilder } from "./grid";
import { normaliseCell, severityWord } from "./highlights";
import { projectKey } from "./blocks";
import {
  ATTENTION_GRADES, CELL, GRADE_FORMAT, GRADE_ORDER, INT, LIGHT_FORMAT, NOTE, NUM, PCT, PCT1, SCORE, SECTION,
  SEVERITY_FILL, SUBTITLE, TABLE_HEAD, TITLE, TOTAL,
} from "./style";

export interface SheetsInput {
  snapshot: WorkbookSnapshot;
  model: ModelBook;
  results: Map<string, ProjectResult>;
  findings: Finding[];
  report: FileReport;
  preset: string;
  rulebookVersion: string;
  runAt: Date;
  lang: Lang;
  /** Sheets that exist after the previous run's sheets are gone (for links). */
  userSheets: Set<string>;
  /** Where result blocks go (for the run record). */
  blocks: { sheet: string; range: string }[];
  highlighted: number;
  /** Said once in 运行记录 (state left alone, rulebook used, file converted…), in the run's language. */
  notices?: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Local time "2024-07-31 09:05". */
export function formatTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 1234567.891 → "1,234,567.89" (deterministic, no locale). */
export function formatMoney(n: number): string {
  const neg = n < 0;
  const fixed = (Math.round(Math.abs(n) * 100) / 100).toFixed(2);
  const [i, f] = fixed.split(".");
  return `${neg ? "-" : ""}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${f}`;
}

/** The workbook's name as a title: 「县级绩效自评2024.xlsx」 → 「县级绩效自评2024」. */
export function workbookTitle(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  return base.replace(/\.(xlsx|xlsm|xlsb|xls|ods|csv|et)$/i, "") || base;
}

/** Words a sheet's own title carries (「××县2024年度项目支出绩效自评表」), not a unit line or a date. */
const TITLE_WORDS = /绩效|预算|项目|目标|自评|监控|评价/;
const NOT_TITLE = /^(单位|金额单位|填报|监控截止|截止|截至|编制|制表|填表|日期|说明|注)/;

/**
 * The title the officer gave the table: the first text cell above the project sheet's header
 * that reads like a title (a few characters to a line, with 绩效 / 预算 / 项目 … in it), else null.
 */
export function sheetTitle(snapshot: WorkbookSnapshot, model: ModelBook): string | null {
  const d = model.detections.find((x) => x.role !== "indicators") ?? model.detections[0];
  if (!d) return null;
  const sheet = snapshot.sheets.find((x) => x.name === d.sheet);
  if (!sheet) return null;
  for (let r = 0; r < Math.min(d.headerRow - 1, 20); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const text = v.replace(/\s+/g, " ").trim();
      if (text.length >= 4 && text.length <= 60 && TITLE_WORDS.test(text) && !NOT_TITLE.test(text)) return text.replace(/表$/, "");
    }
  }
  return null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Money and shares as written into cells: rounded, so that no 21413.399999999998 shows up in the formula bar. */
const money = (n: number) => Math.round(n * 100) / 100;
const share = (n: number) => Math.round(n * 10000) / 10000;

// ---------------------------------------------------------------- 校验结果

export function findingsSheet(name: string, input: SheetsInput): PlanAction[] {
  const { findings, model, lang, userSheets } = input;
  const g = new GridBuilder();
  const heads = ["no", "severity", "rule", "sheet", "cell", "code", "name", "department", "message", "hint", "status"].map((k) => t(`sheets.findings.col.${k}`, lang));
  g.line(0, heads);
  g.format(TABLE_HEAD, 0, 0, 0, heads.length - 1);
  const byKey = new Map(model.projects.map((p) => [projectKey(p), p] as const));
  const links: PlanAction[] = [];
  const severityFormats = new Map<Severity, CellFormat>();
  findings.forEach((f, i) => {
    const r = i + 1;
    const p = f.project !== null ? byKey.get(f.project) : undefined;
    const code = p ? p.code : f.project !== null && f.project !== f.projectName ? f.project : null;
    const address = normaliseCell(f.cell);
    let severityFormat = severityFormats.get(f.severity);
    if (!severityFormat) {
      severityFormat = { fill: SEVERITY_FILL[f.severity], horizontal: "center", vertical: "middle", border: true };
      severityFormats.set(f.severity, severityFormat);
    }
    g.line(r, [
      i + 1,
      severityWord(f.severity, lang),
      f.rule,
      f.sheet,
      address ?? (f.cell || null),
      code,
      f.projectName ?? p?.name ?? null,
      p?.department ?? null,
      lang === "en" ? f.messageEn : f.message,
      (lang === "en" ? f.hintEn : f.hint) || null,
      // 审核确认: report.findings are these findings in the same order.
      input.report.findings[i]?.accepted ? t("sheets.findings.accepted", lang, { reason: input.report.findings[i].accepted?.reason ?? "" }) : null,
    ]);
    g.format(severityFormat, r, 1);
    if (address && userSheets.has(f.sheet)) {
      links.push({ kind: "setLink", sheet: name, address: toA1(r, 4), text: address, targetSheet: f.sheet, targetAddress: address });
    }
  });
  const last = findings.length;
  if (last) {
    g.format({ ...CELL, horizontal: "center" }, 1, 0, last, 0);
    g.format({ ...CELL, horizontal: "center" }, 1, 2, last, 7);
    g.format({ ...CELL, wrap: true }, 1, 8, last, 10);
  } else {
    g.set(1, 0, t("sheets.findings.none", lang));
    g.merge(1, 0, heads.length - 1);
    g.format(NOTE, 1, 0);
  }
  return [
    ...g.actions(name),
    ...links,
    { kind: "freeze", sheet: name, rows: 1, cols: 0 },
    { kind: "printTitles", sheet: name, firstRow: 0, lastRow: 0 },
    ...(last ? [{ kind: "autoFilter", sheet: name, range: `A1:${colToLetters(heads.length - 1)}${last + 1}` } as PlanAction] : []),
    {
      kind: "columnWidths",
      sheet: name,
      widths: [6, 8, 8, 14, 9, 16, 28, 16, 60, 44, 28].map((width, col) => ({ col, width })),
    },
  ];
}

// ---------------------------------------------------------------- 领导汇总

interface ProjectRow {
  p: Project;
  r: ProjectResult | undefined;
  budget: number | null;
  spent: number | null;
  errors: number;
  warnings: number;
  problems: number;
}

function gradeOrder(grades: string[]): string[] {
  const known = GRADE_ORDER.filter((g) => grades.includes(g));
  const others = [...new Set(grades.filter((g) => !GRADE_ORDER.includes(g)))];
  return [...known, ...others];
}

/** The summary a leader reads: headline figures, grades, departments, problem projects, budget. */
export function summarySheet(name: string, input: SheetsInput): PlanAction[] {
  const { model, results, lang } = input;
  // Findings a reviewer accepted (审核确认) are counted apart, not as problems.
  const findings = input.findings.filter((_, i) => !input.report.findings[i]?.accepted);
  const acceptedCount = input.findings.length - findings.length;
  const L = (k: string, params: Record<string, string | number> = {}) => t(`sheets.summary.${k}`, lang, params);
  const monitoring = model.modes.includes("运行监控");
  const selfEval = model.modes.includes("绩效自评");
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    if (f.project === null) continue;
    const c = counts.get(f.project) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    counts.set(f.project, c);
  }
  const rows: ProjectRow[] = model.projects.map((p) => {
    const c = counts.get(projectKey(p)) ?? { error: 0, warning: 0, info: 0 };
    const spent = monitoring && p.cumulativeSpent !== null ? p.cumulativeSpent : p.spent;
    return { p, r: results.get(p.id), budget: p.budget ?? p.initialBudget, spent, errors: c.error, warnings: c.warning, problems: c.error + c.warning + c.info };
  });
  const unit = model.unit;
  const W = 8; // columns A..H
  const g = new GridBuilder();
  const charts: PlanAction[] = [];
  let row = 0;
  g.set(row, 0, L("title", { file: sheetTitle(input.snapshot, model) ?? workbookTitle(model.name || input.snapshot.name) }));
  g.merge(row, 0, W - 1);
  g.format(TITLE, row, 0);
  row++;
  g.set(row, 0, L("subtitle", { time: formatTime(input.runAt), preset: presetLabel(input.preset, lang), version: input.rulebookVersion, unit }));
  g.merge(row, 0, W - 1);
  g.format(SUBTITLE, row, 0);
  row += 2;

  // Sections are numbered as they appear (a run without scores has no ranking by score).
  let sections = 0;
  const section = (key: string) => {
    sections++;
    const n = lang === "zh-CN" ? "一二三四五六七八九十"[sections - 1] : String(sections);
    g.set(row, 0, L("sectionNumber", { n, title: L(`s.${key}`) }));
    g.format(SECTION, row, 0);
    row++;
  };
  const head = (labels: string[]) => {
    g.line(row, labels);
    g.format(TABLE_HEAD, row, 0, row, labels.length - 1);
    row++;
  };
  const note = (text: string) => {
    g.set(row, 0, text);
    g.format(NOTE, row, 0);
    row += 2;
  };

  // 一、总体情况
  section("overview");
  const budgets = rows.map((x) => x.budget).filter((v): v is number => v !== null);
  const paired = rows.filter((x) => x.budget !== null && x.spent !== null && x.budget > 0);
  const scores = rows.map((x) => x.r?.totalScore).filter((v): v is number => typeof v === "number");
  const sev = { error: 0, warning: 0, info: 0 };
  for (const f of findings) sev[f.severity]++;
  const depts = new Set(rows.map((x) => x.p.department).filter((d): d is string => !!d));
  const overview: [string, PlanValue, string | undefined][] = [
    [L("projects"), rows.length, INT],
    [L("indicators"), sum(rows.map((x) => x.p.indicators.length)), INT],
    [L("departments"), depts.size, INT],
    [L("budget", { unit }), money(sum(budgets)), NUM],
  ];
  if (paired.length) {
    overview.push([L(monitoring ? "spentToDate" : "spent", { unit }), money(sum(paired.map((x) => x.spent as number))), NUM]);
    overview.push([L(monitoring ? "rateToDate" : "rate"), share(sum(paired.map((x) => x.spent as number)) / sum(paired.map((x) => x.budget as number))), PCT]);
  }
  if (scores.length) overview.push([L("avgScore"), Math.round((sum(scores) / scores.length) * 100) / 100, SCORE]);
  overview.push([L("findings"), findings.length, INT]);
  overview.push([`\u3000${L("findingsSplitLabel")}`, L("findingsSplit", sev), undefined]);
  if (acceptedCount) overview.push([L("accepted"), acceptedCount, INT]);
  const lights = { green: 0, yellow: 0, red: 0, blue: 0 };
  let anyLight = false;
  for (const x of rows) if (x.r?.light) {
    lights[x.r.light]++;
    anyLight = true;
  }
  if (anyLight) overview.push([L("lights"), L("lightsValue", lights), undefined]);
  const overviewTop = row;
  for (const [label, value, fmt] of overview) {
    g.line(row, [label, value]);
    if (fmt && typeof value === "number") g.format({ numberFormat: fmt, horizontal: "right" }, row, 1);
    row++;
  }
  g.format({ ...CELL, bold: true, fill: "#F2F2F2" }, overviewTop, 0, row - 1, 0);
  g.format(CELL, overviewTop, 1, row - 1, 1);
  row++;

  // 二、等级分布
  section("grades");
  const graded = rows.filter((x) => x.r?.grade);
  if (!graded.length) {
    note(L("noScores"));
  } else {
    const headRow = row;
    head([L("col.grade"), L("col.count"), L("col.share"), L("col.money", { unit }), L("col.moneyShare")]);
    const totalMoney = sum(budgets);
    const order = gradeOrder(graded.map((x) => x.r?.grade as string));
    for (const grade of order) {
      const xs = graded.filter((x) => x.r?.grade === grade);
      const m = sum(xs.map((x) => x.budget ?? 0));
      g.line(row, [grade, xs.length, share(xs.length / rows.length), money(m), totalMoney > 0 ? share(m / totalMoney) : null]);
      if (GRADE_FORMAT[grade]) g.format({ ...GRADE_FORMAT[grade], border: true }, row, 0);
      row++;
    }
    const lastGradeRow = row - 1;
    const ungraded = rows.filter((x) => !x.r?.grade);
    if (ungraded.length) {
      const m = sum(ungraded.map((x) => x.budget ?? 0));
      g.line(row, [L("ungraded"), ungraded.length, share(ungraded.length / rows.length), money(m), totalMoney > 0 ? share(m / totalMoney) : null]);
      g.format({ ...CELL, horizontal: "center" }, row, 0);
      row++;
    }
    g.line(row, [L("totalRow"), rows.length, 1, money(totalMoney), totalMoney > 0 ? 1 : null]);
    g.format(TOTAL, row, 0, row, 4);
    g.format(CELL, headRow + 1, 1, row - 1, 4);
    g.format({ numberFormat: INT }, headRow + 1, 1, row, 1);
    g.format({ numberFormat: PCT1 }, headRow + 1, 2, row, 2);
    g.format({ numberFormat: NUM }, headRow + 1, 3, row, 3);
    g.format({ numberFormat: PCT1 }, headRow + 1, 4, row, 4);
    row += 2;
    charts.push({ kind: "chart", sheet: name, chartType: "pie", title: L("chart.grades"), dataRange: `A${headRow + 1}:B${lastGradeRow + 1}`, anchor: `J${headRow}`, width: 420, height: 260 });
  }

  // 三、部门平均得分排名
  const deptName = (x: ProjectRow) => x.p.department || L("noDept");
  // Each department's projects, in the order met (departments too).
  const byDept = new Map<string, ProjectRow[]>();
  for (const x of rows) {
    const d = deptName(x);
    const list = byDept.get(d);
    if (list) list.push(x);
    else byDept.set(d, [x]);
  }
  const deptList = Array.from(byDept.keys());
  if (scores.length) {
    section("deptScore");
    const headRow = row;
    head([L("col.rank"), L("col.dept"), L("col.avgScore"), L("col.count"), L("col.money", { unit })]);
    const stats = deptList
      .map((d) => {
        const xs = byDept.get(d) as ProjectRow[];
        const sc = xs.map((x) => x.r?.totalScore).filter((v): v is number => typeof v === "number");
        return { d, avg: sc.length ? Math.round((sum(sc) / sc.length) * 100) / 100 : null, n: xs.length, money: money(sum(xs.map((x) => x.budget ?? 0))) };
      })
      .filter((s) => s.avg !== null)
      .sort((a, b) => (b.avg as number) - (a.avg as number) || (a.d < b.d ? -1 : 1));
    stats.forEach((s, i) => {
      g.line(row, [i + 1, s.d, s.avg, s.n, s.money]);
      row++;
    });
    g.format({ ...CELL, horizontal: "center" }, headRow + 1, 0, row - 1, 0);
    g.format(CELL, headRow + 1, 1, row - 1, 4);
    g.format({ numberFormat: SCORE }, headRow + 1, 2, row - 1, 2);
    g.format({ numberFormat: NUM }, headRow + 1, 4, row - 1, 4);
    charts.push({ kind: "chart", sheet: name, chartType: "barClustered", title: L("chart.depts"), dataRange: `B${headRow + 1}:C${row}`, anchor: `J${Math.max(headRow, lastChartBottom(charts))}`, width: 420, height: Math.max(200, 24 * stats.length + 80) });
    row++;
  }

  // 四、部门问题数排名
  section("deptProblems");
  {
    const headRow = row;
    head([L("col.rank"), L("col.dept"), L("col.errors"), L("col.warnings"), L("col.problems"), L("col.count")]);
    const stats = deptList
      .map((d) => {
        const xs = byDept.get(d) as ProjectRow[];
        return { d, problems: sum(xs.map((x) => x.problems)), errors: sum(xs.map((x) => x.errors)), warnings: sum(xs.map((x) => x.warnings)), n: xs.length };
      })
      // Errors outrank warnings: 32 errors come before 48 warnings.
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.problems - a.problems || (a.d < b.d ? -1 : 1));
    stats.forEach((s, i) => {
      g.line(row, [i + 1, s.d, s.errors, s.warnings, s.problems, s.n]);
      row++;
    });
    if (stats.length) {
      g.format({ ...CELL, horizontal: "center" }, headRow + 1, 0, row - 1, 0);
      g.format(CELL, headRow + 1, 1, row - 1, 5);
      if (findings.length) {
        charts.push({ kind: "chart", sheet: name, chartType: "barClustered", title: L("chart.problems"), dataRange: `B${headRow + 1}:D${row}`, anchor: `J${Math.max(headRow, lastChartBottom(charts))}`, width: 420, height: Math.max(200, 24 * stats.length + 80) });
      }
    }
    row++;
  }

  // 五、需重点关注的项目
  section("attention");
  {
    const gradeRank = (gr: string | null | undefined) => (gr === "差" ? 0 : gr === "低" ? 1 : gr === "中" ? 2 : 3);
    const list = rows
      .filter((x) => (x.r?.grade && ATTENTION_GRADES.has(x.r.grade)) || x.r?.light === "red" || x.errors > 0)
      .sort((a, b) => gradeRank(a.r?.grade) - gradeRank(b.r?.grade) || Number(b.r?.light === "red") - Number(a.r?.light === "red") || b.errors - a.errors || (a.r?.totalScore ?? 100) - (b.r?.totalScore ?? 100));
    if (!list.length) {
      note(L("noAttention"));
    } else {
      const headRow = row;
      // The 监控灯 column only where the run produced lights (monitoring).
      const withLight = anyLight;
      head([L("col.code"), L("col.name"), L("col.dept"), L("col.grade"), L("col.total"), ...(withLight ? [L("col.light")] : []), L("col.errorCount"), L("col.why")]);
      const last = withLight ? 7 : 6;
      for (const x of list) {
        const why: string[] = [];
        if (x.r?.grade && ATTENTION_GRADES.has(x.r.grade)) why.push(L("why.grade", { grade: x.r.grade }));
        if (x.r?.light === "red") why.push(L("why.red"));
        if (x.errors > 0) why.push(L("why.errors", { n: x.errors }));
        const light = x.r?.light ? t(`sheets.light.${x.r.light}`, lang) : null;
        g.line(row, [x.p.code, x.p.name, x.p.department, x.r?.grade ?? null, x.r?.totalScore ?? null, ...(withLight ? [light] : []), x.errors, why.join("；")]);
        if (x.r?.grade && GRADE_FORMAT[x.r.grade]) g.format({ ...GRADE_FORMAT[x.r.grade], border: true }, row, 3);
        if (withLight && x.r?.light) g.format({ ...LIGHT_FORMAT[x.r.light], border: true }, row, 5);
        row++;
      }
      g.format(CELL, headRow + 1, 0, row - 1, last);
      g.format({ numberFormat: SCORE }, headRow + 1, 4, row - 1, 4);
      g.format({ horizontal: "center" }, headRow + 1, last - 1, row - 1, last - 1);
      g.format({ wrap: true }, headRow + 1, 1, row - 1, 1);
      row++;
    }
  }

  // 六、预算建议
  const withSuggestion = rows.filter((x) => x.r?.suggestion);
  const recovering = monitoring && !selfEval;
  section(recovering ? "recover" : "budget");
  if (!withSuggestion.length) {
    note(L("noSuggestions"));
  } else {
    const headRow = row;
    head(
      recovering
        ? [L("col.action"), L("col.count"), L("col.thisYear", { unit }), L("col.recover", { unit })]
        : [L("col.action"), L("col.count"), L("col.thisYear", { unit }), L("col.nextYear", { unit }), L("col.change", { unit })],
    );
    const actions = [...new Set(withSuggestion.map((x) => x.r?.suggestion?.action as string))];
    const width = recovering ? 4 : 5;
    let current = 0;
    let next = 0;
    for (const a of actions) {
      const xs = withSuggestion.filter((x) => x.r?.suggestion?.action === a);
      const cur = sum(xs.map((x) => x.budget ?? 0));
      const amt = sum(xs.map((x) => x.r?.suggestion?.amount ?? 0));
      current += cur;
      next += amt;
      g.line(row, recovering ? [a, xs.length, money(cur), money(amt)] : [a, xs.length, money(cur), money(amt), money(amt - cur)]);
      row++;
    }
    g.line(row, recovering ? [L("totalRow"), withSuggestion.length, money(current), money(next)] : [L("totalRow"), withSuggestion.length, money(current), money(next), money(next - current)]);
    g.format(TOTAL, row, 0, row, width - 1);
    g.format(CELL, headRow + 1, 0, row - 1, width - 1);
    g.format({ numberFormat: NUM }, headRow + 1, 2, row, width - 1);
    row++;
    if (!recovering) {
      const delta = next - current;
      g.set(row, 0, L("budgetLine", {
        next: formatMoney(next),
        current: formatMoney(current),
        unit,
        dir: L(delta < 0 ? "down" : "up"),
        delta: formatMoney(Math.abs(delta)),
        pct: current > 0 ? `${delta < 0 ? "-" : "+"}${(Math.round((Math.abs(delta) / current) * 1000) / 10).toFixed(1)}%` : "—",
      }));
      g.merge(row, 0, W - 1);
      g.format({ bold: true, fontColor: "#1F4E78" }, row, 0);
      row++;
    }
  }

  return [
    ...g.actions(name, 0, 0, W),
    ...charts,
    { kind: "printTitles", sheet: name, firstRow: 0, lastRow: 1 },
    { kind: "columnWidths", sheet: name, widths: [24, 26, 14, 16, 16, 12, 10, 26].map((width, col) => ({ col, width })) },
  ];
}

/** Row (1-based) below the last chart placed, so that charts do not overlap (about 20 px a row). */
function lastChartBottom(charts: PlanAction[]): number {
  let bottom = 0;
  for (const c of charts) {
    if (c.kind !== "chart") continue;
    const row = parseInt(c.anchor.replace(/^[A-Z]+/, ""), 10);
    bottom = Math.max(bottom, row + Math.ceil((c.height ?? 260) / 20) + 1);
  }
  return bottom;
}

// ---------------------------------------------------------------- 运行记录

export function logSheet(name: string, input: SheetsInput): PlanAction[] {
  const { model, report, findings, lang, snapshot } = input;
  const L = (k: string, params: Record<string, string | number> = {}) => t(`sheets.log.${k}`, lang, params);
  const g = new GridBuilder();
  let row = 0;
  g.set(row, 0, L("title"));
  g.merge(row, 0, 3);
  g.format(TITLE, row, 0);
  row += 2;
  const sev = { error: 0, warning: 0, info: 0 };
  for (const f of findings) sev[f.severity]++;
  const kv: [string, PlanValue][] = [
    [L("time"), formatTime(input.runAt)],
    [L("preset"), presetLabel(input.preset, lang)],
    [L("version"), input.rulebookVersion],
    [L("file"), report.file || snapshot.name],
    [L("layout"), L(`layout.${model.layout}`)],
    [L("modes"), model.modes.join("、")],
    [L("unit"), model.unit],
  ];
  if (model.year !== null) kv.push([L("year"), String(model.year)]);
  if (model.asOfInSheet) kv.push([L("asOf"), model.asOfInSheet]);
  kv.push(
    [L("projects"), model.projects.length],
    [L("indicators"), sum(model.projects.map((p) => p.indicators.length))],
    [L("findings"), `${findings.length}（${sev.error}／${sev.warning}／${sev.info}）`],
    [L("orphans"), model.orphans.length],
    [L("unreadable"), model.unreadable.length],
    [L("cellErrors"), model.cellErrors.length],
    [L("highlights"), input.highlighted],
    [L("blocks"), input.blocks.length ? input.blocks.map((b) => `${b.sheet}!${b.range}`).join("；") : L("none")],
  );
  for (const n of input.notices ?? []) kv.push([L("notice"), n]);
  const kvTop = row;
  for (const [k, v] of kv) {
    g.line(row, [k, v]);
    row++;
  }
  g.format({ ...CELL, bold: true, fill: "#F2F2F2" }, kvTop, 0, row - 1, 0);
  g.format({ ...CELL, horizontal: "left", wrap: true }, kvTop, 1, row - 1, 1);
  row++;

  const detections = model.detections.length ? model.detections : report.detected.map((d) => ({ ...d, role: d.role as "projects" | "indicators" | "combined" }));
  g.set(row, 0, L("s.sheets"));
  g.format(SECTION, row, 0);
  row++;
  const head = (labels: string[]) => {
    g.line(row, labels);
    g.format(TABLE_HEAD, row, 0, row, labels.length - 1);
    row++;
  };
  head([L("col.sheet"), L("col.role"), L("col.headerRow"), L("col.unit")]);
  let top = row;
  for (const d of detections) {
    g.line(row, [d.sheet, hasMessage(`sheets.log.role.${d.role}`, lang) ? L(`role.${d.role}`) : d.role, d.headerRow, d.unit]);
    row++;
  }
  if (row > top) {
    g.format(CELL, top, 0, row - 1, 3);
    g.format({ horizontal: "center" }, top, 2, row - 1, 2);
  }
  row++;

  g.set(row, 0, L("s.columns"));
  g.format(SECTION, row, 0);
  row++;
  head([L("col.sheet"), L("col.field"), L("col.column"), L("col.header")]);
  top = row;
  for (const d of detections) {
    const sheet = snapshot.sheets.find((s) => s.name === d.sheet);
    const fieldKey = (f: string) => {
      const pref = d.role === "indicators" ? ["ifield", "pfield"] : ["pfield", "ifield"];
      for (const p of pref) if (hasMessage(`sheets.${p}.${f}`, lang)) return t(`sheets.${p}.${f}`, lang);
      return f;
    };
    for (const [field, letters] of Object.entries(d.columns)) {
      let header: PlanValue = null;
      if (sheet && /^[A-Z]{1,3}$/.test(letters)) {
        // Multi-row headers: the text may sit in a merged cell above the header row.
        for (let r = d.headerRow - 1; r >= Math.max(0, d.headerRow - 3) && header === null; r--) {
          const v = sheet.values[r]?.[lettersToCol(letters)];
          header = typeof v === "string" || typeof v === "number" ? v : null;
        }
      }
      g.line(row, [d.sheet, fieldKey(field), letters, header]);
      row++;
    }
  }
  if (row > top) {
    g.format(CELL, top, 0, row - 1, 3);
    g.format({ horizontal: "center" }, top, 2, row - 1, 2);
  }
  row++;

  if (model.missing.length) {
    g.set(row, 0, L("s.missing"));
    g.format(SECTION, row, 0);
    row++;
    head([L("col.sheet"), L("col.role"), L("col.headerRow"), L("col.missing")]);
    top = row;
    for (const m of model.missing) {
      const names = m.fields.map((f) => (hasMessage(`sheets.${m.role === "indicators" ? "ifield" : "pfield"}.${f}`, lang) ? t(`sheets.${m.role === "indicators" ? "ifield" : "pfield"}.${f}`, lang) : f));
      g.line(row, [m.sheet ?? L("noSheet"), L(`role.${m.role}`), m.headerRow, names.join("、")]);
      row++;
    }
    g.format(CELL, top, 0, row - 1, 3);
    row++;
  }
  g.set(row, 0, L("footer"));
  g.merge(row, 0, 3);
  g.format(NOTE, row, 0);
  return [...g.actions(name, 0, 0, 4), { kind: "printTitles", sheet: name, firstRow: 0, lastRow: 0 }, { kind: "columnWidths", sheet: name, widths: [26, 44, 12, 30].map((width, col) => ({ col, width })) }];
}
