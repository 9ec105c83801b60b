// The setup every server test file shares: a fresh database on the given
// driver, seeded teams, an HTTP client on the app; closed after the file.
import { afterAll, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AppOptions } from '@/server/app';
import type { Database } from '@/server/db/connect';
import { freshDatabase, type Backend } from './backends';
import { client, seedTeam, type Seeded } from './seed';

export interface ServerFixture {
  database: Database;
  teams: Seeded[];
  call: ReturnType<typeof client>;
}

export function serverFixture(backend: Backend, teamNames: string[] = ['A'], opts?: AppOptions): ServerFixture {
  const f = { teams: [] as Seeded[] } as ServerFixture;
  beforeAll(async () => {
    f.database = await freshDatabase(backend);
    for (const name of teamNames) f.teams.push(await seedTeam(f.database, name));
    f.call = client(f.database, opts);
  });
  afterAll(() => f.database?.close());
  return f;
}

/** Moves a claim back in time by `days`, as if it had been made that much earlier. */
export async function ageClaim(database: Database, claimId: number, days: number): Promise<void> {
  const shift = `${days} days`;
  await database.db.execute(sql`UPDATE claims SET claimed_at = claimed_at - ${shift}::interval, expires_at = expires_at - ${shift}::interval WHERE id = ${claimId}`);
  await database.db.execute(sql`UPDATE claim_keys SET expires_at = expires_at - ${shift}::interval WHERE claim_id = ${claimId}`);
}
