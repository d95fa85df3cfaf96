/**
 * The reminders' tables: recording planned reminders with their outbox rows, the inbox, and each
 * person's channel preferences. Every write here is set-based (chunked multi-row statements).
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { appSecrets, reminderDeliveries, reminderPreferences, reminders, users, type ReminderChannel, type ReminderKindId } from '../../../../db/schema';
import type { Database } from '../../platform/server/db';
import type { PlannedReminder, ReminderKind } from './kinds/types';

const CHUNK = 400;

export interface Preferences {
  email: boolean;
  webhookUrl: string | null;
  mutedKinds: string[];
}

export const DEFAULT_PREFERENCES: Preferences = { email: true, webhookUrl: null, mutedKinds: [] };

/** Which channels beyond the inbox a reminder of `kind` goes out on for a person with `prefs`. */
export function channelsFor(kind: Pick<ReminderKind, 'id' | 'webhook'>, prefs: Preferences, role: string, emailConfigured: boolean): ReminderChannel[] {
  if (prefs.mutedKinds.includes(kind.id)) return [];
  const channels: ReminderChannel[] = [];
  if (emailConfigured && prefs.email) channels.push('email');
  if (kind.webhook && prefs.webhookUrl && (role === 'manager' || role === 'admin')) channels.push('webhook');
  return channels;
}

async function preferencesFor(db: Database, userIds: readonly string[]): Promise<Map<string, Preferences & { role: string }>> {
  const out = new Map<string, Preferences & { role: string }>();
  for (let i = 0; i < userIds.length; i += CHUNK * 10) {
    const rows = await db
      .select({ id: users.id, role: users.role, email: reminderPreferences.email, webhookUrl: reminderPreferences.webhookUrl, mutedKinds: reminderPreferences.mutedKinds })
      .from(users)
      .leftJoin(reminderPreferences, eq(reminderPreferences.userId, users.id))
      .where(inArray(users.id, userIds.slice(i, i + CHUNK * 10)));
    for (const r of rows) out.set(r.id, { role: r.role, email: r.email ?? true, webhookUrl: r.webhookUrl ?? null, mutedKinds: r.mutedKinds ?? [] });
  }
  return out;
}

/**
 * Records planned reminders of one kind, each with its outbox rows, before anything is sent. A
 * reminder already recorded (same kind, person, subject and period) is left as it is, so planning
 * again after a restart records, and later sends, nothing twice. Returns how many were new.
 */
export async function recordReminders(db: Database, kind: ReminderKind, planned: readonly PlannedReminder[], now: Date, emailConfigured: boolean): Promise<number> {
  let created = 0;
  for (let i = 0; i < planned.length; i += CHUNK) {
    const batch = planned.slice(i, i + CHUNK);
    const prefs = await preferencesFor(db, [...new Set(batch.map((p) => p.userId))]);
    created += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(reminders)
        .values(batch.map((p) => ({ id: crypto.randomUUID(), userId: p.userId, kind: kind.id, subject: p.subject, period: p.period, data: p.data, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: reminders.id, userId: reminders.userId });
      const deliveries = inserted.flatMap((r) => {
        const p = prefs.get(r.userId);
        return p ? channelsFor(kind, p, p.role, emailConfigured).map((channel) => ({ reminderId: r.id, channel, nextAttemptAt: now })) : [];
      });
      if (deliveries.length > 0) await tx.insert(reminderDeliveries).values(deliveries).onConflictDoNothing();
      return inserted.length;
    });
  }
  return created;
}

export type InboxEntry = typeof reminders.$inferSelect;

/** A person's latest reminders, newest first. */
export async function inboxOf(db: Database, userId: string, limit = 100): Promise<InboxEntry[]> {
  return db.select().from(reminders).where(eq(reminders.userId, userId)).orderBy(desc(reminders.createdAt), desc(reminders.id)).limit(limit);
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reminders).where(and(eq(reminders.userId, userId), isNull(reminders.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the person's own reminders read; false when it is not theirs or does not exist. */
export async function markRead(db: Database, userId: string, id: string, now: Date): Promise<boolean> {
  const mine = await db.select({ id: reminders.id }).from(reminders).where(and(eq(reminders.id, id), eq(reminders.userId, userId))).get();
  if (!mine) return false;
  await db.update(reminders).set({ readAt: now }).where(and(eq(reminders.id, id), isNull(reminders.readAt)));
  return true;
}

export async function markAllRead(db: Database, userId: string, now: Date): Promise<number> {
  const done = await db.update(reminders).set({ readAt: now }).where(and(eq(reminders.userId, userId), isNull(reminders.readAt))).returning({ id: reminders.id });
  return done.length;
}

export async function preferencesOf(db: Database, userId: string): Promise<Preferences> {
  const row = await db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId)).get();
  return row ? { email: row.email, webhookUrl: row.webhookUrl, mutedKinds: row.mutedKinds } : { ...DEFAULT_PREFERENCES };
}

export async function savePreferences(db: Database, userId: string, prefs: Preferences, now: Date): Promise<void> {
  const values = { userId, email: prefs.email, webhookUrl: prefs.webhookUrl, mutedKinds: [...new Set(prefs.mutedKinds)].sort(), updatedAt: now };
  await db.insert(reminderPreferences).values(values).onConflictDoUpdate({ target: reminderPreferences.userId, set: values });
}

/** Switches one kind off for mail and robot (an unsubscribe link); the inbox keeps it. Idempotent. */
export async function muteKind(db: Database, userId: string, kind: ReminderKindId, now: Date): Promise<boolean> {
  const person = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  if (!person) return false;
  const prefs = await preferencesOf(db, userId);
  if (!prefs.mutedKinds.includes(kind)) await savePreferences(db, userId, { ...prefs, mutedKinds: [...prefs.mutedKinds, kind] }, now);
  return true;
}

const secretCache = new WeakMap<Database, Map<string, Promise<Uint8Array>>>();

/** A 256-bit server secret, made by the first instance that needs it and shared through the database. */
export function appSecret(db: Database, name: string): Promise<Uint8Array> {
  let forDb = secretCache.get(db);
  if (!forDb) secretCache.set(db, (forDb = new Map()));
  let secret = forDb.get(name);
  if (!secret) {
    secret = (async () => {
      const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      // Two instances may both get here first: only the first insert lands, and both read it back.
      await db.insert(appSecrets).values({ name, value: fresh }).onConflictDoNothing();
      const row = (await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)).get())!;
      return new Uint8Array(Buffer.from(row.value, 'base64url'));
    })();
    secret.catch(() => forDb!.delete(name));
    forDb.set(name, secret);
  }
  return secret;
}

