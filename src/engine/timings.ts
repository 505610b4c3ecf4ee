/**
 * Time per stage of a run, on request (`jixiao check --timings`, `npm run bench`): the engine
 * adds each stage's time under its name; nothing is recorded when no Timings is passed.
 * The clock is `performance.now()` (wall time, in the browser too) unless another is given
 * (the bench passes process CPU time).
 */

/** The stages, in the order they run. "rules D" … "rules M" add up to "rules". */
export const STAGES = ["start-up", "read", "model", "rules", "scoring", "report", "plan", "write"] as const;
export type Stage = (typeof STAGES)[number];

export class Timings {
  readonly ms = new Map<string, number>();

  constructor(readonly clock: () => number = () => performance.now()) {}

  add(stage: string, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
  }

  time<T>(stage: string, f: () => T): T {
    const t0 = this.clock();
    try {
      return f();
    } finally {
      this.add(stage, this.clock() - t0);
    }
  }

  async timeAsync<T>(stage: string, f: () => Promise<T>): Promise<T> {
    const t0 = this.clock();
    try {
      return await f();
    } finally {
      this.add(stage, this.clock() - t0);
    }
  }

  get(stage: string): number {
    return this.ms.get(stage) ?? 0;
  }

  /** `stage ms` lines for the main stages (rules summed over D, T, E, M), one decimal. */
  lines(): string[] {
    return STAGES.map((s) => `${s} ${(s === "rules" ? this.get("rules") + this.get("rules D") + this.get("rules T") + this.get("rules E") + this.get("rules M") : this.get(s)).toFixed(1)}`);
  }
}

/** Runs f, timed under `stage` when there is a Timings. */
export function timed<T>(timings: Timings | undefined, stage: string, f: () => T): T {
  return timings ? timings.time(stage, f) : f();
}

export async function timedAsync<T>(timings: Timings | undefined, stage: string, f: () => Promise<T>): Promise<T> {
  return timings ? timings.timeAsync(stage, f) : f();
}
