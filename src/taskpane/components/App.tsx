import * as React from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
  MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, Textarea, makeStyles, tokens,
} from "@fluentui/react-components";
import type { MappingOverride } from "../../core/state";
import type { FileReport } from "../../engine/report";
import type { Rulebook } from "../../rulebook/schema";
import { PRESETS, DEFAULT_PRESET } from "../../rulebook/presets";
import { getPreset, parseRulebook, parseRulebookText } from "../../rulebook/load";
import { t, type Lang } from "../../messages";
import { presetLabel } from "../../messages/presets";
import type { PaneHost } from "../host";
import { describeError, sheetOfError } from "../errors";
import { CancelledError, runCheck, type RunControls } from "../run";
import { paneDataFromRun, paneDataFromStored, type PaneData, type PaneFinding } from "../view";
import { Controls } from "./Controls";
import { Found } from "./Found";
import { Summary } from "./Results";
import { FindingsList, type FindingsListProps } from "./FindingsList";
import type { Acceptance } from "../../round";
import { acceptedIds, acceptPaneFinding, openCounts, reviewsOf, revokePaneFinding } from "../round/review";
import { ReviewActions } from "../round/ReviewActions";
import { RoundImport } from "../round/RoundImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: "100%", boxSizing: "border-box", overflowWrap: "anywhere" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  /** Progress, messages and errors: one slot in the pane, however many are shown. */
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  progressRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "1.2em" },
  json: { width: "100%", fontFamily: tokens.fontFamilyMonospace },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

export interface AppProps {
  host: PaneHost;
  /** Not inside Excel (a browser, the browser test): say so. */
  preview: boolean;
  initialLang?: Lang;
  /** Clock for the run record (tests). */
  now?: () => Date;
  /** How the run gets its engine (default: the worker; the standalone page passes its own). */
  engine?: RunControls["engine"];
  /** Extension point: more sections below the findings (e.g. 「汇总多个报送文件」). */
  extraSections?: React.ReactNode;
  /** Extension point: actions on each finding card (e.g. 确认 / 撤销). */
  findingActions?: FindingsListProps["actions"];
}

interface Outcome {
  data: PaneData;
  /** The fresh run's report (what was found); null when reopened from the stored summary. */
  report: FileReport | null;
  written: boolean | null;
  noProjectSheet: boolean;
  writeError: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The engine reports its stages in zh-CN; each has an English name too. */
const STAGES: Record<string, string> = {
  读取工作簿: "ui.stage.read",
  识别表格: "ui.stage.detect",
  检查规则: "ui.stage.rules",
  评分: "ui.stage.score",
  检查与评分: "ui.stage.check",
  写回结果: "ui.stage.write",
  完成: "ui.stage.done",
};
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

/** Detection was unsure or failed: the 识别结果 section opens by itself. */
function unsure(o: Outcome | null): boolean {
  if (!o) return false;
  return o.noProjectSheet || o.data.findings.some((f) => f.rule === "D001");
}

export function App({ host, preview, initialLang = "zh-CN", now, engine, extraSections, findingActions }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [preset, setPreset] = React.useState(DEFAULT_PRESET);
  const [asOf, setAsOf] = React.useState("");
  const [rulebook, setRulebook] = React.useState<{ book: Rulebook; stored: boolean } | null>(null);
  const [mapping, setMapping] = React.useState<MappingOverride>({});
  const [busy, setBusy] = React.useState(false);
  const [writing, setWriting] = React.useState(false);
  const [progress, setProgress] = React.useState<{ stage: string; fraction: number } | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [info, setInfo] = React.useState<string | null>(null);
  /** What the run or 清除标记 left alone or wants said once (state that did not verify, notes kept, rulebook). */
  const [notices, setNotices] = React.useState<{ message: string; messageEn: string }[]>([]);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [confirmClear, setConfirmClear] = React.useState(false);
  const [exported, setExported] = React.useState<string | null>(null);
  const [copied, setCopied] = React.useState(false);
  const [open, setOpen] = React.useState<string[]>([]);
  /** 审核确认: the acceptances stored in the workbook, read on open and after each run. */
  const [accepted, setAccepted] = React.useState<Acceptance[]>([]);
  const abort = React.useRef<AbortController | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // What the workbook remembers: column corrections, its rulebook, and the last run.
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
        if (st.accepted) setAccepted(st.accepted);
        if (st.lastRun) setOutcome((o) => o ?? { data: paneDataFromStored(st.lastRun as NonNullable<typeof st.lastRun>), report: null, written: null, noProjectSheet: false, writeError: null });
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [host]);

  React.useEffect(() => {
    if (unsure(outcome)) setOpen((o) => (o.includes("found") ? o : [...o, "found"]));
  }, [outcome]);

  const asOfError = asOf && !ISO_DATE.test(asOf) ? t("ui.asOf.invalid", lang) : null;

