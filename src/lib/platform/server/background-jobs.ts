/**
 * Starts the server's background jobs once per process, on the first request (Astro's standalone
 * server has no start-up hook of its own; a load balancer's health check makes that request at once).
 */
import { getCollection } from 'astro:content';
import { publicOrigin, serverEnv } from './env';
import { loadCatalogue, loadLadder } from '../../promotion/server/ladder';
import { startXapiForwarder } from '../../xapi/server/forwarder';
import { pruneLoginThrottle } from '../../auth/server/login';
import type { ContentLookups } from '../../xapi/server/outbox';
import type { Database } from './db';
import { startReminders } from '../../reminders/server/start';
import { startRetentionJob } from '../../personal-data/server/retention';
import { companyTimeZone } from './company-time';

let started = false;

/** Titles and quizzes from the content collections, for building statements. */
export async function statementLookups(origin: string, actor: 'mbox' | 'account'): Promise<ContentLookups> {
  const [catalogue, ladder, quizzes] = await Promise.all([loadCatalogue(), loadLadder(), getCollection('quizzes')]);
  const quizById = new Map(quizzes.map((q) => [q.id, q.data]));
  return {
    origin,
    actor,
    titles: {
      module: (id) => catalogue.modules.get(id)?.title,
      quiz: (id) => catalogue.quizTitles.get(id),
      exercise: (id) => catalogue.exerciseTitles.get(id),
      level: (id) => ladder.find((l) => l.id === id)?.name,
    },
    quiz: (id) => quizById.get(id),
  };
}

export function startBackgroundJobs(db: Database, requestUrl: URL): void {
  if (started) return;
  started = true;
  const env = serverEnv();
  // Failed-login windows end after 15 minutes; without pruning, every address and account pair
  // that ever failed would stay in the table. Idempotent, so every instance may do it.
  const prune = setInterval(() => pruneLoginThrottle(db, new Date()).catch((error) => console.error('Pruning login throttle failed:', error)), 60 * 60_000);
  prune.unref();
  if (env.RETENTION_MONTHS !== undefined) startRetentionJob(db, env.RETENTION_MONTHS, companyTimeZone());
  if (env.XAPI_ENDPOINT) {
    const authorization =
      env.XAPI_USERNAME !== undefined ? `Basic ${Buffer.from(`${env.XAPI_USERNAME}:${env.XAPI_PASSWORD ?? ''}`).toString('base64')}` : undefined;
    const origin = publicOrigin(requestUrl, env);
    startXapiForwarder(db, { endpoint: env.XAPI_ENDPOINT, authorization }, () => statementLookups(origin, env.XAPI_ACTOR));
  }
  // Reminders always run: the inbox needs no configuration; mail and robots join when configured.
  startReminders(db, publicOrigin(requestUrl, env), env);
}
