/** The target-quality rules (绩效目标审核), T001–T023, in id order. */
import type { Rule } from "./types";
import { T001 } from "./T001-goal-empty";
import { T002 } from "./T002-goal-vague";
import { T003 } from "./T003-output-benefit";
import { T004 } from "./T004-satisfaction-missing";
import { T005 } from "./T005-output-structure";
import { T006 } from "./T006-cost-missing";
import { T007 } from "./T007-framework";
import { T008 } from "./T008-no-number";
import { T009 } from "./T009-vague-words";
import { T010 } from "./T010-placeholder";
import { T011 } from "./T011-unit-missing";
import { T012 } from "./T012-operator-direction";
import { T013 } from "./T013-rate-over-100";
import { T014 } from "./T014-satisfaction-floor";
import { T015 } from "./T015-input-as-output";
import { T016 } from "./T016-duplicate-name";
import { T017 } from "./T017-too-few";
import { T018 } from "./T018-qualitative-share";
import { T019 } from "./T019-cost-over-budget";
import { T020 } from "./T020-date-outside-year";
import { T021 } from "./T021-weights";
import { T022 } from "./T022-below-last-year";
import { T023 } from "./T023-large-without-targets";

export { T001, T002, T003, T004, T005, T006, T007, T008, T009, T010, T011, T012, T013, T014, T015, T016, T017, T018, T019, T020, T021, T022, T023 };

export const T_RULES: Rule[] = [T001, T002, T003, T004, T005, T006, T007, T008, T009, T010, T011, T012, T013, T014, T015, T016, T017, T018, T019, T020, T021, T022, T023];
