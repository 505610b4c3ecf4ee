/**
 * 「汇总多个报送文件」: a file picker for several submitted workbooks, progress per file (one bad
 * file is reported, the rest go on), and the consolidated sheets written into the open
 * workbook. The reader is loaded only when 开始汇总 is pressed (./load.ts).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../messages";
import type { Rulebook } from "../../rulebook/schema";
import type { PaneHost } from "../host";
import { describeError } from "../errors";
import { consolidateFiles, type FileProgress } from "./batch";
import { loadReader } from "./load";
import { WORKBOOK_ACCEPT } from "../components/FileInput";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
  failed: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere" },
});

export interface RoundImportProps {
  lang: Lang;
  host: PaneHost;
  /** The rulebook in force in the pane (the same engine and rules as 开始检查). */
  rulebook: () => Rulebook;
  asOf: string | null;
  now?: () => Date;
  disabled?: boolean;
}

export function RoundImport({ lang, host, rulebook, asOf, now, disabled }: RoundImportProps): React.JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [progress, setProgress] = React.useState<FileProgress[]>([]);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const start = async (): Promise<void> => {
    if (!files.length || busy) return;
    setError(null);
    setDone(null);
    setProgress(files.map((f) => ({ file: f.name, state: "waiting" })));
    setBusy(t("ui.batch.loading", lang));
    try {
      let open;
      try {
        open = await loadReader();
      } catch (e) {
        setError(t("ui.batch.loadFailed", lang, { reason: describeError(e, lang) }));
        return;
      }
      setBusy(null);
      const taken = host.sheetNames ? await host.sheetNames() : [];
      const state = host.stateSheet ? await host.stateSheet() : undefined;
      const out = await consolidateFiles({
        files: files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
        rulebook: rulebook(),
        asOf,
        lang,
        now: now ? now() : new Date(),
        open,
        taken,
        ...(state ? { state } : {}),
        ...(host.firstCells ? { firstCells: (n: string[]) => (host.firstCells as NonNullable<PaneHost["firstCells"]>)(n) } : {}),
        onFile: (p) => setProgress((list) => list.map((x) => (x.file === p.file ? p : x))),
      });
      setBusy(t("ui.batch.writing", lang));
      try {
        await host.withPort((port) => port.applyPlan(out.plan));
      } catch (e) {
        setError(t("ui.batch.writeFailed", lang, { reason: describeError(e, lang) }));
        return;
      }
      const T = out.model.totals;
      setDone(t("ui.batch.written", lang, { files: T.files, departments: T.departments, projects: T.projects, budget: T.budget, summary: out.sheets.summary, projects_sheet: out.sheets.projects, findings_sheet: out.sheets.findings }) + (out.failed.length ? ` ${t("ui.batch.someFailed", lang, { n: out.failed.length })}` : ""));
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const word = (p: FileProgress) =>
    p.state === "done" ? t("ui.batch.done", lang, { projects: p.projects, findings: p.findings }) : p.state === "failed" ? t("ui.batch.failed", lang, { reason: p.reason }) : t(`ui.batch.${p.state}`, lang);
  const running = busy !== null || progress.some((p) => p.state === "reading" || p.state === "checking");
  const finished = progress.filter((p) => p.state === "done" || p.state === "failed").length;

  return (
    <section className={s.root} data-testid="batch" aria-label={t("ui.batch.title", lang)}>
      <Text weight="semibold">{t("ui.batch.title", lang)}</Text>
      <Text size={200} className={s.muted}>
        {t("ui.batch.help", lang)}
      </Text>
      <input
        ref={input}
        type="file"
        multiple
        accept={WORKBOOK_ACCEPT}
        hidden
        data-testid="batch-files"
        onChange={(e) => {
          setFiles(Array.from(e.target.files ?? []));
          setProgress([]);
          setDone(null);
          setError(null);
        }}
      />
      <div className={s.row}>
        <Button size="small" onClick={() => input.current?.click()} disabled={running || disabled} data-testid="batch-choose">
          {t("ui.batch.choose", lang)}
        </Button>
        {files.length > 0 && <Text size={200}>{t("ui.batch.chosen", lang, { n: files.length })}</Text>}
        <Button size="small" appearance="primary" onClick={() => void start()} disabled={!files.length || running || disabled} data-testid="batch-start">
          {t("ui.batch.start", lang)}
        </Button>
      </div>
      {(running || busy) && <ProgressBar value={progress.length ? finished / progress.length : undefined} aria-label={t("ui.batch.title", lang)} />}
      {busy && <Text size={200}>{busy}</Text>}
      {progress.length > 0 && (
        <ul className={s.list} aria-live="polite">
          {progress.map((p) => (
            <li key={p.file} data-testid="batch-file" data-state={p.state} className={p.state === "failed" ? s.failed : s.text}>
              <Text size={200} className={p.state === "failed" ? s.failed : s.text}>
                {t("ui.batch.line", lang, { file: p.file, message: word(p) })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {done && (
        <MessageBar intent="success" data-testid="batch-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="batch-error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.batch.title", lang)}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
