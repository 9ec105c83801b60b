// What a person holds that a reassignment moves, and the team's people, read
// for the pure rules of lib/reassign: live claims (not released, not won, not
// expired at server time), open packets they own (draft, submitted, returned)
// and accepted packets they hold as the CSM. Locked FOR UPDATE when read
// inside the reassigning transaction, so nothing changes under the plan.
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { storedPacketSchema } from '@/lib/packet/schema';
import type { HeldClaim, HeldPacket } from '@/lib/reassign/plan';
import type { TeamPerson } from '@/lib/reassign/rules';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { claims, packets, tokens, users } from '../db/schema';

const OPEN = ['draft', 'submitted', 'returned'];

export interface Holdings {
  claims: HeldClaim[];
  packets: (HeldPacket & { id: number })[];
  /** the person's tokens not yet revoked */
  tokens: number;
}

/** The person's live claims and held packets at `now`; `lock`: rows locked for the transaction. */
export async function holdingsOf(tx: Tx | Db, teamId: number, userId: number, now: Date, lock: boolean): Promise<Holdings> {
  const claimQuery = tx
    .select({ id: claims.id, customer: claims.customer, expiresAt: claims.expiresAt, dealUrl: claims.dealUrl })
    .from(claims)
    .where(and(eq(claims.teamId, teamId), eq(claims.userId, userId), isNull(claims.releasedAt), isNull(claims.wonAt), gt(claims.expiresAt, now)))
    .orderBy(claims.id);
  const packetQuery = tx
    .select({ id: packets.id, key: packets.key, data: packets.data, ownerUserId: packets.ownerUserId })
    .from(packets)
    .where(and(eq(packets.teamId, teamId), or(and(eq(packets.ownerUserId, userId), inArray(packets.status, OPEN)), and(eq(packets.csmUserId, userId), eq(packets.status, 'accepted')))))
    .orderBy(packets.id);
  const [claimRows, packetRows] = lock ? await Promise.all([claimQuery.for('update'), packetQuery.for('update')]) : await Promise.all([claimQuery, packetQuery]);
  const live = await tx.select({ id: tokens.id }).from(tokens).where(and(eq(tokens.userId, userId), isNull(tokens.revokedAt)));
  return {
    claims: claimRows.map((c) => ({ id: c.id, customer: c.customer, expiresAt: c.expiresAt.toISOString(), dealUrl: c.dealUrl })),
    packets: packetRows.map((r) => {
      const p = storedPacketSchema.parse(r.data);
      const open = (OPEN as string[]).includes(p.status);
      return {
        id: r.id,
        key: r.key,
        dealName: p.dealOverrides.dealName || p.deal.dealName || '',
        accountName: p.dealOverrides.accountName || p.deal.accountName || '',
        dealUrl: p.dealUrl,
        status: p.status,
        as: open && r.ownerUserId === userId ? 'owner' : 'csm',
      };
    }),
    tokens: live.length,
  };
}

/** The team's people as the rules see them, with their department (a moved claim's pool follows its new holder). */
export async function teamPeople(tx: Tx | Db, teamId: number): Promise<(TeamPerson & { department: string | null })[]> {
  const rows = await tx
    .select({ id: users.id, name: users.name, role: users.role, department: users.department, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.teamId, teamId))
    .orderBy(users.id);
  return rows.map((u) => ({ id: u.id, name: u.name, role: u.role, department: u.department, active: !u.deactivatedAt }));
}
