// API tokens: 32 random bytes shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { tokens } from '../db/schema';
import type { Role } from '@/lib/packet/edit-rights';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function createToken(db: Db | Tx, userId: number, label = ''): Promise<{ id: number; token: string }> {
  const token = `bt_${randomBytes(32).toString('base64url')}`;
  const [row] = await db.insert(tokens).values({ userId, hash: hashToken(token), label }).returning({ id: tokens.id });
  return { id: row!.id, token };
}

export async function revokeToken(db: Db, tokenId: number): Promise<boolean> {
  const rows = await db.update(tokens).set({ revokedAt: new Date() }).where(and(eq(tokens.id, tokenId), isNull(tokens.revokedAt))).returning({ id: tokens.id });
  return rows.length > 0;
}

export interface Caller {
  userId: number;
  teamId: number;
  role: Role;
  channel: string | null;
  department: string | null;
  name: string;
  tokenId: number;
}
