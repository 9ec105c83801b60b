// The retrospective (lib/engagement/README.md, "Retrospective"): N days after
// acceptance (team policy `retrospectiveDays`, default 30) the person who
// accepted the packet judges the handoff — each of the packet's eleven
// sections right, wrong or missing (with an optional note), and whether the
// customer fitted the ideal profile (yes / partly / no). The figures are the
// manager's handoff accuracy, per rep and per section.
//
// Figures, for the reviews submitted in a period:
// - each review rates every section once; a rated section is right, wrong or missing;
// - accuracy = right ÷ rated sections, % to one decimal (null with nothing rated);
// - per rep: the reviews of packets that rep owned, their counts and accuracy;
// - per section: over all reviews, how often it was right / wrong / missing;
// - profile fit: how many reviews said yes / partly / no.
import { z } from 'zod';

/** The packet's eleven sections (lib/packet/sections.ts), in the editor's order; sales notes are internal and not judged. */
export const REVIEW_SECTIONS = ['stakeholders', 'profile', 'contract', 'whyWon', 'goals', 'doneAndOpen', 'risks', 'followUps', 'assessment', 'introductions', 'serviceGroup'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

/** right: as the packet said; wrong: captured wrongly; missing: not captured at all */
export const VERDICTS = ['right', 'wrong', 'missing'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const PROFILE_FITS = ['yes', 'partly', 'no'] as const;
export type ProfileFit = (typeof PROFILE_FITS)[number];

const note = z.string().trim().max(2000).default('');
const sectionVerdictSchema = z.strictObject({ verdict: z.enum(VERDICTS), note });

/** POST /v1/team/retrospectives: the packet (its key), every section judged, and the profile fit. */
export const retrospectiveBodySchema = z.strictObject({
  key: z.string().min(1).max(500),
  sections: z.strictObject(Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, sectionVerdictSchema])) as Record<ReviewSection, typeof sectionVerdictSchema>),
  profileFit: z.enum(PROFILE_FITS),
  profileNote: note,
});
export type RetrospectiveBody = z.infer<typeof retrospectiveBodySchema>;

const DAY_MS = 86_400_000;

/** When the review of a packet accepted at `acceptedAt` (ISO 8601) falls due, `days` later (ISO 8601). */
export function reviewDueAt(acceptedAt: string, days: number): string {
  return new Date(Date.parse(acceptedAt) + days * DAY_MS).toISOString();
}

/** Whether that review is due at `now` (ms since the epoch): due from the very moment N days have passed. */
export function isReviewDue(acceptedAt: string, days: number, now: number): boolean {
  return Date.parse(acceptedAt) + days * DAY_MS <= now;
}

/** A submitted review, as the figures need it. */
export interface ReviewRecord {
  repUserId: number;
  repName: string;
  submittedAt: string;
  sections: Record<ReviewSection, { verdict: Verdict; note: string }>;
  profileFit: ProfileFit;
}

const countsSchema = z.object({ right: z.number(), wrong: z.number(), missing: z.number(), accuracy: z.number().nullable() });
const fitSchema = z.object({ yes: z.number(), partly: z.number(), no: z.number() });

/** The manager's handoff accuracy over a period (GET /v1/team/retrospectives/accuracy). */
export const handoffAccuracySchema = z.object({
  reviews: z.number(),
  overall: countsSchema,
  profileFit: fitSchema,
  perRep: z.array(countsSchema.extend({ userId: z.number(), name: z.string(), reviews: z.number(), profileFit: fitSchema })),
  perSection: z.array(countsSchema.extend({ section: z.enum(REVIEW_SECTIONS) })),
});
export type HandoffAccuracy = z.infer<typeof handoffAccuracySchema>;
type Counts = z.infer<typeof countsSchema>;

const round1 = (n: number) => Math.round(n * 10) / 10;
const empty = (): Counts => ({ right: 0, wrong: 0, missing: 0, accuracy: null });
const withAccuracy = (c: Counts): Counts => {
  const rated = c.right + c.wrong + c.missing;
  return { ...c, accuracy: rated ? round1((c.right / rated) * 100) : null };
};

/** The figures over the reviews submitted in [from, to) (ISO 8601). Reps in name order, sections in packet order. */
export function handoffAccuracy(reviews: ReviewRecord[], period: { from: string; to: string }): HandoffAccuracy {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const inPeriod = reviews.filter((r) => Date.parse(r.submittedAt) >= from && Date.parse(r.submittedAt) < to);
  const overall = empty();
  const fit = { yes: 0, partly: 0, no: 0 };
  const bySection = new Map<ReviewSection, Counts>(REVIEW_SECTIONS.map((s) => [s, empty()]));
  const byRep = new Map<number, { name: string; reviews: number; counts: Counts; fit: typeof fit }>();
  for (const r of inPeriod) {
    const rep = byRep.get(r.repUserId) ?? { name: r.repName, reviews: 0, counts: empty(), fit: { yes: 0, partly: 0, no: 0 } };
    rep.reviews += 1;
    rep.fit[r.profileFit] += 1;
    fit[r.profileFit] += 1;
    for (const s of REVIEW_SECTIONS) {
      const v = r.sections[s].verdict;
      overall[v] += 1;
      rep.counts[v] += 1;
      bySection.get(s)![v] += 1;
    }
    byRep.set(r.repUserId, rep);
  }
  return {
    reviews: inPeriod.length,
    overall: withAccuracy(overall),
    profileFit: fit,
    perRep: [...byRep]
      .map(([userId, x]) => ({ userId, name: x.name, reviews: x.reviews, profileFit: x.fit, ...withAccuracy(x.counts) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId - b.userId),
    perSection: REVIEW_SECTIONS.map((section) => ({ section, ...withAccuracy(bySection.get(section)!) })),
  };
}
