// Who may read a packet. Reps see their own; CSMs, managers and admins see
// their team's; implementation sees only its team's packets that are at the
// implementation stage (handed to it, worked on, or sent back to it: the
// packet's relay.stage, lib/relay/packet-stage.ts) — not before, not after.
// Another team's packet is never found (404), whoever asks. Who may change
// what is lib/packet/edit-rights.ts, shared with the sidebar.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import { packets } from '../db/schema';

export function visibleTo(caller: Caller): SQL {
  const team = eq(packets.teamId, caller.teamId);
  if (caller.role === 'rep') return and(team, eq(packets.ownerUserId, caller.userId))!;
  if (caller.role === 'implementation') return and(team, sql`${packets.data} -> 'relay' ->> 'stage' = 'implementation'`)!;
  return team;
}
