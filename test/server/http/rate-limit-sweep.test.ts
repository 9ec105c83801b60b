// Past rate counts are deleted (issue 14: rate_limits only grew): rows of
// minutes long gone go, the current minute's stay (the limit reads them), and
// one round deletes at most its bound.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sweepRateLimits } from '@/server/http/rate-limit-sweep';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

const rows = async (db: Parameters<typeof sweepRateLimits>[0]) =>
  ((await db.execute(sql`SELECT token_id::int AS t, count FROM rate_limits ORDER BY window_start, token_id`)) as unknown as { rows: { t: number; count: number }[] }).rows;

describe.each(BACKENDS)('rate count sweep (%s)', (backend) => {
  const f = serverFixture(backend);

  it('deletes past minutes only (this minute’s count stays for the limit), at most its bound a round', async () => {
    const db = f.database.db;
    await db.execute(sql`DELETE FROM rate_limits`);
    // 30 tokens' counts from an hour ago, 3 from 10 minutes ago, and this minute's.
    await db.execute(sql`INSERT INTO rate_limits (token_id, window_start, count) SELECT 100000 + g, date_trunc('minute', now()) - interval '1 hour', g FROM generate_series(1, 30) g`);
    await db.execute(sql`INSERT INTO rate_limits (token_id, window_start, count) SELECT 200000 + g, date_trunc('minute', now()) - interval '10 minutes', g FROM generate_series(1, 3) g`);
    await db.execute(sql`INSERT INTO rate_limits (token_id, window_start, count) VALUES (300001, date_trunc('minute', now()), 7)`);

    expect(await sweepRateLimits(db, 20)).toBe(20);
    expect(await rows(db)).toHaveLength(14);
    expect(await sweepRateLimits(db, 20)).toBe(13);
    expect(await rows(db)).toEqual([{ t: 300001, count: 7 }]);
    expect(await sweepRateLimits(db, 20)).toBe(0);

  });
});
