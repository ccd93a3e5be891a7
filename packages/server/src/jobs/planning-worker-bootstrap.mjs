// Starts the TypeScript worker when the server runs from source (tests): Node cannot load .ts in
// a worker by itself, so register tsx first. The built server uses planning-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./planning-worker.ts');
