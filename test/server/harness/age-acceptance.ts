// Moves a packet's acceptance back in time by `days`, as if the CSM had
// accepted it that much earlier: the audit entry (what due-ness reads) and the
// packet's review.acceptedAt (what the sidebar shows) together.
import { sql } from 'drizzle-orm';
import type { Database } from '@/server/db/connect';

export async function ageAcceptance(database: Database, teamId: number, key: string, days: number): Promise<void> {
  const shift = `${days} days`;
  await database.db.execute(sql`UPDATE audit_log SET at = at - ${shift}::interval WHERE team_id = ${teamId} AND packet_key = ${key} AND action = 'packet.accept'`);
  await database.db.execute(sql`
    UPDATE packets SET data = jsonb_set(data, '{review,acceptedAt}', to_jsonb(to_char(((data->'review'->>'acceptedAt')::timestamptz - ${shift}::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    WHERE team_id = ${teamId} AND key = ${key} AND data->'review'->>'acceptedAt' IS NOT NULL`);
}
