// Who may read and change a packet. Reps see and edit their own; CSMs read the
// team's packets, accept or return them, and amend accepted ones; managers and
// admins see and may change all of their team's. Another team's packet is
// never found (404), whoever asks.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import { packets } from '../db/schema';

export function visibleTo(caller: Caller): SQL {
  const team = eq(packets.teamId, caller.teamId);
  return caller.role === 'rep' ? and(team, eq(packets.ownerUserId, caller.userId))! : team;
}

export function mayEdit(caller: Caller, row: { ownerUserId: number; status: string }): string | null {
  if (caller.role === 'manager' || caller.role === 'admin') return null;
  if (caller.role === 'rep') return row.ownerUserId === caller.userId ? null : 'reps edit only their own packets';
  return row.status === 'accepted' ? null : 'CSMs change a packet only as an amendment after accepting it';
}
