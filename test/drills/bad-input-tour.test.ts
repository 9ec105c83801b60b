// Drill: a corpus of hostile inputs through every route of the OpenAPI
// document, over real HTTP — oversize and deeply nested bodies, invalid UTF-8,
// SQL and HTML in every text field, huge lists, prototype keys, unicode
// confusables. Every answer is a clear 2xx or 4xx with an error code, never a
// 5xx; text that is accepted is stored exactly as sent (never executed), and
// a lookalike spelling of a company (Cyrillic А in "Apple") cannot dodge its
// claim.
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import type { Database } from '@/server/db/connect';
import { freePort } from '../free-port';
import { freshDatabase } from '../server/harness/backends';
import { hlc, seedTeam, type Seeded } from '../server/harness/seed';
import { SERVE_OPTIONS } from '../../server/http/serve-options';

const SQL = "'); DROP TABLE packets; --";
const HTML = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const CONFUSABLE = 'Аpple Inc.'; // Cyrillic А
const TEXTS = [SQL, HTML, CONFUSABLE, '\u202Eevil\u202C', 'Ａ'.repeat(300), '\u0000nul', '𝒜𝓅𝓅𝓁𝑒', ' '.repeat(50)];

function nest(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Bodies that are wrong in shape or size, as raw bytes. */
const RAW_BODIES: [string, string | Blob][] = [
  ['2 MiB string', JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) })],
  ['nesting 100,000 deep', nest(100_000)],
  ['nesting 1,000 deep object', '{"a":'.repeat(1_000) + '1' + '}'.repeat(1_000)],
  ['invalid UTF-8', new Blob([new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])])],
  ['100,000 mutations', JSON.stringify({ clientId: 'tour-client-1', mutations: Array.from({ length: 100_000 }, (_, i) => ({ id: `m${i}` })) })],
  ['__proto__ keys', '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"admin": true}}}'],
  ['not JSON', '<xml>nope</xml>'],
  ['JSON null', 'null'],
  ['empty', ''],
];

/** Shaped like real bodies, with a hostile text in every string. */
let sent = 0;
function shapedBodies(text: string, packetKey: string): unknown[] {
  return [
    { customer: text, keys: [{ kind: 'company', value: text }] },
    { clientId: 'tour-client-1', mutations: [{ id: `t-${++sent}`, packetKey: text, op: { kind: 'set', path: 'salesNotes', value: text }, hlc: hlc('tour') }] },
    { clientId: 'tour-client-1', mutations: [{ id: `t-${++sent}`, packetKey, op: { kind: 'set', path: 'salesNotes', value: text }, hlc: hlc('tour') }] },
    { reasons: [{ item: text, reason: text }] },
    { note: text },
    { name: text, role: 'rep', channel: text },
    { kind: 'slack', url: text },
    { evidence: text },
    { stage: text, evidence: text },
    { mode: text },
  ];
}

describe('bad input tour (PostgreSQL, HTTP)', () => {
  let database: Database;
  let team: Seeded;
  let base = '';
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Tour');
    const port = await freePort();
    const server = serve({ fetch: createApp(database.db, { requestsPerMinute: 1e7 }).fetch, port, hostname: '127.0.0.1', ...SERVE_OPTIONS });
    base = `http://127.0.0.1:${port}`;
    close = () => new Promise<void>((ok) => server.close(() => ok()));
  });
  afterAll(async () => {
    await close();
    await database?.close();
  });

  it('every route, every hostile input: 2xx or a 4xx with a code, never 5xx; accepted text stored as sent', async () => {
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    // A real packet and claim so that parameterised routes reach their handlers.
    const key = 'hubspot:1:tour';
    await fetch(`${base}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'tour-client-0', mutations: [{ id: 'seed', packetKey: key, op: { kind: 'set', path: 'salesNotes', value: 'seed' }, hlc: hlc('tour') }] }),
    });
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => [m.toUpperCase(), path.replace('{key}', encodeURIComponent(key)).replace('{id}', '1')] as const),
    );
    const tally = new Map<string, number>();
    const fivexx: string[] = [];
    const silent: string[] = [];
    const dropped: string[] = [];
    const send = async (method: string, path: string, body: string | Blob | undefined, label: string) => {
      const withBody = method !== 'GET' && method !== 'DELETE';
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${team.tokens.admin}`, 'content-type': 'application/json' },
          ...(withBody && body !== undefined ? { body } : {}),
        });
      } catch (e) {
        dropped.push(`${method} ${path} ${label}: ${String((e as { cause?: unknown }).cause ?? e).slice(0, 80)}`);
        return;
      }
      const text = await res.text();
      tally.set(String(res.status), (tally.get(String(res.status)) ?? 0) + 1);
      if (res.status >= 500) fivexx.push(`${method} ${path} ${label} → ${res.status} ${text.slice(0, 120)}`);
      if (res.status >= 400) {
        let code: unknown;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = undefined;
        }
        if (typeof code !== 'string') silent.push(`${method} ${path} ${label} → ${res.status} without an error code`);
      }
    };

    for (const [method, path] of routes) {
      for (const [label, raw] of RAW_BODIES) await send(method, path, raw, label);
      for (const text of TEXTS) for (const b of shapedBodies(text, key)) await send(method, path, JSON.stringify(b), `text ${JSON.stringify(text.slice(0, 12))}`);
      // Hostile query strings too.
      for (const text of TEXTS) await send('GET', `${path}?kind=company&value=${encodeURIComponent(text)}&cursor=${encodeURIComponent(text)}&limit=${encodeURIComponent(text)}`, undefined, 'query');
    }

    const rows = async (q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
    const stored = await rows(sql`SELECT data->>'salesNotes' AS notes FROM packets WHERE key = ${key}`);
    const sqlClaim = await rows(sql`SELECT customer FROM claims WHERE customer = ${SQL}`);
    const confusable = await fetch(`${base}/v1/claims/lookup?kind=company&value=${encodeURIComponent('Apple Inc.')}`, { headers: { authorization: `Bearer ${team.tokens.csm}` } }); // the admin claimed it; the tour revoked the rep's token
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.log(`drill: ${routes.length} routes × ${RAW_BODIES.length} raw bodies, ${TEXTS.length * 10} shaped bodies and ${TEXTS.length} queries = ${total} requests; answers ${[...tally].sort().map(([k, v]) => `${k}×${v}`).join(', ')}; ${fivexx.length} 5xx; ${silent.length} errors without a code`);
    if (dropped.length) console.log(dropped.join('\n'));
    expect(dropped).toEqual([]);
    expect(fivexx).toEqual([]);
    expect(silent).toEqual([]);
    // The tables are all there and accepted text is stored verbatim, not executed.
    expect(Number((await rows(sql`SELECT count(*)::int AS n FROM packets`))[0]!.n)).toBeGreaterThan(0);
    expect(TEXTS).toContain(stored[0]!.notes); // the last accepted hostile note, byte for byte
    expect(sqlClaim.map((r) => r.customer)).toEqual([SQL]);
    // The lookalike claim (Cyrillic А) holds the real name too: no dodging a claim by spelling.
    expect(await confusable.json()).toMatchObject({ status: 'taken' });
  });
});
