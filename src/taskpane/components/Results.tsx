import * as React from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../messages";
import { presetLabel } from "../../messages/presets";
import { formatTime } from "../../writeplan/sheets";
import { GRADE_ORDER } from "../../writeplan/style";
import type { PaneData } from "../view";
import { maxOf } from "../../core/collections";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  chart: { display: "grid", gridTemplateColumns: "auto 1fr auto", columnGap: tokens.spacingHorizontalS, rowGap: "2px", alignItems: "center", maxWidth: "100%" },
  track: { height: "10px", backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: "hidden", minWidth: "40px" },
  bar: { height: "100%", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
});

const COLORS = { error: "danger", warning: "warning", info: "informative" } as const;
const LIGHTS = [
  ["red", "danger"],
  ["yellow", "warning"],
  ["blue", "informative"],
  ["green", "success"],
] as const;

export interface SummaryProps {
  lang: Lang;
  data: PaneData;
  /** Written to the workbook in this run (null: not known, e.g. reopened). */
  written: boolean | null;
  /** 审核确认: findings accepted as needing no change (not in `data.counts`). */
  accepted?: number;
}

/** When and how it was checked, counts by severity, lights in monitoring, a grade chart. */
export function Summary({ lang, data, written, accepted = 0 }: SummaryProps): React.JSX.Element {
  const s = useStyles();
  const time = formatTime(new Date(data.runAt));
  const preset = presetLabel(data.preset, lang);
  const monitoring = data.modes.includes("运行监控");
  const grades = [...GRADE_ORDER.filter((g) => data.grades[g]), ...Object.keys(data.grades).filter((g) => !GRADE_ORDER.includes(g))].map((g) => [g, data.grades[g]] as const);
  const most = maxOf(grades.map(([, n]) => n), 1);
  const lightsShown = monitoring && LIGHTS.some(([l]) => data.lights[l] > 0);
  return (
    <section className={s.root} data-testid="summary" aria-label={t("ui.summary.title", lang)}>
      <Text weight="semibold">{t("ui.summary.title", lang)}</Text>
      <Text size={200} className={s.muted} data-testid="summary-when">
        {t(data.stored ? "ui.summary.last" : "ui.summary.at", lang, { time, preset })}
      </Text>
      <div className={s.row}>
        <Text>{t("ui.summary.projects", lang, { n: data.projects })}</Text>
        {(["error", "warning", "info"] as const).map((sev) => (
          <Badge key={sev} color={COLORS[sev]} appearance="filled" data-testid={`count-${sev}`}>
            {t(`ui.summary.${sev}`, lang, { n: data.counts[sev] })}
          </Badge>
        ))}
        {accepted > 0 && (
          <Badge color="success" appearance="tint" data-testid="count-accepted">
            {t("ui.review.summary", lang, { n: accepted })}
          </Badge>
        )}
      </div>
      {lightsShown && (
        <div className={s.row} data-testid="lights">
          <Text size={200}>{t("ui.summary.lightsTitle", lang)}</Text>
          {LIGHTS.map(([l, color]) => (
            <Badge key={l} color={color} appearance="tint" data-testid={`light-${l}`}>
              {t(`ui.light.${l}`, lang, { n: data.lights[l] })}
            </Badge>
          ))}
        </div>
      )}
      {grades.length > 0 && (
        <div className={s.chart} role="img" aria-label={t("ui.summary.chart", lang, { list: grades.map(([g, n]) => t("ui.summary.gradeBar", lang, { grade: g, n })).join(t("ui.comma", lang)) })} data-testid="grades">
          {grades.map(([g, n]) => (
            <React.Fragment key={g}>
              <Text size={200}>{g}</Text>
              <div className={s.track} title={t("ui.summary.gradeBar", lang, { grade: g, n })}>
                <div className={s.bar} style={{ width: `${(n / most) * 100}%` }} />
              </div>
              <Text size={200}>{n}</Text>
            </React.Fragment>
          ))}
        </div>
      )}
      {data.stored && <Text size={200} className={s.muted} data-testid="stored">{t("ui.summary.stored", lang)}</Text>}
      {data.omitted > 0 && <Text size={200} className={s.muted}>{t("ui.summary.omitted", lang, { n: data.omitted })}</Text>}
      {written === true && <Text size={200} className={s.muted}>{t("ui.summary.written", lang)}</Text>}
    </section>
  );
}
