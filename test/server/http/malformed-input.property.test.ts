// Property: any malformed body or query, on every route, gets a 4xx — never a
// 5xx — and changes nothing in the database.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/lib/sync/api-schemas';
import { claimPolicySchema } from '@/lib/claims/policy';
import { createClaimBodySchema, openConflictBodySchema, policyBodySchema, ruleConflictBodySchema, stageBodySchema } from '@/lib/claims/api-schemas';
import type { Database } from '@/server/db/connect';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, hlc, seedTeam, type Seeded } from '../harness/seed';

const KEY = 'salesforce:acme.lightning.force.com:006Hs00000XyZ12IAB';
const enc = encodeURIComponent(KEY);

async function fingerprint(database: Database): Promise<string> {
  const r = (await database.db.execute(sql`
    SELECT (SELECT count(*) FROM packets) AS p,
           (SELECT coalesce(md5(string_agg(data::text || status, ',' ORDER BY id)), '') FROM packets) AS pd,
           (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM tokens WHERE revoked_at IS NULL) AS t,
           (SELECT count(*) FROM webhooks) AS w, (SELECT count(*) FROM mutations) AS m,
           (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM webhook_outbox) AS o,
           (SELECT count(*) FROM claims) AS c, (SELECT count(*) FROM claim_conflicts) AS cc, (SELECT count(*) FROM claim_policies) AS cp`)) as unknown as { rows: unknown[] };
  return JSON.stringify(r.rows[0]);
}

// Values shaped like real bodies, then mutated, plus arbitrary JSON.
const near = fc.oneof(
  fc.anything(),
  fc.record({ clientId: fc.string(), mutations: fc.array(fc.record({ id: fc.string(), packetKey: fc.string(), op: fc.anything(), hlc: fc.string() }), { maxLength: 3 }) }, { requiredKeys: [] }),
  fc.record({ reasons: fc.array(fc.record({ item: fc.string(), reason: fc.oneof(fc.string(), fc.constant('   ')) }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] }),
  fc.record({ name: fc.oneof(fc.string(), fc.constant('')), role: fc.oneof(fc.string(), fc.constantFrom('root', 'owner', '')), channel: fc.string() }, { requiredKeys: [] }),
  fc.record({ kind: fc.string(), url: fc.oneof(fc.string(), fc.constant('javascript:alert(1)'), fc.constant('ftp://x')) }, { requiredKeys: [] }),
  fc.record({ note: fc.oneof(fc.constant(''), fc.constant('  '), fc.integer()) }, { requiredKeys: [] }),
  fc.record({ customer: fc.oneof(fc.string(), fc.constant('')), keys: fc.array(fc.record({ kind: fc.oneof(fc.string(), fc.constantFrom('company', 'phone')), value: fc.oneof(fc.string(), fc.constant(' ')) }, { requiredKeys: [] }), { maxLength: 12 }) }, { requiredKeys: [] }),
);

describe.each(BACKENDS)('malformed input on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    call = client(database, { requestsPerMinute: 1_000_000 });
    await call(A.tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'seed-client',
      mutations: [{ id: 'seed', packetKey: KEY, op: { kind: 'set', path: 'profile.industry', value: 'x' }, hlc: hlc() }],
    });
  });
  afterAll(() => database?.close());

  const routes: [string, string, z.ZodType][] = [
    ['POST', '/v1/sync/push', s.pushBodySchema],
    ['POST', `/v1/packets/${enc}/return`, s.returnBodySchema],
    ['POST', `/v1/packets/${enc}/amend`, s.amendBodySchema],
    ['POST', `/v1/packets/${enc}/submit`, s.emptyBodySchema],
    ['POST', `/v1/packets/${enc}/accept`, s.emptyBodySchema],
    ['POST', '/v1/users', s.createUserBodySchema],
    ['PATCH', `/v1/users/1`, s.updateUserBodySchema],
    ['POST', '/v1/users/1/tokens', s.createTokenBodySchema],
    ['POST', '/v1/webhooks', s.webhookBodySchema],
    ['POST', '/v1/claims', createClaimBodySchema],
    ['POST', '/v1/claims/1/release', s.emptyBodySchema],
    ['POST', '/v1/claims/1/stages', stageBodySchema],
    ['POST', '/v1/claims/pool', createClaimBodySchema],
    ['PUT', '/v1/team/template', s.templateBodySchema],
    ['POST', '/v1/team/template/preview', s.templateBodySchema],
    ['POST', '/v1/claims/1/conflicts', openConflictBodySchema],
    ['POST', '/v1/claims/conflicts/1/rule', ruleConflictBodySchema],
    // Anything that is not a valid policy once the server adds version and time.
    [
      'PUT',
      '/v1/claims/policy',
      z.custom((v) => policyBodySchema.safeParse(v).success && claimPolicySchema.safeParse({ ...(v as object), version: 1, effectiveAt: '2026-01-01T00:00:00Z' }).success),
    ],
  ];

  for (const [method, path, schema] of routes) {
    it(`${method} ${path.replace(enc, ':key')}: malformed bodies → 4xx, nothing changes`, async () => {
      const before = await fingerprint(database);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            near.filter((v) => v !== undefined && !schema.safeParse(JSON.parse(JSON.stringify(v) ?? 'null')).success).map((v) => JSON.stringify(v) ?? 'null'),
            fc.string().filter((t) => {
              try {
                JSON.parse(t);
                return false;
              } catch {
                return t.trim() !== '';
              }
            }),
          ),
          async (raw) => {
            const r = await call(A.tokens.admin, method, path, undefined, raw);
            expect(r.status, `${raw} → ${JSON.stringify(r.json)}`).toBeGreaterThanOrEqual(400);
            expect(r.status, raw).toBeLessThan(500);
            expect(r.json.error?.code, raw).toBeTruthy();
          },
        ),
        { numRuns: 60 },
      );
      expect(await fingerprint(database)).toBe(before);
    });
  }

  it('GET routes: malformed queries → 400 with the query path, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/sync/pull', '/v1/packets', '/v1/users', '/v1/claims', '/v1/claims/lookup', '/v1/claims/pool', '/v1/claims/conflicts'),
        fc.dictionary(fc.constantFrom('cursor', 'limit', 'after', 'status', 'x', 'a b', 'scope', 'kind', 'value', 'state'), fc.oneof(fc.string(), fc.constantFrom('-1', '1e99', 'NaN', '99999'))),
        async (path, q) => {
          const qs = new URLSearchParams(q).toString();
          const r = await call(A.tokens.admin, 'GET', `${path}?${qs}`);
          expect(r.status).not.toBeGreaterThanOrEqual(500);
          if (r.status >= 400) expect(r.json.error?.path ?? '').toMatch(/^query/);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('path parameters that are not keys or ids → 400/404, never 5xx', async () => {
    await fc.assert(
      // Strings that read as a user id (Number("0x5") is 5) are real ids, not junk.
      fc.asyncProperty(fc.string({ minLength: 1 }).filter((j) => !(Number.isInteger(Number(j)) && Number(j) > 0)), async (junk) => {
        const p = encodeURIComponent(junk);
        for (const path of [`/v1/packets/${p}`, `/v1/packets/${p}/audit`]) {
          const r = await call(A.tokens.admin, 'GET', path);
          expect([400, 404]).toContain(r.status);
        }
        const r = await call(A.tokens.admin, 'PATCH', `/v1/users/${p}`, { role: 'csm' });
        expect([400, 404]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });
});
