/** The sheet rules (D001–D012), in catalogue order. */
import type { Rule } from "./types";
import { D001 } from "./D001-missing-column";
import { D002 } from "./D002-orphan-indicator";
import { D003 } from "./D003-no-indicators";
import { D004 } from "./D004-duplicate-project";
import { D005 } from "./D005-unreadable-number";
import { D006 } from "./D006-amount-consistency";
import { D007 } from "./D007-cell-error";
import { D008 } from "./D008-overspend";
import { D009 } from "./D009-amount-unit";
import { D010 } from "./D010-stray-cell";
import { D011 } from "./D011-implausible-amount";
import { D012 } from "./D012-ambiguous-column";

export const D_RULES: Rule[] = [D001, D002, D003, D004, D005, D006, D007, D008, D009, D010, D011, D012];
