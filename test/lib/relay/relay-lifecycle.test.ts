// The relay's steps on a hand-worked packet (issue 16 item 1): rep submits,
// implementation accepts, fills its section and hands on, CS accepts — and a
// sales → CS team's packet goes through exactly as before (no relay record).
import { describe, expect, it } from 'vitest';
import { setField } from '@/lib/packet/edit';
import { editVerdict, type Role } from '@/lib/packet/edit-rights';
import type { Packet } from '@/lib/packet/schema';
import { IMPLEMENTATION_RULES } from '@/lib/relay/implementation-rules';
import { holdsWork, routeOfPacket, sectionFrozen, stageOf } from '@/lib/relay/packet-stage';
import { accept, handOn, handOnRefusal, reviewRefusal, sendBack } from '@/lib/relay/relay-lifecycle';
import { DEFAULT_IMPLEMENTATION_TEMPLATE, DEFAULT_RELAY_POLICY, THREE_STAGE_RELAY_POLICY } from '@/lib/relay/relay-policy';
import { scoreWith } from '@/lib/packet/score';
import { empty, fill } from '../packet/helpers';

const T1 = '2026-11-30T01:00:00.000Z';
const T2 = '2026-11-30T02:00:00.000Z';
const T3 = '2026-11-30T03:00:00.000Z';
const T4 = '2026-11-30T04:00:00.000Z';
const ready = () => fill(empty(), 'profile', 'contract', 'whyWon', 'risks', 'stakeholderWithContact');
const verdict = (role: Role, p: Packet, path: string) => {
  const v = editVerdict({ role, owner: role === 'rep', status: p.status, relay: p.relay }, { kind: 'set', path, value: 'x' });
  return v.ok ? (v.amendment ? 'amend' : 'ok') : v.code;
};

describe('relay lifecycle, sales → CS (the default)', () => {
  it('submit and accept leave no relay record, and the stage follows the status as before', () => {
    const draft = ready();
    expect(stageOf(draft)).toBe('sales');
    const submitted = handOn(draft, DEFAULT_RELAY_POLICY, T1);
    expect(submitted).toEqual({ ...draft, status: 'submitted', review: { ...draft.review, submittedAt: T1, returnedReasons: [] } });
    expect(stageOf(submitted)).toBe('cs');
    const accepted = accept(submitted, 'Li Wei', T2);
    expect(accepted).toEqual({ ...submitted, status: 'accepted', review: { ...submitted.review, acceptedAt: T2, acceptedBy: 'Li Wei' } });
    const returned = sendBack(submitted, [{ item: 'risks', reason: 'which risk?' }], T2);
    expect(returned.relay).toBeUndefined();
    expect(returned).toMatchObject({ status: 'returned', review: { returnedAt: T2, returnedReasons: [{ item: 'risks', reason: 'which risk?' }] } });
    expect(stageOf(returned)).toBe('sales');
  });

  it('only a CSM, a manager or an admin accepts; implementation never does', () => {
    const submitted = handOn(ready(), DEFAULT_RELAY_POLICY, T1);
    expect(reviewRefusal(submitted, DEFAULT_RELAY_POLICY, 'csm')).toBeNull();
    expect(reviewRefusal(submitted, DEFAULT_RELAY_POLICY, 'manager')).toBeNull();
    expect(reviewRefusal(submitted, DEFAULT_RELAY_POLICY, 'implementation')).toEqual({ code: 'forbidden', allowed: ['csm', 'manager', 'admin'] });
    expect(reviewRefusal(submitted, DEFAULT_RELAY_POLICY, 'rep')).toMatchObject({ code: 'forbidden' });
  });
});

