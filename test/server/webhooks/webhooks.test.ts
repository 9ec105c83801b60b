// Notifications go through the outbox: a receiver that is down loses nothing,
// and each notification arrives once (Idempotency-Key) after it comes back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { deliverDue } from '@/server/webhooks/outbox';
import { formatNotice } from '@/server/webhooks/format';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, hlc, seedTeam, type Seeded } from '../harness/seed';

describe('webhook message shapes', () => {
  const n = { event: 'packet.submitted' as const, title: 'Baton: 华东区 ERP — submitted', lines: ['王芳'], url: 'https://crm.example/1' };
  it('WeCom and DingTalk get markdown, Feishu text, Slack text', () => {
    expect(formatNotice('wecom', n)).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('华东区 ERP') } });
    expect(formatNotice('dingtalk', n)).toMatchObject({ msgtype: 'markdown', markdown: { title: n.title, text: expect.stringContaining('- 王芳') } });
    expect(formatNotice('feishu', n)).toEqual({ msg_type: 'text', content: { text: `${n.title}\n王芳\nhttps://crm.example/1` } });
    expect(formatNotice('slack', n)).toEqual({ text: `${n.title}\n王芳\nhttps://crm.example/1` });
  });
});

describe.each(BACKENDS)('webhook outbox on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let receiver: Server;
  let port = 0;
  let up = false;
  const received: { key: string; body: unknown }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    receiver = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        if (!up) {
          res.writeHead(503).end();
          return;
        }
        const key = String(req.headers['idempotency-key']);
        if (!received.some((r) => r.key === key)) received.push({ key, body: JSON.parse(data) });
        // Each tool's documented success answer (Slack: "ok"; WeCom: errcode 0).
        res.writeHead(200).end(req.url === '/hook' ? 'ok' : '{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver?.close();
    await database?.close();
  });

  it('keeps every notice while the receiver is down and delivers each once when it is back', async () => {
    const call = client(database);
    expect((await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'slack', url: `http://127.0.0.1:${port}/hook` })).status).toBe(201);
    expect((await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'wecom', url: `http://127.0.0.1:${port}/wecom` })).status).toBe(201);
    const key = 'zoho:org1:7';
    const ops = [
      ['profile.industry', 'Food'], ['profile.size', '80'], ['profile.tier', 'C'], ['contract.amount', 5000], ['contract.currency', 'GBP'],
      ['contract.termMonths', 12], ['contract.startDate', '2027-01-01'], ['whyWon.decisivePoints', 'a'], ['whyWon.problemsToSolve', 'b'],
      ['risks.noKnownRisk', true], ['risks.noRiskReason', 'renewal'],
    ].map(([path, value], i) => ({ id: `w${i}`, packetKey: key, op: { kind: 'set', path, value }, hlc: hlc() }));
    ops.push({ id: 'wp', packetKey: key, op: { kind: 'add', list: 'contract.purchases', item: { id: 'p', product: 'x' } } as never, hlc: hlc() });
    ops.push({ id: 'ws', packetKey: key, op: { kind: 'add', list: 'stakeholders', item: { id: 's', name: 'A', email: 'a@b.c' } } as never, hlc: hlc() });
    await call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'hook-client', mutations: ops });
    const enc = encodeURIComponent(key);
    expect((await call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await call(A.tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'really none?' }] })).status).toBe(200);
    expect((await call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await call(A.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);

    // Receiver down: several rounds deliver nothing and lose nothing.
    for (let i = 0; i < 3; i++) {
      expect(await deliverDue(database.db)).toBe(0);
      await database.db.execute(sql`UPDATE webhook_outbox SET next_at = now() WHERE delivered_at IS NULL`);
    }
    const pending = (await database.db.execute(sql`SELECT count(*)::int AS n, min(attempts)::int AS a FROM webhook_outbox WHERE delivered_at IS NULL`)) as unknown as { rows: { n: number; a: number }[] };
    expect(pending.rows[0]).toEqual({ n: 8, a: 3 }); // 4 events × 2 webhooks, each tried 3 times

    up = true;
    let delivered = 0;
    for (let i = 0; i < 3; i++) delivered += await deliverDue(database.db);
    expect(delivered).toBe(8);
    expect(received).toHaveLength(8);
    expect(new Set(received.map((r) => r.key)).size).toBe(8);
    expect(JSON.stringify(received.map((r) => r.body))).toContain('returned');
    expect(await deliverDue(database.db)).toBe(0);
  });
});
