import { describe, expect, it } from 'vitest';
import { emailSchema } from '@/lib/auth/api-schemas';
import { isProviderAddress } from '@/lib/auth/sign-in-policy';

describe('emailSchema: how an address names a person', () => {
  it('trims and lower-cases an ASCII address', () => {
    expect(emailSchema.parse('  Kim@Acme.Example ')).toBe('kim@acme.example');
  });
  it('refuses a look-alike that lower-cases into another address (U+212A KELVIN SIGN → k)', () => {
    expect('\u212Aim@acme.example'.toLowerCase()).toBe('kim@acme.example');
    expect(emailSchema.safeParse('\u212Aim@acme.example').success).toBe(false);
    expect(emailSchema.safeParse('kіm@acme.example').success).toBe(false); // Cyrillic і
  });
});

describe('isProviderAddress: where the server may call an identity provider', () => {
  it('https anywhere, http only on this machine', () => {
    expect(isProviderAddress('https://login.acme.example/token')).toBe(true);
    expect(isProviderAddress('http://127.0.0.1:9000/token')).toBe(true);
    expect(isProviderAddress('http://localhost/jwks')).toBe(true);
    expect(isProviderAddress('http://10.0.0.5/admin')).toBe(false);
    expect(isProviderAddress('http://login.acme.example/token')).toBe(false);
    expect(isProviderAddress('file:///etc/passwd')).toBe(false);
  });
});
