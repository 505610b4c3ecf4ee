/**
 * Functions of a text remembered by the text: indicator names, targets and goals recur on
 * thousands of rows (「群众满意度」「≥95%」), so each distinct text is worked out once. Bounded: past
 * `max` distinct texts the memory is dropped and begun again (a province of distinct names costs
 * what it did without the memo, never unbounded memory).
 */
export function memoByText<R>(fn: (text: string) => R, max = 50_000): (text: string) => R {
  let memo = new Map<string, R>();
  return (text: string): R => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as R;
    const r = fn(text);
    if (memo.size >= max) memo = new Map();
    memo.set(text, r);
    return r;
  };
}
