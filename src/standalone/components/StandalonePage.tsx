import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../../taskpane/components/App";
import type { Lang } from "../../messages";
import { jsonDownload, saveDownload, workbookType, zipDownloads, XLSX_TYPE, type Download } from "../downloads";
import type { Session } from "../session";
import { Files } from "./Files";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "center",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  files: { flex: "1 1 320px", maxWidth: "420px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusLarge },
  pane: { flex: "2 1 420px", maxWidth: "760px", backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
});

/** The pane follows its own language toggle by setting <html lang>; the file list follows it too. */
function usePageLang(): Lang {
  const read = (): Lang => (document.documentElement.lang === "en" ? "en" : "zh-CN");
  const [lang, setLang] = React.useState<Lang>(read);
  React.useEffect(() => {
    const obs = new MutationObserver(() => setLang(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
    return () => obs.disconnect();
  }, []);
  return lang;
}

const REPORT_NAME = "jixiao-report.json";
const FEEDBACK_DIR = "审核意见反馈表";

function checkedDownload(session: Session, key: string): Download | null {
  const f = session.getView().files.find((x) => x.key === key);
  const st = session.getView().status[key];
  if (!f || !st) return null;
  if (st.kind === "checked") return { name: st.result.checkedName, bytes: st.result.checked, type: workbookType(st.result.checkedName) };
  if (st.kind === "cleared") return { name: st.result.clearedName, bytes: st.result.cleared, type: workbookType(st.result.clearedName) };
  return null;
}

export function StandalonePage({ session }: { session: Session }): React.JSX.Element {
  const s = useStyles();
  const view = React.useSyncExternalStore(session.subscribe, session.getView);
  const lang = usePageLang();
  const [dragging, setDragging] = React.useState(false);

  // The page is usable from here on (the browser test reports it beside first paint).
  React.useEffect(() => {
    performance.mark("jixiao-ui-ready");
  }, []);

  // Files dropped anywhere on the page are taken (and never opened by the browser in place of the page).
  React.useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      if (e.dataTransfer?.files.length && !session.getView().busy) session.add(e.dataTransfer.files);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [session]);

  return (
    <div className={s.page}>
      <div className={s.files}>
        <Files
          lang={lang}
          view={view}
          dragging={dragging}
          onChoose={(list) => session.add(list)}
          onRemove={(key) => session.remove(key)}
          onRemoveAll={() => session.removeAll()}
          onChoosePrevious={(file) => session.setPrevious(file)}
          onDownload={(key) => {
            const d = checkedDownload(session, key);
            if (d) saveDownload(d);
          }}
          onDownloadAll={() => {
            const all = view.files.map((f) => checkedDownload(session, f.key)).filter((d): d is Download => d !== null);
            if (view.round) {
              all.push({ name: view.round.summary.name, bytes: view.round.summary.bytes, type: XLSX_TYPE });
              for (const b of view.round.feedback) all.push({ name: `${FEEDBACK_DIR}/${b.name}`, bytes: b.bytes, type: XLSX_TYPE });
            }
            if (view.report) all.push(jsonDownload(REPORT_NAME, view.report));
            if (all.length) saveDownload(zipDownloads("绩效助手-检查结果.zip", all));
          }}
          onDownloadSummary={() => view.round && saveDownload({ name: view.round.summary.name, bytes: view.round.summary.bytes, type: XLSX_TYPE })}
          onDownloadFeedback={() =>
            view.round && saveDownload(zipDownloads(`${FEEDBACK_DIR}.zip`, view.round.feedback.map((b) => ({ name: b.name, bytes: b.bytes, type: XLSX_TYPE }))))
          }
          onDownloadReport={() => view.report && saveDownload(jsonDownload(REPORT_NAME, view.report))}
        />
      </div>
      <div className={s.pane}>
        <App host={session.host} preview={false} engine={session.paneEngine} />
      </div>
    </div>
  );
}
