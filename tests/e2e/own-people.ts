/**
 * A learner of a spec's own, added straight into the suite's database: specs share one seeded
 * organisation, and a demo person another spec moves along (周敏 completes modules in the learner
 * journey) is no fixture for "a brand-new learner".
 */
import { join } from 'node:path';
import { openDatabaseFile } from './server-instance';

/** Adds (once) a junior learner on no team with the demo password; returns their email. */
export function addOwnLearner(id: string, name: string, completions: { moduleId: string; at: number }[] = []): Promise<string> {
  return addOwnPerson(id, name, { completions });
}

/** Adds (once) a person of the given role on no team with the demo password; returns their email. */
export async function addOwnPerson(
  id: string,
  name: string,
  { role = 'learner', completions = [] }: { role?: 'learner' | 'trainer' | 'manager' | 'admin'; completions?: { moduleId: string; at: number }[] } = {},
): Promise<string> {
  const email = `${id}@demo.academy`;
  const db = openDatabaseFile(`file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}`);
  try {
    const demo = await db.execute({ sql: 'SELECT password_hash FROM users WHERE email = ?', args: ['zhou.min@demo.academy'] });
    await db.batch([
      {
        sql: "INSERT OR IGNORE INTO users (id, email, name, password_hash, role, level_id, level_since) VALUES (?, ?, ?, ?, ?, 'junior', ?)",
        args: [id, email, name, demo.rows[0]!.password_hash!, role, Date.parse('2026-01-01T00:00:00Z')],
      },
      ...completions.map((c) => ({ sql: 'INSERT OR IGNORE INTO module_completions (user_id, module_id, completed_at) VALUES (?, ?, ?)', args: [id, c.moduleId, c.at] })),
    ]);
  } finally {
    db.close();
  }
  return email;
}
