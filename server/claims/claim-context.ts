// What a claim or a look-up needs to know before it decides, in one round trip
// (issue 14: a claim took 12 queries, then 4): the server's time, the team's
// policy in force, every name of the customer (the keys given, the phone or
// company linked to them, their aliases), the claims that ever held any of
// them, and who holds one now.
//
// The keys are read with the policy's key rules, so they are made with the
// policy this process last saw for the team; the same statement says which
// version is in force, and when it is another one (a new policy, or the first
// request) the keys are made again and the statement runs once more.
import { sql } from 'drizzle-orm';
import type { ClaimKey } from '@/lib/claims/claim-key';
import { DEFAULT_POLICY, type ClaimPolicy } from '@/lib/claims/policy';
import type { ClaimTimes } from '@/lib/claims/timing';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { executeNamed } from '../db/named-statement';
import { storedPolicy } from './policy-store';

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

/** The live claim holding one of the customer's keys on an overlapping line. */
export interface Holder {
  claimId: number;
  until: Date;
  userId: number;
  name: string;
  channel: string | null;
  line: string | null;
  policyVersion: number;
  times: ClaimTimes;
  extension: 'approved' | 'denied' | 'requested' | 'available';
}

export interface ClaimContext {
  /** the database's now() */
  now: Date;
  policy: ClaimPolicy;
  /** the keys given, read with `policy` */
  keys: ClaimKey[];
  /** every name of the customer, the keys given first */
  all: string[];
  /** claims that ever held one of `all`, newest first, at most 50 */
  past: PastClaim[];
  holder: Holder | null;
}

type Ts = string | null;
type PastRow = { id: number | string; user_id: number | string; department: string | null; line: string | null; expires_at: string; released_at: Ts; won_at: Ts };
type HolderRow = {
  id: number | string; until: string; user_id: number | string; name: string; channel: string | null; line: string | null; policy_version: number; claimed_at: string; stages: ClaimTimes['stages'];
  extension_requested_at: Ts; extension_approved_at: Ts; extension_denied_at: Ts; released_at: Ts; won_at: Ts;
};
type ContextRow = { now: Date | string; version: number; policy: unknown; schema_version: number | null; keys: string[] | null; past: PastRow[]; holder: HolderRow | null };

/** The policy version last seen per team (0: none stored, the default), per database handle. */
const seen = new WeakMap<object, Map<number, { version: number; policy: ClaimPolicy }>>();

function statement(teamId: number, keys: string[], span: string, knownVersion: number) {
  return sql`
    WITH pol AS (SELECT version, policy, schema_version FROM claim_policies WHERE team_id = ${teamId} AND effective_at <= now() ORDER BY version DESC LIMIT 1),
    given AS (SELECT k, n FROM json_array_elements_text(${JSON.stringify(keys)}::json) WITH ORDINALITY AS g(k, n)),
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
    ),
    holder AS (
      SELECT c.id, ck.expires_at AS until, c.user_id, u.name, u.channel, c.line, c.policy_version, c.claimed_at, c.stages,
        c.extension_requested_at, c.extension_approved_at, c.extension_denied_at, c.released_at, c.won_at
      FROM claim_keys ck JOIN claims c ON c.id = ck.claim_id JOIN users u ON u.id = c.user_id
      WHERE ck.team_id = ${teamId} AND ck.key = ANY (ARRAY(SELECT k FROM named)) AND NOT ck.ended AND ck.expires_at > now() AND ck.span && ${span}::int4range
      LIMIT 1
    )
    SELECT now() AS now, coalesce((SELECT version FROM pol), 0) AS version,
      (SELECT policy FROM pol WHERE version <> ${knownVersion}) AS policy, (SELECT schema_version FROM pol) AS schema_version,
      (SELECT json_agg(k ORDER BY r, n) FROM named) AS keys,
      (SELECT coalesce(json_agg(p ORDER BY p.id DESC), '[]'::json) FROM past p) AS past,
      (SELECT row_to_json(h) FROM holder h) AS holder`;
}

const date = (s: Ts) => (s === null ? null : new Date(s));

function holderFrom(h: HolderRow): Holder {
  return {
    claimId: Number(h.id),
    until: new Date(h.until),
    userId: Number(h.user_id),
    name: h.name,
    channel: h.channel,
    line: h.line,
    policyVersion: h.policy_version,
    times: { claimedAt: new Date(h.claimed_at).toISOString(), stages: h.stages, extensionApprovedAt: date(h.extension_approved_at)?.toISOString() ?? null, releasedAt: date(h.released_at)?.toISOString() ?? null, wonAt: date(h.won_at)?.toISOString() ?? null },
    extension: h.extension_approved_at ? 'approved' : h.extension_denied_at ? 'denied' : h.extension_requested_at ? 'requested' : 'available',
  };
}

/**
 * Everything a claim or look-up of one customer decides on; `keysFor` reads
 * the request's keys under a policy (and throws the 400 for a key that is
 * not usable under it). `span`: the line range asked about (int4range text).
 */
export async function claimContext(db: Db | Tx, teamId: number, keysFor: (policy: ClaimPolicy) => ClaimKey[], span: string): Promise<ClaimContext> {
  let team = seen.get(db);
  if (!team) seen.set(db, (team = new Map()));
  const known = team.get(teamId) ?? { version: 0, policy: DEFAULT_POLICY };
  // A key refused under the policy last seen may be fine under the one in force: ask which it is first.
  let keys: ClaimKey[] | null = null;
  let refused: unknown = null;
  try {
    keys = keysFor(known.policy);
  } catch (e) {
    refused = e;
  }
  const run = async (k: ClaimKey[], version: number) => (await executeNamed<ContextRow>(db, 'claim_context', statement(teamId, k.map((x) => x.key), span, version))).rows[0]!;
  let row = await run(keys ?? [], known.version);
  let policy = known.policy;
  if (row.version !== known.version) {
    policy = row.version === 0 ? DEFAULT_POLICY : storedPolicy({ policy: row.policy, v: row.schema_version ?? 1 });
    team.set(teamId, { version: row.version, policy });
    const again = keysFor(policy);
    if (!keys || again.some((k, i) => k.key !== keys![i]?.key) || again.length !== keys.length) row = await run(again, row.version);
    keys = again;
  } else if (refused) throw refused;
  return {
    now: new Date(row.now),
    policy,
    keys: keys!,
    all: [...new Set([...keys!.map((k) => k.key), ...(row.keys ?? [])])],
    past: row.past.map((p) => ({ id: Number(p.id), userId: Number(p.user_id), department: p.department, line: p.line, expiresAt: new Date(p.expires_at), releasedAt: date(p.released_at), wonAt: date(p.won_at) })),
    holder: row.holder && holderFrom(row.holder),
  };
}
