// The public pool as a list: customers whose latest claim ran out unreleased
// and unwon, each with the department whose pool holds it now and whether the
// caller may take it. No holder identities: the pool is everybody's.
import { sql } from 'drizzle-orm';
import { poolDepartment, poolRefusal } from '@/lib/claims/pool';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { policyAt } from './policy-store';

interface Row {
  id: string | number;
  customer: string;
  expires_at: Date | string;
  department: string | null;
  user_id: string | number;
  keys: string[];
}

export async function listPool(db: Db, caller: Caller, q: { after: number; limit: number }) {
  const now = new Date();
  const res = (await db.execute(sql`
    SELECT c.id, c.customer, c.expires_at, c.department, c.user_id, array_agg(k.key ORDER BY k.key) AS keys
    FROM claims c JOIN claim_keys k ON k.claim_id = c.id
    WHERE c.team_id = ${caller.teamId} AND c.released_at IS NULL AND c.won_at IS NULL
      AND c.expires_at <= ${now.toISOString()}::timestamptz AND c.id > ${q.after}
      AND NOT EXISTS (SELECT 1 FROM claim_keys later WHERE later.team_id = c.team_id AND later.key = k.key AND later.claim_id > c.id)
    GROUP BY c.id
    HAVING count(*) = (SELECT count(*) FROM claim_keys mine WHERE mine.claim_id = c.id)
    ORDER BY c.id
    LIMIT ${q.limit + 1}`)) as unknown as { rows: Row[] };
  const policy = await policyAt(db, caller.teamId, now);
  const rows = res.rows.slice(0, q.limit).map((r) => {
    const entry = { expiredAt: new Date(r.expires_at).toISOString(), department: r.department, lastHolderId: Number(r.user_id) };
    const refusal = poolRefusal(caller, entry, policy, now.toISOString());
    return {
      claimId: Number(r.id),
      customer: r.customer,
      keys: r.keys,
      since: entry.expiredAt,
      department: poolDepartment(entry, policy, now.toISOString()),
      mayClaim: !refusal,
      ...(refusal ? { refusal } : {}),
    };
  });
  return { pool: rows, next: res.rows.length > q.limit ? rows[rows.length - 1]!.claimId : null, serverTime: now.toISOString() };
}
