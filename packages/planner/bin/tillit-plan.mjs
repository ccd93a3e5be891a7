#!/usr/bin/env node
// The tillit-plan command; runs the built planner (run `npm run build` first).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('tillit-plan: the planner is not built yet; run `npm run build` at the repository root\n');
  process.exit(3);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
