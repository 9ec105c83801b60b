// DATABASE_URL in libpq's multi-host form becomes one URL per host, in order.
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '@/server/db/database-url';

describe('parseDatabaseUrl', () => {
  it('splits a primary and its standbys into one URL each, keeping user, password, database and parameters', () => {
    expect(parseDatabaseUrl('postgres://baton:s%40cret@10.0.0.1:5433,db2.example.internal,[::1]:6000/baton?target_session_attrs=read-write&sslmode=require')).toEqual({
      hosts: [
        { label: '10.0.0.1:5433', url: 'postgres://baton:s%40cret@10.0.0.1:5433/baton?sslmode=require' },
        { label: 'db2.example.internal:5432', url: 'postgres://baton:s%40cret@db2.example.internal:5432/baton?sslmode=require' },
        { label: '[::1]:6000', url: 'postgres://baton:s%40cret@[::1]:6000/baton?sslmode=require' },
      ],
      sessionAttrs: 'read-write',
    });
  });

  it('keeps a single host as written (no port added), any session by default', () => {
    expect(parseDatabaseUrl('postgresql://u@localhost/baton')).toEqual({ hosts: [{ label: 'localhost', url: 'postgresql://u@localhost/baton' }], sessionAttrs: 'any' });
    expect(parseDatabaseUrl('postgres:///baton?host=/var/run/postgresql').hosts).toEqual([{ label: 'default', url: 'postgres:///baton?host=/var/run/postgresql' }]);
    expect(parseDatabaseUrl('postgres://u@h1:1,h2:2/b?target_session_attrs=primary').sessionAttrs).toBe('primary');
  });

  it('refuses what would send writes to a standby, or is not a PostgreSQL URL, naming the wrong part', () => {
    expect(() => parseDatabaseUrl('postgres://u@h1,h2/b?target_session_attrs=prefer-standby')).toThrow(/target_session_attrs=prefer-standby is not supported/);
    expect(() => parseDatabaseUrl('mysql://u@h/b')).toThrow(/postgres:\/\//);
    expect(() => parseDatabaseUrl('postgres://u@h1:5432,:x/b')).toThrow(/":x" is not a host/);
  });
});
