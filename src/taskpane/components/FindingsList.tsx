import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Badge, Button, Input, Select, Text, ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../messages";
import type { Severity } from "../../rulebook/schema";
import { departmentsOf, FAMILIES, severityKey, matches, NO_FILTER, rowsOf, SEVERITIES, severityCounts, type Family, type Filter, type PaneFinding, type PaneUnit, type Row } from "../view";

const COLORS = { error: "danger", warning: "warning", info: "informative" } as const;


const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: "8em" },
  select: { minWidth: 0, maxWidth: "100%", flexGrow: 1, flexBasis: "8em", "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" } },
  list: {
    height: "min(60vh, 520px)",
    overflowY: "auto",
    overflowX: "hidden",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: "none",
    position: "relative",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  row: { position: "absolute", left: 0, right: 0, boxSizing: "border-box", minWidth: 0 },
  dept: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  project: { padding: `2px ${tokens.spacingHorizontalS}`, display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap", borderTop: `1px solid ${tokens.colorNeutralStroke3}`, cursor: "pointer" },
  finding: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, display: "flex", flexDirection: "column", gap: "2px", cursor: "pointer", overflowWrap: "anywhere" },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  hint: { color: tokens.colorNeutralForeground3 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  seen: { opacity: 0.75 },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  text: { overflowWrap: "anywhere", minWidth: 0 },
});

export interface FindingsListProps {
  lang: Lang;
  findings: PaneFinding[];
  units: Map<string, PaneUnit>;
  /** Go to a cell in Excel. */
  onSelect(sheet: string, cell: string): void;
  /** Extension point: actions on a finding card (e.g. 确认 / 撤销 in the review round). */
  actions?: (f: PaneFinding) => React.ReactNode;
  /** Ids of accepted findings (审核确认): shown apart, under their own chip and status 已确认. */
  accepted?: ReadonlySet<number>;
}

const NO_IDS: ReadonlySet<number> = new Set();

function estimate(r: Row): number {
  return r.kind === "department" ? 30 : r.kind === "project" ? 28 : 76;
}

