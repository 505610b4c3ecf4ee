/** Errors of the command line, in a module of their own so that `jixiao rules` does not load the workbook adapter. */

/** Input that cannot be checked at all (exit 2), with a one-line Chinese and English reason. */
export class UnusableInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "UnusableInputError";
  }
}
