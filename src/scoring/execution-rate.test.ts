import { executionRate } from "./project";

test.each([
  [95, 100, 0.95],
  [0, 100, 0],
  [130, 100, 1.3],
  [10, 0, null], // a zero budget is a finding elsewhere, never a division by zero
  [10, -5, null],
  [null, 100, null],
  [1, 5e-324, null], // found by the pipeline property test: the rate overflows to Infinity
])("executionRate(%p, %p) = %p", (spent, budget, rate) => {
  expect(executionRate(spent, budget)).toBe(rate);
});
