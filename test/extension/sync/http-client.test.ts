// The HTTP client against the real server: the bearer token, the timeout,
// failures mapped to "retry later" or "sign in again", bodies parsed.
import { describe, expect, it } from 'vitest';
import { meAnswerSchema } from '@/lib/sync/api-responses';
import { createServerClient, failOnSyncError, readAs, ServerUnreachable, TokenRefused } from '@/extension/sync/http-client';
import { freePort } from '../../free-port';
import { countingFetch, liveServer } from './harness/live-server';

describe('http client', () => {
  const live = liveServer();
  const lowLimit = liveServer({ requestsPerMinute: 2 });

  it('sends the bearer token to the server of the endpoint and parses the answer with the schema', async () => {
    const client = createServerClient(fetch);
    const res = await client.send(live.auth('csm'), 'GET', '/v1/me');
    expect(res.status).toBe(200);
    const me = await readAs(res, meAnswerSchema);
    expect(me).toMatchObject({ user: { name: 'A csm', role: 'csm' }, team: { name: 'A' } });
  });

  it('sends a body as JSON', async () => {
    const client = createServerClient(fetch);
    const res = await client.send(live.auth('rep'), 'POST', '/v1/claims', { body: { customer: 'Body As JSON Ltd', keys: [{ kind: 'company', value: 'Body As JSON Ltd' }] } });
    expect(res.status).toBe(201);
  });

  it('an answer of another shape, or not JSON, reads as null', async () => {
    const client = createServerClient(fetch);
    expect(await readAs(await client.send(live.auth('rep'), 'GET', '/v1/claims/policy'), meAnswerSchema)).toBeNull();
    const csv = await client.send(live.auth('manager'), 'GET', '/v1/team/health?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await readAs(csv, meAnswerSchema)).toBeNull();
  });

  it('a token the server does not know: 401, and the sync loop is told to sign in again', async () => {
    const client = createServerClient(fetch);
    const res = await client.send({ serverUrl: live.url, token: 'bt_not-a-token' }, 'GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(() => failOnSyncError(res)).toThrow(TokenRefused);
  });

  it('429 from the rate limit means retry later', async () => {
    const client = createServerClient(fetch);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.send(lowLimit.auth('rep'), 'GET', '/v1/me')).status);
    expect(statuses).toContain(429);
    const limited = await client.send(lowLimit.auth('rep'), 'GET', '/v1/me');
    expect(limited.status).toBe(429);
    expect(() => failOnSyncError(limited)).toThrow(new ServerUnreachable('server answered 429'));
  });

  it('no server listening: ServerUnreachable, not an answer', async () => {
    const client = createServerClient(fetch);
    const port = await freePort();
    await expect(client.send({ serverUrl: `http://127.0.0.1:${port}`, token: 't' }, 'GET', '/v1/me')).rejects.toThrow(ServerUnreachable);
  });

  it('a request with no answer in time is aborted and reads as ServerUnreachable', async () => {
    let aborted = false;
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_ok, fail) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          fail(init.signal!.reason);
        });
      });
    const client = createServerClient(hanging, 50);
    await expect(client.send(live.auth('rep'), 'GET', '/v1/me')).rejects.toThrow(ServerUnreachable);
    expect(aborted).toBe(true);
  });

  it('one request per call: nothing is retried behind the caller', async () => {
    const counted = countingFetch();
    const client = createServerClient(counted.fetch);
    await client.send({ serverUrl: live.url, token: 'bt_wrong' }, 'GET', '/v1/me');
    await client.send(live.auth('rep'), 'GET', '/v1/me');
    expect(counted.counts.requests).toBe(2);
    expect(counted.counts.statuses).toEqual([401, 200]);
  });
});