  const run = async (map: MappingOverride = mapping): Promise<void> => {
    if (asOfError || busy) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setWriting(false);
    setError(null);
    setInfo(null);
    setNotices([]);
    setProgress({ stage: t("ui.running", lang), fraction: 0 });
    try {
      const rb = rulebook?.book ?? getPreset(preset);
      const runAt = now ? now() : new Date();
      const out = await runCheck(
        host.withPort,
        { rulebook: rb, asOf: asOf || null, mapping: map, now: runAt },
        { onProgress: (stage, fraction) => setProgress({ stage, fraction }), signal: controller.signal, onWriting: () => setWriting(true), ...(engine ? { engine } : {}) },
      );
      const a = out.analysis;
      setNotices(a.report.notices ?? []);
      // A transition: React renders the results in slices, so the pane stays responsive.
      React.startTransition(() => setOutcome({
        data: paneDataFromRun(a.report, a.findings, { runAt: runAt.toISOString(), preset: a.preset, rulebookVersion: a.rulebookVersion, asOf: a.asOf }),
        report: a.report,
        written: out.written,
        noProjectSheet: a.noProjectSheet,
        writeError: out.writeError,
      }));
      // The acceptances as the workbook holds them now (the run keeps them; another pane may have changed them).
      if (host.saveAccepted) {
        const st = await host.loadSettings();
        setAccepted(st.accepted ?? []);
      }
    } catch (e) {
      if (e instanceof CancelledError) setInfo(t("ui.cancelled", lang));
      else setError(e);
    } finally {
      abort.current = null;
      setBusy(false);
      setWriting(false);
      setProgress(null);
    }
  };

