/**
 * Erasing a departed person's personal data (PIPL art. 47, GDPR art. 17) while keeping what the
 * company's numbers rest on: their scores, dates, levels, team and KPI values stay, attached to a
 * placeholder ("已删除的人员 #a1b2 / Erased person #a1b2"); their name, address, employee number,
 * password, sessions, drafts, the free text of their answers and every note about them go.
 *
 * Written as plain SQL on a libSQL transaction, not drizzle, because the restore command has to
 * re-apply it inside its own transaction on a bare client (see server/backup.ts).
 */
import type { InStatement, ResultSet, Transaction } from '@libsql/client';
import type { Database } from '../../platform/server/db';
import { auditWithoutPersonalData, erasedEmail, erasedName, erasureTag, isErasedEmail, resultWithoutFreeText, scoresWithoutNotes, withoutFreeText } from '../scrub';

/** Anything that runs statements: a libSQL transaction (the app's and the restore's alike). */
export interface Executor {
  execute(statement: InStatement): Promise<ResultSet>;
}

export type ErasureRefusal = 'not-found' | 'active' | 'self' | 'already-erased';

export interface ErasureRecord {
  /** Who asked: an admin, or null for the retention job. */
  actorId: string | null;
  /** Why, for the audit entry: 'admin' or 'retention'. */
  reason: 'admin' | 'retention' | 'restore';
  now: Date;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const parsed = (text: unknown): unknown => {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Erases one person inside `tx`. Returns a refusal instead when there is nobody to erase, the
 * account is still active (deactivate first: an erased account must never log in again), or it is
 * already erased and the ledger says so. With `reapply`, the ledger entry may already exist.
 */
export async function eraseWithin(tx: Executor, userId: string, record: ErasureRecord, options: { reapply?: boolean } = {}): Promise<{ ok: true; tag: string } | { ok: false; reason: ErasureRefusal }> {
  const found = await tx.execute({ sql: 'SELECT id, email, active FROM users WHERE id = ?', args: [userId] });
  const person = found.rows[0];
  if (!person) return { ok: false, reason: 'not-found' };
  if (record.actorId === userId) return { ok: false, reason: 'self' };
  // A restore re-applies an erasure to a backup taken while the person was still active.
  if (Number(person.active) === 1 && !options.reapply) return { ok: false, reason: 'active' };
  const ledger = await tx.execute({ sql: 'SELECT 1 FROM erasures WHERE user_id = ?', args: [userId] });
  if (ledger.rows.length > 0 && !options.reapply) return { ok: false, reason: 'already-erased' };

  const tag = await erasureTag(userId);
  const email = String(person.email);
  const at = record.now.getTime();
  const run = (sql: string, ...args: (string | number | null)[]) => tx.execute({ sql, args });

  // The address is the key of invites and of the login throttle: those go first, while it is known.
  if (!isErasedEmail(email)) {
    await run('DELETE FROM invites WHERE lower(email) = lower(?)', email);
    await run('DELETE FROM login_throttle WHERE key = ?', `account:${email.toLowerCase()}`);
  }
  await run('UPDATE users SET name = ?, email = ?, employee_number = NULL, password_hash = NULL, active = 0 WHERE id = ?', erasedName(tag), erasedEmail(tag), userId);
  await run('DELETE FROM sessions WHERE user_id = ?', userId);
  await run('DELETE FROM password_resets WHERE user_id = ?', userId);
  await run('DELETE FROM quiz_drafts WHERE user_id = ?', userId);
  // A KPI file they previewed as a manager and never confirmed carries their file's name.
  await run('DELETE FROM kpi_import_drafts WHERE actor_id = ?', userId);
  await run("UPDATE kpi_evidence SET note = '' WHERE user_id = ?", userId);
  await run("UPDATE sign_offs SET note = '' WHERE user_id = ?", userId);
  await run('UPDATE certificates SET recipient_name = ?, revoke_reason = CASE WHEN revoke_reason IS NULL THEN NULL ELSE ? END WHERE user_id = ?', erasedName(tag), '', userId);

  // Answers keep their shape and the chosen options (reports over choices still add up), not the person's words.
  const attempts = await run('SELECT id, answers, result FROM quiz_attempts WHERE user_id = ?', userId);
  for (const a of attempts.rows) {
    await run('UPDATE quiz_attempts SET answers = ?, result = ? WHERE id = ?', json(withoutFreeText(parsed(a.answers))) ?? '{}', json(resultWithoutFreeText(parsed(a.result))) ?? '{}', String(a.id));
  }
  const exercises = await run('SELECT id, state, result FROM exercise_attempts WHERE user_id = ?', userId);
  for (const e of exercises.rows) {
    await run('UPDATE exercise_attempts SET state = ?, result = ? WHERE id = ?', json(withoutFreeText(parsed(e.state))) ?? '{}', json(withoutFreeText(parsed(e.result))), String(e.id));
  }
  // Coaching: the levels observed stay (readiness rests on them); the notes about them, the
  // conversation under their observations, their own replies elsewhere, and managers' comments
  // on their role-play attempts go.
  const observed = await run('SELECT id, scores FROM observations WHERE user_id = ?', userId);
  for (const o of observed.rows) {
    await run('UPDATE observations SET scores = ? WHERE id = ?', json(scoresWithoutNotes(parsed(o.scores))) ?? '[]', String(o.id));
  }
  await run("UPDATE observation_replies SET body = '' WHERE author_id = ? OR observation_id IN (SELECT id FROM observations WHERE user_id = ?)", userId, userId);
  await run("UPDATE replay_comments SET body = '' WHERE attempt_id IN (SELECT id FROM exercise_attempts WHERE user_id = ?)", userId);
  // Booster answers keep whether they were right and the chosen ids, not what was typed.
  const reviews = await run('SELECT id, answer FROM review_logs WHERE user_id = ?', userId);
  for (const r of reviews.rows) {
    await run('UPDATE review_logs SET answer = ? WHERE id = ?', JSON.stringify(withoutFreeText(parsed(r.answer)) ?? null), String(r.id));
  }

  // Audit entries about them keep what changed and when, without names, addresses or notes
  // (and the replies they wrote under someone else's observation).
  // An invite sent before the account existed is logged with no subject, only the address.
  const audit = await run(
    `SELECT id, before, after FROM audit_log
      WHERE (subject_user_id = ? AND action NOT LIKE 'team.%')
         OR (subject_user_id IS NULL AND json_valid(after) AND lower(json_extract(after, '$.email')) = lower(?))
         OR (actor_id = ? AND action = 'observation.replied')`,
    userId,
    email,
    userId,
  );
  for (const row of audit.rows) {
    await run('UPDATE audit_log SET before = ?, after = ? WHERE id = ?', json(auditWithoutPersonalData(parsed(row.before))), json(auditWithoutPersonalData(parsed(row.after))), Number(row.id));
  }

  await run('INSERT INTO erasures (user_id, erased_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING', userId, at);
  // The entry names the tag and why, never the name: the log must not bring back what was erased.
  // The retention job and a restore have no person acting; the entry is then the person's own.
  await run(
    'INSERT INTO audit_log (actor_id, action, subject_user_id, before, after, at) VALUES (?, ?, ?, NULL, ?, ?)',
    record.actorId ?? userId,
    'person.erased',
    userId,
    JSON.stringify({ tag: tag.slice(0, 4), by: record.reason }),
    at,
  );
  return { ok: true, tag };
}

/** Erases one person in one write transaction of its own. */
export async function erasePerson(db: Database, userId: string, record: ErasureRecord): ReturnType<typeof eraseWithin> {
  const tx: Transaction = await db.$client.transaction('write');
  try {
    const outcome = await eraseWithin(tx, userId, record);
    if (outcome.ok) await tx.commit();
    else await tx.rollback();
    return outcome;
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    tx.close();
  }
}
