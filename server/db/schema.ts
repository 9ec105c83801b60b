// Drizzle table definitions: every table, column, type, default, key, foreign
// key, check and index that server/db/migrations creates. The SQL migrations
// are what runs on a database; test/server/db/schema-matches-migrations.test.ts
// migrates a fresh PGlite and PostgreSQL and fails on any difference between
// what they create and what this file declares, so the two cannot drift.
import { sql } from 'drizzle-orm';
import type { ProfileFit, ReviewSection, Verdict } from '@/lib/engagement/retrospective';
import type { ChatIdentity } from '@/lib/webhooks/config-schema';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type PgColumn,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core';

const id = () => bigserial({ mode: 'number' }).primaryKey();
const ref = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** When the row was written: the database's now() unless given. */
const stamp = (name: string) => at(name).notNull().defaultNow();
/** PostgreSQL int4range as its text form, e.g. "[5,6)" */
const int4range = customType<{ data: string }>({ dataType: () => 'int4range' });

/** Its last value is the base of change positions (packets.seq, server/packets/change-position.ts); nothing advances it since migration 0008. */
export const changeSeq = pgSequence('change_seq');

export const teams = pgTable('teams', { id: id(), name: text('name').notNull(), createdAt: stamp('created_at') });
/** The row's team: every team-owned table references teams(id). */
const teamRef = () =>
  ref('team_id')
    .notNull()
    .references(() => teams.id);

/** The first columns of a row a team owns: its id, and the team. */
const teamRow = () => ({ id: id(), teamId: teamRef() });

export type { Role } from '@/lib/packet/edit-rights';
import type { Role } from '@/lib/packet/edit-rights';

export const users = pgTable('users', {
  ...teamRow(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  channel: text('channel'),
  createdAt: stamp('created_at'),
  department: text('department'),
  /** chat identity for @mentions (migration 0009) */
  chat: jsonb('chat').$type<ChatIdentity>().notNull().default({}),
  /** lower-case; how sign-in finds the person (migration 0011) */
  email: text('email'),
  /** when the person left the team: tokens revoked, no sign-in (migration 0013) */
  deactivatedAt: at('deactivated_at'),
}, (t) => [
  index('users_team').on(t.teamId),
  check('users_role_check', sql`role IN ('rep', 'csm', 'manager', 'admin', 'implementation')`),
  uniqueIndex('users_team_email').on(t.teamId, t.email),
]);

/** A column naming a user: references users(id). */
const userRef = (name: string) => ref(name).references(() => users.id);

/** Tokens are stored as SHA-256 hashes; the token itself is shown once. */
export const tokens = pgTable('tokens', {
  id: id(),
  userId: userRef('user_id').notNull(),
  hash: text('hash').notNull().unique('tokens_hash_key'),
  label: text('label').notNull().default(''),
  createdAt: stamp('created_at'),
  revokedAt: at('revoked_at'),
});

export const packets = pgTable('packets', {
  ...teamRow(),
  key: text('key').notNull(),
  ownerUserId: userRef('owner_user_id').notNull(),
  status: text('status').notNull().default('draft'),
  data: jsonb('data').notNull(),
  clocks: jsonb('clocks').$type<Record<string, string>>().notNull().default({}),
  /** base + the writing transaction's id (migration 0008) */
  seq: ref('seq').notNull(),
  createdAt: stamp('created_at'),
  updatedAt: stamp('updated_at'),
  /** the CSM who holds it once accepted; moved by a reassignment (migration 0013) */
  csmUserId: userRef('csm_user_id'),
}, (t) => [
  unique('packets_team_id_key_key').on(t.teamId, t.key),
  index('packets_team_seq').on(t.teamId, t.seq),
  // A rep's pull reads only their own packets changed since their cursor (migration 0004).
  index('packets_team_owner_seq').on(t.teamId, t.ownerUserId, t.seq),
  index('packets_team_csm').on(t.teamId, t.csmUserId).where(sql`csm_user_id IS NOT NULL`),
]);

/** One row per processed client mutation: a replayed push changes nothing. */
export const mutations = pgTable('mutations', {
  teamId: ref('team_id').notNull(),
  clientId: text('client_id').notNull(),
  mutationId: text('mutation_id').notNull(),
  userId: ref('user_id').notNull(),
  result: text('result').notNull(),
  at: stamp('at'),
}, (t) => [primaryKey({ columns: [t.teamId, t.clientId, t.mutationId] })]);

/** Append-only: who did what, when, before and after. */
export const auditLog = pgTable('audit_log', {
  id: id(),
  teamId: ref('team_id').notNull(),
  userId: ref('user_id'),
  action: text('action').notNull(),
  packetKey: text('packet_key'),
  before: jsonb('before'),
  after: jsonb('after'),
  at: stamp('at'),
}, (t) => [
  index('audit_team_packet').on(t.teamId, t.packetKey, t.id),
  // the health figures' lifecycle entries in a period (migration 0015)
  index('audit_team_lifecycle_at').on(t.teamId, t.at).where(sql`action IN ('packet.create', 'packet.submit', 'packet.return', 'packet.accept')`),
]);

/** Per-token request counts per minute, shared by every server process. */
export const rateLimits = pgTable(
  'rate_limits',
  { tokenId: ref('token_id').notNull(), windowStart: at('window_start').notNull(), count: integer('count').notNull() },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const webhooks = pgTable('webhooks', {
  ...teamRow(),
  kind: text('kind').$type<'wecom' | 'dingtalk' | 'feishu' | 'slack'>().notNull(),
  url: text('url').notNull(),
  createdAt: stamp('created_at'),
  // migration 0009: security settings (the secret is never returned nor logged) and pacing
  name: text('name').notNull().default(''),
  secret: text('secret'),
  keyword: text('keyword'),
  removedAt: at('removed_at'),
  /** when each recent send was done, ms since the epoch, oldest first */
  recentSends: jsonb('recent_sends').$type<number[]>().notNull().default([]),
  /** the tool said "too fast": nothing is sent before this */
  blockedUntil: at('blocked_until'),
}, () => [check('webhooks_kind_check', sql`kind IN ('wecom', 'dingtalk', 'feishu', 'slack')`)]);

/** Notifications wait here until the receiver takes them; retried with backoff. */
export const webhookOutbox = pgTable('webhook_outbox', {
  id: id(),
  teamId: ref('team_id').notNull(),
  webhookId: ref('webhook_id')
    .notNull()
    .references(() => webhooks.id),
  idempotencyKey: text('idempotency_key').notNull().unique('webhook_outbox_idempotency_key_key'),
  body: jsonb('body').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAt: stamp('next_at'),
  deliveredAt: at('delivered_at'),
  lastError: text('last_error'),
  // migration 0009: refused for good (the tool's message in last_error)
  failedAt: at('failed_at'),
  createdAt: stamp('created_at'),
}, (t) => [
  index('webhook_outbox_due').on(t.nextAt).where(sql`delivered_at IS NULL AND failed_at IS NULL`),
  index('webhook_outbox_failed').on(t.webhookId, t.failedAt).where(sql`failed_at IS NOT NULL`),
]);

export const claimPolicies = pgTable('claim_policies', {
  teamId: teamRef(),
  version: integer('version').notNull(),
  effectiveAt: at('effective_at').notNull(),
  policy: jsonb('policy').notNull(),
  /** the JSON's shape version (lib/stored/setting-versions.ts), migration 0010 */
  schemaVersion: integer('schema_version').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.teamId, t.version] })]);

