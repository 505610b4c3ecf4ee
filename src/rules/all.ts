/** Every rule, in catalogue order (D, T, E, M). */
import { D_RULES } from "./d-rules";
import { T_RULES } from "./t-rules";
import { E_RULES } from "./e-rules";
import { M_RULES } from "./m-rules";
import type { Rule } from "./types";

export const ALL_RULES: Rule[] = [...D_RULES, ...T_RULES, ...E_RULES, ...M_RULES];
