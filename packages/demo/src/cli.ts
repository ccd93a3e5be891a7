#!/usr/bin/env node
// tillit-demo: writes the demo municipality (or one day's planning problem) as JSON to stdout.
import { once } from 'node:events';
import { runCli } from './cli-main.js';

// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  out: async (chunk) => {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  },
  err: (text) => process.stderr.write(text),
  now: () => new Date(),
});