export const claims = pgTable('claims', {
  ...teamRow(),
  userId: userRef('user_id').notNull(),
  customer: text('customer').notNull(),
  policyVersion: integer('policy_version').notNull(),
  claimedAt: stamp('claimed_at'),
  expiresAt: at('expires_at').notNull(),
  stages: jsonb('stages').notNull().default([]),
  extensionRequestedAt: at('extension_requested_at'),
  extensionApprovedAt: at('extension_approved_at'),
  extensionDeniedAt: at('extension_denied_at'),
  releasedAt: at('released_at'),
  wonAt: at('won_at'),
  /** the claimer's department when the claim was made: the pool it falls into */
  department: text('department'),
  /** the CRM deal the claim was made from, so the popup can open it */
  dealUrl: text('deal_url'),
  /** the department or product line claimed (key accounts); null: the whole customer */
  line: text('line'),
}, (t) => [
  index('claims_team_user').on(t.teamId, t.userId),
  index('claims_team_expiry').on(t.teamId, t.expiresAt).where(sql`released_at IS NULL AND won_at IS NULL`),
]);

/** The claim a row belongs to (claim_keys, claim_stages, claim_notices). */
const claimRef = () =>
  ref('claim_id')
    .notNull()
    .references(() => claims.id);

/**
 * One row per normalised key of a claim. "ended" only frees the key (status is
 * computed from timestamps). Each row covers the whole customer, [0, 2147483647),
 * or one line, [h, h+1) (lib/claims/claim-line.ts).
 */
