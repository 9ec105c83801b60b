import { describe, expect, it } from 'vitest';
import { withoutPassword } from '@/server/backup/postgres-backup';

describe('withoutPassword: what pg_dump and pg_restore are given (their arguments are visible to every local user)', () => {
  it('takes the password out of the URL, decoded, for PGPASSWORD', () => {
    expect(withoutPassword('postgres://baton:S3cret%40pw@db1:5432,db2:5432/baton?target_session_attrs=read-write')).toEqual({
      url: 'postgres://baton@db1:5432,db2:5432/baton?target_session_attrs=read-write',
      password: 'S3cret@pw',
    });
  });
  it('leaves a URL without a password as it is', () => {
    expect(withoutPassword('postgresql://baton@127.0.0.1/baton')).toEqual({ url: 'postgresql://baton@127.0.0.1/baton', password: undefined });
    expect(withoutPassword('postgres://127.0.0.1:5433/baton')).toEqual({ url: 'postgres://127.0.0.1:5433/baton', password: undefined });
  });
});
