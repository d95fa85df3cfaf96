/** Waits until a URL answers 200 (up to 10 minutes), then exits 0; used to start e2e servers in turn. */
const url = process.argv[2];
const until = Date.now() + 600_000;
while (Date.now() < until) {
  try {
    if ((await fetch(url)).ok) process.exit(0);
  } catch {
    // not listening yet
  }
  await new Promise((next) => setTimeout(next, 500));
}
console.error(`${url} did not answer in 10 minutes.`);
process.exit(1);
