/**
 * Leases for background jobs, held in the database so that with several instances exactly one runs
 * each job. A holder renews before expiry; if it dies, another takes over once the lease runs out.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './db';

/**
 * Takes or renews the lease `name` for `holder` until now + ttlMs. Returns whether `holder` holds it.
 * One statement: a free or expired lease is taken, one's own is renewed, anyone else's is left.
 */
export async function holdLease(db: Database, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const until = now.getTime() + ttlMs;
  await db.run(sql`
    INSERT INTO job_leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${until})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_leases.holder = excluded.holder OR job_leases.expires_at < ${now.getTime()}`);
  const [row] = await db.all<{ holder: string }>(sql`SELECT holder FROM job_leases WHERE name = ${name}`);
  return row?.holder === holder;
}
