// Where a packet is in the relay, read from the packet alone. A packet that
// carries no relay record (a sales → CS team's, or one stored before the relay
// was policy) is at sales until handed on and at CS after, exactly as the
// lifecycle read before.
import type { Packet } from '@/lib/packet/schema';
import { DEFAULT_ROUTE, type StageId } from './stages';

type Placed = Pick<Packet, 'status' | 'relay'>;

/** The stage that has the packet: handed to it (submitted), working on it (accepted), sent back to it (returned), or sales (draft). */
export function stageOf(p: Placed): StageId {
  return p.relay?.stage ?? (p.status === 'submitted' || p.status === 'accepted' ? 'cs' : 'sales');
}

/**
 * The stages the packet passes through: its own once handed on; before that
 * (a draft, no relay record) the team's route when known, else sales → CS.
 */
export function routeOfPacket(p: Placed, teamRoute?: readonly StageId[]): readonly StageId[] {
  if (p.relay) return p.relay.route;
  return p.status === 'draft' && teamRoute ? teamRoute : DEFAULT_ROUTE;
}

/** The stage after `stage` on `route`; null at the last. */
export function nextStage(route: readonly StageId[], stage: StageId): StageId | null {
  const i = route.indexOf(stage);
  return i >= 0 && i + 1 < route.length ? route[i + 1]! : null;
}

/** The stage before `stage` on `route`; null at the first. */
export function previousStage(route: readonly StageId[], stage: StageId): StageId | null {
  const i = route.indexOf(stage);
  return i > 0 ? route[i - 1]! : null;
}

/** Is the packet's holder at its stage working on it (may edit its own section and hand on)? */
export function holdsWork(p: Placed): boolean {
  return stageOf(p) === 'sales' ? p.status === 'draft' || p.status === 'returned' : p.status === 'accepted' || p.status === 'returned';
}

/**
 * Is `section`'s stage's work frozen, so a change to it is an amendment? Once
 * the stage after it has accepted the packet: the packet is two stages on, or
 * one stage on and no longer merely handed (submitted) there.
 */
export function sectionFrozen(p: Placed, section: StageId): boolean {
  const route = routeOfPacket(p);
  const at = route.indexOf(stageOf(p));
  const own = route.indexOf(section);
  return at > own + 1 || (at === own + 1 && p.status !== 'submitted');
}