  const clear = async (): Promise<void> => {
    setConfirmClear(false);
    setBusy(true);
    setError(null);
    setInfo(null);
    setNotices([]);
    setProgress({ stage: t("ui.clearing", lang), fraction: 0.5 });
    try {
      const stats = await host.clear();
      setOutcome(null);
      setInfo(stats.actions === 0 ? t("ui.nothingToClear", lang) : t("ui.cleared", lang));
      const kept = stats.notesKept ? [{ message: t("excel.notesKept", "zh-CN", { n: stats.notesKept }), messageEn: t("excel.notesKept", "en", { n: stats.notesKept }) }] : [];
      setNotices([...(stats.notices ?? []), ...kept]);
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

  const select = (sheet: string, cell: string) => void host.select(sheet, cell).catch((e: unknown) => setError(e));
  const book = rulebook?.book;
  const exportName = `jixiao-rulebook-${(book ?? getPreset(preset)).preset}.json`;
  const o = outcome;
  const writeSheet = o?.writeError ? sheetOfError(o.writeError) : null;
  const writeReason = o?.writeError != null ? describeError(o.writeError, lang) : "";
  const reviews = React.useMemo(() => reviewsOf(o?.data.findings ?? [], accepted), [o, accepted]);
  const acceptedSet = React.useMemo(() => acceptedIds(reviews), [reviews]);
  const summaryData = React.useMemo(() => (o && acceptedSet.size ? { ...o.data, counts: openCounts(o.data.counts, o.data.findings, acceptedSet) } : o?.data), [o, acceptedSet]);
  const saveAccepted = host.saveAccepted?.bind(host);
  const reviewActions = saveAccepted
    ? (f: PaneFinding) => (
        <ReviewActions
          lang={lang}
          finding={f}
          review={reviews.get(f.id)}
          onAccept={async (x, reason) => {
            const next = acceptPaneFinding(accepted, x, reason, now ? now() : new Date());
            await saveAccepted(next);
            setAccepted(next);
            setInfo(t("ui.review.saved", lang));
          }}
          onRevoke={async (x) => {
            const next = revokePaneFinding(accepted, x);
            await saveAccepted(next);
            setAccepted(next);
            setInfo(t("ui.review.revoked", lang));
          }}
        />
      )
    : undefined;
  const actions = findingActions ?? reviewActions;

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
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy || asOfError !== null} data-testid="run">
          {t("ui.run", lang)}
        </Button>
        <Button onClick={() => setConfirmClear(true)} disabled={busy} data-testid="clear">
          {t("ui.clear", lang)}
        </Button>
      </div>
      <div className={s.status}>
      <div aria-live="polite" role="status" className={s.progress}>
        {progress && (
          <div data-testid="progress" className={s.progress}>
            <ProgressBar value={progress.fraction} aria-label={t("ui.progress.label", lang)} />
            <div className={s.progressRow}>
              <Text size={200} data-testid="stage">
                {t("ui.progress", lang, { stage: stageLabel(progress.stage, lang), percent: Math.round(progress.fraction * 100) })}
              </Text>
              {busy && abort.current && !writing && (
                <Button size="small" onClick={() => abort.current?.abort()} data-testid="cancel">
                  {t("ui.cancel", lang)}
                </Button>
              )}
            </div>
          </div>
        )}
        {info && (
          <MessageBar intent="success" data-testid="info">
            <MessageBarBody>{info}</MessageBarBody>
          </MessageBar>
        )}
        {notices.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="notices">
            <MessageBarBody>
              <MessageBarTitle>{t("ui.notices.title", lang)}</MessageBarTitle>
              {notices.map((n, i) => (
                <div key={i}>{lang === "en" ? n.messageEn : n.message}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div aria-live="assertive">
        {error !== null && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{t("ui.error.title", lang)}</MessageBarTitle>
              {describeError(error, lang)}
            </MessageBarBody>
          </MessageBar>
        )}
        {o?.noProjectSheet && (
          <MessageBar intent="warning" data-testid="no-projects">
            <MessageBarBody>
              <MessageBarTitle>{t("ui.noProjects.title", lang)}</MessageBarTitle>
              {t("ui.noProjects.body", lang)}
            </MessageBarBody>
          </MessageBar>
        )}
        {o?.writeError != null && (
          <MessageBar intent="error" data-testid="write-error">
            <MessageBarBody>
              <MessageBarTitle>{t("ui.writeFailed.title", lang)}</MessageBarTitle>
              {writeReason} {writeSheet && !writeReason.includes(writeSheet) ? t("ui.writeFailed.sheet", lang, { sheet: writeSheet }) : ""} {t("ui.writeFailed.keep", lang)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      </div>
      <div aria-live="polite">{o && summaryData && !o.noProjectSheet && <Summary lang={lang} data={summaryData} written={o.written} accepted={acceptedSet.size} />}</div>
      {o && !o.noProjectSheet && <FindingsList lang={lang} findings={o.data.findings} units={o.data.units} onSelect={select} {...(actions ? { actions } : {})} {...(saveAccepted ? { accepted: acceptedSet } : {})} />}
      {extraSections ?? (host.sheetNames && <RoundImport lang={lang} host={host} rulebook={() => rulebook?.book ?? getPreset(preset)} asOf={asOf && !asOfError ? asOf : null} {...(now ? { now } : {})} disabled={busy} />)}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        <AccordionItem value="found">
          <AccordionHeader size="small" data-testid="found-header">
            {t("ui.found.title", lang)}
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            {unsure(o) && <Text size={200}>{t("ui.found.unsure", lang)}</Text>}
            <Found titled={false} lang={lang} report={o?.report ?? null} mapping={mapping} busy={busy} onCorrect={correct} onResetMapping={() => { setMapping({}); void run({}); }} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="settings">
          <AccordionHeader size="small" data-testid="settings-header">
            {t("ui.settings", lang)}
            {" · "}
            {book ? t("ui.rulebook.imported", lang, { preset: presetLabel(book.preset, lang), version: book.version }) : presetLabel(preset, lang)}
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <Controls
              lang={lang}
              presets={Object.keys(PRESETS)}
              preset={preset}
              onPreset={setPreset}
              asOf={asOf}
              onAsOf={setAsOf}
              asOfError={asOfError}
              rulebookLabel={book ? t("ui.rulebook.imported", lang, { preset: presetLabel(book.preset, lang), version: book.version }) : null}
              onImportRulebook={(f) => void importRulebook(f)}
              onExportRulebook={() => {
                setCopied(false);
                setExported(JSON.stringify(book ?? getPreset(preset), null, 2));
              }}
              onResetRulebook={() => setRulebook(null)}
              busy={busy}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <Dialog open={confirmClear} onOpenChange={(_, d) => setConfirmClear(d.open)}>
        <DialogSurface data-testid="confirm-clear">
          <DialogBody>
            <DialogTitle>{t("ui.confirmClear.title", lang)}</DialogTitle>
            <DialogContent>
              <Text>{t("ui.confirmClear.body", lang)}</Text>
              <ul className={s.list}>
                <li>{t("ui.confirmClear.columns", lang)}</li>
                <li>{t("ui.confirmClear.marks", lang)}</li>
                <li>{t("ui.confirmClear.sheets", lang)}</li>
              </ul>
              <Text>{t("ui.confirmClear.keeps", lang)}</Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void clear()} data-testid="confirm-clear-ok">
                {t("ui.confirmClear.ok", lang)}
              </Button>
              <Button onClick={() => setConfirmClear(false)}>{t("ui.cancel", lang)}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={exported !== null} onOpenChange={(_, d) => !d.open && setExported(null)}>
        <DialogSurface data-testid="export-dialog">
          <DialogBody>
            <DialogTitle>{t("ui.rulebook.exportTitle", lang)}</DialogTitle>
            <DialogContent>
              <Text size={200}>{t("ui.rulebook.exportHelp", lang)}</Text>
              <Textarea className={s.json} readOnly value={exported ?? ""} rows={10} resize="vertical" aria-label={t("ui.rulebook.exportTitle", lang)} data-testid="export-json" onFocus={(e) => e.target.select()} />
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="export-copy"
                onClick={() => {
                  const text = exported ?? "";
                  const done = () => setCopied(true);
                  const fallback = () => {
                    const area = document.querySelector<HTMLTextAreaElement>('[data-testid="export-json"] textarea, textarea[data-testid="export-json"]');
                    area?.select();
                    if (document.execCommand("copy")) done();
                  };
                  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, fallback);
                  else fallback();
                }}
              >
                {copied ? t("ui.rulebook.copied", lang) : t("ui.rulebook.copy", lang)}
              </Button>
              <Button onClick={() => exported && download(exportName, exported)}>{t("ui.rulebook.download", lang)}</Button>
              <Button onClick={() => setExported(null)}>{t("ui.close", lang)}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
