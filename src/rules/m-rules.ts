/** The monitoring rules (运行监控), in catalogue order. */
import type { Rule } from "./types";
import { M001 } from "./M001-budget-light";
import { M002 } from "./M002-cumulative-light";
import { M003 } from "./M003-level-light";
import { M004 } from "./M004-reason-missing";
import { M005 } from "./M005-possibility";
import { M006 } from "./M006-idle-money";

export const M_RULES: Rule[] = [M001, M002, M003, M004, M005, M006];
