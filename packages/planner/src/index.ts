// @tillit/planner: the day-planning engine. Pure computation; the server runs it in a worker.
export { solve, solveSolomon, type SolveOptions, type SolomonOptions, type VrptwSolution, type Progress } from './solve.js';
export { parseProblem, parsePlan, parseJson, problemSchema, planSchema, weightsSchema } from './format/schema.js';
export type { Problem, ProblemInput, Plan, PlanStop, Staff, Visit, Weights } from './format/schema.js';
export { checkPlan, violationCodes, type CheckResult, type Violation, type ViolationCode, type ViolationParams } from './check/check-plan.js';
export { computeMetrics, type PlanMetrics } from './check/metrics.js';
export { checkSolomon, type SolomonCheck } from './check/check-solomon.js';
export { parseSolomon, type SolomonInstance } from './model/solomon.js';
export { greedyPlan } from './baseline/greedy.js';
export { InputError, InternalError } from './errors.js';
