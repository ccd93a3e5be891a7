export * from './time.js';
export * from './errors.js';
export * from './roles.js';
export * from './entities.js';
export * from './access-policy.js';
export * from './care-plan-occurrences.js';
export * from './delivered-care.js';
export * from './continuity.js';
