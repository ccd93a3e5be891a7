// Manual check: `npx tsx --conditions source packages/web/test/dev-server.ts` serves the demo with
// the pinned clock of the browser tests, and prints the address. Stop it with Ctrl+C.
import { startDemoServer } from './demo-server.js';

const server = await startDemoServer();
console.log(`demo server at ${server.url}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
