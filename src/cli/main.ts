import { makeProgram } from "./cli";

makeProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`jixiao: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
