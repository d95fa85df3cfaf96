/** Starts the reminder scheduler for the running server, with its content and configured senders. */
import type { Database } from '../../platform/server/db';
import type { ServerEnv } from '../../platform/server/env';
import { loadCatalogue, loadLadder } from '../../promotion/server/ladder';
import { startReminderScheduler, type ReminderContent, type Scheduler } from './scheduler';
import { smtpSender, webhookSender } from './senders';

export async function reminderContent(): Promise<ReminderContent> {
  const [catalogue, ladder] = await Promise.all([loadCatalogue(), loadLadder()]);
  return {
    ladder,
    curriculum: catalogue,
    title: (type, id, lang) => (type === 'course' ? catalogue.courses.find((c) => c.id === id)?.title[lang] : catalogue.modules.get(id)?.title[lang]) ?? id,
  };
}

export function startReminders(db: Database, origin: string, env: ServerEnv): Scheduler {
  return startReminderScheduler(db, {
    origin,
    zone: env.COMPANY_TIME_ZONE,
    senders: {
      email: env.SMTP_URL ? smtpSender(env.SMTP_URL, env.SMTP_FROM) : undefined,
      webhook: webhookSender(env.WEBHOOK_TIMEOUT_SECONDS * 1000),
    },
    content: reminderContent,
  });
}
