/**
 * Internal hyperlinks ("#'Sheet'!A1") written the way Excel writes them.
 *
 * ExcelJS 4.4 writes every hyperlink with an external relationship AND, for internal ones,
 * a `location` attribute that keeps the leading "#": Excel then opens
 * "#'Sheet'!A1##'Sheet'!A1" (exceljs issue #3027) and LibreOffice a path to the file itself.
 * Excel's own form is `<hyperlink ref="E2" location="'Sheet'!A1"/>` with no relationship.
 * This patch (installed once, on import) makes ExcelJS write that form for targets starting
 * with "#", and read it back as the same "#'Sheet'!A1" hyperlink; external links are unchanged.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

interface HyperlinkModel {
  address: string;
  target?: string;
  rId?: string;
  tooltip?: string;
  location?: string;
}
interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}
interface XmlStream {
  leafNode(name: string, attrs: Record<string, string | undefined>): void;
}

const HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
const FLAG = Symbol.for("jixiao.exceljs.internalLinks");

export function installInternalLinkFix(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[FLAG]) return;
  g[FLAG] = true;
  const HyperlinkXform = require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform") as { prototype: { render(x: XmlStream, m: HyperlinkModel): void } };
  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as {
    prototype: {
      prepare(model: { hyperlinks?: HyperlinkModel[]; rels?: Rel[] }, options: unknown): void;
      reconcile(model: { hyperlinks?: HyperlinkModel[]; relationships?: Rel[] }, options: unknown): void;
    };
  };

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (xmlStream: XmlStream, model: HyperlinkModel) {
    if (model.location !== undefined && !model.rId) {
      xmlStream.leafNode("hyperlink", { ref: model.address, location: model.location, tooltip: model.tooltip });
      return;
    }
    render.call(this, xmlStream, model);
  };

  const prepare = WorksheetXform.prototype.prepare;
  WorksheetXform.prototype.prepare = function (model, options) {
    prepare.call(this, model, options);
    const internal = (model.hyperlinks ?? []).filter((h) => typeof h.target === "string" && h.target.startsWith("#"));
    if (!internal.length) return;
    const drop = new Set(internal.map((h) => h.rId));
    model.rels = (model.rels ?? []).filter((r) => !drop.has(r.Id));
    for (const h of internal) {
      h.location = (h.target as string).slice(1);
      h.rId = undefined;
    }
  };

  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (model, options) {
    // A location-only hyperlink (Excel's internal link) gets a relationship-like entry so
    // that ExcelJS reads it as the hyperlink "#location" instead of dropping it.
    let n = 0;
    for (const h of model.hyperlinks ?? []) {
      if (h.rId || !h.target) continue;
      const id = `jixiaoLocation${++n}`;
      model.relationships = [...(model.relationships ?? []), { Id: id, Type: HYPERLINK_TYPE, Target: `#${h.target}` }];
      h.rId = id;
    }
    reconcile.call(this, model, options);
  };
}
