// What a claim or a look-up needs to know before it decides, in as few round
// trips as the rules allow (issue 14: a claim took 12 queries, a look-up 7):
// the server's time with the policy in force, then every name of the customer
// (the keys given, the phone/company linked to them, their aliases) with the
// claims that ever held any of them.
import { sql } from 'drizzle-orm';
import { claimPolicySchema, DEFAULT_POLICY, type ClaimPolicy } from '@/lib/claims/policy';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';

type Rows<T> = { rows: T[] };

/** The database's now() (the transaction's start inside one) and the team's policy in force then. */
export async function nowAndPolicy(db: Db | Tx, teamId: number): Promise<{ now: Date; policy: ClaimPolicy }> {
  const res = (await db.execute(sql`SELECT now() AS now,
    (SELECT policy FROM claim_policies WHERE team_id = ${teamId} AND effective_at <= now() ORDER BY version DESC LIMIT 1) AS policy`)) as unknown as Rows<{ now: Date | string; policy: unknown }>;
  const row = res.rows[0]!;
  return { now: new Date(row.now), policy: row.policy ? claimPolicySchema.parse(row.policy) : DEFAULT_POLICY };
}

/** A claim that once held one of the customer's keys. */
export interface PastClaim {
  id: number;
  userId: number;
  department: string | null;
  line: string | null;
  expiresAt: Date;
  releasedAt: Date | null;
  wonAt: Date | null;
}

type PastRow = { id: number | string; user_id: number | string; department: string | null; line: string | null; expires_at: string; released_at: string | null; won_at: string | null };

/**
 * Every name of the customer — the keys given first, then a phone claimed
 * together with a company (and back), then one hop of live aliases of those —
 * and the claims that ever held any of them, newest first (at most 50).
 */
export async function customerKeys(db: Db | Tx, teamId: number, keys: string[]): Promise<{ all: string[]; past: PastClaim[] }> {
  const res = (await db.execute(sql`
    WITH given AS (SELECT k, n FROM json_array_elements_text(${JSON.stringify(keys)}::json) WITH ORDINALITY AS g(k, n)),
    linked AS (
      SELECT k, 0 AS r, n FROM given
      UNION ALL SELECT l.phone_key, 1, 0 FROM key_links l WHERE l.team_id = ${teamId} AND (l.phone_key IN (SELECT k FROM given) OR l.company_key IN (SELECT k FROM given))
      UNION ALL SELECT l.company_key, 2, 0 FROM key_links l WHERE l.team_id = ${teamId} AND (l.phone_key IN (SELECT k FROM given) OR l.company_key IN (SELECT k FROM given))
    ),
    named AS (
      SELECT k, r, n FROM linked
      UNION ALL SELECT a.key_b, 3, 0 FROM claim_aliases a WHERE a.team_id = ${teamId} AND a.removed_at IS NULL AND a.key_a IN (SELECT k FROM linked)
      UNION ALL SELECT a.key_a, 3, 0 FROM claim_aliases a WHERE a.team_id = ${teamId} AND a.removed_at IS NULL AND a.key_b IN (SELECT k FROM linked)
    ),
    past AS (
      SELECT DISTINCT c.id, c.user_id, c.department, c.line, c.expires_at, c.released_at, c.won_at
      FROM claim_keys ck JOIN claims c ON c.id = ck.claim_id
      WHERE ck.team_id = ${teamId} AND ck.key = ANY (ARRAY(SELECT k FROM named)) -- an array, so the key index is used
      ORDER BY c.id DESC LIMIT 50
    )
    SELECT (SELECT json_agg(k ORDER BY r, n) FROM named) AS keys,
      (SELECT coalesce(json_agg(p ORDER BY p.id DESC), '[]'::json) FROM past p) AS past`)) as unknown as Rows<{ keys: string[] | null; past: PastRow[] }>;
  const row = res.rows[0]!;
  const date = (s: string | null) => (s === null ? null : new Date(s));
  return {
    all: [...new Set([...keys, ...(row.keys ?? [])])],
    past: row.past.map((p) => ({ id: Number(p.id), userId: Number(p.user_id), department: p.department, line: p.line, expiresAt: new Date(p.expires_at), releasedAt: date(p.released_at), wonAt: date(p.won_at) })),
  };
}
