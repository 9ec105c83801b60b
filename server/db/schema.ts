// Drizzle table definitions mirroring server/db/migrations (the SQL files are
// the source of truth for the database; these give typed queries).
import { bigint, bigserial, boolean, customType, date, integer, jsonb, pgTable, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

const id = () => bigserial({ mode: 'number' }).primaryKey();
const ref = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** PostgreSQL int4range as its text form, e.g. "[5,6)" */
const int4range = customType<{ data: string }>({ dataType: () => 'int4range' });

export const teams = pgTable('teams', { id: id(), name: text('name').notNull(), createdAt: at('created_at').notNull().defaultNow() });

export const users = pgTable('users', {
  id: id(),
  teamId: ref('team_id').notNull(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  channel: text('channel'),
  department: text('department'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const tokens = pgTable('tokens', {
  id: id(),
  userId: ref('user_id').notNull(),
  hash: text('hash').notNull(),
  label: text('label').notNull().default(''),
  createdAt: at('created_at').notNull().defaultNow(),
  revokedAt: at('revoked_at'),
});

export const packets = pgTable('packets', {
  id: id(),
  teamId: ref('team_id').notNull(),
  key: text('key').notNull(),
  ownerUserId: ref('owner_user_id').notNull(),
  status: text('status').notNull(),
  data: jsonb('data').notNull(),
  clocks: jsonb('clocks').$type<Record<string, string>>().notNull(),
  seq: ref('seq').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const mutations = pgTable(
  'mutations',
  {
    teamId: ref('team_id').notNull(),
    clientId: text('client_id').notNull(),
    mutationId: text('mutation_id').notNull(),
    userId: ref('user_id').notNull(),
    result: text('result').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.clientId, t.mutationId] })],
);

export const auditLog = pgTable('audit_log', {
  id: id(),
  teamId: ref('team_id').notNull(),
  userId: ref('user_id'),
  action: text('action').notNull(),
  packetKey: text('packet_key'),
  before: jsonb('before'),
  after: jsonb('after'),
  at: at('at').notNull().defaultNow(),
});

export const rateLimits = pgTable(
  'rate_limits',
  { tokenId: ref('token_id').notNull(), windowStart: at('window_start').notNull(), count: integer('count').notNull() },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const webhooks = pgTable('webhooks', {
  id: id(),
  teamId: ref('team_id').notNull(),
  kind: text('kind').$type<'wecom' | 'dingtalk' | 'feishu' | 'slack'>().notNull(),
  url: text('url').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const webhookOutbox = pgTable('webhook_outbox', {
  id: id(),
  teamId: ref('team_id').notNull(),
  webhookId: ref('webhook_id').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  body: jsonb('body').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAt: at('next_at').notNull().defaultNow(),
  deliveredAt: at('delivered_at'),
  lastError: text('last_error'),
});

export type Role = 'rep' | 'csm' | 'manager' | 'admin';

export const claimPolicies = pgTable(
  'claim_policies',
  { teamId: ref('team_id').notNull(), version: integer('version').notNull(), effectiveAt: at('effective_at').notNull(), policy: jsonb('policy').notNull() },
  (t) => [primaryKey({ columns: [t.teamId, t.version] })],
);

export const claims = pgTable('claims', {
  id: id(),
  teamId: ref('team_id').notNull(),
  userId: ref('user_id').notNull(),
  customer: text('customer').notNull(),
  policyVersion: integer('policy_version').notNull(),
  claimedAt: at('claimed_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  stages: jsonb('stages').notNull(),
  extensionRequestedAt: at('extension_requested_at'),
  extensionApprovedAt: at('extension_approved_at'),
  extensionDeniedAt: at('extension_denied_at'),
  releasedAt: at('released_at'),
  wonAt: at('won_at'),
  department: text('department'),
  dealUrl: text('deal_url'),
  /** the department or product line claimed (key accounts); null: the whole customer */
  line: text('line'),
});

export const claimKeys = pgTable(
  'claim_keys',
  {
    claimId: ref('claim_id').notNull(),
    teamId: ref('team_id').notNull(),
    key: text('key').notNull(),
    expiresAt: at('expires_at').notNull(),
    ended: boolean('ended').notNull().default(false),
    /** the whole customer or one line of it (migration 0007) */
    span: int4range('span').notNull().default('[0,2147483647)'),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.key] })],
);

export const claimAliases = pgTable('claim_aliases', {
  id: id(),
  teamId: ref('team_id').notNull(),
  keyA: text('key_a').notNull(),
  keyB: text('key_b').notNull(),
  nameA: text('name_a').notNull(),
  nameB: text('name_b').notNull(),
  createdBy: ref('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  removedBy: ref('removed_by'),
  removedAt: at('removed_at'),
});

export const claimDigests = pgTable(
  'claim_digests',
  { teamId: ref('team_id').notNull(), day: date('day').notNull(), sentAt: at('sent_at').notNull().defaultNow() },
  (t) => [primaryKey({ columns: [t.teamId, t.day] })],
);

export const keyLinks = pgTable(
  'key_links',
  { teamId: ref('team_id').notNull(), phoneKey: text('phone_key').notNull(), companyKey: text('company_key').notNull() },
  (t) => [primaryKey({ columns: [t.teamId, t.phoneKey, t.companyKey] })],
);

export const claimConflicts = pgTable('claim_conflicts', {
  id: id(),
  teamId: ref('team_id').notNull(),
  claimId: ref('claim_id').notNull(),
  openedBy: ref('opened_by').notNull(),
  evidence: text('evidence').notNull(),
  openedAt: at('opened_at').notNull().defaultNow(),
  ruledAt: at('ruled_at'),
  ruledBy: ref('ruled_by'),
  ruling: jsonb('ruling'),
});

export const claimNotices = pgTable(
  'claim_notices',
  { claimId: ref('claim_id').notNull(), thresholdDays: integer('threshold_days').notNull(), sentAt: at('sent_at').notNull().defaultNow() },
  (t) => [primaryKey({ columns: [t.claimId, t.thresholdDays] })],
);

export const teamSettings = pgTable('team_settings', {
  teamId: ref('team_id').primaryKey(),
  checklistTemplate: jsonb('checklist_template').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const teamEngagement = pgTable('team_engagement', {
  teamId: ref('team_id').primaryKey(),
  policy: jsonb('policy').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
