// The team relay policy (issue 16 item 1): the default is today's sales → CS;
// the optional route puts implementation in between; anything else is refused
// at the field that is wrong.
import { describe, expect, it } from 'vitest';
import { fromZod } from '@/lib/i18n/issues';
import { DEFAULT_IMPLEMENTATION_TEMPLATE, DEFAULT_RELAY_POLICY, relayPolicySchema, routeOf, stageRules, stageSlaHours, THREE_STAGE_RELAY_POLICY } from '@/lib/relay/relay-policy';

describe('relay policy', () => {
  it('by default is sales → CS, accepted by a CSM within 24 hours', () => {
    expect(routeOf(DEFAULT_RELAY_POLICY)).toEqual(['sales', 'cs']);
    expect(DEFAULT_RELAY_POLICY.stages).toEqual([
      { id: 'sales', receivingRole: 'rep' },
      { id: 'cs', receivingRole: 'csm', acceptWithinHours: 24 },
    ]);
  });

  it('the three-stage relay gives implementation its role, SLA and the onboarding checklist', () => {
    expect(routeOf(THREE_STAGE_RELAY_POLICY)).toEqual(['sales', 'implementation', 'cs']);
    const impl = stageRules(THREE_STAGE_RELAY_POLICY, 'implementation');
    expect(impl).toMatchObject({ receivingRole: 'implementation', acceptWithinHours: 48 });
    expect(stageSlaHours(impl)).toBe(48);
    expect(stageSlaHours(stageRules(THREE_STAGE_RELAY_POLICY, 'sales'))).toBeNull();
    // written out: four required steps of 20 each reach the 80 % threshold alone
    expect(DEFAULT_IMPLEMENTATION_TEMPLATE.items).toEqual([
      { id: 'goLive', required: true, weight: 20 },
      { id: 'accounts', required: true, weight: 20 },
      { id: 'dataLoaded', required: true, weight: 20 },
      { id: 'integrations', required: false, weight: 10 },
      { id: 'training', required: true, weight: 20 },
      { id: 'openBugs', required: false, weight: 10 },
    ]);
  });

  it('a stage the team dropped mid-flight still has rules (its defaults)', () => {
    expect(stageRules(DEFAULT_RELAY_POLICY, 'implementation')).toMatchObject({ receivingRole: 'implementation', acceptWithinHours: 48 });
  });

  it.each([
    [{ stages: [{ id: 'cs' }, { id: 'sales' }] }, 'stages', 'relayRoute'],
    [{ stages: [{ id: 'sales' }, { id: 'implementation' }] }, 'stages', 'relayRoute'],
    [{ stages: [{ id: 'sales' }, { id: 'cs' }, { id: 'cs' }] }, 'stages', 'relayRoute'],
    [{ stages: [{ id: 'sales' }] }, 'stages', 'minItems'],
    [{ stages: [{ id: 'sales' }, { id: 'cs', receivingRole: 'rep' }] }, 'stages[1].receivingRole', 'oneOf'],
    [{ stages: [{ id: 'sales' }, { id: 'cs', acceptWithinHours: 0 }] }, 'stages[1].acceptWithinHours', 'atLeast'],
    [{ stages: [{ id: 'sales' }, { id: 'cs', acceptWithinHours: 1.5 }] }, 'stages[1].acceptWithinHours', 'wholeNumber'],
    [{ stages: [{ id: 'sales' }, { id: 'implementation', template: { version: 1, threshold: 80, items: [{ id: 'profile', required: true, weight: 1 }] } }, { id: 'cs' }] }, 'stages[1].template.items[0].id', 'oneOf'],
    [{ stages: [{ id: 'sales', acceptWithinHours: 3 }, { id: 'cs' }] }, 'stages[0]', 'unknownKeys'],
  ])('refuses %j at %s (%s)', (input, path, code) => {
    const r = relayPolicySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(fromZod(r.error!)).toContainEqual(expect.objectContaining({ path, code }));
  });
});
