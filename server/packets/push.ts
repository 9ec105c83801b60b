// Push: each client mutation is applied in its own transaction, recorded with
// its (client, mutation) id first, so a replay after a lost answer or a killed
// server changes nothing. Changes take the next value of change_seq under a
// per-team advisory lock, so sequence order is commit order and a pull cursor
// never skips a change.
import { and, eq, sql } from 'drizzle-orm';
import { newPacket, packetSchema, type Packet } from '@/lib/packet/schema';
import { emptySnapshot, type DealIdentity } from '@/lib/crm/types';
import type { Mutation, PushBody } from '@/lib/sync/api-schemas';
import { mergeOp, type Clocks } from '@/lib/sync/merge-mutation';
import { audit } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { mutations, packets } from '../db/schema';
import { mayEdit } from './access';

export type MutationResult = { id: string; status: 'applied' | 'duplicate' | 'rejected'; reason?: string };

/** "crm:tenant:recordId", where crm may be "custom:slug". */
export function identityFromKey(key: string): DealIdentity | null {
  const parts = key.split(':');
  const crmParts = parts[0] === 'custom' ? 2 : 1;
  if (parts.length < crmParts + 2) return null;
  const crm = parts.slice(0, crmParts).join(':') as DealIdentity['crm'];
  return { crm, tenant: parts[crmParts]!, recordId: parts.slice(crmParts + 1).join(':') };
}

export async function lockTeamSeq(tx: { execute: Db['execute'] }, teamId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7304222, ${teamId}::int)`);
}

async function applyOne(db: Db, caller: Caller, clientId: string, m: Mutation): Promise<MutationResult> {
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(mutations)
      .values({ teamId: caller.teamId, clientId, mutationId: m.id, userId: caller.userId, result: 'pending' })
      .onConflictDoNothing()
      .returning({ id: mutations.mutationId });
    if (!fresh.length) return { id: m.id, status: 'duplicate' as const };
    const reject = async (reason: string): Promise<MutationResult> => {
      await tx.update(mutations).set({ result: `rejected: ${reason}` }).where(and(eq(mutations.teamId, caller.teamId), eq(mutations.clientId, clientId), eq(mutations.mutationId, m.id)));
      return { id: m.id, status: 'rejected', reason };
    };

    await lockTeamSeq(tx, caller.teamId);
    const [row] = await tx.select().from(packets).where(and(eq(packets.teamId, caller.teamId), eq(packets.key, m.packetKey))).limit(1);
    let packet: Packet;
    let clocks: Clocks;
    if (!row) {
      if (caller.role === 'csm') return reject('no such packet; a packet is started by its sales rep');
      const identity = identityFromKey(m.packetKey);
      if (!identity) return reject('packetKey is not crm:tenant:recordId');
      packet = newPacket(identity, emptySnapshot(), '', new Date());
      clocks = {};
    } else {
      const why = mayEdit(caller, row);
      if (why) return reject(why);
      packet = packetSchema.parse(row.data);
      clocks = row.clocks;
    }

    let merged;
    try {
      merged = mergeOp(packet, clocks, m.op, m.hlc);
      packetSchema.parse(merged.packet); // the result must still be a valid packet
    } catch (e) {
      return reject(e instanceof Error ? e.message.slice(0, 300) : 'invalid change');
    }
    const now = new Date();
    const next = { ...merged.packet, updatedAt: now.toISOString() };
    if (!row) {
      await tx.insert(packets).values({
        teamId: caller.teamId,
        key: m.packetKey,
        ownerUserId: caller.userId,
        status: next.status,
        data: next,
        clocks: merged.clocks,
        seq: sql`nextval('change_seq')` as unknown as number,
      });
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'packet.create', packetKey: m.packetKey });
    } else if (merged.changed) {
      await tx
        .update(packets)
        .set({ data: next, clocks: merged.clocks, seq: sql`nextval('change_seq')` as unknown as number, updatedAt: now })
        .where(eq(packets.id, row.id));
    } else if (JSON.stringify(merged.clocks) !== JSON.stringify(clocks)) {
      await tx.update(packets).set({ clocks: merged.clocks }).where(eq(packets.id, row.id));
    }
    if (merged.changed) {
      await audit(tx, {
        teamId: caller.teamId,
        userId: caller.userId,
        action: packet.status === 'accepted' ? 'packet.amend' : 'packet.edit',
        packetKey: m.packetKey,
        after: m.op,
      });
    }
    for (const l of merged.lost) {
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'packet.edit_lost', packetKey: m.packetKey, before: l, after: null });
    }
    await tx.update(mutations).set({ result: 'applied' }).where(and(eq(mutations.teamId, caller.teamId), eq(mutations.clientId, clientId), eq(mutations.mutationId, m.id)));
    return { id: m.id, status: 'applied' as const };
  });
}

export async function push(db: Db, caller: Caller, body: PushBody): Promise<MutationResult[]> {
  const out: MutationResult[] = [];
  for (const m of body.mutations) out.push(await applyOne(db, caller, body.clientId, m));
  return out;
}
