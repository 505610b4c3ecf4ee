export { scoreIndicator, scoreIndicatorExact, tierBand, inBand, isReverse, isRateName, alignUnits } from "./score";
export type { IndicatorScore, Band } from "./score";
export { weightsFor, scoreProject, gradeFor, executionRate, projectBudget, emptyResult } from "./project";
export { evaluate, resolveAsOf } from "./evaluate";
