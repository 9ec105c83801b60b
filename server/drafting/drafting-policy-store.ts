// The team's drafting model (lib/drafting/drafting-policy.ts): read for every
// draft, shown without its key, changed by admins (they decide where packet
// text may be sent).
import { applyDraftingBody, DEFAULT_DRAFTING_POLICY, draftingPolicySchema, draftingView, type DraftingBody, type DraftingPolicy } from '@/lib/drafting/drafting-policy';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { teamDrafting } from '../db/schema';
import { teamSetting } from '../packets/team-setting';

const policy = teamSetting<DraftingPolicy>('draftingPolicy', teamDrafting, draftingPolicySchema, DEFAULT_DRAFTING_POLICY, {
  roles: ['admin'],
  what: 'change the team’s drafting model',
  action: 'team.drafting',
  audited: draftingView,
});

export const draftingPolicyFor = policy.read;

/**
 * `body`: already parsed by the route (400 with the field path otherwise).
 * The audit entry never holds the key: only whether there is one.
 */
export const saveDraftingPolicy = (db: Db, caller: Caller, body: DraftingBody) => policy.save(db, caller, (before) => applyDraftingBody(before, body));
