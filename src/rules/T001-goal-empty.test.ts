import { T001 } from "./T001-goal-empty";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

const GOAL = "全年开展职业技能培训500人次，培训合格率达到95%以上，带动新增就业200人";

runRuleCases(T001, {
  valid: [
    { name: "goal filled in", projects: [{ goal: GOAL, indicators: soundIndicators() }] },
    { name: "no goal column at all: nothing to say", projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }] },
    {
      name: "goal column dropped by the reader",
      projects: [{ goal: "", indicators: soundIndicators() }],
      tweak: (b) => {
        b.projectFields = b.projectFields.filter((f) => f !== "goal");
      },
    },
  ],
  invalid: [
    { name: "empty goal", projects: [{ goal: "", indicators: soundIndicators() }], errors: [{ cell: "J2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["测试项目1"] }] },
    { name: "blank goal (spaces only)", projects: [{ goal: "   　", indicators: soundIndicators() }], errors: [{ cell: "项目表!J2" }] },
    {
      name: "second project without a goal while the column exists",
      projects: [{ goal: GOAL, indicators: soundIndicators() }, { name: "农村道路养护", indicators: soundIndicators() }],
      errors: [{ cell: "J3", sheet: PROJECT_SHEET, messageIncludes: ["农村道路养护"] }],
    },
  ],
});
