/**
 * Folds over whole collections without spreading them into a call: `Math.max(...xs)` and
 * `a.push(...xs)` put every element on the stack and overflow it at county scale
 * (200,000 indicators → "Maximum call stack size exceeded").
 */

/** The largest of `xs` and `init` (init when xs is empty). */
export function maxOf(xs: Iterable<number>, init = -Infinity): number {
  let m = init;
  for (const x of xs) {
    if (Number.isNaN(m)) break;
    if (x > m || Number.isNaN(x) || (x === 0 && m === 0 && Object.is(m, -0))) m = x;
  }
  return m;
}

/** The smallest of `xs` and `init` (init when xs is empty). */
export function minOf(xs: Iterable<number>, init = Infinity): number {
  let m = init;
  for (const x of xs) {
    if (Number.isNaN(m)) break;
    if (x < m || Number.isNaN(x) || (x === 0 && m === 0 && Object.is(x, -0))) m = x;
  }
  return m;
}

/** Appends every element of `xs` to `target`, in order, and returns target. */
export function pushAll<T>(target: T[], xs: Iterable<T>): T[] {
  if (Array.isArray(xs)) {
    // An array by index: no iterator step per element (this runs over tens of thousands of cells).
    const arr = xs as T[];
    for (let i = 0; i < arr.length; i++) target.push(arr[i]);
  } else for (const x of xs) target.push(x);
  return target;
}
