/**
 * `npm run build`'s second half: `astro build`, failing when it printed a warning. The output is
 * shown as it comes; known notices from Astro's own plugins are filtered in astro.config.mjs.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { warningLines } from '../src/lib/build/warnings';

const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk: Buffer) => {
  output += chunk;
  process.stderr.write(chunk);
});
child.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const warnings = warningLines(output);
  if (warnings.length > 0) {
    console.error(`\nThe build printed ${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}`).join('\n')}\nA clean build prints none: fix the cause (see the comments in astro.config.mjs), then build again.`);
    process.exit(1);
  }
});
