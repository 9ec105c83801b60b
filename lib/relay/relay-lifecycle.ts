// The relay's lifecycle steps, pure, for the server's commands
// (server/packets/commands.ts) and the sidebar's buttons: hand on (submit),
// accept, return — from whichever stage has the packet. A packet whose route
// is sales → CS gets no relay record: it is stored exactly as before the relay
// was policy (lib/packet/README.md "Lifecycle").
import type { Packet, StageTimes } from '@/lib/packet/schema';
import { stageTimesSchema } from '@/lib/packet/schema';
import type { Role } from '@/lib/packet/edit-rights';
import { holdsWork, nextStage, previousStage, routeOfPacket, stageOf } from './packet-stage';
import { stageRules, type RelayPolicy } from './relay-policy';
import { DEFAULT_ROUTE, type StageId } from './stages';

/** Why a relay step is refused: the status is wrong for it (409) or the caller's role may not take it (403). */
export type RelayRefusal = { code: 'wrong_status' } | { code: 'forbidden'; allowed: Role[] };

const isDefault = (route: readonly StageId[]) => route.length === DEFAULT_ROUTE.length && route.every((s, i) => s === DEFAULT_ROUTE[i]);

/** The packet with its relay record moved to `stage` and `times` merged into that stage's; none on the default route. */
function placed(p: Packet, route: readonly StageId[], stage: StageId, times: Partial<StageTimes>): Packet {
  if (isDefault(route)) return p;
  const relay = p.relay ?? { stage, route: [...route], times: {} };
  const before = relay.times[stage] ?? stageTimesSchema.parse({});
  return { ...p, relay: { ...relay, stage, route: [...route], times: { ...relay.times, [stage]: { ...before, ...times } } } };
}

/** Who may accept or return at the packet's stage: its receiving role, managers and admins. */
export function receiversOf(policy: RelayPolicy, stage: StageId): Role[] {
  return [...new Set<Role>([stageRules(policy, stage).receivingRole, 'manager', 'admin'])];
}

/**
 * May `role` hand the packet on now? The holder of a later stage is its
 * receiving role (or a manager, an admin); at sales, the owner check stays with
 * the caller (commands.ts). Null: yes.
 */
export function handOnRefusal(p: Packet, policy: RelayPolicy, role: Role): RelayRefusal | null {
  const stage = stageOf(p);
  const route = routeOfPacket(p, policy.stages.map((s) => s.id));
  if (!holdsWork(p) || !nextStage(route, stage)) return { code: 'wrong_status' };
  if (stage === 'sales') return role === 'csm' || role === 'implementation' ? { code: 'forbidden', allowed: ['rep', 'manager', 'admin'] } : null;
  const allowed = receiversOf(policy, stage);
  return allowed.includes(role) ? null : { code: 'forbidden', allowed };
}

/** May `role` accept or return the packet now (it is handed to a stage that `role` receives)? Null: yes. */
export function reviewRefusal(p: Packet, policy: RelayPolicy, role: Role): RelayRefusal | null {
  if (p.status !== 'submitted') return { code: 'wrong_status' };
  const allowed = receiversOf(policy, stageOf(p));
  return allowed.includes(role) ? null : { code: 'forbidden', allowed };
}

/** Sales or a later stage hands the packet on to the next stage of its route (fixed now, from the team's policy, if it has none). */
export function handOn(p: Packet, policy: RelayPolicy, now: string): Packet {
  const route = routeOfPacket(p, policy.stages.map((s) => s.id));
  const to = nextStage(route, stageOf(p))!;
  const fromSales = stageOf(p) === 'sales';
  const review = fromSales ? { ...p.review, submittedAt: now, returnedReasons: [] } : { ...p.review, returnedReasons: [] };
  return placed({ ...p, status: 'submitted', review }, route, to, { handedAt: now });
}

/** The receiving stage accepts; the last stage's acceptance is the packet's (review.acceptedAt: intro clock, retrospective). */
export function accept(p: Packet, by: string, now: string): Packet {
  const route = routeOfPacket(p);
  const stage = stageOf(p);
  const last = !nextStage(route, stage);
  const review = last ? { ...p.review, acceptedAt: now, acceptedBy: by } : p.review;
  return placed({ ...p, status: 'accepted', review }, route, stage, { acceptedAt: now, acceptedBy: by });
}

/** The receiving stage sends the packet back to the stage before it, with reasons per item. */
export function sendBack(p: Packet, reasons: Packet['review']['returnedReasons'], now: string): Packet {
  const route = routeOfPacket(p);
  const stage = stageOf(p);
  const to = previousStage(route, stage)!;
  // review.returnedAt is the sales handoff's return (team health); a later stage's return is in its times
  const review = to === 'sales' ? { ...p.review, returnedAt: now, returnedReasons: reasons } : { ...p.review, returnedReasons: reasons };
  const back = placed({ ...p, status: 'returned', review }, route, stage, { returnedAt: now });
  return isDefault(route) ? back : { ...back, relay: { ...back.relay!, stage: to } };
}
