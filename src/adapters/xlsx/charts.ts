/**
 * Real Excel charts in the package: a chart part (DrawingML chart: pie, clustered column or
 * bar over the plan's data range — one series per value column, categories from the label
 * column, the header row as series names) placed by a drawing part anchored at a cell.
 */
import type { PlanAction, PlanValue } from "../../core/plan";
import { colToLetters, fromA1, parseRange, quoteSheet } from "../../core/address";
import { esc } from "./xml";

export type ChartAction = Extract<PlanAction, { kind: "chart" }>;

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const abs = (sheet: string, col: number, r0: number, r1: number) => `${quoteSheet(sheet)}!$${colToLetters(col)}$${r0 + 1}${r1 !== r0 ? `:$${colToLetters(col)}$${r1 + 1}` : ""}`;

/** The value the plan leaves in a cell of the chart's data (for the chart's cached points), undefined: unknown. */
export type CellLookup = (row: number, col: number) => PlanValue | undefined;

function strCache(values: (PlanValue | undefined)[]): string {
  const pts = values.map((v, i) => (v === null || v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (PlanValue | undefined)[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

export function chartXml(a: ChartAction, cell: CellLookup = () => undefined): string {
  const r = parseRange(a.dataRange);
  const series: string[] = [];
  const column = (col: number, r0: number, r1: number) => Array.from({ length: r1 - r0 + 1 }, (_, i) => cell(r0 + i, col));
  // Cached points (what Excel shows before it recalculates) are written where the plan gives the values.
  const cache = (values: (PlanValue | undefined)[], make: (v: (PlanValue | undefined)[]) => string) => (values.some((v) => v !== undefined) ? make(values) : "");
  for (let col = r.left + 1; col <= r.right; col++) {
    const i = col - r.left - 1;
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${esc(abs(a.sheet, col, r.top, r.top))}</c:f>${cache(column(col, r.top, r.top), strCache)}</c:strRef></c:tx>` +
        `<c:cat><c:strRef><c:f>${esc(abs(a.sheet, r.left, r.top + 1, r.bottom))}</c:f>${cache(column(r.left, r.top + 1, r.bottom), strCache)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(abs(a.sheet, col, r.top + 1, r.bottom))}</c:f>${cache(column(col, r.top + 1, r.bottom), numCache)}</c:numRef></c:val></c:ser>`,
    );
  }
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${esc(a.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  let plot: string;
  if (a.chartType === "pie") {
    plot = `<c:pieChart><c:varyColors val="1"/>${series.join("")}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const dir = a.chartType === "barClustered" ? "bar" : "col";
    plot =
      `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
      `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${dir === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === "bar" ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === "bar" ? "t" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="${dir === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  }
  const legend = a.chartType === "pie" || series.length > 1 ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One anchor of a chart frame (the chart's relationship id in the drawing part). */
export function chartAnchor(a: ChartAction, rid: string, id: number): string {
  const at = fromA1(a.anchor);
  const emu = (px: number) => Math.round(Math.max(50, Math.min(4000, px)) * 9525);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${emu(a.width ?? 480)}" cy="${emu(a.height ?? 288)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${esc(a.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

export const EMPTY_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`;
