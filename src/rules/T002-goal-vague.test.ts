import { T002 } from "./T002-goal-vague";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";
import { parseRulebook } from "../rulebook/load";

runRuleCases(T002, {
  valid: [
    { name: "specific goal with numbers", projects: [{ goal: "全年开展职业技能培训500人次，培训合格率达到95%以上，带动新增就业200人", indicators: soundIndicators() }] },
    { name: "vague words but quantified", projects: [{ goal: "进一步提高培训质量，有效提升就业能力，全年培训500人次", indicators: soundIndicators() }] },
    { name: "one vague word in a long concrete goal", projects: [{ goal: "完成全县农村公路养护任务，有效保障道路安全畅通和群众出行", indicators: soundIndicators() }] },
    { name: "placeholder goal is left to T010", projects: [{ goal: "XX", indicators: soundIndicators() }] },
    { name: "empty goal is left to T001", projects: [{ goal: "", indicators: soundIndicators() }] },
  ],
  invalid: [
    { name: "too short", projects: [{ goal: "做好培训工作", indicators: soundIndicators() }], errors: [{ cell: "J2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["6", "15"] }] },
    {
      name: "only vague phrases, no number",
      projects: [{ goal: "进一步提高全县职业技能培训质量，有效提升群众就业能力和水平", indicators: soundIndicators() }],
      errors: [{ cell: "J2", sheet: PROJECT_SHEET, messageIncludes: ["进一步", "有效"] }],
    },
    {
      name: "minLength raised through the rulebook",
      projects: [{ goal: "全年培训500人次，合格率95%", indicators: soundIndicators() }],
      options: { rulebook: parseRulebook({ rules: { T002: { params: { minLength: 20 } } } }) },
      errors: [{ cell: "J2", messageIncludes: ["20"] }],
    },
  ],
});
