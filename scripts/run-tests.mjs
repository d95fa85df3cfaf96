#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first that fails, with the time each
// step and the whole suite took (the suite is kept under 15 minutes; CI's log shows where time goes).
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', 'astro', ['check']],
  ['content originality', 'tsx', ['scripts/content-originality.ts']],
  ['unit + integration (vitest)', 'vitest', ['run']],
  ['end to end (playwright)', 'playwright', ['test']],
];

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const timings = [];
for (const [name, command, args] of steps) {
  const at = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
  timings.push(`${name}: ${seconds(Date.now() - at)}`);
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${run.status ?? run.signal}). Times so far — ${timings.join('; ')}.`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\nTest suite passed in ${seconds(Date.now() - started)} — ${timings.join('; ')}.`);
