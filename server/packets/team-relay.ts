// The team's relay (lib/relay/relay-policy.ts): read for every lifecycle
// command (who accepts, what gates handing on), by the sidebar, popup and
// options; changed by admins only — it decides who sees which customers.
import { DEFAULT_RELAY_POLICY, relayPolicySchema, type RelayPolicy } from '@/lib/relay/relay-policy';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { teamRelay } from '../db/schema';
import { zodInvalid } from '../http/validate';
import { teamSetting } from './team-setting';

const relay = teamSetting<RelayPolicy>('relayPolicy', teamRelay, relayPolicySchema, DEFAULT_RELAY_POLICY, { roles: ['admin'], what: 'change the relay', action: 'team.relay' });

/** The team's relay in force; sales → CS when it has none. */
export const relayPolicyFor = relay.read;

/** Saves `input` (checked: 400 with the field's path, form 'relay') as the team's relay. Packets already handed on keep their route. */
export const saveRelayPolicy = (db: Db, caller: Caller, input: unknown) =>
  relay.save(db, caller, () => {
    const parsed = relayPolicySchema.safeParse(input);
    if (!parsed.success) throw zodInvalid(parsed.error, { form: 'relay', input });
    return parsed.data;
  });
