import type { Section } from "../types";

/** en messages, section m. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  "M001.red": {
    message: "As of {asOf}, {spent} {unit} has been spent: execution rate {rate} against time progress {progress}, only {ratio} of it, below {threshold} (red).",
    hint: "Find out why spending lags and speed it up; if it does not improve, recover money in line with spending progress.",
  },
  "M001.yellow": {
    message: "As of {asOf}, {spent} {unit} has been spent: execution rate {rate} against time progress {progress}, {ratio} of it, below {threshold} (yellow).",
    hint: "Push for faster spending and follow it up.",
  },
  "M002.red": {
    message: "Indicator “{name}” reached {current}{unit} by {asOf}; at time progress {progress} it should be at {expected}{unit} (target {target}): {completion}, below {threshold} (red).",
    hint: "Analyse the delay and correct course; if the target truly cannot be met, adjust it through the proper procedure.",
  },
  "M002.yellow": {
    message: "Indicator “{name}” reached {current}{unit} by {asOf}; at time progress {progress} it should be at {expected}{unit} (target {target}): {completion}, below {threshold} (yellow).",
    hint: "Watch progress and speed up delivery.",
  },
  "M002.blue": {
    message: "Indicator “{name}” already reached {current}{unit} by {asOf}; at time progress {progress} it should be at {expected}{unit} (target {target}): {completion}, {threshold} or more (blue); the target is probably too low.",
    hint: "Check the figures; if the target was set too low, raise it through the proper procedure.",
  },
  "M003.short.red": {
    message: "Indicator “{name}” is at {current}, short of its target {target} by more than {tolerance} of the target (red).",
    hint: "Analyse why the target is missed and correct course.",
  },
  "M003.short.yellow": {
    message: "Indicator “{name}” is at {current}, slightly short of its target {target}, within {tolerance} of the target (yellow).",
    hint: "Keep an eye on this indicator and correct course in time.",
  },
  "M003.over.red": {
    message: "Indicator “{name}” is at {current}, above its ceiling {target} by more than {tolerance} of the target (red).",
    hint: "Contain the cost or quantity, analyse the excess and correct course.",
  },
  "M003.over.yellow": {
    message: "Indicator “{name}” is at {current}, slightly above its ceiling {target}, within {tolerance} of the target (yellow).",
    hint: "Keep an eye on this indicator to prevent a further excess.",
  },
  "M003.date.red": {
    message: "Indicator “{name}” is dated {current}, later than its deadline {target} (red).",
    hint: "Explain the delay and take measures to finish soon.",
  },
  "M003.tier.red": {
    message: "Qualitative indicator “{name}” currently reads “{current}”: not achieved (red).",
    hint: "Analyse the causes and correct course.",
  },
  "M003.tier.yellow": {
    message: "Qualitative indicator “{name}” currently reads “{current}”: only partly achieved (yellow).",
    hint: "Keep an eye on this indicator and speed it up.",
  },
  "M004.red": {
    message: "Indicator “{name}” is red but has no deviation reason.",
    hint: "Give the reason (funding, rules, staffing, equipment or other) and the corrective measures.",
  },
  "M004.yellow": {
    message: "Indicator “{name}” is yellow but has no deviation reason.",
    hint: "Give the reason (funding, rules, staffing, equipment or other) and the corrective measures.",
  },
  "M005.certain": {
    message: "Indicator “{name}” is forecast at {forecast}, short of its target {target}, yet its likelihood says “certain”.",
    hint: "State the likelihood truthfully (possible / impossible), or check the full-year forecast.",
  },
  "M005.impossible": {
    message: "Indicator “{name}” is marked “impossible” to meet, with no reason given.",
    hint: "Explain why it cannot be met and what will be done; apply to adjust the target if necessary.",
  },
  M006: {
    message: "Full-year spending is forecast at {forecast} {unit} of a {budget} {unit} budget, leaving {idle} {unit} ({share}) unspent, more than {threshold} of the budget.",
    hint: "Check the real need; recover the money forecast to be left over for other uses, or adjust the budget, so that it does not sit idle.",
  },
};

export default section;
