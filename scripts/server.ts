/**
 * The production HTTP server: Astro's standalone handler behind two fast paths for the busiest
 * requests — lesson pages (src/lib/server/lesson-fast-path.ts) and quiz submissions
 * (src/lib/server/quiz-submission-lane.ts). `npm start` and `npm run serve` run this file.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getAppDatabase } from '../src/lib/platform/server/app-database';
import { createLessonFastPath } from '../src/lib/server/lesson-fast-path';
import { createQuizSubmissionLane } from '../src/lib/server/quiz-submission-lane';

// Astro's entry must not start its own server, and only this process may ask it for shells.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
process.env.ACADEMY_SHELL_SECRET = randomBytes(32).toString('hex');

const entry = resolve(process.env.ASTRO_OUT_DIR ?? 'dist', 'server/entry.mjs');
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (req: unknown, res: unknown) => void };
const db = await getAppDatabase();
const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);

const server = createServer();
const selfOrigin = () => {
  const { address, family, port: bound } = server.address() as AddressInfo;
  const loopback = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${family === 'IPv6' || loopback.includes(':') ? `[${loopback}]` : loopback}:${bound}`;
};
const laneOptions = { db, selfOrigin, shellSecret: process.env.ACADEMY_SHELL_SECRET, secureCookies: process.env.INSECURE_COOKIES !== '1' };
const serveLesson = createLessonFastPath(laneOptions);
const submitQuiz = createQuizSubmissionLane(laneOptions);

server.on('request', (req, res) => {
  const fast = req.method === 'POST' ? submitQuiz(req, res) : serveLesson(req, res);
  fast.then(
    (served) => {
      if (!served) handler(req, res);
    },
    (error: unknown) => {
      console.error('Fast path failed; Astro answers instead:', error);
      if (!res.headersSent) handler(req, res);
    },
  );
});
server.listen(port, host, () => console.log(`Sales Academy is listening on ${selfOrigin()}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
