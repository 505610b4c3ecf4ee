import type { Section } from "../types";

/** en messages, section d. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {
  "D001.noProjects": {
    message: "No project sheet found: no sheet has a header with 项目名称 (project name) or 项目编码 (project code).",
    hint: "Label the project list's columns 项目名称 or 项目编码, or map them by hand in the task pane.",
  },
  "D001.noIndicators": {
    message: "No indicator sheet found: no sheet has indicator columns such as 三级指标 and 指标值.",
    hint: "Add the indicator sheet (一级指标, 二级指标, 三级指标, 指标值), or map its columns by hand in the task pane.",
  },
  "D001.projects": {
    message: "The header in row {row} of sheet “{sheet}” has neither a project name nor a project code column, so no project can be identified.",
    hint: "Add a 项目名称 or 项目编码 column, or map the right column in the task pane.",
  },
  "D001.indicators.name": {
    message: "The header in row {row} of sheet “{sheet}” has no 三级指标 (indicator name) column.",
    hint: "Label the indicator-name column 三级指标 (or 指标名称), or map it in the task pane.",
  },
  "D001.indicators.target": {
    message: "The header in row {row} of sheet “{sheet}” has no 指标值 (target value) column.",
    hint: "Label the target column 年度指标值 (or 指标值), or map it in the task pane.",
  },
  "D001.indicators.projectCode": {
    message: "The header in row {row} of sheet “{sheet}” has neither a project code nor a project name column, so its indicators cannot be matched to any of the {count} projects.",
    hint: "Add a 项目编码 (or 项目名称) column to the indicator sheet and fill in each indicator's project.",
  },
  D002: {
    message: "Indicator “{indicator}” in row {row} belongs to project “{project}”, which is not on the project sheet.",
    hint: "Check that the project code or name matches the project sheet exactly (spaces, full-width characters, typos), or add the project.",
  },
  "D002.blank": {
    message: "Indicator “{indicator}” in row {row} does not say which project it belongs to.",
    hint: "Fill in the project code or name on that row.",
  },
  D003: {
    message: "Project “{project}” in row {row} has no performance indicators.",
    hint: "Add output, benefit and satisfaction indicators for it on the indicator sheet, linked by project code or name.",
  },
  "D004.code": {
    message: "Project code “{code}” is used twice: “{firstName}” in row {firstRow} of “{firstSheet}” already has it.",
    hint: "Give every project its own code; if the project was entered twice, delete the extra row.",
  },
  "D004.name": {
    message: "Department “{department}” has two projects named “{project}”: row {firstRow} of “{firstSheet}” already has one.",
    hint: "Merge the duplicate entries, or make the names distinct (place, batch) — better still, add project codes.",
  },
  "D004.nameNoDepartment": {
    message: "Two projects are named “{project}”: row {firstRow} of “{firstSheet}” already has one (neither has a code or a department).",
    hint: "Merge the duplicate entries, or make the names distinct — better still, add project codes.",
  },
  D005: {
    message: "The cell holds “{raw}”, which cannot be read as a number.",
    hint: "Write a plain number (50, 1234.5); put the unit in the header (e.g. 金额（万元）) or the unit column, and move remarks to a notes column.",
  },
  "D006.negative": {
    message: "{fieldEn} is {value} {unitEn}; an amount cannot be negative.",
    hint: "Check the amount; for a write-back, explain it in a note and enter the net amount.",
  },
  "D006.sum": {
    message: "Total funds {total} {unitEn} differ from fiscal appropriation {fiscal} + other funds {other} = {sum} {unitEn} by {diff} {unitEn}.",
    hint: "Check the funding sources: the total must equal fiscal appropriation plus other funds (tolerance {tolerance} {unitEn}).",
  },
  D007: {
    message: "The cell holds the Excel error {error} and cannot be read.",
    hint: "Fix the formula or what it refers to (#N/A: lookup not found, #REF!: broken reference, #VALUE!: wrong type) and enter a proper value.",
  },
  D008: {
    message: "Spending for the year {spent} {unitEn} exceeds the full-year budget {budget} {unitEn} by {over} {unitEn}.",
    hint: "Check whether the spending includes other years' or other projects' money; if the budget was increased, update the adjusted budget.",
  },
  "D008.cumulative": {
    message: "Cumulative spending {spent} {unitEn} exceeds the full-year budget {budget} {unitEn} by {over} {unitEn}.",
    hint: "Check how cumulative spending was counted; if the budget was increased, update the adjusted budget.",
  },
  "D008.noBudget": {
    message: "Spending of {spent} {unitEn} is given but there is no budget, so no execution rate can be computed.",
    hint: "Fill in the initial or full-year (adjusted) budget.",
  },
  "D009.large": {
    message: "{fieldEn} of {value} {unitEn} is {max} × 10,000 yuan or more — implausible; the amount was probably entered in yuan in a {unitEn} column.",
    hint: "Check the unit: convert yuan amounts to {unitEn}, or change the header unit to （元）.",
  },
  "D009.small": {
    message: "{fieldEn} of {value} yuan is under {min} yuan — implausible; the amount was probably entered in 10,000-yuan units in a yuan column.",
    hint: "Check the unit: convert to yuan, or change the header unit to （万元）.",
  },
  "D.field.initialBudget": { message: "Initial budget", hint: "" },
  "D.field.budget": { message: "Full-year budget", hint: "" },
  "D.field.spent": { message: "Spending for the year", hint: "" },
  "D.field.fiscalFunds": { message: "Fiscal appropriation", hint: "" },
  "D.field.otherFunds": { message: "Other funds", hint: "" },
  "D.field.cumulativeSpent": { message: "Cumulative spending", hint: "" },
  "D.field.forecastSpent": { message: "Forecast spending for the year", hint: "" },
  "D.unit.元": { message: "yuan", hint: "" },
  "D.unit.千元": { message: "thousand yuan", hint: "" },
  "D.unit.万元": { message: "× 10,000 yuan", hint: "" },
  "D.unit.亿元": { message: "× 100 million yuan", hint: "" },
  D010: {
    message: "「{raw}」 in row {row} lies far outside the table (the table ends at row {end}, {gap} empty rows above it) and was not read as table data.",
    hint: "Delete the cell if it was typed by mistake; if it belongs to the table, move it into the table (without a long run of empty rows).",
  },
  "D010.more": {
    message: "「{raw}」 in row {row} lies far outside the table (the table ends at row {end}) and was not read as table data; {more} more such cells lie below the table.",
    hint: "Delete these cells if they were typed by mistake; if they belong to the table, move them into the table (without a long run of empty rows).",
  },
  "D010.right": {
    message: "「{raw}」 in {cell} lies far to the right of the table (which ends at column {endCol}, a long run of empty columns between) and was not read as table data ({more} more such cells); where the result columns no longer fit, none are written.",
    hint: "Delete the cell if it was typed by mistake; if it belongs to the table, move it into the table (without a long run of empty columns).",
  },
  D011: {
    message: "{fieldEn} 「{raw}」 is over {max} 万元, beyond any plausible budget, and is not used.",
    hint: "Check the amount (extra digits or pasted text?) and enter the real amount.",
  },
  D012: {
    message: "Two columns match 「{fieldEn}」: {columnsEn}; it is not clear which one holds it, so it is treated as missing for now.",
    hint: "Delete or rename the extra column, or correct the columns under 识别结果 in the task pane to say which one to use.",
  },
};

export default section;
