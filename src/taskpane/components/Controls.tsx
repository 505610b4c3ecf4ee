import * as React from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../messages";
import { t } from "../../messages";
import { presetLabel } from "../../messages/presets";
import { FileInput } from "./FileInput";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  /** A native select is as wide as its longest option: keep it inside the pane. */
  select: { width: "100%", maxWidth: "100%", minWidth: 0, "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" } },
  row: { display: "flex", minWidth: 0, gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export interface ControlsProps {
  lang: Lang;
  presets: string[];
  preset: string;
  onPreset(name: string): void;
  asOf: string;
  onAsOf(value: string): void;
  asOfError: string | null;
  /** Label of the imported or stored rulebook; null when the preset is used. */
  rulebookLabel: string | null;
  onImportRulebook(file: File): void;
  onExportRulebook(): void;
  onResetRulebook(): void;
  busy: boolean;
}

/** The settings: preset, as-of date, rulebook file (the two actions are at the top of the pane). */
export function Controls(p: ControlsProps): React.JSX.Element {
  const s = useStyles();
  const file = React.useRef<HTMLInputElement>(null);
  return (
    <section className={s.root} aria-label={t("ui.settings", p.lang)}>
      <Field label={t("ui.preset", p.lang)}>
        <Select className={s.select} value={p.preset} disabled={p.busy || p.rulebookLabel !== null} onChange={(_, d) => p.onPreset(d.value)} data-testid="preset">
          {p.presets.map((name) => (
            <option key={name} value={name}>
              {presetLabel(name, p.lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("ui.asOf", p.lang)} hint={t("ui.asOf.help", p.lang)} validationMessage={p.asOfError ?? undefined}>
        <Input type="date" value={p.asOf} onChange={(_, d) => p.onAsOf(d.value)} disabled={p.busy} data-testid="as-of" />
      </Field>
      <div className={s.row}>
        <Text weight="semibold">{t("ui.rulebook", p.lang)}</Text>
        <Button size="small" onClick={() => file.current?.click()} disabled={p.busy}>
          {t("ui.rulebook.import", p.lang)}
        </Button>
        <Button size="small" onClick={p.onExportRulebook} disabled={p.busy}>
          {t("ui.rulebook.export", p.lang)}
        </Button>
        {p.rulebookLabel !== null && (
          <Button size="small" appearance="subtle" onClick={p.onResetRulebook} disabled={p.busy}>
            {t("ui.rulebook.reset", p.lang)}
          </Button>
        )}
        <FileInput ref={file} accept=".json,application/json" testId="rulebook-file" onFiles={(files) => p.onImportRulebook(files[0])} />
      </div>
      {p.rulebookLabel !== null && <Text size={200}>{p.rulebookLabel}</Text>}
    </section>
  );
}
