import * as React from "react";
import { Badge, Button, Divider, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../messages";
import type { ChosenFile, FileStatus, SessionView } from "../session";
import { FileInput, WORKBOOK_ACCEPT } from "../../taskpane/components/FileInput";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "center",
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  name: { wordBreak: "break-all", flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FilesProps {
  lang: Lang;
  view: SessionView;
  dragging: boolean;
  onChoose(files: FileList): void;
  onRemove(key: string): void;
  onRemoveAll(): void;
  /** 「上一轮汇总（可选）」 chosen (or dropped, with null). */
  onChoosePrevious(file: File | null): void;
  onDownload(key: string): void;
  onDownloadAll(): void;
  onDownloadReport(): void;
  onDownloadSummary(): void;
  onDownloadFeedback(): void;
}

function statusText(st: FileStatus | undefined, lang: Lang): string {
  if (!st || st.kind === "waiting") return t("standalone.status.waiting", lang);
  if (st.kind === "checking") return t("standalone.status.checking", lang);
  if (st.kind === "cleared") return t("standalone.status.cleared", lang);
  if (st.kind === "failed" || st.kind === "returned") return lang === "zh-CN" ? st.zh : st.en;
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of st.result.report.findings) count[f.severity]++;
  return t("standalone.status.checked", lang, { projects: st.result.report.projects.length, ...count });
}

function FileItem({ f, st, p }: { f: ChosenFile; st: FileStatus | undefined; p: FilesProps }): React.JSX.Element {
  const s = useStyles();
  const downloadable = st?.kind === "checked" || st?.kind === "cleared";
  return (
    <li className={s.item} data-testid="file" data-file={f.key} data-status={st?.kind ?? "waiting"}>
      <div className={s.row}>
        <Text weight="semibold" className={s.name}>
          {f.key}
        </Text>
        <Text size={200} className={s.muted}>
          {t("standalone.size", p.lang, { kb: Math.max(1, Math.round(f.size / 1024)) })}
        </Text>
      </div>
      <Text size={200} data-testid="file-status">
        {st?.kind === "failed" && (
          <Badge color="danger" appearance="filled" size="small">
            {t("ui.severity.error", p.lang)}
          </Badge>
        )}{" "}
        {statusText(st, p.lang)}
      </Text>
      <div className={s.row}>
        {downloadable && (
          <Button size="small" appearance="primary" onClick={() => p.onDownload(f.key)} data-testid="download-checked">
            {t(st.kind === "checked" ? "standalone.download.checked" : "standalone.download.cleared", p.lang)}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={() => p.onRemove(f.key)} disabled={p.view.busy}>
          {t("standalone.remove", p.lang)}
        </Button>
      </div>
    </li>
  );
}

/** 「上一轮汇总（可选）」: last round's 汇总.xlsx or report.json, and what the round made of it. */
function PreviousRound(p: FilesProps): React.JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const { previous, previousResult, previousRejected, report, busy } = p.view;
  const comparison = report?.round?.comparison;
  return (
    <div className={s.item} data-testid="previous">
      <Text weight="semibold">{t("standalone.previous.label", p.lang)}</Text>
      <Text size={200} className={s.muted}>
        {t("standalone.previous.help", p.lang)}
      </Text>
      <div className={s.row}>
        {previous ? (
          <>
            <Text size={200} className={s.name} data-testid="previous-name">
              {t("standalone.previous.chosen", p.lang, { file: previous.name })}
            </Text>
            <Button size="small" appearance="subtle" onClick={() => p.onChoosePrevious(null)} disabled={busy} data-testid="previous-remove">
              {t("standalone.previous.remove", p.lang)}
            </Button>
          </>
        ) : (
          <Button size="small" onClick={() => input.current?.click()} disabled={busy} data-testid="previous-choose">
            {t("standalone.previous.choose", p.lang)}
          </Button>
        )}
        <FileInput
          ref={input}
          accept=".xlsx,.xlsm,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          testId="previous-file"
          onFiles={(files) => p.onChoosePrevious(files[0])}
        />
      </div>
      {previousRejected && (
        <MessageBar intent="warning" data-testid="previous-rejected">
          <MessageBarBody>{t("standalone.previous.rejected", p.lang, { file: previousRejected })}</MessageBarBody>
        </MessageBar>
      )}
      {previousResult && !previousResult.ok && (
        <MessageBar intent="error" data-testid="previous-error">
          <MessageBarBody>{p.lang === "zh-CN" ? previousResult.zh : previousResult.en}</MessageBarBody>
        </MessageBar>
      )}
      {previousResult?.ok && comparison && (
        <Text size={200} data-testid="previous-comparison">
          {t("round.cli.previous", p.lang, { file: previousResult.name, ...comparison })}
        </Text>
      )}
      {previousResult?.ok &&
        previousResult.notes.map((n, i) => (
          <MessageBar key={i} intent="warning" data-testid="previous-note">
            <MessageBarBody>{p.lang === "zh-CN" ? n.zh : n.en}</MessageBarBody>
          </MessageBar>
        ))}
    </div>
  );
}

/** The files the page checks: choose or drop them; each one's state and its checked copy. */
export function Files(p: FilesProps): React.JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const { files, status, report, round, rejected, busy } = p.view;
  const copies = files.filter((f) => ["checked", "cleared"].includes(status[f.key]?.kind ?? "")).length;
  return (
    <section className={s.root} aria-label={t("standalone.title", p.lang)} data-testid="files">
      <Text as="h2" size={400} weight="semibold">
        {t("standalone.title", p.lang)}
      </Text>
      <Text size={200}>{t("standalone.intro", p.lang)}</Text>
      <div className={mergeClasses(s.drop, p.dragging && s.dragging)} data-testid="drop">
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy} data-testid="choose">
          {t("standalone.choose", p.lang)}
        </Button>
        <Text size={200} className={s.muted}>
          {t("standalone.drop", p.lang)}
        </Text>
        <FileInput ref={input} multiple accept={WORKBOOK_ACCEPT} testId="workbook-files" onFiles={(files) => p.onChoose(files)} />
      </div>
      {rejected.length > 0 && (
        <MessageBar intent="warning" data-testid="rejected">
          <MessageBarBody>{t("standalone.rejected", p.lang, { names: rejected.join(t("ui.list.sep", p.lang)) })}</MessageBarBody>
        </MessageBar>
      )}
      {files.length > 0 && (
        <>
          <div className={s.row}>
            <Text weight="semibold" className={s.name}>
              {t("standalone.files", p.lang, { n: files.length })}
            </Text>
            <Button size="small" appearance="subtle" onClick={p.onRemoveAll} disabled={busy}>
              {t("standalone.removeAll", p.lang)}
            </Button>
          </div>
          <ul className={s.list}>
            {files.map((f) => (
              <FileItem key={f.key} f={f} st={status[f.key]} p={p} />
            ))}
          </ul>
        </>
      )}
      <PreviousRound {...p} />
      {(copies > 1 || report) && (
        <>
          <Divider />
          <Text weight="semibold">{t("standalone.downloads", p.lang)}</Text>
          <div className={s.row}>
            {round && (
              <Button size="small" appearance="primary" onClick={p.onDownloadSummary} data-testid="download-summary">
                {t("standalone.download.summary", p.lang)}
              </Button>
            )}
            {round && round.feedback.length > 0 && (
              <Button size="small" onClick={p.onDownloadFeedback} data-testid="download-feedback">
                {t("standalone.download.feedback", p.lang, { n: round.feedback.length })}
              </Button>
            )}
            {copies > 1 && (
              <Button size="small" onClick={p.onDownloadAll} data-testid="download-all">
                {t(round ? "standalone.download.everything" : "standalone.download.all", p.lang)}
              </Button>
            )}
            {report && (
              <Button size="small" onClick={p.onDownloadReport} data-testid="download-report">
                {t("standalone.download.report", p.lang)}
              </Button>
            )}
          </div>
        </>
      )}
      <Text size={200} className={s.muted}>
        {t("standalone.wps", p.lang)}
      </Text>
    </section>
  );
}
