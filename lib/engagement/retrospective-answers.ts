// What the retrospective and sync-agenda routes answer (server/routes/retrospectives.ts),
// shared by the server and the extension pages that read them.
import { z } from 'zod';
import { handoffAccuracySchema, PROFILE_FITS, REVIEW_SECTIONS, VERDICTS } from './retrospective';
import { syncAgendaSchema } from './sync-agenda';

const period = z.object({ from: z.string(), to: z.string() });

/** GET /v1/team/retrospectives/due: the caller's reviews due now (packets they accepted N days ago or more, not yet reviewed), oldest first. */
export const dueReviewsAnswerSchema = z.object({
  due: z.array(
    z.object({
      key: z.string(),
      deal: z.string(),
      account: z.string(),
      dealUrl: z.string(),
      rep: z.string(),
      /** ISO 8601: when the caller accepted it, and when the review fell due */
      acceptedAt: z.string(),
      dueAt: z.string(),
    }),
  ),
});
export type DueReview = z.infer<typeof dueReviewsAnswerSchema>['due'][number];

/** A submitted review as the rep who handed off and the reviewer see it. */
export const reviewSchema = z.object({
  key: z.string(),
  deal: z.string(),
  account: z.string(),
  dealUrl: z.string(),
  rep: z.string(),
  csm: z.string(),
  submittedAt: z.string(),
  sections: z.record(z.enum(REVIEW_SECTIONS), z.object({ verdict: z.enum(VERDICTS), note: z.string() })),
  profileFit: z.enum(PROFILE_FITS),
  profileNote: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

/** POST /v1/team/retrospectives (201). */
export const reviewAnswerSchema = z.object({ review: reviewSchema });
/** GET /v1/team/retrospectives/received: reviews of the packets the caller owns, newest first. */
export const receivedReviewsAnswerSchema = z.object({ reviews: z.array(reviewSchema) });
/** GET /v1/team/retrospectives/accuracy?from&to. */
export const accuracyAnswerSchema = z.object({ period, accuracy: handoffAccuracySchema });
/** GET /v1/team/sync-agenda?from&to. */
export const agendaAnswerSchema = z.object({ agenda: syncAgendaSchema });

/** The period of the accuracy and agenda queries, half-open [from, to), ISO 8601 instants; each defaults (to: now; from: a route's own span before it). */
export const periodQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
