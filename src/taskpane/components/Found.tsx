import * as React from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MappingOverride } from "../../core/state";
import type { FileReport } from "../../engine/report";
import { INDICATOR_FIELDS, PROJECT_FIELDS } from "../../model/fields";
import { hasMessage, t, type Lang } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" },
  fix: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap", minWidth: 0 },
  select: { maxWidth: "100%", minWidth: 0, "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" } },
});

type Detection = FileReport["detected"][number];

/** A field's name for the user; on an indicator sheet `name` is the 三级指标. */
export function fieldLabel(field: string, role: string, lang: Lang): string {
  const key = role === "indicators" && field === "name" ? "ui.field.indicatorName" : `ui.field.${field}`;
  return hasMessage(key, lang) ? t(key, lang) : field;
}

export function fieldsFor(role: string): string[] {
  if (role === "projects") return [...PROJECT_FIELDS];
  if (role === "indicators") return [...INDICATOR_FIELDS];
  return [...new Set([...PROJECT_FIELDS, ...INDICATOR_FIELDS.filter((f) => f !== "name"), "indicatorName"])];
}

export interface FoundProps {
  lang: Lang;
  report: FileReport | null;
  mapping: MappingOverride;
  busy: boolean;
  /** Save a correction (letter null: "no such column") and check again. */
  onCorrect(sheet: string, field: string, letter: string | null): void;
  onResetMapping(): void;
  /** Show the 识别结果 heading (false inside a section that has it already). */
  titled?: boolean;
}

/** 识别结果: detected sheets, header rows and column mapping, with corrections. */
export function Found(p: FoundProps): React.JSX.Element {
  const s = useStyles();
  const [sheet, setSheet] = React.useState("");
  const [field, setField] = React.useState("");
  const [letter, setLetter] = React.useState("");
  const [bad, setBad] = React.useState(false);
  const corrections = Object.values(p.mapping).reduce((n, m) => n + Object.keys(m).length, 0);
  const detected = p.report?.detected ?? [];
  const current: Detection | undefined = detected.find((d) => d.sheet === sheet) ?? detected[0];
  const fields = current ? fieldsFor(current.role) : [];
  const chosenField = fields.includes(field) ? field : (fields[0] ?? "");

  if (!p.report) {
    return (
      <section className={s.root} data-testid="found">
        {p.titled !== false && <Text weight="semibold">{t("ui.found.title", p.lang)}</Text>}
        <Text size={200}>{t("ui.found.empty", p.lang)}</Text>
      </section>
    );
  }
  const r = p.report;
  return (
    <section className={s.root} data-testid="found">
      {p.titled !== false && <Text weight="semibold">{t("ui.found.title", p.lang)}</Text>}
      <Text size={200}>
        {t("ui.found.layout", p.lang, { layout: t(`ui.found.layout.${r.layout}`, p.lang), unit: r.unit, modes: r.modes.map((mode) => t(`ui.mode.${mode}`, p.lang)).join(t("ui.list.sep", p.lang)) })}
      </Text>
      {detected.map((d) => (
        <div key={d.sheet}>
          <Text size={200} weight="semibold">
            {t("ui.found.sheet", p.lang, { sheet: d.sheet, role: t(`ui.found.role.${d.role}`, p.lang), row: d.headerRow })}
          </Text>
          <table className={s.table}>
            <thead>
              <tr>
                <th className={s.cell}>{t("ui.found.field", p.lang)}</th>
                <th className={s.cell}>{t("ui.found.column", p.lang)}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.columns).map(([f, col]) => (
                <tr key={f}>
                  <td className={s.cell}>{fieldLabel(f, d.role, p.lang)}</td>
                  <td className={s.cell}>{col}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {current && (
        <div className={s.fix}>
          <Field label={t("ui.found.correct", p.lang)}>
            <Select className={s.select} value={current.sheet} onChange={(_, d) => setSheet(d.value)} aria-label="sheet">
              {detected.map((d) => (
                <option key={d.sheet} value={d.sheet}>
                  {d.sheet}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("ui.found.correct.field", p.lang)}>
            <Select className={s.select} value={chosenField} onChange={(_, d) => setField(d.value)} data-testid="correct-field">
              {fields.map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(f, current.role, p.lang)}
                  {current.columns[f] ? ` (${current.columns[f]})` : ""}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("ui.found.correct.column", p.lang)} validationMessage={bad ? t("ui.found.correct.badColumn", p.lang) : undefined}>
            <Input value={letter} onChange={(_, d) => setLetter(d.value)} style={{ width: "6em" }} data-testid="correct-column" />
          </Field>
          <Button
            disabled={p.busy}
            data-testid="correct-apply"
            onClick={() => {
              const v = letter.trim().toUpperCase();
              if (v && !/^[A-Z]{1,3}$/.test(v)) {
                setBad(true);
                return;
              }
              setBad(false);
              p.onCorrect(current.sheet, chosenField, v || null);
            }}
          >
            {t("ui.found.correct.apply", p.lang)}
          </Button>
        </div>
      )}
      {corrections > 0 && (
        <div className={s.fix}>
          <Text size={200}>{t("ui.found.corrections", p.lang, { n: corrections })}</Text>
          <Button size="small" appearance="subtle" onClick={p.onResetMapping} disabled={p.busy}>
            {t("ui.found.corrections.clear", p.lang)}
          </Button>
        </div>
      )}
    </section>
  );
}
