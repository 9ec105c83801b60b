// Every writing transaction runs again when PostgreSQL aborts it as a
// serialization (40001) or deadlock (40P01) victim. The failure is forced by
// the database itself: a trigger on the audit log (which every write path
// appends to) raises 40001 while a sequence, which a rollback does not undo,
// is below a limit — so the first attempt fails for real and the next one sees
// a database where nothing of the first remains.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '@/server/db/write-transaction';
import { auditLog, teams } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('write transactions on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });

  /** The next `failures` statements that write the audit log fail as serialization victims. */
  const failAuditWrites = async (failures: number) => {
    await f.database.exec(`
      CREATE SEQUENCE IF NOT EXISTS forced_failures;
      ALTER SEQUENCE forced_failures RESTART WITH 1;
      CREATE OR REPLACE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('forced_failures') <= ${failures} THEN
          RAISE EXCEPTION 'forced serialization failure' USING ERRCODE = 'serialization_failure';
        END IF;
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS forced_failure ON audit_log;
      CREATE TRIGGER forced_failure BEFORE INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forced_failure();
    `);
  };
  /** How many audit-log writes were tried since failAuditWrites (failed ones included). */
  const auditWritesTried = async () => {
    const result = (await f.database.db.execute(sql`SELECT last_value, is_called FROM forced_failures`)) as unknown as { rows: { last_value: string; is_called: boolean }[] };
    const row = result.rows[0]!;
    return row.is_called ? Number(row.last_value) : 0;
  };
  const stopFailing = () => f.database.exec('DROP TRIGGER IF EXISTS forced_failure ON audit_log');
  const auditCount = async (action: string) =>
    (await f.database.db.select().from(auditLog).where(sql`${auditLog.action} = ${action}`)).length;

  it('a claim, a push, a team setting and an admin change each answer right after a forced serialization failure, written once', async () => {
    const A = f.teams[0]!;
    try {
      await failAuditWrites(1);
      const claim = await f.call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Retry Foods', keys: [{ kind: 'company', value: 'Retry Foods Ltd' }] });
      expect(claim.status).toBe(201);
      expect(await auditWritesTried()).toBe(2);
      expect(await auditCount('claim.create')).toBe(1);
      // The retried claim holds the customer: a second rep hears "already claimed", not an error.
      expect((await f.call(A.tokens.rep2, 'POST', '/v1/claims', { customer: 'Retry Foods', keys: [{ kind: 'company', value: 'Retry Foods Ltd' }] })).json.error?.code).toBe('already_claimed');

      await failAuditWrites(1);
      const key = 'zoho:org60012345:retry-1';
      const pushed = await f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'retry-client', mutations: COMPLETE_OPS.map((op, i) => ({ id: `r-${i}`, packetKey: key, op, hlc: hlc() })) });
      expect(pushed.status).toBe(200);
      expect((pushed.json.results as { status: string }[]).map((r) => r.status)).toEqual(COMPLETE_OPS.map(() => 'applied'));
      expect(await auditWritesTried()).toBe(2);
      expect(await auditCount('packet.create')).toBe(1);
      const packet = await f.call(A.tokens.rep, 'GET', `/v1/packets/${encodeURIComponent(key)}`);
      expect((packet.json.packet as { profile: { industry: string } }).profile.industry).toBe('Retail');

      await failAuditWrites(1);
      const policy = await f.call(A.tokens.manager, 'GET', '/v1/team/engagement');
      const saved = await f.call(A.tokens.manager, 'PUT', '/v1/team/engagement', policy.json.policy);
      expect(saved.status).toBe(201);
      expect(await auditWritesTried()).toBe(2);
      expect(await auditCount('team.engagement')).toBe(1);

      await failAuditWrites(1);
      const added = await f.call(A.tokens.admin, 'POST', '/v1/users', { name: 'Retry Rep', role: 'rep' });
      expect(added.status).toBe(201);
      expect(await auditWritesTried()).toBe(2);
      const people = await f.call(A.tokens.admin, 'GET', '/v1/users?limit=200');
      expect((people.json.users as { name: string }[]).filter((u) => u.name === 'Retry Rep')).toHaveLength(1);
      expect(await auditCount('user.add')).toBe(1);
    } finally {
      await stopFailing();
    }
  });

  it('gives up after five attempts, never retries other errors, and retries only the outermost transaction', async () => {
    const db = f.database.db;
    const addTeam = (tx: typeof db, name: string) => tx.insert(teams).values({ name }).returning();
    const teamsNamed = async (name: string) => (await db.select().from(teams).where(sql`${teams.name} = ${name}`)).length;
    const writeAudit = (tx: typeof db) => tx.insert(auditLog).values({ teamId: f.teams[0]!.teamId, userId: null, action: 'test.retry' });
    try {
      await failAuditWrites(100);
      let attempts = 0;
      const failing = writeTransaction(db, async (tx) => {
        attempts++;
        await addTeam(tx, 'never kept');
        await writeAudit(tx);
      });
      await expect(failing).rejects.toMatchObject({ cause: { code: '40001' } });
      expect(attempts).toBe(5);
      expect(await teamsNamed('never kept')).toBe(0);

      attempts = 0;
      const wrong = writeTransaction(db, async (tx) => {
        attempts++;
        await tx.execute(sql`SELECT 1 / 0`);
      });
      await expect(wrong).rejects.toMatchObject({ cause: { code: '22012' } });
      expect(attempts).toBe(1);

      // An inner call runs as a savepoint: the abort ends the whole transaction, so the outer one is what runs again.
      await failAuditWrites(1);
      let outer = 0;
      let inner = 0;
      await writeTransaction(db, async (tx) => {
        outer++;
        await addTeam(tx, 'kept once');
        await writeTransaction(tx, async (sp) => {
          inner++;
          await writeAudit(sp);
        });
      });
      expect({ outer, inner }).toEqual({ outer: 2, inner: 2 });
      expect(await teamsNamed('kept once')).toBe(1);
    } finally {
      await stopFailing();
    }
  });
});
