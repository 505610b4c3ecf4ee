import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ApplyStats } from "../../core/plan";
import type { MappingOverride } from "../../core/state";
import type { RunOptions } from "../../engine/api";
import type { FileReport } from "../../engine/report";
import type { Finding } from "../../rules/types";
import type { Rulebook } from "../../rulebook/schema";
import { PRESETS, DEFAULT_PRESET } from "../../rulebook/presets";
import { getPreset, parseRulebook, parseRulebookText } from "../../rulebook/load";
import { t, type Lang } from "../../messages";
import type { PaneHost } from "../host";
import { describeError } from "../errors";
import { Controls } from "./Controls";
import { Found } from "./Found";
import { Findings, Summary } from "./Results";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column" },
});

export interface AppProps {
  host: PaneHost;
  /** Not inside Excel (a browser, the browser test): say so. */
  preview: boolean;
  initialLang?: Lang;
  /** Clock for the run record (tests). */
  now?: () => Date;
}

interface Outcome {
  report: FileReport;
  findings: Finding[];
  stats: ApplyStats | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The engine reports its stages in zh-CN; the known ones have English names too. */
const STAGES: Record<string, string> = { 读取工作簿: "ui.stage.read", 检查与评分: "ui.stage.check", 写回结果: "ui.stage.write", 完成: "ui.stage.done" };
function stageLabel(stage: string, lang: Lang): string {
  return STAGES[stage] ? t(STAGES[stage], lang) : stage;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function App({ host, preview, initialLang = "zh-CN", now }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [preset, setPreset] = React.useState(DEFAULT_PRESET);
  const [asOf, setAsOf] = React.useState("");
  const [rulebook, setRulebook] = React.useState<{ book: Rulebook; stored: boolean } | null>(null);
  const [mapping, setMapping] = React.useState<MappingOverride>({});
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<{ stage: string; fraction: number } | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [info, setInfo] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // What the workbook remembers: column corrections and its rulebook.
  React.useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((st) => {
        if (!live) return;
        if (st.mapping) setMapping(st.mapping);
        if (st.rulebook !== undefined) {
          const book = parseRulebook(st.rulebook);
          setRulebook({ book, stored: true });
        }
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [host]);

  const asOfError = asOf && !ISO_DATE.test(asOf) ? t("ui.asOf.invalid", lang) : null;

  const run = async (map: MappingOverride = mapping): Promise<void> => {
    if (asOfError) return;
    setBusy(true);
    setError(null);
    setInfo(null);
    setProgress({ stage: t("ui.running", lang), fraction: 0 });
    try {
      const options: RunOptions = {
        rulebook: rulebook?.book ?? getPreset(preset),
        asOf: asOf || null,
        mapping: map,
        onProgress: (stage, fraction) => setProgress({ stage, fraction }),
        ...(now ? { now: now() } : {}),
      };
      const out = await host.check(options);
      setOutcome({ report: out.report, findings: out.findings, stats: out.stats });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const clear = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setInfo(null);
    setProgress({ stage: t("ui.clearing", lang), fraction: 0.5 });
    try {
      const stats = await host.clear();
      setOutcome(null);
      setInfo(stats.actions === 0 ? t("ui.nothingToClear", lang) : t("ui.cleared", lang, { syncs: stats.syncs }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const importRulebook = async (file: File): Promise<void> => {
    setError(null);
    try {
      const book = parseRulebookText(await file.text());
      setRulebook({ book, stored: false });
    } catch (e) {
      setError(e);
    }
  };

  const correct = (sheet: string, field: string, letter: string | null): void => {
    const next: MappingOverride = { ...mapping, [sheet]: { ...(mapping[sheet] ?? {}), [field]: letter } };
    setMapping(next);
    void run(next);
  };

  const book = rulebook?.book;
  return (
    <main className={s.root}>
      <header className={s.header}>
        <div className={s.titles}>
          <Text as="h1" size={500} weight="semibold">
            {t("ui.title", lang)}
          </Text>
          <Text size={200}>{t("ui.subtitle", lang)}</Text>
        </div>
        <Button size="small" onClick={() => setLang(lang === "zh-CN" ? "en" : "zh-CN")} data-testid="lang">
          {t("ui.lang.toggle", lang)}
        </Button>
      </header>
      {preview && (
        <MessageBar intent="info" data-testid="preview">
          <MessageBarBody>{t("ui.preview", lang)}</MessageBarBody>
        </MessageBar>
      )}
      <Controls
        lang={lang}
        presets={Object.keys(PRESETS)}
        preset={preset}
        onPreset={setPreset}
        asOf={asOf}
        onAsOf={setAsOf}
        asOfError={asOfError}
        rulebookLabel={book ? t("ui.rulebook.imported", lang, { preset: book.preset, version: book.version }) : null}
        onImportRulebook={(f) => void importRulebook(f)}
        onExportRulebook={() => {
          const b = book ?? getPreset(preset);
          download(`jixiao-rulebook-${b.preset}.json`, JSON.stringify(b, null, 2));
        }}
        onResetRulebook={() => setRulebook(null)}
        busy={busy}
        onRun={() => void run()}
        onClear={() => void clear()}
      />
      {progress && (
        <div data-testid="progress">
          <ProgressBar value={progress.fraction} />
          <Text size={200}>{t("ui.progress", lang, { stage: stageLabel(progress.stage, lang), percent: Math.round(progress.fraction * 100) })}</Text>
        </div>
      )}
      {error !== null && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.error.title", lang)}</MessageBarTitle>
            {describeError(error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {info && (
        <MessageBar intent="success" data-testid="info">
          <MessageBarBody>{info}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <Summary lang={lang} report={outcome.report} stats={outcome.stats} />}
      <Divider />
      <Found lang={lang} report={outcome?.report ?? null} mapping={mapping} busy={busy} onCorrect={correct} onResetMapping={() => { setMapping({}); void run({}); }} />
      {outcome && (
        <>
          <Divider />
          <Findings lang={lang} findings={outcome.findings} onSelect={(f) => void host.select(f.sheet, f.cell).catch((e: unknown) => setError(e))} />
        </>
      )}
    </main>
  );
}
