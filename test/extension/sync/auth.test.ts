// Sign-in against the real server: the token is kept only once the server
// knows it, and nothing is kept on any failure.
import { describe, expect, it } from 'vitest';
import { createAuth } from '@/extension/sync/auth';
import { createServerClient } from '@/extension/sync/http-client';
import { freePort } from '../../free-port';
import { countingFetch, liveServer } from './harness/live-server';
import { memoryAuthStore } from './harness/memory-stores';

const en = async () => 'en' as const;

describe('auth', () => {
  const live = liveServer();

  it('signs in with a token the server knows: who, which team, the token trimmed and the origin kept', async () => {
    const store = memoryAuthStore();
    const auth = createAuth(createServerClient(fetch), store, en);
    const r = await auth.signIn(`${live.url}/some/path?x=1`, `  ${live.team.tokens.manager}\n`);
    expect(r.ok).toBe(true);
    expect(store.auth).toEqual({
      serverUrl: live.url,
      token: live.team.tokens.manager,
      user: { id: live.team.userIds.manager, name: 'A manager', role: 'manager', channel: null, department: null },
      team: { id: live.team.teamId, name: 'A' },
    });
    expect(await auth.current()).toEqual(store.auth);
  });

  it('a token the server does not know is refused and nothing is kept', async () => {
    const store = memoryAuthStore();
    const r = await createAuth(createServerClient(fetch), store, en).signIn(live.url, 'bt_wrong-token');
    expect(r).toEqual({ ok: false, message: 'The server does not accept this token.' });
    expect(store.auth).toBeNull();
  });

  it('http to another computer is refused before any request: the token never leaves', async () => {
    const counted = countingFetch();
    const store = memoryAuthStore();
    const auth = createAuth(createServerClient(counted.fetch), store, en);
    const r = await auth.signIn('http://baton.example.com', live.team.tokens.rep);
    expect(r).toEqual({ ok: false, message: 'The server address must start with https:// (http:// only for this computer: localhost or 127.0.0.1).' });
    expect(await auth.signIn('not a url', live.team.tokens.rep)).toEqual({ ok: false, message: 'The server address is not a valid http(s) URL.' });
    expect(counted.counts.requests).toBe(0);
    expect(store.auth).toBeNull();
  });

  it('no server there: says it cannot reach it, keeps nothing', async () => {
    const store = memoryAuthStore();
    const r = await createAuth(createServerClient(fetch), store, en).signIn(`http://127.0.0.1:${await freePort()}`, live.team.tokens.rep);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Cannot reach the server: /);
    expect(store.auth).toBeNull();
  });

  it('a server that is not Baton (another answer shape) is refused', async () => {
    const store = memoryAuthStore();
    // The health route answers 200 without a token, with a body that is not /v1/me's.
    const notMe: typeof fetch = (input, init) => fetch(String(input).replace('/v1/me', '/v1/health'), init);
    const r = await createAuth(createServerClient(notMe), store, en).signIn(live.url, live.team.tokens.rep);
    expect(r.ok).toBe(false);
    expect(store.auth).toBeNull();
  });

  it('failures are said in the person’s language', async () => {
    const zhTW = createAuth(createServerClient(fetch), memoryAuthStore(), async () => 'zh-TW');
    expect(await zhTW.signIn(live.url, 'bt_wrong-token')).toEqual({ ok: false, message: '伺服器不接受此權杖。' });
    const zhCN = createAuth(createServerClient(fetch), memoryAuthStore(), async () => 'zh-CN');
    expect(await zhCN.signIn('http://baton.example.com', live.team.tokens.rep)).toEqual({ ok: false, message: '服务器地址必须以 https:// 开头（http:// 仅限本机：localhost 或 127.0.0.1）。' });
    const r = await zhCN.signIn(`http://127.0.0.1:${await freePort()}`, live.team.tokens.rep);
    expect(!r.ok && r.message).toMatch(/^无法连接服务器：/);
  });

  it('sign-out forgets the person', async () => {
    const store = memoryAuthStore();
    const auth = createAuth(createServerClient(fetch), store, en);
    await auth.signIn(live.url, live.team.tokens.rep);
    expect(store.auth).not.toBeNull();
    await auth.signOut();
    expect(await auth.current()).toBeNull();
  });
});
