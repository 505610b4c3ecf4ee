import type { Section } from "../types";

/** en messages, section t. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  T001: {
    message: "The annual overall goal of project “{project}” is empty.",
    hint: "State what the project is to achieve this year (outputs, outcomes, who benefits), matching its indicators.",
  },
  "T002.short": {
    message: "The annual goal of project “{project}” (“{goal}”) has only {length} characters, fewer than {min}: too general.",
    hint: "Say what will be done, how much, by when, and with what effect (e.g. “train 500 person-times, pass rate ≥ 95 %”).",
  },
  "T002.vague": {
    message: "The annual goal of project “{project}” has no number at all and relies on {count} vague words (“{words}”).",
    hint: "Replace vague wording with measurable results: quantities, quality standards, deadlines, beneficiaries.",
  },
  "T003.output": {
    message: "Project “{project}” has {count} indicators but no output indicator (产出指标).",
    hint: "Add output indicators (quantity, quality, timeliness) describing what the project delivers.",
  },
  "T003.benefit": {
    message: "Project “{project}” has {count} indicators but no outcome indicator (效益指标).",
    hint: "Add outcome indicators (economic, social, ecological or sustainable impact).",
  },
  "T003.both": {
    message: "Project “{project}” has {count} indicators but neither output nor outcome indicators.",
    hint: "Add output indicators (quantity, quality, timeliness) and outcome indicators as the framework requires.",
  },
  T004: {
    message: "Project “{project}” has {count} indicators but no satisfaction indicator.",
    hint: "Where the project serves people, add a beneficiary satisfaction indicator (e.g. “satisfaction ≥ 85 %”).",
  },
  "T005.quantity": {
    message: "Project “{project}” has {count} output indicators but no quantity indicator.",
    hint: "Add a quantity indicator stating the volume of work (e.g. “≥ 500 person-times trained”).",
  },
  "T005.qualityTime": {
    message: "Project “{project}” has {count} output indicators but neither a quality nor a timeliness indicator.",
    hint: "Add a quality indicator (pass rate, compliance rate) or a timeliness indicator (completion date).",
  },
  T006: {
    message: "Project “{project}” has no cost indicator, which this rulebook expects.",
    hint: "Add cost indicators (economic, social or environmental cost) as in Caiyu [2021] No. 101.",
  },
  "T007.level1": {
    message: "Indicator “{name}”: level-1 category “{text}” is not in the indicator framework.",
    hint: "Level-1 categories are output (产出), outcome (效益), satisfaction (满意度) or cost (成本) indicators.",
  },
  "T007.level2": {
    message: "Indicator “{name}”: level-2 category “{text}” is not in the indicator framework.",
    hint: "Use a level-2 name from the framework (quantity, quality, social outcome, …).",
  },
  "T007.misplaced": {
    message: "Indicator “{name}”: level-2 category “{level2}” does not belong under level-1 “{level1}”.",
    hint: "Level-2 categories allowed under “{level1}”: {allowed}.",
  },
  T008: {
    message: "Quantitative indicator “{name}” has no number in its target “{value}”.",
    hint: "A {level2} target needs an operator, a number and a unit (e.g. “≥500人次”), not descriptive words.",
  },
  "T008.empty": {
    message: "Indicator “{name}” has no target value.",
    hint: "Fill in the annual target: operator, number and unit for a quantitative indicator, the standard to reach for a qualitative one.",
  },
  "T009.name": {
    message: "Indicator name “{name}” contains vague words (“{words}”): what is measured is unclear.",
    hint: "Name what is measured (e.g. “training pass rate”) and put a quantified target in the value.",
  },
  "T009.value": {
    message: "The target “{value}” of indicator “{name}” contains vague words (“{words}”).",
    hint: "Replace the vague words with a number or a standard that can be checked.",
  },
  "T010.goal": {
    message: "The annual goal of project “{project}” still holds the template placeholder “{placeholder}”.",
    hint: "Replace the placeholder with the actual content.",
  },
  "T010.name": {
    message: "Indicator name “{name}” still holds the template placeholder “{placeholder}”.",
    hint: "Replace the placeholder with the real indicator name.",
  },
  "T010.value": {
    message: "The target “{value}” of indicator “{name}” still holds the template placeholder “{placeholder}”.",
    hint: "Enter a definite target; settle undecided values before submission.",
  },
  T011: {
    message: "The target “{value}” of indicator “{name}” has no unit.",
    hint: "Add the unit (person-times, items, 万元, %, …).",
  },
  "T012.cost": {
    message: "Cost indicator “{name}” uses “{op}” in its target “{value}”: a cost should be capped, not floored.",
    hint: "Cost indicators normally use “≤” (e.g. “≤50万元”).",
  },
  "T012.floor": {
    message: "Indicator “{name}” uses “{op}” in its target “{value}”: a {word} should be floored, not capped.",
    hint: "A {word} normally uses “≥” (e.g. “≥90%”).",
  },
  T013: {
    message: "Rate indicator “{name}” has a target “{value}” above 100 %.",
    hint: "A rate target should not exceed 100 %; if it is a growth rate, say so in the name (增长率 / 增幅).",
  },
  T014: {
    message: "Satisfaction target “{name}” {value} is below the {floor} % floor: set too low.",
    hint: "Set it to ≥{floor}% as measured by a beneficiary satisfaction survey.",
  },
  T015: {
    message: "“{name}” ({word}) measures money spent, not a {level1} result.",
    hint: "Budget execution is assessed separately; use an indicator of what the project produced or achieved. (common review practice)",
  },
  T016: {
    message: "Indicator “{name}” appears twice in this project (rows {firstRow} and {row}).",
    hint: "Merge the duplicates, or rename them so they can be told apart.",
  },
  T017: {
    message: "Project “{project}” has only {count} indicators, fewer than {min}.",
    hint: "Add output, outcome and satisfaction indicators so the targets cover the project.",
  },
  T018: {
    message: "Project “{project}”: {qualitative} of {total} indicators are qualitative ({share} %), more than {max} %.",
    hint: "Quantify what can be quantified; keep qualitative indicators for what cannot.",
  },
  T019: {
    message: "The {count} cost targets of project “{project}” add up to {sum} {unit}, more than its budget of {budget} {unit} (largest: “{name}”).",
    hint: "Check the amounts and units (元 vs 万元) of the cost indicators; together they should not exceed the budget.",
  },
  "T019.perUnit": {
    message: "Project “{project}”: the unit cost “{name}” of {value} alone exceeds the project's budget of {budget} {unit}.",
    hint: "Check the amount and unit of the unit cost (元/人, 万元/公里 …): the cost of one unit cannot exceed the whole budget.",
  },
  "T020.year": {
    message: "Timeliness indicator “{name}”: deadline {date} is outside budget year {year}.",
    hint: "Set the deadline within {year}; split multi-year work into this year's stage target.",
  },
  "T020.period": {
    message: "Timeliness indicator “{name}”: deadline {date} is outside the project period {start} to {end}.",
    hint: "Move the deadline into the project period, or check the project's start and end dates.",
  },
  "T021.sum": {
    message: "The weights of the {count} indicators of project “{project}” add up to {sum}, not the required {total}.",
    hint: "Adjust the weights so that they add up to {total}.",
  },
  "T021.partial": {
    message: "Only {count} of the {all} indicators of project “{project}” have a weight; they add up to {sum}, not the required {total}.",
    hint: "Give every indicator a weight so that they add up to {total}.",
  },
  "T021.nonpositive": {
    message: "Indicator “{name}” has weight {weight}; a weight must be greater than 0.",
    hint: "Give the indicator a positive weight, or remove it.",
  },
  T022: {
    message: "Indicator “{name}”: target {value} is below last year's actual {last}.",
    hint: "A target is normally not below last year's level; explain why if it must be. (common review practice)",
  },
  "T023.new": {
    message: "{attribute} project “{project}” has a budget of {budget} 万元, at or above the {min} 万元 threshold, but no performance indicators.",
    hint: "New projects of {min} 万元 or more must declare performance targets: add the annual goal and output, outcome and satisfaction indicators.",
  },
  "T023.recurring": {
    message: "{attribute} project “{project}” has a budget of {budget} 万元, at or above the {min} 万元 threshold, but no performance indicators.",
    hint: "Recurring projects of {min} 万元 or more must declare performance targets: add the annual goal and output, outcome and satisfaction indicators.",
  },
  "T023.unknown": {
    message: "Project “{project}” has a budget of {budget} 万元, at or above the {min} 万元 threshold, but no performance indicators.",
    hint: "Add the annual goal and output, outcome and satisfaction indicators; also fill in the project type (new, recurring, …).",
  },
};

export default section;