export const claimKeys = pgTable('claim_keys', {
  claimId: claimRef(),
  teamId: ref('team_id').notNull(),
  key: text('key').notNull(),
  expiresAt: at('expires_at').notNull(),
  ended: boolean('ended').notNull().default(false),
  /** the whole customer or one line of it (migration 0007) */
  span: int4range('span')
    .notNull()
    .default(sql`int4range(0, 2147483647)`),
}, (t) => [
  primaryKey({ columns: [t.claimId, t.key] }),
  // Every claim a key ever had, for look-ups and the pool.
  index('claim_keys_team_key').on(t.teamId, t.key, t.claimId),
]);

/** A constraint Drizzle has no builder for: `EXCLUDE USING method (column WITH operator, …) WHERE …`. */
export interface Exclusion {
  table: string;
  name: string;
  using: 'gist';
  elements: readonly (readonly [column: string, operator: string])[];
  where?: ReturnType<typeof sql>;
}

/**
 * Two live rows of one claim key may not overlap (migration 0007): a
 * whole-customer claim blocks every line, two different lines do not block each
 * other; of racing claims exactly one wins. Needs btree_gist's text equality.
 */
export const claimKeysOneLive: Exclusion = {
  table: 'claim_keys',
  name: 'claim_keys_one_live',
  using: 'gist',
  elements: [
    ['team_id', '='],
    ['key', '='],
    ['span', '&&'],
  ],
  where: sql`NOT ended`,
};

/** The two names an alias links: each as its claim key (key_a < key_b) and as the person wrote it. */
const aliasSides = {
  keyA: text('key_a').notNull(),
  keyB: text('key_b').notNull(),
  nameA: text('name_a').notNull(),
  nameB: text('name_b').notNull(),
};

/** Two keys of one customer (two names of it); removing keeps the row. */
export const claimAliases = pgTable('claim_aliases', {
  ...teamRow(),
  ...aliasSides,
  createdBy: userRef('created_by').notNull(),
  createdAt: stamp('created_at'),
  removedBy: userRef('removed_by'),
  removedAt: at('removed_at'),
}, (t) => [
  check('claim_aliases_check', sql`key_a < key_b`),
  uniqueIndex('claim_aliases_live').on(t.teamId, t.keyA, t.keyB).where(sql`removed_at IS NULL`),
  index('claim_aliases_b').on(t.teamId, t.keyB).where(sql`removed_at IS NULL`),
]);

/**
 * A record that a notice went out, once per key: the key's columns (together
 * the primary key, so a second send fails to insert) and when it was sent.
 */
function sentOnce<K extends Record<string, PgColumnBuilderBase>>(name: string, key: K) {
  return pgTable(name, { ...key, sentAt: stamp('sent_at') }, (t) => {
    const cols = Object.keys(key).map((k) => Reflect.get(t, k) as PgColumn);
    return [primaryKey({ columns: [cols[0]!, ...cols.slice(1)] })];
  });
}

/** The managers' daily digest, sent once per team and day. */
export const claimDigests = sentOnce('claim_digests', { teamId: teamRef(), day: date('day').notNull() });

/** A phone seen together with a company on one claim counts for that company. */
export const keyLinks = pgTable(
  'key_links',
  { teamId: ref('team_id').notNull(), phoneKey: text('phone_key').notNull(), companyKey: text('company_key').notNull() },
  (t) => [primaryKey({ columns: [t.teamId, t.phoneKey, t.companyKey] })],
);

export const claimConflicts = pgTable('claim_conflicts', {
  ...teamRow(),
  claimId: claimRef(),
  openedBy: userRef('opened_by').notNull(),
  openedAt: stamp('opened_at'),
  ruledAt: at('ruled_at'),
  ruledBy: userRef('ruled_by'),
  ruling: jsonb('ruling'),
  /** why the opener says the claim is wrong; shown to the manager who rules */
  evidence: text('evidence').notNull(),
}, (t) => [
  index('claim_conflicts_team').on(t.teamId, t.id),
  // One open conflict per claim and opener: repeats add nothing but noise.
  uniqueIndex('claim_conflicts_one_open').on(t.claimId, t.openedBy).where(sql`ruled_at IS NULL`),
]);

/** The record that an expiring-claim notice went out, so each goes out once per claim and threshold. */
export const claimNotices = sentOnce('claim_notices', { claimId: claimRef(), thresholdDays: integer('threshold_days').notNull() });

/**
 * A team's one stored setting: its JSON document (`doc`, in column
 * `docColumn`) and the shape version it was written in
 * (lib/stored/setting-versions.ts, migration 0010). One row per team.
 */
const teamSettingTable = (name: string, docColumn: string) =>
  pgTable(name, {
    teamId: ref('team_id')
      .primaryKey()
      .references(() => teams.id),
    doc: jsonb(docColumn).notNull(),
    updatedAt: stamp('updated_at'),
    schemaVersion: integer('schema_version').notNull().default(1),
  });