describe('relay lifecycle, sales → implementation → CS', () => {
  const policy = THREE_STAGE_RELAY_POLICY;

  it('walks the whole relay with per-stage times; review.acceptedAt is only the last stage’s', () => {
    const draft = ready();
    expect(routeOfPacket(draft, ['sales', 'implementation', 'cs'])).toEqual(['sales', 'implementation', 'cs']);
    expect(handOnRefusal(draft, policy, 'rep')).toBeNull();
    expect(handOnRefusal(draft, policy, 'implementation')).toMatchObject({ code: 'forbidden' });

    const handed = handOn(draft, policy, T1);
    expect(handed.status).toBe('submitted');
    expect(handed.relay).toEqual({ stage: 'implementation', route: ['sales', 'implementation', 'cs'], times: { implementation: { handedAt: T1, acceptedAt: null, acceptedBy: null, returnedAt: null } } });
    expect(handed.review.submittedAt).toBe(T1);
    expect(reviewRefusal(handed, policy, 'csm')).toEqual({ code: 'forbidden', allowed: ['implementation', 'manager', 'admin'] });
    expect(reviewRefusal(handed, policy, 'implementation')).toBeNull();

    const inImpl = accept(handed, 'Zhao Min', T2);
    expect(inImpl.status).toBe('accepted');
    expect(inImpl.review.acceptedAt).toBeNull();
    expect(inImpl.relay!.times.implementation).toEqual({ handedAt: T1, acceptedAt: T2, acceptedBy: 'Zhao Min', returnedAt: null });
    expect(holdsWork(inImpl)).toBe(true);
    expect(handOnRefusal(inImpl, policy, 'implementation')).toBeNull();
    expect(handOnRefusal(inImpl, policy, 'rep')).toEqual({ code: 'forbidden', allowed: ['implementation', 'manager', 'admin'] });

    const toCs = handOn(inImpl, policy, T3);
    expect(toCs.relay!.stage).toBe('cs');
    expect(toCs.status).toBe('submitted');
    expect(toCs.review.submittedAt).toBe(T1); // the sales handoff's time stays
    expect(reviewRefusal(toCs, policy, 'implementation')).toMatchObject({ code: 'forbidden', allowed: ['csm', 'manager', 'admin'] });

    const done = accept(toCs, 'Li Wei', T4);
    expect(done).toMatchObject({ status: 'accepted', review: { acceptedAt: T4, acceptedBy: 'Li Wei' } });
    expect(done.relay!.times.cs).toEqual({ handedAt: T3, acceptedAt: T4, acceptedBy: 'Li Wei', returnedAt: null });
    expect(handOnRefusal(done, policy, 'csm')).toEqual({ code: 'wrong_status' });
  });

  it('CS sends back to implementation; implementation sends back to sales', () => {
    const inImpl = accept(handOn(ready(), policy, T1), 'Zhao Min', T2);
    const back = sendBack(handOn(inImpl, policy, T3), [{ item: 'training', reason: 'no training date' }], T4);
    expect(back).toMatchObject({ status: 'returned', relay: { stage: 'implementation' }, review: { returnedAt: null, returnedReasons: [{ item: 'training', reason: 'no training date' }] } });
    expect(back.relay!.times.cs!.returnedAt).toBe(T4);
    expect(handOnRefusal(back, policy, 'implementation')).toBeNull();

    const toSales = sendBack(handOn(ready(), policy, T1), [{ item: 'contract', reason: 'term?' }], T2);
    expect(toSales).toMatchObject({ status: 'returned', relay: { stage: 'sales' }, review: { returnedAt: T2 } });
    expect(handOnRefusal(toSales, policy, 'rep')).toBeNull();
  });

  it('earlier sections are read-only for later stages except as amendments', () => {
    const handed = handOn(ready(), policy, T1);
    // handed to implementation, not yet accepted: the rep still fixes, implementation only reads
    expect(sectionFrozen(handed, 'sales')).toBe(false);
    expect(verdict('rep', handed, 'salesNotes')).toBe('ok');
    expect(verdict('implementation', handed, 'salesNotes')).toBe('notYourStage');
    expect(verdict('implementation', handed, 'implementation.integrations')).toBe('implementationSection');

    const inImpl = accept(handed, 'Zhao Min', T2);
    expect(verdict('rep', inImpl, 'salesNotes')).toBe('amend');
    expect(verdict('implementation', inImpl, 'salesNotes')).toBe('amend');
    expect(verdict('implementation', inImpl, 'implementation.integrations')).toBe('ok');
    expect(verdict('rep', inImpl, 'implementation.integrations')).toBe('implementationSection');
    expect(verdict('csm', inImpl, 'salesNotes')).toBe('csmBeforeAcceptance');
    expect(verdict('csm', inImpl, 'implementation.integrations')).toBe('csmBeforeAcceptance');
    expect(verdict('csm', inImpl, 'expansion.relationship')).toBe('expansionAfterAcceptance');

    const toCs = handOn(inImpl, policy, T3);
    expect(verdict('implementation', toCs, 'implementation.integrations')).toBe('noPacket'); // no longer at its stage
    const done = accept(toCs, 'Li Wei', T4);
    expect(verdict('csm', done, 'implementation.integrations')).toBe('amend');
    expect(verdict('csm', done, 'salesNotes')).toBe('amend');
    expect(verdict('csm', done, 'expansion.relationship')).toBe('amend');
  });

  it('the implementation checklist scores the onboarding steps by the stage template', () => {
    let p = ready();
    const score = () => scoreWith(IMPLEMENTATION_RULES, p, DEFAULT_IMPLEMENTATION_TEMPLATE);
    expect(score()).toMatchObject({ completeness: 0, canSubmit: false });
    p = setField(p, 'implementation.goLiveDate', '2027-02-01');
    p = setField(p, 'implementation.accountsSetUp', true);
    p = setField(p, 'implementation.dataLoaded', true);
    // 60 of 100: training (required) missing
    expect(score()).toMatchObject({ completeness: 60, canSubmit: false, missingRequired: [expect.objectContaining({ id: 'training', linkPath: 'implementation.trainingGiven' })] });
    p = setField(p, 'implementation.trainingGiven', true);
    expect(score()).toMatchObject({ completeness: 80, canSubmit: true });
    p = setField(p, 'implementation.noOpenBugs', true);
    p = setField(p, 'implementation.integrations', 'ERP via the Open API');
    expect(score().completeness).toBe(100);
  });
});
