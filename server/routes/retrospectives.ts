// /v1/team/retrospectives and /v1/team/sync-agenda (issue 16 items 3 and 4):
// the caller's due reviews, submitting one, the reviews of the caller's own
// handoffs, the managers' handoff accuracy and the sync meeting's agenda.
// Under /v1/team so extension pages reach them through the background.
import { Hono } from 'hono';
import type { z } from 'zod';
import { periodQuerySchema } from '@/lib/engagement/retrospective-answers';
import { retrospectiveBodySchema } from '@/lib/engagement/retrospective';
import type { Db } from '../db/connect';
import type { Env } from '../http/auth';
import { body, invalidInput, query } from '../http/validate';
import { readAccuracy } from '../retrospectives/accuracy';
import { dueReviews, receivedReviews, submitReview } from '../retrospectives/reviews';
import { readSyncAgenda } from '../retrospectives/sync-agenda';

const DAY = 86_400_000;

/** The query's period [from, to): `to` defaults to now, `from` to `days` before it; 400 when from is not before to. */
function periodOf(q: z.infer<typeof periodQuerySchema>, days: number): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - days * DAY);
  if (from >= to) throw invalidInput([{ path: 'from', code: 'beforeTo' }], { where: 'query' });
  return { from, to };
}

export function retrospectiveRoutes(db: Db) {
  const r = new Hono<Env>();
  r.get('/team/retrospectives/due', async (c) => c.json({ due: await dueReviews(db, c.get('caller')) }));
  r.get('/team/retrospectives/received', async (c) => c.json({ reviews: await receivedReviews(db, c.get('caller')) }));
  r.get('/team/retrospectives/accuracy', async (c) => c.json(await readAccuracy(db, c.get('caller'), periodOf(query(c, periodQuerySchema), 30))));
  // The packet's key travels in the body: keys hold ':' and '.', which extension pages may not put in a path.
  r.post('/team/retrospectives', async (c) => c.json({ review: await submitReview(db, c.get('caller'), await body(c, retrospectiveBodySchema, 'retrospective')) }, 201));
  // The meeting is every two weeks (seed 000): the last 14 days unless asked otherwise.
  r.get('/team/sync-agenda', async (c) => c.json({ agenda: await readSyncAgenda(db, c.get('caller'), periodOf(query(c, periodQuerySchema), 14)) }));
  return r;
}
