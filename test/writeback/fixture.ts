/**
 * Golden write-back fixtures: a small user workbook as a finance officer keeps it (a merged
 * title, coloured bold headers, number formats, a user note and a user fill on a cell the
 * checker will flag), built with ExcelJS, plus helpers to round-trip a workbook through a
 * buffer and dump everything that matters (values, styles, notes, merges, widths, sheets).
 *
 * Regenerate a file to look at: `npx tsx test/writeback/fixture.ts /tmp/out`.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";

export interface FixtureOptions {
  /** Project names, goals and indicator names that start with = + - @ (formula injection). */
  injection?: boolean;
  /** A user cell right of the project table (the results must go further right). */
  userCellRight?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const USER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } };

export const USER_NOTE = "请核对：此处为处室填报口径";
/** The indicator target cell that the checker flags (vague target, T008) and that carries a user fill and note. */
export const FLAGGED_TARGET = "E4";

export function makeUserWorkbook(options: FixtureOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const inj = options.injection === true;

  const ps = wb.addWorksheet("项目表");
  ps.mergeCells("A1:H1");
  ps.getCell("A1").value = "XX县2024年度项目支出绩效自评表";
  ps.getCell("A1").font = { bold: true, size: 14, name: "宋体" };
  ps.getCell("A1").alignment = { horizontal: "center" };
  const headers = ["项目编码", "项目名称", "主管部门", "项目属性", "年初预算数", "全年预算数", "全年执行数", "年度总体目标"];
  ps.getRow(2).values = headers;
  ps.getRow(2).eachCell((c) => {
    c.font = { bold: true, name: "宋体", size: 11 };
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: "thin" } };
  });
  const projects = [
    ["P001", inj ? '=HYPERLINK("http://x","y")' : "农村公路养护", "县交通运输局", "经常性", 100, 100, 95, inj ? "+1 完成全县农村公路日常养护，路况优良率保持在90%以上。" : "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"],
    ["P002", inj ? "-2" : "乡村教师培训", "县教育局", "经常性", 150, 150, 100, "组织全县乡村教师开展县级以上培训不少于1800人次，提升乡村教师教育教学能力。"],
    ["P003", inj ? "@SUM(A1)" : "养老服务体系建设", "县民政局", "一次性", 500, 520, 300, "建设社区养老服务站10个，提升养老服务能力和覆盖面，改善老年人生活质量。"],
  ];
  projects.forEach((p, i) => {
    const row = ps.getRow(3 + i);
    row.values = p;
    for (const c of [5, 6, 7]) row.getCell(c).numFmt = "#,##0.00";
  });
  ps.getCell("B3").note = USER_NOTE;
  ps.getCell("C4").fill = USER_FILL;
  ps.getColumn(2).width = 24;
  ps.getColumn(8).width = 40;
  if (options.userCellRight) ps.getCell("J4").value = "备注：数据来自预算系统";

  const is = wb.addWorksheet("指标表");
  is.getRow(1).values = ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析"];
  is.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  const ind = (code: string, l1: string, l2: string, name: string, target: string, actual: string, weight: number, score: number, reason?: string) => [code, l1, l2, name, target, actual, weight, score, reason ?? null];
  const rows = [
    ind("P001", "产出指标", "数量指标", inj ? "=1+1" : "养护里程", "≥300公里", "320公里", 20, 20),
    ind("P001", "产出指标", "质量指标", "路况优良率", "≥90%", "92%", 15, 15),
    ind("P001", "产出指标", "时效指标", "养护完成时间", "进一步提高", "2024年12月底前", 15, 15),
    ind("P001", "效益指标", "社会效益指标", "群众出行条件改善", "达成年度指标", "达成年度指标", 30, 30),
    ind("P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10),
    ind("P002", "产出指标", "数量指标", "培训人次", "≥1800人次", "1200人次", 25, 16.67),
    ind("P002", "产出指标", "质量指标", "培训合格率", "≥95%", "96%", 25, 25),
    ind("P002", "效益指标", "社会效益指标", "教学能力提升", "达成年度指标", "部分达成年度指标并具有一定效果", 30, 21),
    ind("P002", "满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "88%", 10, 9.78),
    ind("P003", "产出指标", "数量指标", "新建养老服务站", "≥10个", "4个", 30, 12),
    ind("P003", "产出指标", "质量指标", "验收合格率", "=100%", "100%", 20, 20),
    ind("P003", "效益指标", "社会效益指标", "服务老年人数", "≥2000人", "900人", 30, 13.5),
    ind("P003", "满意度指标", "服务对象满意度指标", "老年人满意度", "≥60%", "95%", 10, 10),
  ];
  rows.forEach((r, i) => {
    is.getRow(2 + i).values = r;
  });
  is.getCell(FLAGGED_TARGET).fill = USER_FILL;
  is.getCell(FLAGGED_TARGET).font = { italic: true, color: { argb: "FF0000FF" } };
  is.getCell(FLAGGED_TARGET).note = USER_NOTE;
  is.getColumn(4).width = 20;
  return wb;
}

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf);
  return out;
}

export interface CellDump {
  value: unknown;
  type: number;
  style: unknown;
  note: unknown;
}

export interface SheetDump {
  name: string;
  state: string;
  merges: string[];
  widths: (number | undefined)[];
  cells: Record<string, CellDump>;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(internal)
    .map((m) => m.range as string)
    .sort();
}

const norm = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

/** Everything the tests compare, as plain JSON. Cells with no value, no style and no note are left out. */
export function dumpWorkbook(wb: ExcelJS.Workbook): SheetDump[] {
  const out: SheetDump[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, CellDump> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = norm(cell.style) as Record<string, unknown>;
        const note = norm(cell.note);
        if ((cell.value === null || cell.value === undefined) && Object.keys(style).length === 0 && note === null) return;
        cells[cell.address] = { value: norm(cell.value), type: cell.type, style, note };
      }),
    );
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, 12); c++) widths.push(ws.getColumn(c).width);
    out.push({ name: ws.name, state: ws.state, merges: merges(ws), widths, cells });
  });
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? ".";
  fs.mkdirSync(dir, { recursive: true });
  void (async () => {
    await makeUserWorkbook().xlsx.writeFile(path.join(dir, "writeback-user.xlsx"));
    await makeUserWorkbook({ injection: true, userCellRight: true }).xlsx.writeFile(path.join(dir, "writeback-injection.xlsx"));
    console.log(`wrote ${dir}/writeback-user.xlsx and writeback-injection.xlsx`);
  })();
}

/** The workbook's default font, which ExcelJS (and a reader of our copy) spells out once a style-less cell gets a style. */
const DEFAULT_FONT = { size: 11, color: { theme: 1 }, name: "Calibri", family: 2, scheme: "minor" };

function canon(v: unknown): string {
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  return `{${Object.keys(v).sort().map((k) => `${k}:${canon((v as Record<string, unknown>)[k])}`).join(",")}}`;
}

/** A style without its fill (and without the default font / empty border a style-less cell shows once styled). */
export function withoutFill(style: unknown, original: unknown): Record<string, unknown> {
  const { fill: _fill, ...rest } = style as Record<string, unknown>;
  const o = original as Record<string, unknown>;
  if (!o.font && canon(rest.font) === canon(DEFAULT_FONT)) delete rest.font;
  if (!o.border && JSON.stringify(rest.border) === "{}") delete rest.border;
  return rest;
}
