import type { Section } from "../types";

/** en messages, section e. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  E001: {
    message: "Indicator “{name}” has no actual value, so it cannot be scored.",
    hint: "Enter the actual value for the year: a number and unit for quantitative indicators, or one of the three achievement tiers for qualitative ones.",
  },
  E002: {
    message: "The actual value “{actual}” of qualitative indicator “{name}” is not a recognisable achievement tier, so it cannot be scored.",
    hint: "Write one of 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差.",
  },
  "E002.number": {
    message: "The actual value “{actual}” of indicator “{name}” is not a number, so it cannot be scored against the target {target}.",
    hint: "Enter the actual number and unit on the same basis as the target.",
  },
  E003: {
    message: "Indicator “{name}” declares {declared} points; recomputed from target {target} and actual {actual} (weight {weight}) it scores {computed}, a difference of {diff} (more than {tolerance}).",
    hint: "Check the score against the scoring rules and change it to {computed}, or explain the basis in the deviation reason.",
  },
  E004: {
    message: "Indicator “{name}” declares {declared} points, more than its weight of {weight}.",
    hint: "A score cannot exceed the weight: set it to at most {weight}.",
  },
  E005: {
    message: "Indicator “{name}” scores {score} of {weight} points but has no deviation reason.",
    hint: "Explain why the target was not met and what will be improved.",
  },
  E006: {
    message: "Indicator “{name}” reached {actual}, {ratio} of its target {target} ({threshold} or more), with no reason given.",
    hint: "Explain the over-achievement; if the target was set too low, raise it next year.",
  },
  E007: {
    message: "The project's execution rate is {rate} ({spent} {unit} spent of a {budget} {unit} budget), below {threshold}, with no reason given.",
    hint: "Give the reason for the budget execution gap and the corrective measures.",
  },
  "E008.total": {
    message: "The declared total of {declared} differs from the recomputed {computed} by {diff} points.",
    hint: "Check the total as execution score {execution} plus indicator score {indicators}.",
  },
  "E008.grade": {
    message: "The declared grade “{declared}” is not the grade “{computed}” that the total of {total} earns.",
    hint: "Following the grade bands ({bands}), change the declared grade to “{computed}”.",
  },
  E009: {
    message: "Qualitative indicator “{name}” is {tierEn}, but its declared score {declared} lies outside that tier's band of {lo}–{hi} points ({loPct}–{hiPct} of the weight {weight}).",
    hint: "A “{tierEn}” score must lie between {lo} and {hi}; adjust the score or the tier.",
  },
  "E009.open": {
    message: "Qualitative indicator “{name}” is {tierEn}, but its declared score {declared} lies outside that tier's band of {lo} to under {hi} points ({loPct}–{hiPct} of the weight {weight}).",
    hint: "A “{tierEn}” score must be at least {lo} and below {hi}; adjust the score or the tier.",
  },
};

export default section;
