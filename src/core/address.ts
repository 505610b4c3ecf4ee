/** A1 addressing helpers. Rows and columns here are 0-based unless a name says otherwise. */

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B3". */
export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** "B3" or "$B$3" → 0-based { row, col }. Throws on a malformed address (a programming error). */
export function fromA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`bad A1 address: ${a1}`);
  return { row: parseInt(m[2], 10) - 1, col: lettersToCol(m[1]) };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A3:C7" (or a single cell) → 0-based inclusive range. */
export function parseRange(range: string): CellRange {
  const [a, b] = range.split(":");
  const p = fromA1(a);
  const q = b ? fromA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Quote a sheet name for a formula or link reference: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
