// Team settings every open sidebar re-reads (issue 14): the template, the
// engagement policy and the claim policy answer with an ETag, and a GET that
// names it (If-None-Match) gets 304 with no body until the setting changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { openApiDocument } from '@/server/routes/openapi';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

const SETTINGS = [
  { path: '/v1/team/template', change: { threshold: 60, items: [{ id: 'profile', required: true, weight: 1 }] } },
  { path: '/v1/team/engagement', change: { currency: 'EUR' } },
  { path: '/v1/claims/policy', change: { flatDays: 21 } },
] as const;

describe.each(BACKENDS)('settings answer 304 when unchanged on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B']);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(f.database.db);
  });
  const get = (token: string, path: string, etag?: string) => app.request(path, { headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) } });

  it.each(SETTINGS)('$path: an ETag, then 304 with no body for it, then 200 with a new one after a change', async ({ path, change }) => {
    const [a] = f.teams;
    const first = await get(a!.tokens.rep, path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.json();

    const again = await get(a!.tokens.csm, path, etag!);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    expect((await get(a!.tokens.rep, path, '"another-version"')).status).toBe(200);

    const put = await app.request(path, { method: 'PUT', headers: { authorization: `Bearer ${a!.tokens.manager}`, 'content-type': 'application/json' }, body: JSON.stringify(change) });
    expect(put.status).toBe(201);
    const changed = await get(a!.tokens.rep, path, etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).not.toEqual(body);
  });

  it('another team’s setting is not answered 304 for this team’s changed version', async () => {
    const [a, b] = f.teams;
    const mine = await get(a!.tokens.rep, '/v1/team/engagement');
    const theirs = await get(b!.tokens.rep, '/v1/team/engagement', mine.headers.get('etag')!);
    expect(theirs.status).toBe(200);
    expect(((await theirs.json()) as { policy: { currency: string } }).policy.currency).not.toBe('EUR');
  });

  it('a browser may send If-None-Match across origins: the preflight allows it and the ETag is exposed', async () => {
    const pre = await app.request('/v1/team/template', { method: 'OPTIONS' });
    expect(pre.headers.get('access-control-allow-headers')).toContain('if-none-match');
    const res = await get(f.teams[0]!.tokens.rep, '/v1/team/template');
    expect(res.headers.get('access-control-expose-headers')).toBe('ETag');
  });

  it('the OpenAPI document lists the 304 for these three GETs', () => {
    const paths = openApiDocument().paths as Record<string, { get?: { responses: Record<string, unknown> } }>;
    for (const { path } of SETTINGS) expect(paths[path]?.get?.responses['304'], path).toBeDefined();
    expect(paths['/v1/me']?.get?.responses['304']).toBeUndefined();
  });
});
