import { describe, expect, it } from 'vitest';
import { CHROME_MANAGED_SCHEMA, MANAGED_KEYS, managedConfigSchema, managedSignInRefusal, parseManagedConfig } from '@/lib/settings/managed-config';

describe('parseManagedConfig', () => {
  it('keeps each usable value, the server as its origin', () => {
    const r = parseManagedConfig({ serverUrl: 'https://baton.acme.cn/', team: 'Acme Sales', signInMethod: 'oidc', uiLanguage: 'zh-TW', customAdapters: '[]' });
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual({ serverUrl: 'https://baton.acme.cn', team: 'Acme Sales', signInMethod: 'oidc', uiLanguage: 'zh-TW', customAdapters: '[]' });
  });

  it('leaves out a wrong value and reports it, keeping the others', () => {
    const r = parseManagedConfig({ serverUrl: 'http://baton.acme.cn', uiLanguage: 'fr', signInMethod: 'password', team: 42 });
    expect(r.config).toEqual({});
    expect(r.problems).toEqual([
      { key: 'team', reason: 'type' },
      { key: 'signInMethod', reason: 'type' },
      { key: 'uiLanguage', reason: 'type' },
      { key: 'serverUrl', reason: 'address', detail: 'insecure' },
    ]);
  });

  it('refuses a server address with a path (the API is at the root): reported, not cut to the origin', () => {
    expect(parseManagedConfig({ serverUrl: 'https://corp.example/baton/' })).toEqual({ config: {}, problems: [{ key: 'serverUrl', reason: 'address', detail: 'path' }] });
  });

  it('reads nothing managed from no policy, an empty policy or a blank team', () => {
    for (const raw of [undefined, null, {}, 'x', { team: '  ' }]) expect(parseManagedConfig(raw)).toEqual({ config: {}, problems: [] });
  });

  it('ignores keys it does not know', () => {
    expect(parseManagedConfig({ token: 'secret', uiLanguage: 'en' }).config).toEqual({ uiLanguage: 'en' });
  });
});

describe('managedSignInRefusal', () => {
  const team = { id: 7, name: 'Acme Sales' };
  it('refuses another server than the managed one', () => {
    expect(managedSignInRefusal({ serverUrl: 'https://a.example' }, { serverUrl: 'https://b.example' })).toEqual({ key: 'signIn.managedServer', params: { server: 'https://a.example' } });
    expect(managedSignInRefusal({ serverUrl: 'https://a.example' }, { serverUrl: 'https://a.example', team })).toBeNull();
  });
  it('matches the managed team by name (any case) or id, and refuses another', () => {
    expect(managedSignInRefusal({ team: 'acme sales' }, { serverUrl: 'https://a.example', team })).toBeNull();
    expect(managedSignInRefusal({ team: '7' }, { serverUrl: 'https://a.example', team })).toBeNull();
    expect(managedSignInRefusal({ team: 'Globex' }, { serverUrl: 'https://a.example', team })).toEqual({ key: 'signIn.managedTeam', params: { team: 'Globex', got: 'Acme Sales' } });
  });
  it('allows anything when nothing is managed', () => {
    expect(managedSignInRefusal({}, { serverUrl: 'https://b.example', team })).toBeNull();
  });
});

describe("Chrome's policy schema", () => {
  it('names exactly the managed keys, each with a type, and the same choices as the zod schema', () => {
    expect(Object.keys(CHROME_MANAGED_SCHEMA.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    for (const [key, node] of Object.entries(CHROME_MANAGED_SCHEMA.properties)) {
      expect(node.type, key).toBe('string');
      if ('enum' in node) for (const v of node.enum) expect(managedConfigSchema.shape[key as keyof typeof managedConfigSchema.shape].safeParse(v).success, `${key}=${v}`).toBe(true);
    }
  });
});
