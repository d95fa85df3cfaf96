/**
 * Sends what the outbox holds: due rows are claimed (attempts + 1, next try pushed out) before the
 * send, marked sent after it, and on failure wait with backoff and are tried again, so a mail
 * server or robot that is down or hangs loses nothing and never makes a page fail. Each row is
 * re-checked against the person's current preferences first: an unsubscribe wins over the queue.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { reminderDeliveries, reminderPreferences, reminders, users, type ReminderChannel, type ReminderKindId } from '../../../../db/schema';
import type { Language } from '../../../i18n/ui';
import type { Database } from '../../platform/server/db';
import { reminderRetryDelayMs } from '../backoff';
import { renderReminder, reminderEmail, type RenderContext, type ReminderEmail } from '../templates';
import { webhookBody, webhookFormat } from '../webhook-payload';
import { signUnsubscribeToken } from './unsubscribe-token';
import { appSecret, channelsFor } from './store';
import { reminderKindRegistry } from './kinds';

export interface OutgoingMail extends ReminderEmail {
  to: string;
  /** Stable per reminder, so a mail resent after a crash reads as the same message. */
  messageId: string;
  unsubscribeUrl: string;
}

export interface Senders {
  email?: (mail: OutgoingMail) => Promise<void>;
  webhook?: (url: string, body: unknown) => Promise<void>;
}

export interface DeliveryContext extends RenderContext {
  /** The site's public origin, for links in mails and robot messages. */
  origin: string;
}

/** While a send is in flight the row waits this long, so a crash mid-send is retried, not lost. */
const CLAIM_MS = 5 * 60_000;
export const DELIVERY_BATCH = 50;

export type DeliveryOutcome = { sent: number; failed: number; skipped: number };

export async function unsubscribeUrl(db: Database, origin: string, userId: string, kind: string): Promise<string> {
  return `${origin}/unsubscribe/${signUnsubscribeToken(await appSecret(db, 'unsubscribe'), { userId, kind })}`;
}

export async function deliverDue(db: Database, senders: Senders, ctx: DeliveryContext, now: Date, limit = DELIVERY_BATCH): Promise<DeliveryOutcome> {
  const due = await db
    .select({
      reminderId: reminderDeliveries.reminderId,
      channel: reminderDeliveries.channel,
      attempts: reminderDeliveries.attempts,
      nextAttemptAt: reminderDeliveries.nextAttemptAt,
      kind: reminders.kind,
      data: reminders.data,
      userId: users.id,
      email: users.email,
      locale: users.locale,
      role: users.role,
      active: users.active,
      prefEmail: reminderPreferences.email,
      webhookUrl: reminderPreferences.webhookUrl,
      mutedKinds: reminderPreferences.mutedKinds,
    })
    .from(reminderDeliveries)
    .innerJoin(reminders, eq(reminders.id, reminderDeliveries.reminderId))
    .innerJoin(users, eq(users.id, reminders.userId))
    .leftJoin(reminderPreferences, eq(reminderPreferences.userId, users.id))
    .where(and(eq(reminderDeliveries.status, 'pending'), lte(reminderDeliveries.nextAttemptAt, now)))
    .orderBy(asc(reminderDeliveries.nextAttemptAt))
    .limit(limit);
  const outcome: DeliveryOutcome = { sent: 0, failed: 0, skipped: 0 };
  for (const row of due) {
    const where = and(eq(reminderDeliveries.reminderId, row.reminderId), eq(reminderDeliveries.channel, row.channel));
    const kind = reminderKindRegistry.find((k) => k.id === row.kind) ?? { id: row.kind as ReminderKindId, webhook: row.channel === 'webhook' };
    const prefs = { email: row.prefEmail ?? true, webhookUrl: row.webhookUrl ?? null, mutedKinds: row.mutedKinds ?? [] };
    const wanted = row.active && channelsFor(kind, prefs, row.role, senders.email !== undefined).includes(row.channel);
    if (!wanted || !senders[row.channel]) {
      await db.update(reminderDeliveries).set({ status: 'skipped' }).where(where);
      outcome.skipped++;
      continue;
    }
    // Claim the row; another holder (there should be none while the lease holds) would match nothing.
    const claimed = await db
      .update(reminderDeliveries)
      .set({ attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
      .where(and(where, eq(reminderDeliveries.status, 'pending'), eq(reminderDeliveries.attempts, row.attempts)))
      .returning({ attempts: reminderDeliveries.attempts });
    if (claimed.length === 0) continue;
    try {
      await send(db, senders, ctx, row.channel, { ...row, webhookUrl: prefs.webhookUrl });
      await db.update(reminderDeliveries).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(where);
      outcome.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failures = row.attempts + 1;
      const next = new Date(now.getTime() + reminderRetryDelayMs(failures));
      console.error(`Reminder ${row.kind} ${row.channel} to ${row.userId} failed (try ${failures}; next at ${next.toISOString()}): ${message}`);
      await db.update(reminderDeliveries).set({ nextAttemptAt: next, lastError: message.slice(0, 500) }).where(where);
      outcome.failed++;
    }
  }
  return outcome;
}

async function send(
  db: Database,
  senders: Senders,
  ctx: DeliveryContext,
  channel: ReminderChannel,
  row: { reminderId: string; kind: ReminderKindId; data: Record<string, unknown>; userId: string; email: string; locale: Language; webhookUrl: string | null },
): Promise<void> {
  const rendered = renderReminder(row.kind, row.data, row.locale, ctx);
  const unsubscribe = await unsubscribeUrl(db, ctx.origin, row.userId, row.kind);
  if (channel === 'email') {
    const host = new URL(ctx.origin).hostname || 'academy';
    await senders.email!({ ...reminderEmail(rendered, row.locale, ctx.origin, unsubscribe), to: row.email, messageId: `<reminder-${row.reminderId}@${host}>`, unsubscribeUrl: unsubscribe });
  } else {
    const url = row.webhookUrl!;
    await senders.webhook!(url, webhookBody(webhookFormat(url), { title: rendered.title, text: rendered.lines.join('\n'), link: ctx.origin + rendered.path }));
  }
}
