// /v1/health/live and /v1/health/ready on both drivers: ready only with every
// migration applied and not shutting down, each refusal with its reason; and
// /metrics on the API port: off without a metrics token, 401 with a wrong one.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { migrationFiles } from '@/server/db/migrate';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('health endpoints (%s)', (backend) => {
  const f = serverFixture(backend);

  it('ready with every migration, 503 migrations_pending naming the missing one, 503 shutting_down once stopping', async () => {
    const lifecycle = { stopping: false };
    const app = createApp(f.database.db, { lifecycle });
    const get = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, retry: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
    };
    expect(await get('/v1/health/ready')).toMatchObject({ status: 200, body: { ready: true } });
    const last = migrationFiles().at(-1)!;
    await f.database.db.execute(sql`DELETE FROM baton_migrations WHERE name = ${last}`);
    const pending = await get('/v1/health/ready');
    expect(pending).toMatchObject({ status: 503, retry: '5', body: { ready: false, error: { code: 'not_ready', reason: 'migrations_pending' } } });
    expect((pending.body.error as { message: string }).message).toContain(last);
    await f.database.db.execute(sql`INSERT INTO baton_migrations (name) VALUES (${last})`);
    expect((await get('/v1/health/ready')).status).toBe(200);
    lifecycle.stopping = true;
    expect(await get('/v1/health/ready')).toMatchObject({ status: 503, body: { error: { reason: 'shutting_down' } } });
    expect(await get('/v1/health/live')).toMatchObject({ status: 200, body: { ok: true } });
    expect(await get('/v1/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('/metrics on the API port: 404 without a metrics token configured, 401 with a wrong one, the text format with the right one', async () => {
    expect((await createApp(f.database.db).request('/metrics')).status).toBe(404);
    const app = createApp(f.database.db, { metricsToken: 'a-metrics-token-of-24-chars' });
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${f.teams[0]!.tokens.admin}` } })).status).toBe(401); // a user's token is not the metrics token
    const ok = await app.request('/metrics', { headers: { authorization: 'Bearer a-metrics-token-of-24-chars' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    expect(await ok.text()).toContain('# TYPE baton_http_requests_total counter');
  });
});
