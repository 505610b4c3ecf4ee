/** The self-evaluation rules (绩效自评), in catalogue order. */
import type { Rule } from "./types";
import { E001 } from "./E001-actual-missing";
import { E002 } from "./E002-tier-unrecognised";
import { E003 } from "./E003-score-differs";
import { E004 } from "./E004-score-over-weight";
import { E005 } from "./E005-reason-missing";
import { E006 } from "./E006-over-achieved";
import { E007 } from "./E007-execution-reason";
import { E008 } from "./E008-total-grade";
import { E009 } from "./E009-tier-band";

export const E_RULES: Rule[] = [E001, E002, E003, E004, E005, E006, E007, E008, E009];
