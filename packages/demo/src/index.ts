// The demo municipality generator: a Kalix-like home-care organisation, deterministic by seed.
export type { DemoBreak, DemoMunicipality, DemoOptions, DemoUser } from './types.js';
export { generateDemo, buildDemo, resolveOptions, DEFAULT_CLIENTS } from './generate.js';
export { homeCareProblem, problemFromDemo, DEFAULT_PROBLEM_DATE } from './problem.js';
export type { HomeCareProblem, ProblemStaff, ProblemVisit } from './problem.js';
export { todayInStockholm } from './today.js';
export { DEMO_PASSWORD } from './users.js';
export { Rng } from './prng.js';
