/**
 * The reminder settings form as people fill it in, checked. Pure: the action and the tests share it.
 * The kinds listed are the ones left on; the rest are muted for mail and robot.
 */
import { z } from 'astro/zod';
import { reminderKinds, type ReminderKindId, type Role } from '../../../../db/schema';
import type { Preferences } from './store';
import { webhookUrlProblem } from '../webhook-payload';

export const preferencesInput = z.object({
  email: z.boolean().default(false),
  kinds: z.array(z.enum(reminderKinds)).max(reminderKinds.length * 2).default([]),
  // Pasted addresses often carry spaces or a line break at either end.
  // Absent for people the form offers no robot to (Astro reads a missing field as null).
  webhookUrl: z
    .string()
    .max(1000)
    .nullish()
    // An address typed or pasted through an IME may carry full-width letters and punctuation.
    .transform((s) => (s ?? '').normalize('NFKC').trim()),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

export type PreferencesRefusal = 'reminders.error.webhookRole' | 'reminders.error.webhookFormat' | 'reminders.error.webhookHost';

/** The kinds a person's settings form offers: all registered ones, but managers' kinds only to managers and admins. */
export function kindsOffered(kinds: readonly { id: ReminderKindId; webhook: boolean }[], role: Role): ReminderKindId[] {
  const leads = role === 'manager' || role === 'admin';
  return kinds.filter((k) => leads || !k.webhook).map((k) => k.id);
}

/**
 * The preferences to store, or the UI key of why they are refused. Only the offered kinds are
 * switched by the form; a kind it did not show keeps its setting.
 */
export function preferencesFrom(
  input: PreferencesInput,
  role: Role,
  allowedHosts: readonly string[],
  offered: readonly ReminderKindId[],
  previouslyMuted: readonly string[],
): Preferences | PreferencesRefusal {
  if (input.webhookUrl !== '') {
    if (role !== 'manager' && role !== 'admin') return 'reminders.error.webhookRole';
    const problem = webhookUrlProblem(input.webhookUrl, allowedHosts);
    if (problem) return problem === 'host' ? 'reminders.error.webhookHost' : 'reminders.error.webhookFormat';
  }
  return {
    email: input.email,
    webhookUrl: input.webhookUrl === '' ? null : input.webhookUrl,
    mutedKinds: [...previouslyMuted.filter((k) => !(offered as readonly string[]).includes(k)), ...offered.filter((k) => !input.kinds.includes(k))],
  };
}
