/**
 * Lines of `astro build` output that are warnings. A clean build prints none, so a new warning is
 * seen (and fixed at its cause) the day it appears instead of joining a wall of 150 others.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function warningLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.replace(ANSI, ''))
    .filter((line) => /\[WARN\]|\(!\)|\bwarning:/i.test(line));
}
