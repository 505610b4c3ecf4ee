/**
 * 确认 / 撤销 on a finding card (审核确认): 确认 opens a small inline form asking for the
 * reason (mandatory: an empty one is refused with a message); an accepted finding shows its
 * reason and 撤销; one accepted before whose values changed shows the old reason (仍存在).
 * Clicks and keys inside stay here (the list would take them as "go to the cell"). The list
 * keeps one tab stop: 确认 / 撤销 are reached from the keyboard with F2 on the chosen finding.
 */
import * as React from "react";
import { Badge, Button, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../messages";
import { ReasonRequiredError } from "../../round";
import { describeError } from "../errors";
import type { PaneFinding } from "../view";
import type { Review } from "./review";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, cursor: "default", minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  text: { overflowWrap: "anywhere", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: "anywhere" },
});

export interface ReviewActionsProps {
  lang: Lang;
  finding: PaneFinding;
  review: Review | undefined;
  /** Throws ReasonRequiredError on an empty reason; any other error: the workbook could not be written. */
  onAccept(f: PaneFinding, reason: string): Promise<void>;
  onRevoke(f: PaneFinding): Promise<void>;
}

export function ReviewActions({ lang, finding, review, onAccept, onRevoke }: ReviewActionsProps): React.JSX.Element | null {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const id = React.useId();
  if (!finding.fingerprint) return null;
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  const act = async (fn: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await fn();
      setOpen(false);
      setReason("");
    } catch (e) {
      setError(e instanceof ReasonRequiredError ? t("ui.review.reasonRequired", lang) : t("ui.review.saveFailed", lang, { reason: describeError(e, lang) }));
    } finally {
      setSaving(false);
    }
  };
  const accepted = review?.status === "已确认";
  return (
    <div className={s.root} onClick={stop} onKeyDown={stop} data-testid="review">
      {accepted && (
        <Text size={200} className={s.text} data-testid="review-accepted">
          <Badge size="small" color="success" appearance="tint">
            {t("ui.status.accepted", lang)}
          </Badge>{" "}
          {t("ui.review.accepted", lang, { reason: review.acceptance.reason })}
        </Text>
      )}
      {review?.status === "仍存在" && (
        <Text size={200} className={s.changed} data-testid="review-changed">
          {t("ui.review.changed", lang, { reason: review.acceptance.reason })}
        </Text>
      )}
      {open ? (
        <div className={s.root}>
          <label htmlFor={id}>
            <Text size={200}>{t("ui.review.reason", lang)}</Text>
          </label>
          <Textarea id={id} size="small" autoFocus resize="vertical" value={reason} placeholder={t("ui.review.reasonPlaceholder", lang)} onChange={(_, d) => setReason(d.value)} data-testid="review-reason" />
          <div className={s.row}>
            <Button size="small" appearance="primary" disabled={saving} onClick={() => void act(() => onAccept(finding, reason))} data-testid="review-save">
              {t("ui.review.save", lang)}
            </Button>
            <Button size="small" disabled={saving} onClick={() => { setOpen(false); setError(null); }}>
              {t("ui.review.cancel", lang)}
            </Button>
          </div>
        </div>
      ) : (
        <div className={s.row}>
          {accepted ? (
            <Button size="small" appearance="subtle" disabled={saving} onClick={() => void act(() => onRevoke(finding))} tabIndex={-1} data-testid="review-revoke">
              {t("ui.review.revoke", lang)}
            </Button>
          ) : (
            <Button size="small" appearance="subtle" title={t("ui.review.acceptTitle", lang)} tabIndex={-1} onClick={() => { setReason(review?.acceptance.reason ?? ""); setOpen(true); }} data-testid="review-accept">
              {t("ui.review.accept", lang)}
            </Button>
          )}
        </div>
      )}
      {error && (
        <Text size={200} className={s.error} role="alert" data-testid="review-error">
          {error}
        </Text>
      )}
    </div>
  );
}
