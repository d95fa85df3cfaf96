import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/lib/platform/server/db';
import { migrateDatabase } from '../../src/lib/platform/server/migrations';
import { users } from '../../db/schema';

export interface TestDatabase {
  db: Database;
  path: string;
  close: () => void;
}

/** A real libSQL file in a fresh temp folder, migrated by the real migrations. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'academy-test-'));
  const path = join(dir, 'test.db');
  const db = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(db);
  return {
    db,
    path,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function insertUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<typeof users.$inferSelect> {
  const id = overrides.id ?? crypto.randomUUID();
  const [row] = await db
    .insert(users)
    .values({
      id,
      email: `${id}@test.academy`,
      name: 'Test Learner',
      levelId: 'junior',
      levelSince: new Date('2026-01-01T00:00:00Z'),
      ...overrides,
    })
    .returning();
  return row!;
}
