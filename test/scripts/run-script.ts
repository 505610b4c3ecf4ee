/** Runs a generator script's `main` when the file is run directly (tsx, or src/cli/run-ts.cjs). */
import { resolve } from "node:path";

export function runWhenMain(mod: NodeModule, file: string, main: () => Promise<string>): void {
  if (require.main !== mod && resolve(process.argv[1] ?? "") !== file) return;
  main().then(
    (line) => process.stdout.write(`${line}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
