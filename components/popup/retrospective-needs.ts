// What "needs me" shows of the retrospective (issue 16), asked of the server
// when the popup has opened: the reviews due for the person who accepted the
// packets, and for a rep the reviews of their handoffs written in the last
// 14 days. Loaded after the first render (use-retrospective-needs.ts), with
// its schemas, so the popup's start builds none of them.
import { dueReviewsAnswerSchema, receivedReviewsAnswerSchema } from '@/lib/engagement/retrospective-answers';
import { serverApi } from '../shared/server-api';

const RECENT_MS = 14 * 86_400_000;

/** Null when the server did not answer (offline, signed out): then nothing is shown rather than a wrong count. */
export async function retrospectiveNeeds(reviewer: boolean, now = Date.now()): Promise<{ due: string[]; reviewed: number } | null> {
  if (reviewer) {
    const r = await serverApi('GET', '/v1/team/retrospectives/due', undefined, dueReviewsAnswerSchema);
    return r.ok ? { due: r.json.due.map((d) => d.key), reviewed: 0 } : null;
  }
  const r = await serverApi('GET', '/v1/team/retrospectives/received', undefined, receivedReviewsAnswerSchema);
  return r.ok ? { due: [], reviewed: r.json.reviews.filter((x) => now - Date.parse(x.submittedAt) <= RECENT_MS).length } : null;
}
