// The extension sends its token only over https, or over http to this
// computer (lib/sync/server-address.ts; docs/threat-model.md, network attacker).
import { describe, expect, it } from 'vitest';
import { parseServerAddress } from '@/lib/sync/server-address';

describe('sync server address', () => {
  it.each([
    ['https://baton.example.com', 'https://baton.example.com'],
    ['https://baton.example.com:8443/some/path', 'https://baton.example.com:8443'],
    ['  https://baton.example.cn  ', 'https://baton.example.cn'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s', (input, origin) => {
    expect(parseServerAddress(input)).toEqual({ ok: true, origin });
  });

  it.each(['http://baton.example.com', 'http://10.0.0.5:8787', 'http://192.168.1.20', 'http://localhost.attacker.example'])('refuses plain http to another host: %s', (input) => {
    expect(parseServerAddress(input)).toEqual({ ok: false, reason: 'insecure' });
  });

  it.each(['baton.example.com', 'ftp://baton.example.com', 'javascript:alert(1)', ''])('refuses what is not an http(s) URL: %s', (input) => {
    expect(parseServerAddress(input)).toEqual({ ok: false, reason: 'invalid' });
  });
});
