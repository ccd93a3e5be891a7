// Starts the TypeScript worker when the planner runs from source (tests, tsx scripts): Node
// cannot load .ts in a worker by itself, so register tsx first. The built package uses worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
