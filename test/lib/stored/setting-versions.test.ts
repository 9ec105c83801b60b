// Team settings stored by the server carry their shape's version (issue 13,
// item 7): every stored example of every version still reads, through the
// numbered migrations, as the current shape; a version this code does not
// know reads as nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInPolicySchema } from '@/lib/auth/sign-in-policy';
import { draftingPolicySchema } from '@/lib/drafting/drafting-policy';
import { claimPolicySchema } from '@/lib/claims/policy';
import { engagementPolicySchema } from '@/lib/engagement/policy';
import { checklistTemplateSchema } from '@/lib/packet/checklist-template';
import { relayPolicySchema } from '@/lib/relay/relay-policy';
import { migrateSetting, SETTING_MIGRATIONS, settingVersion, type StoredSetting } from '@/lib/stored/setting-versions';

const SCHEMAS = { checklistTemplate: checklistTemplateSchema, engagementPolicy: engagementPolicySchema, claimPolicy: claimPolicySchema, signInPolicy: signInPolicySchema, draftingPolicy: draftingPolicySchema, relayPolicy: relayPolicySchema };
const FILES: Record<StoredSetting, string> = { checklistTemplate: 'checklist-template', engagementPolicy: 'engagement-policy', claimPolicy: 'claim-policy', signInPolicy: 'sign-in-policy', draftingPolicy: 'drafting-policy', relayPolicy: 'relay-policy' };
const fixture = (kind: StoredSetting, version: number) => join(import.meta.dirname, '../../fixtures/stored', `${FILES[kind]}.v${version}.json`);

describe.each(Object.keys(SETTING_MIGRATIONS) as StoredSetting[])('stored %s', (kind) => {
  it('keeps an example of every version it can read, and each reads as the current shape', () => {
    for (let v = 1; v <= settingVersion(kind); v++) {
      expect(existsSync(fixture(kind, v)), fixture(kind, v)).toBe(true);
      const stored = JSON.parse(readFileSync(fixture(kind, v), 'utf8'));
      const read = SCHEMAS[kind].safeParse(migrateSetting(kind, v, stored));
      expect(read.error).toBeUndefined();
      if (v === settingVersion(kind)) expect(read.data).toEqual(stored);
    }
  });

  it('a version this code does not know reads as nothing', () => {
    const stored = JSON.parse(readFileSync(fixture(kind, 1), 'utf8'));
    expect(migrateSetting(kind, settingVersion(kind) + 1, stored)).toBeUndefined();
    expect(migrateSetting(kind, 0, stored)).toBeUndefined();
    expect(SCHEMAS[kind].safeParse(migrateSetting(kind, settingVersion(kind) + 1, stored)).success).toBe(false);
  });
});
