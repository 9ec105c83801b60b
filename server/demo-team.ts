// A demo team with one user of each role (and a second rep, so a leaving
// rep's customers can be reassigned), for `npm start` and `server demo`.
// Names as people have them (the role shows beside the name where it matters,
// never inside it).
import { createToken } from './auth/tokens';
import type { Database } from './db/connect';
import { teams, users, type Role } from './db/schema';

export async function createDemoTeam(database: Database) {
  const [team] = await database.db.insert(teams).values({ name: 'Demo team 演示团队' }).returning();
  const out: { role: Role; name: string; userId: number; token: string }[] = [];
  for (const [role, name, channel] of [
    ['rep', '王芳', 'direct'],
    ['rep', 'Chen Jie', 'direct'],
    ['implementation', '赵磊', null],
    ['csm', 'Li Wei', null],
    ['manager', '陈军', null],
    ['admin', 'Zhou Min', null],
  ] as const) {
    const [u] = await database.db.insert(users).values({ teamId: team!.id, name, role, channel }).returning();
    out.push({ role, name, userId: u!.id, token: (await createToken(database.db, u!.id, 'demo')).token });
  }
  return { teamId: team!.id, users: out };
}
