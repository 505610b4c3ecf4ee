// First: V8's compiler budget for a short-lived process (before any engine code runs hot).
import "./compiler-budget";
import { makeProgram } from "./cli";

makeProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`jixiao: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
