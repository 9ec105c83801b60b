// A lone UTF-16 surrogate ("\ud800" in JSON) is no character: PostgreSQL cannot
// store it. It is refused as a 400 naming the field (the extension then splits
// its batch and refuses only that edit), never a 500 that the extension would
// resend forever; nothing of the request is applied.
import { describe, expect, it } from 'vitest';
import { hlc } from '../harness/seed';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('broken text in a body (%s)', (backend) => {
  const f = serverFixture(backend);
  const key = 'hubspot:1:broken-text';
  const push = (mutations: unknown[]) => f.call(f.teams[0]!.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'broken-text', mutations });
  const set = (id: string, value: string) => ({ id, packetKey: key, op: { kind: 'set', path: 'salesNotes', value }, hlc: hlc() });

  it('a lone surrogate is a 400 at its field, in the body as raw JSON text too; a whole pair is text', async () => {
    const body = `{"clientId":"broken-text","mutations":[${JSON.stringify(set('ok1', 'fine'))},${JSON.stringify(set('bad1', 'x')).replace('"x"', '"x\\ud800y"')}]}`;
    const raw = await f.call(f.teams[0]!.tokens.rep, 'POST', '/v1/sync/push', undefined, body);
    expect(raw.status).toBe(400);
    const err = raw.json.error as unknown as { code: string; path: string; issues: { code: string }[] };
    expect(err.path).toBe('mutations[1].op.value');
    expect(err.issues[0]!.code).toBe('notText');
    const pulled = await f.call(f.teams[0]!.tokens.rep, 'GET', '/v1/sync/pull?since=0');
    expect(JSON.stringify(pulled.json)).not.toContain(key);
    const pair = await push([set('ok2', 'emoji 😀 fine')]);
    expect(pair.status).toBe(200);
  });
});
