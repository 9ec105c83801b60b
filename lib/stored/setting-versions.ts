// The team settings the server stores as JSON — the checklist template
// (team_settings), the engagement policy (team_engagement), each claim policy
// version (claim_policies), the sign-in policy (team_sign_in), the drafting model (team_drafting) and the relay (team_relay) — with the
// version of their shape in the row's schema_version column. A change to one of these shapes adds its
// numbered migration here and an example of the older shape in
// test/fixtures/stored/; rows are migrated when read.
import { currentVersion, upgrade, type StoredMigration } from './migrations';

/** None yet: version 1 is the shape every stored row has (test/fixtures/stored/*.v1.json). */
const NONE: readonly StoredMigration[] = [];

/** Engagement policy v2 (issue 16): the retrospective's days after acceptance, 30 where a team had none. */
const ENGAGEMENT: readonly StoredMigration[] = [{ to: 2, name: 'retrospectiveDays', up: (doc) => ({ retrospectiveDays: 30, ...doc }) }];

export const SETTING_MIGRATIONS = {
  checklistTemplate: NONE,
  engagementPolicy: ENGAGEMENT,
  claimPolicy: NONE,
  signInPolicy: NONE,
  draftingPolicy: NONE,
  relayPolicy: NONE,
} as const satisfies Record<string, readonly StoredMigration[]>;

export type StoredSetting = keyof typeof SETTING_MIGRATIONS;

/** The version a row written by this code carries. */
export function settingVersion(kind: StoredSetting): number {
  return currentVersion(SETTING_MIGRATIONS[kind]);
}

/**
 * A stored setting (at `version`) in the current shape, still unvalidated;
 * parse it with the setting's schema. A version this code does not know (a
 * newer server wrote it) gives undefined, which no setting schema accepts.
 */
export function migrateSetting(kind: StoredSetting, version: number, doc: unknown): unknown {
  const migrations = SETTING_MIGRATIONS[kind];
  if (!Number.isInteger(version) || version < 1 || version > currentVersion(migrations)) return undefined;
  return upgrade(migrations, version, doc);
}
