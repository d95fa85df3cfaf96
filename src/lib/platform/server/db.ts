import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from '../../../../db/schema';

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

function isEmbedded(url: string): boolean {
  return url.startsWith('file:');
}

/**
 * Opens a database handle. An embedded file gets its folder created, WAL journaling (readers never
 * block the writer, and a crash cannot tear a committed transaction) and a busy timeout so that
 * concurrent writers wait instead of failing.
 */
export async function openDatabase({ url, authToken }: DatabaseConfig): Promise<Database> {
  if (isEmbedded(url)) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken, timeout: 10_000, concurrency: 8 });
  if (isEmbedded(url)) {
    // WAL is a property of the file, so one connection setting it covers the whole pool.
    await client.execute('PRAGMA journal_mode = WAL');
    // synchronous is per connection; libSQL opens every connection with FULL (2), so a commit the
    // server acknowledged survives a power cut, not only a process crash. Asserted in the tests.
  }
  return drizzle(client, { schema }) as Database;
}