export function FindingsList(p: FindingsListProps): React.JSX.Element {
  const s = useStyles();
  const { lang } = p;
  const [filter, setFilter] = React.useState<Filter>(NO_FILTER);
  const [seen, setSeen] = React.useState<Set<number>>(() => new Set());
  const [active, setActive] = React.useState(-1);
  const listRef = React.useRef<HTMLDivElement>(null);
  const listId = React.useId();

  const acc = p.accepted ?? NO_IDS;
  const shown = React.useMemo(() => p.findings.filter((f) => matches(f, filter, seen, acc)), [p.findings, filter, seen, acc]);
  const rows = React.useMemo(() => rowsOf(shown, p.units), [shown, p.units]);
  const chipCounts = React.useMemo(() => severityCounts(p.findings.filter((f) => matches(f, { ...filter, severities: new Set() }, seen, acc))), [p.findings, filter, seen, acc]);
  const acceptedCount = React.useMemo(() => p.findings.filter((f) => acc.has(f.id)).length, [p.findings, acc]);
  const departments = React.useMemo(() => departmentsOf(p.findings), [p.findings]);
  const findingRows = React.useMemo(() => rows.map((r, i) => (r.kind === "finding" ? i : -1)).filter((i) => i >= 0), [rows]);

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => listRef.current, estimateSize: (i) => estimate(rows[i]), overscan: 6, getItemKey: (i) => rows[i].key });

  // A new filter or search starts at the top of its list.
  React.useEffect(() => {
    setActive(-1);
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [filter, p.findings]);

  const choose = (i: number, go: boolean) => {
    if (i < 0 || i >= rows.length) return;
    setActive(i);
    virtual.scrollToIndex(i, { align: "auto" });
    if (!go) return;
    const r = rows[i];
    if (r.kind === "finding") {
      setSeen((x) => (x.has(r.finding.id) ? x : new Set(x).add(r.finding.id)));
      p.onSelect(r.finding.sheet, r.finding.cell);
    } else if (r.kind === "project" && r.unit && r.unit.sheet && r.unit.row > 0) {
      p.onSelect(r.unit.sheet, `A${r.unit.row}`);
    }
  };
  const step = (dir: 1 | -1) => {
    if (!findingRows.length) return;
    let next: number;
    if (dir === 1) next = findingRows.find((i) => i > active) ?? findingRows[findingRows.length - 1];
    else {
      const before = findingRows.filter((i) => i < active);
      next = before.length ? before[before.length - 1] : findingRows[0];
    }
    choose(next, true);
  };

  const onKey = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 300) / 60));
    const keys: Record<string, () => void> = {
      ArrowDown: () => choose(Math.min(rows.length - 1, active + 1), false),
      ArrowUp: () => choose(Math.max(0, active - 1), false),
      PageDown: () => choose(Math.min(rows.length - 1, active + page), false),
      PageUp: () => choose(Math.max(0, active - page), false),
      Home: () => choose(0, false),
      End: () => choose(rows.length - 1, false),
      Enter: () => choose(active, true),
      " ": () => choose(active, true),
      // The chosen finding's own actions (确认 / 撤销), kept out of the tab order.
      F2: () => listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"] [data-testid="review"] button`)?.focus(),
    };
    const k = keys[e.key];
    if (!k) return;
    e.preventDefault();
    k();
  };

  const toggleSeverity = (sev: Severity) =>
    setFilter((f) => {
      const next = new Set(f.severities);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return { ...f, severities: next };
    });

  const activeRow = active >= 0 ? rows[active] : undefined;
  const position = activeRow?.kind === "finding" ? findingRows.indexOf(active) + 1 : 0;
  const filtered = filter !== NO_FILTER && (filter.query !== "" || filter.severities.size > 0 || filter.department !== null || filter.family !== null || filter.status !== "all");

  return (
    <section className={s.root} data-testid="findings" aria-label={t("ui.findings.title", lang)}>
      <div className={s.bar}>
        <Text weight="semibold">{t("ui.findings.title", lang)}</Text>
        <Text size={200} data-testid="findings-shown" aria-live="polite">
          {t("ui.findings.shown", lang, { shown: shown.length, total: p.findings.length })}
        </Text>
      </div>
      <Input
        className={s.grow}
        type="search"
        value={filter.query}
        placeholder={t("ui.findings.search", lang)}
        aria-label={t("ui.findings.search", lang)}
        onChange={(_, d) => setFilter((f) => ({ ...f, query: d.value }))}
        data-testid="findings-search"
      />
      <div className={s.bar} role="group" aria-label={t("ui.findings.filter", lang)}>
        {SEVERITIES.map((sev) => (
          <ToggleButton key={sev} size="small" checked={filter.severities.has(sev)} onClick={() => toggleSeverity(sev)} data-testid={`chip-${sev}`}>
            {t("ui.findings.severityChip", lang, { label: t(`ui.severity.${sev}`, lang), n: chipCounts[sev] })}
          </ToggleButton>
        ))}
        {p.accepted && (
          <ToggleButton size="small" checked={filter.status === "accepted"} onClick={() => setFilter((f) => ({ ...f, status: f.status === "accepted" ? "all" : "accepted" }))} data-testid="chip-accepted">
            {t("ui.review.chip", lang, { n: acceptedCount })}
          </ToggleButton>
        )}
      </div>
      <div className={s.bar}>
        <Select className={s.select} size="small" value={filter.department ?? "\u0000"} aria-label={t("ui.findings.department", lang)} onChange={(_, d) => setFilter((f) => ({ ...f, department: d.value === "\u0000" ? null : d.value }))} data-testid="filter-department">
          <option value={"\u0000"}>{t("ui.findings.allDepartments", lang)}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d || t("ui.findings.noDepartment", lang)}
            </option>
          ))}
        </Select>
        <Select className={s.select} size="small" value={filter.family ?? ""} aria-label={t("ui.findings.family", lang)} onChange={(_, d) => setFilter((f) => ({ ...f, family: (d.value || null) as Family | null }))} data-testid="filter-family">
          <option value="">{t("ui.findings.allFamilies", lang)}</option>
          {FAMILIES.map((fam) => (
            <option key={fam} value={fam}>
              {t(`ui.family.${fam}`, lang)}
            </option>
          ))}
        </Select>
        <Select className={s.select} size="small" value={filter.status} aria-label={t("ui.findings.status", lang)} onChange={(_, d) => setFilter((f) => ({ ...f, status: d.value as Filter["status"] }))} data-testid="filter-status">
          {(p.accepted ? (["all", "unseen", "seen", "accepted"] as const) : (["all", "unseen", "seen"] as const)).map((st) => (
            <option key={st} value={st}>
              {t(`ui.status.${st}`, lang)}
            </option>
          ))}
        </Select>
        {filtered && (
          <Button size="small" appearance="subtle" onClick={() => setFilter(NO_FILTER)}>
            {t("ui.findings.clearFilters", lang)}
          </Button>
        )}
      </div>
      <div className={s.nav}>
        <Button size="small" onClick={() => step(-1)} disabled={!findingRows.length} data-testid="prev">
          {t("ui.findings.prev", lang)}
        </Button>
        <Button size="small" onClick={() => step(1)} disabled={!findingRows.length} data-testid="next">
          {t("ui.findings.next", lang)}
        </Button>
        {position > 0 && (
          <Text size={200} aria-live="polite" data-testid="position">
            {t("ui.findings.position", lang, { i: position, n: findingRows.length })}
          </Text>
        )}
      </div>
      {rows.length === 0 ? (
        <Text size={200}>{p.findings.length ? t("ui.findings.noMatch", lang) : t("ui.findings.none", lang)}</Text>
      ) : (
        <div
          ref={listRef}
          className={s.list}
          role="listbox"
          tabIndex={0}
          aria-label={t("ui.findings.list", lang)}
          aria-description={p.actions ? t("ui.review.keys", lang) : undefined}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          onKeyDown={onKey}
          onFocus={() => active < 0 && rows.length && setActive(findingRows[0] ?? 0)}
          data-testid="findings-list"
        >
          <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
            {virtual.getVirtualItems().map((v) => {
              const r = rows[v.index];
              const isActive = v.index === active;
              const common = {
                id: `${listId}-${v.index}`,
                role: "option" as const,
                "aria-selected": isActive,
                "data-index": v.index,
                ref: virtual.measureElement,
                style: { transform: `translateY(${v.start}px)` },
                onClick: () => choose(v.index, true),
              };
              if (r.kind === "department") {
                return (
                  <div key={v.key} {...common} className={mergeClasses(s.row, s.dept, isActive && s.active)} data-testid="group-department">
                    <span className={s.text}>{r.department === null ? t("ui.findings.sheetLevel", lang) : r.department || t("ui.findings.noDepartment", lang)}</span>
                    <Counts counts={r.counts} lang={lang} />
                  </div>
                );
              }
              if (r.kind === "project") {
                const where = r.unit && r.unit.sheet && r.unit.row > 0 ? { sheet: r.unit.sheet, cell: `A${r.unit.row}` } : null;
                return (
                  <div key={v.key} {...common} className={mergeClasses(s.row, s.project, isActive && s.active)} title={where ? t("ui.findings.gotoProject", lang, where) : undefined} data-testid="group-project">
                    <Text size={200} weight="semibold" className={s.text}>
                      {r.name ?? r.project}
                    </Text>
                    {r.project && r.project !== r.name && <Text className={s.meta}>{r.project}</Text>}
                    <Text className={s.meta}>{t("ui.findings.groupCount", lang, { n: r.total })}</Text>
                  </div>
                );
              }
              const f = r.finding;
              const message = lang === "zh-CN" ? f.message : f.messageEn;
              const hint = lang === "zh-CN" ? f.hint : f.hintEn;
              return (
                <div key={v.key} {...common} className={mergeClasses(s.row, s.finding, isActive && s.active, seen.has(f.id) && s.seen)} title={t("ui.findings.goto", lang, { sheet: f.sheet, cell: f.cell })} data-testid="finding" data-project={f.project ?? ""}>
                  <span className={s.text}>
                    <Badge size="small" color={COLORS[f.severity]} appearance="tint">
                      {t(severityKey(f), lang)}
                    </Badge>{" "}
                    <Text size={200}>{message}</Text>
                  </span>
                  {hint && (
                    <Text size={200} className={mergeClasses(s.hint, s.text)}>
                      {t("ui.hint", lang, { hint })}
                    </Text>
                  )}
                  {f.cells.length > 1 && (
                    <Text className={mergeClasses(s.meta, s.text)}>
                      {t("ui.findings.cells", lang, { n: f.cells.length, list: f.cells.slice(0, 6).map((c) => c.cell).join(t("ui.list.sep", lang)) + (f.cells.length > 6 ? "…" : "") })}
                    </Text>
                  )}
                  <Text className={s.meta}>{t("ui.findings.where", lang, { rule: f.rule, sheet: f.sheet, cell: f.cell })}</Text>
                  {p.actions?.(f)}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}

function Counts({ counts, lang }: { counts: Record<Severity, number>; lang: Lang }): React.JSX.Element {
  return (
    <>
      {SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) => (
        <Badge key={sev} size="small" color={COLORS[sev]} appearance="filled">
          {t(`ui.summary.${sev}`, lang, { n: counts[sev] })}
        </Badge>
      ))}
    </>
  );
}
