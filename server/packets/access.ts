// Who may read a packet. Reps see their own; CSMs, managers and admins see
// their team's. Another team's packet is never found (404), whoever asks. Who
// may change what is lib/packet/edit-rights.ts, shared with the sidebar.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import { packets } from '../db/schema';

export function visibleTo(caller: Caller): SQL {
  const team = eq(packets.teamId, caller.teamId);
  return caller.role === 'rep' ? and(team, eq(packets.ownerUserId, caller.userId))! : team;
}
