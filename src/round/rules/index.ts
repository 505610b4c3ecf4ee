/** The cross-submission rules, in catalogue order. */
import { X001 } from "./X001-same-project";
import { X002 } from "./X002-same-file";
import { X003 } from "./X003-department-spelling";
import type { RoundRule } from "./types";

export const X_RULES: RoundRule[] = [X001, X002, X003];
export { runRoundRules } from "./run";
export type { RoundRule, CrossFinding } from "./types";