/** Every setting table has this one type (server/packets/team-setting.ts reads and saves either). */
export type TeamSettingTable = ReturnType<typeof teamSettingTable>;

/** The team's checklist template; no row: the default of lib/packet/checklist-template.ts. */
export const teamSettings = teamSettingTable('team_settings', 'checklist_template');

/** The team's engagement policy; no row: the defaults of lib/engagement/policy.ts. */
export const teamEngagement = teamSettingTable('team_engagement', 'policy');

/** The team's relay (lib/relay/relay-policy.ts); no row: sales → CS, today's behaviour (migration 0012). */
export const teamRelay = teamSettingTable('team_relay', 'policy');

/** The team's sign-in policy (lib/auth/sign-in-policy.ts); no row: its default (migration 0011). */
export const teamSignIn = teamSettingTable('team_sign_in', 'policy');

/** The team's drafting model (lib/drafting/drafting-policy.ts); no row: drafting off (migration 0017). */
export const teamDrafting = teamSettingTable('team_drafting', 'policy');

/** An OpenID Connect sign-in under way: the state's hash and the nonce the ID token must carry; used once. */
export const signInAttempts = pgTable('sign_in_attempts', {
  ...teamRow(),
  stateHash: text('state_hash').notNull().unique('sign_in_attempts_state_hash_key'),
  nonce: text('nonce').notNull().unique('sign_in_attempts_nonce_key'),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: stamp('created_at'),
}, (t) => [index('sign_in_attempts_expiry').on(t.expiresAt)]);

/** An invited person's one-time sign-in code, hashed like tokens; wrong tries counted. */
export const signInCodes = pgTable('sign_in_codes', {
  // in the order of migration 0011: the code, for whom and by whom, where, tries, times
  codeHash: text('code_hash').notNull(),
  userId: userRef('user_id').notNull(),
  createdBy: userRef('created_by').notNull(),
  ...teamRow(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: stamp('created_at'),
}, (t) => [index('sign_in_codes_user').on(t.userId).where(sql`used_at IS NULL`)]);

/** One reassignment (issue 16 item 2): whose customers, by whom, why, and what became of the person (migration 0013). */
export const reassignments = pgTable('reassignments', {
  ...teamRow(),
  fromUserId: userRef('from_user_id').notNull(),
  byUserId: userRef('by_user_id').notNull(),
  reason: text('reason').notNull(),
  outcome: text('outcome').$type<'leaves' | 'changesRole'>().notNull(),
  newRole: text('new_role').$type<Role>(),
  createdAt: stamp('created_at'),
}, () => [check('reassignments_outcome_check', sql`outcome IN ('leaves', 'changesRole')`)]);

/** One claim or packet handed to a receiver with its note; under "needs me" until acknowledged. */
export const handoffNotes = pgTable('handoff_notes', {
  ...teamRow(),
  reassignmentId: ref('reassignment_id')
    .notNull()
    .references(() => reassignments.id),
  toUserId: userRef('to_user_id').notNull(),
  claimId: ref('claim_id').references(() => claims.id),
  packetKey: text('packet_key'),
  label: text('label').notNull(),
  dealUrl: text('deal_url'),
  note: text('note').notNull().default(''),
  acknowledgedAt: at('acknowledged_at'),
}, (t) => [
  check('handoff_notes_one_subject', sql`(claim_id IS NULL) <> (packet_key IS NULL)`),
  index('handoff_notes_open').on(t.teamId, t.toUserId).where(sql`acknowledged_at IS NULL`),
]);

/** Every exclusion constraint, for the schema test (Drizzle's table config cannot hold them). */
export const exclusions: readonly Exclusion[] = [claimKeysOneLive];

/** A handoff's retrospective (migration 0014): one per packet, by the person who accepted it. */
export const retrospectives = pgTable('retrospectives', {
  ...teamRow(),
  packetKey: text('packet_key').notNull(),
  repUserId: userRef('rep_user_id').notNull(),
  csmUserId: userRef('csm_user_id').notNull(),
  acceptedAt: at('accepted_at').notNull(),
  sections: jsonb('sections').$type<Record<ReviewSection, { verdict: Verdict; note: string }>>().notNull(),
  profileFit: text('profile_fit').$type<ProfileFit>().notNull(),
  profileNote: text('profile_note').notNull().default(''),
  submittedAt: stamp('submitted_at'),
}, (t) => [
  check('retrospectives_profile_fit_check', sql`profile_fit IN ('yes', 'partly', 'no')`),
  unique('retrospectives_one_per_packet').on(t.teamId, t.packetKey),
  index('retrospectives_team_submitted').on(t.teamId, t.submittedAt),
  index('retrospectives_team_rep').on(t.teamId, t.repUserId),
]);
