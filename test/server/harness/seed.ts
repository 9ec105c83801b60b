// Two teams with one user of each role (plus a second rep), with tokens.
import { createApp, type AppOptions } from '@/server/app';
import { createToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { teams, users, type Role } from '@/server/db/schema';

export type Who = 'rep' | 'rep2' | 'csm' | 'manager' | 'admin';
export const WHO: Who[] = ['rep', 'rep2', 'csm', 'manager', 'admin'];

export interface Seeded {
  teamId: number;
  tokens: Record<Who, string>;
  userIds: Record<Who, number>;
}

export async function seedTeam(database: Database, name: string): Promise<Seeded> {
  const [team] = await database.db.insert(teams).values({ name }).returning();
  const tokens = {} as Record<Who, string>;
  const userIds = {} as Record<Who, number>;
  for (const who of WHO) {
    const role: Role = who === 'rep2' ? 'rep' : who;
    const [u] = await database.db.insert(users).values({ teamId: team!.id, name: `${name} ${who}`, role, channel: role === 'rep' ? 'direct' : null }).returning();
    userIds[who] = u!.id;
    tokens[who] = (await createToken(database.db, u!.id)).token;
  }
  return { teamId: team!.id, tokens, userIds };
}

export function client(database: Database, opts?: AppOptions) {
  const app = createApp(database.db, opts);
  return async (token: string | null, method: string, path: string, body?: unknown, raw?: string) => {
    const res = await app.request(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string; path: string | null } }, headers: res.headers };
  };
}

let seq = 0;
/** A valid HLC for test mutations, increasing. */
export const hlc = (node = 'test') => `${String(1_790_000_000_000 + ++seq).padStart(15, '0')}:00000:${node}`;

/** Edits that make a packet satisfy every required checklist item of the default template. */
export const COMPLETE_OPS = [
  { kind: 'set', path: 'profile.industry', value: 'Retail' },
  { kind: 'set', path: 'profile.size', value: '50' },
  { kind: 'set', path: 'profile.tier', value: 'B' },
  { kind: 'set', path: 'contract.amount', value: 1000 },
  { kind: 'set', path: 'contract.currency', value: 'CNY' },
  { kind: 'set', path: 'contract.termMonths', value: 12 },
  { kind: 'set', path: 'contract.startDate', value: '2027-01-01' },
  { kind: 'add', list: 'contract.purchases', item: { id: 'p', product: 'Seats' } },
  { kind: 'set', path: 'whyWon.decisivePoints', value: 'Price' },
  { kind: 'set', path: 'whyWon.problemsToSolve', value: 'Paper' },
  { kind: 'add', list: 'stakeholders', item: { id: 's', name: '张伟', phone: '+86 138 0013 8000' } },
  { kind: 'set', path: 'risks.noKnownRisk', value: true },
  { kind: 'set', path: 'risks.noRiskReason', value: '老客户续约' },
];
