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

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * "B3" or "$B$3" → 0-based { row, col }. Throws on a malformed address (a programming error).
 * Read by hand, exactly what `/^\$?([A-Za-z]{1,3})\$?(\d+)$/` takes of the trimmed text (plans
 * name every cell they write by its address: no regular expression and match array each).
 */
export function fromA1(a1: string): { row: number; col: number } {
  const s = a1.trim();
  let i = s.charCodeAt(0) === 36 ? 1 : 0;
  const l0 = i;
  while (i < s.length && isLetter(s.charCodeAt(i))) i++;
  const l1 = i;
  if (s.charCodeAt(i) === 36) i++;
  const d0 = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (l1 - l0 < 1 || l1 - l0 > 3 || i === d0 || i !== s.length) throw new Error(`bad A1 address: ${a1}`);
  return { row: parseInt(s.slice(d0), 10) - 1, col: lettersToCol(s.slice(l0, l1)) };
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
