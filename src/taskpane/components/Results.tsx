import * as React from "react";
import { Badge, Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ApplyStats } from "../../core/plan";
import type { FileReport } from "../../engine/report";
import type { Finding } from "../../rules/types";
import { t, type Lang } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    height: "auto",
    padding: tokens.spacingVerticalXS,
    justifyContent: "flex-start",
  },
  itemText: { display: "flex", flexDirection: "column", gap: "2px", alignItems: "flex-start", fontWeight: tokens.fontWeightRegular },
  hint: { color: tokens.colorNeutralForeground3 },
});

const COLORS = { error: "danger", warning: "warning", info: "informative" } as const;
const MAX_SHOWN = 200;

export interface SummaryProps {
  lang: Lang;
  report: FileReport;
  stats: ApplyStats | null;
}

/** Counts by severity, grade distribution, what was written. */
export function Summary({ lang, report, stats }: SummaryProps): React.JSX.Element {
  const s = useStyles();
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) count[f.severity]++;
  const grades = new Map<string, number>();
  for (const p of report.projects) if (p.grade) grades.set(p.grade, (grades.get(p.grade) ?? 0) + 1);
  return (
    <section className={s.root} data-testid="summary">
      <Text weight="semibold">{t("ui.summary.title", lang)}</Text>
      <div className={s.row}>
        <Text>{t("ui.summary.projects", lang, { n: report.projects.length })}</Text>
        {(["error", "warning", "info"] as const).map((sev) => (
          <Badge key={sev} color={COLORS[sev]} appearance="filled" data-testid={`count-${sev}`}>
            {t(`ui.summary.${sev}`, lang, { n: count[sev] })}
          </Badge>
        ))}
      </div>
      {grades.size > 0 && (
        <Text size={200} data-testid="grades">
          {t("ui.summary.grades", lang)}
          {t("ui.colon", lang)}
          {[...grades].map(([g, n]) => `${g} ${n}`).join(t("ui.comma", lang))}
        </Text>
      )}
      {stats && <Text size={200}>{t("ui.summary.writes", lang, { syncs: stats.syncs, kb: Math.max(1, Math.round(stats.payloadBytes / 1024)) })}</Text>}
    </section>
  );
}

export interface FindingsProps {
  lang: Lang;
  findings: Finding[];
  onSelect(f: Finding): void;
}

/** The findings, most severe first; a click selects the cell in Excel. */
export function Findings({ lang, findings, onSelect }: FindingsProps): React.JSX.Element {
  const s = useStyles();
  const [filter, setFilter] = React.useState<"all" | Finding["severity"]>("all");
  const shown = findings.filter((f) => filter === "all" || f.severity === filter);
  return (
    <section className={s.root} data-testid="findings">
      <div className={s.row}>
        <Text weight="semibold">{t("ui.findings.title", lang)}</Text>
        <Select size="small" value={filter} onChange={(_, d) => setFilter(d.value as typeof filter)} aria-label={t("ui.findings.filter", lang)}>
          <option value="all">{t("ui.findings.all", lang)}</option>
          <option value="error">{t("ui.severity.error", lang)}</option>
          <option value="warning">{t("ui.severity.warning", lang)}</option>
          <option value="info">{t("ui.severity.info", lang)}</option>
        </Select>
      </div>
      {shown.length === 0 && <Text size={200}>{t("ui.findings.none", lang)}</Text>}
      <ul className={s.list}>
        {shown.slice(0, MAX_SHOWN).map((f, i) => (
          <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`}>
            <Button className={s.item} appearance="subtle" onClick={() => onSelect(f)} title={t("ui.findings.goto", lang, { sheet: f.sheet, cell: f.cell })} data-testid="finding">
              <span className={s.itemText}>
                <span>
                  <Badge size="small" color={COLORS[f.severity]} appearance="tint">
                    {t(`ui.severity.${f.severity}`, lang)}
                  </Badge>{" "}
                  <Text size={200} weight="semibold">
                    {f.rule} · {f.sheet}!{f.cell}
                    {f.projectName ? ` · ${f.projectName}` : ""}
                  </Text>
                </span>
                <Text size={200}>{lang === "zh-CN" ? f.message : f.messageEn}</Text>
                {(lang === "zh-CN" ? f.hint : f.hintEn) && (
                  <Text size={200} className={s.hint}>
                    {t("ui.hint", lang, { hint: lang === "zh-CN" ? f.hint : f.hintEn })}
                  </Text>
                )}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {shown.length > MAX_SHOWN && <Text size={200}>{t("ui.findings.more", lang, { shown: MAX_SHOWN, total: shown.length })}</Text>}
    </section>
  );
}
