/**
 * Things made on first use. zod costs ~25 ms to load, and most runs never validate anything (no
 * stored state, no rulebook file, no report to read back): the schemas are built the first time
 * one is used, and zod is loaded then.
 */
import type * as Zod from "zod";

let zod: typeof Zod | null = null;

/** The zod namespace, loaded on first call. */
export function zodNow(): typeof Zod.z {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (zod ??= require("zod") as typeof Zod).z;
}

/** `make()` once, on first call. */
export function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

/**
 * An object made on first use, standing in for it meanwhile: property reads (methods bound to
 * the real object), `in`, `instanceof` and writes all go to the real one.
 */
export function lazyObject<T extends object>(make: () => T): T {
  const real = once(make);
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy({} as T, {
    get(_t, key) {
      const r = real();
      const v: unknown = Reflect.get(r, key, r);
      if (typeof v !== "function") return v;
      let b = bound.get(key);
      if (b === undefined || (b as { target?: unknown }).target !== v) {
        const f = (v as (...a: unknown[]) => unknown).bind(r);
        b = Object.assign(f, { target: v });
        bound.set(key, b);
      }
      return b;
    },
    has: (_t, key) => Reflect.has(real(), key),
    set: (_t, key, value) => Reflect.set(real(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
