/**
 * Notes across Excel versions. Office.js reads and writes cell notes only with ExcelApi 1.18
 * (Office 2021 / 2024 volume licences stop at 1.14 / 1.17): there a cell's look says its note is
 * unknown (`noteKnown: false`). The rules, per cell:
 * - a note whose state is unknown is never deleted or overwritten (no setNote, no restoreNote);
 * - a highlight first made without notes records the note as unknown; a later run with notes
 *   learns the user's note then (the add-in never wrote one there);
 * - a note the add-in wrote (with notes) that must be removed where notes are unknown is kept in
 *   the state ("notes") until a host with notes puts the user's note back.
 */
import type { CellLookRequest, CellLooks, PlanAction } from "../core/plan";
import type { WorkbookSnapshot } from "../core/grid";
import { cellAt } from "../core/grid";
import { fromA1 } from "../core/address";
import { recordedValue, type PendingNote, type StateDocs } from "../core/state";

/** Whether the host that gave these looks could read notes (true when nothing says otherwise). */
export function notesReadable(looks: CellLooks | undefined, sheet?: string, address?: string): boolean {
  if (!looks) return true;
  if (sheet !== undefined && address !== undefined) {
    const look = looks[sheet]?.[address];
    if (look) return look.noteKnown !== false;
  }
  for (const s of Object.values(looks)) for (const l of Object.values(s)) if (l.noteKnown === false) return false;
  return true;
}

/** The cells of the previous run's highlights and of pending notes: their looks tell the plan whether notes can be handled now. */
export function previousLookRequests(state: StateDocs, book: WorkbookSnapshot): CellLookRequest[] {
  const by = new Map<string, Set<string>>();
  const names = new Set(book.sheets.map((s) => s.name));
  const own = new Set(state.run?.sheets ?? []);
  for (const h of [...(state.run?.highlights ?? []), ...(state.notes ?? [])]) {
    if (!names.has(h.sheet) || own.has(h.sheet)) continue;
    const set = by.get(h.sheet) ?? new Set<string>();
    set.add(h.address);
    by.set(h.sheet, set);
  }
  return [...by].map(([sheet, addresses]) => ({ sheet, addresses: [...addresses] }));
}

/** Looks requests of this run's findings and of the previous run's cells, merged per sheet. */
export function mergeRequests(...lists: CellLookRequest[][]): CellLookRequest[] {
  const by = new Map<string, Set<string>>();
  for (const r of lists.flat()) {
    const set = by.get(r.sheet) ?? new Set<string>();
    for (const a of r.addresses) set.add(a);
    by.set(r.sheet, set);
  }
  return [...by].map(([sheet, addresses]) => ({ sheet, addresses: [...addresses] }));
}

/** Pending notes still where they were written (their cell keeps the value it had). */
export function locatePending(book: WorkbookSnapshot, pending: PendingNote[] | undefined): PendingNote[] {
  return (pending ?? []).filter((p) => {
    const sheet = book.sheets.find((s) => s.name === p.sheet);
    if (!sheet) return false;
    if (p.value === undefined) return true;
    const at = fromA1(p.address);
    return String(recordedValue(cellAt(sheet, at.row, at.col))) === String(p.value);
  });
}

/** restoreNote for a pending note, or keep it (notes unknown here). */
export function settlePending(p: PendingNote, looks: CellLooks | undefined, keep: PendingNote[]): PlanAction | null {
  if (!notesReadable(looks, p.sheet, p.address)) {
    keep.push(p);
    return null;
  }
  return { kind: "restoreNote", sheet: p.sheet, address: p.address, text: p.note, ...(p.noteData !== undefined ? { data: p.noteData } : {}) };
}
