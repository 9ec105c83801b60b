// A pull never skips a committed change, with no team-wide write lock.
// Writers hold their transactions open and commit (or roll back) in an order
// fast-check picks, while pullers keep pulling from their own cursors; in the
// end each puller must hold every packet's final version. The second case runs
// the real push path: many clients pushing to several packets at once while a
// puller pulls as fast as it can.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { changePosition } from '@/server/packets/change-position';
import { pull } from '@/server/packets/pull';
import { push } from '@/server/packets/push';
import { freshDatabase } from '../harness/backends';
import { hlc, seedTeam, type Seeded } from '../harness/seed';

type Step = { op: 'begin' | 'end' | 'pull'; pick: number; newest: boolean; commit: boolean };

/** A puller: its cursor and the newest version of each key it has been given. */
class Puller {
  cursor = 0;
  seen = new Map<string, number>();
  constructor(private database: Database, private caller: Caller) {}
  async pullOnce(limit: number) {
    const page = await pull(this.database.db, this.caller, this.cursor, limit);
    for (const p of page.packets as { key: string; version: number }[]) {
      // One key's versions come in the order they were committed.
      expect(p.version).toBeGreaterThanOrEqual(this.seen.get(p.key) ?? 0);
      this.seen.set(p.key, p.version);
    }
    this.cursor = page.cursor;
    return page.more;
  }
  async drain(limit: number) {
    while (await this.pullOnce(limit));
  }
}

/** A writer transaction held open after its write until told to commit or roll back. */
function openWriter(database: Database, teamId: number, ownerUserId: number, key: string, version: number) {
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((r) => (finish = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  const done = database.db
    .transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO packets (team_id, key, owner_user_id, status, data, clocks, seq)
        VALUES (${teamId}, ${key}, ${ownerUserId}, 'draft', ${JSON.stringify({ key, version })}::jsonb, '{}'::jsonb, ${changePosition})
        ON CONFLICT (team_id, key) DO UPDATE SET data = excluded.data, seq = excluded.seq`);
      wrote();
      if (!(await decided)) tx.rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Error && e.message === 'Rollback')) throw e;
    });
  return { key, written, end: async (commit: boolean) => (finish(commit), done) };
}

describe('interleaved commits and pulls (PostgreSQL)', () => {
  let database: Database;
  let team: Seeded;
  let raceTeam: Seeded;
  const callerOf = (t: Seeded, who: 'manager' | 'rep'): Caller => ({ userId: t.userIds[who], teamId: t.teamId, role: who, channel: null, department: null, name: who, tokenId: 0 });
  const caller = (who: 'manager' | 'rep') => callerOf(team, who);
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Interleave');
    raceTeam = await seedTeam(database, 'Race');
  });
  afterAll(() => database?.close());

  it('whatever the order of commits, rollbacks and pulls, every puller ends with every final version', async () => {
    let round = 0;
    const step = fc.record({ op: fc.constantFrom<Step['op']>('begin', 'end', 'pull'), pick: fc.nat(), newest: fc.boolean(), commit: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), async (steps, limit) => {
        const prefix = `hubspot:round${++round}.example:`;
        const keys = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${prefix}${i}`);
        const pullers = [new Puller(database, caller('manager')), new Puller(database, caller('manager'))];
        const open = new Map<string, ReturnType<typeof openWriter>>();
        const committed = new Map<string, number>();
        let version = 0;
        for (const s of steps) {
          if (s.op === 'begin') {
            // One open writer per key: a second would wait on the first's row lock.
            const free = keys.filter((k) => !open.has(k));
            if (!free.length) continue;
            const w = openWriter(database, team.teamId, team.userIds.rep, free[s.pick % free.length]!, ++version);
            await w.written;
            open.set(w.key, w);
          } else if (s.op === 'end') {
            const all = [...open.values()];
            if (!all.length) continue;
            // Counted from the newest as often as from the oldest: younger writers commit first.
            const w = all[s.newest ? all.length - 1 - (s.pick % all.length) : s.pick % all.length]!;
            open.delete(w.key);
            await w.end(s.commit);
          } else {
            await pullers[s.pick % pullers.length]!.pullOnce(limit);
          }
        }
        for (const w of open.values()) await w.end(true);
        const rows = ((await database.db.execute(sql`SELECT key, (data->>'version')::int AS version FROM packets WHERE key LIKE ${`${prefix}%`}`)) as unknown as { rows: { key: string; version: number }[] }).rows;
        for (const r of rows) committed.set(r.key, r.version);
        for (const p of pullers) {
          await p.drain(limit);
          for (const [key, v] of committed) expect(p.seen.get(key), key).toBe(v);
        }
      }),
      {
        numRuns: 30,
        // The classic skip: an older writer commits after a younger one was pulled.
        examples: [
          [
            [
              { op: 'begin', pick: 0, newest: false, commit: true },
              { op: 'begin', pick: 0, newest: false, commit: true },
              { op: 'end', pick: 1, newest: false, commit: true },
              { op: 'pull', pick: 0, newest: false, commit: true },
              { op: 'end', pick: 0, newest: false, commit: true },
              { op: 'pull', pick: 0, newest: false, commit: true },
            ],
            1,
          ],
        ],
      },
    );
  }, 240_000);

  it('many clients pushing to several packets while a puller pulls: nothing skipped, nothing lost', async () => {
    const keys = [0, 1, 2, 3, 4].map((i) => `pipedrive:race.pipedrive.com:${i}`);
    const puller = new Puller(database, callerOf(raceTeam, 'manager'));
    const items = new Map<string, Set<string>>();
    let pushing = true;
    const pulling = (async () => {
      while (pushing) {
        const page = await pull(database.db, callerOf(raceTeam, 'manager'), puller.cursor, 2);
        for (const p of page.packets as { key: string; followUps: { id: string }[] }[]) items.set(p.key, new Set(p.followUps.map((f) => f.id)));
        puller.cursor = page.cursor;
      }
    })();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        push(database.db, callerOf(raceTeam, 'rep'), {
          clientId: `device-${i % 6}`,
          mutations: [{ id: `m-${i}`, packetKey: keys[i % keys.length]!, op: { kind: 'add', list: 'followUps', item: { id: `f-${i}`, summary: `call ${i}` } }, hlc: hlc(`n${i % 6}`) }],
        }),
      ),
    );
    pushing = false;
    await pulling;
    for (let more = true; more; ) {
      const page = await pull(database.db, callerOf(raceTeam, 'manager'), puller.cursor, 2);
      for (const p of page.packets as { key: string; followUps: { id: string }[] }[]) items.set(p.key, new Set(p.followUps.map((f) => f.id)));
      puller.cursor = page.cursor;
      more = page.more;
    }
    for (const [k, key] of keys.entries()) {
      const expected = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % keys.length === k).map((i) => `f-${i}`);
      expect([...(items.get(key) ?? [])].sort()).toEqual(expected.sort());
    }
  }, 120_000);
});
