// The manager's health trends (issue 16 item 5): per rep and per CSM, weekly
// series over a period, the handoff funnel, the intro SLA and, where CSMs
// reviewed handoffs afterwards, retrospective accuracy. A pure function of
// each packet's lifecycle history as the server's audit log keeps it.
//
// Who a figure belongs to:
// - a handoff attempt is one submission and the review that ended it
//   (acceptance or return), if any;
// - its rep is the person who submitted it when they are a rep, else (a
//   manager submitting for a rep) the packet's owner; a draft's rep is its
//   creator when a rep, else the owner. So a leaver's past work stays theirs
//   after their customers are reassigned;
// - its CSM is who reviewed it (a CSM, or a manager or admin acting as one);
// - its stage is the relay stage it was handed to (the submission's audit
//   entry names it; none: CS, the default relay sales → CS). On a relay
//   sales → implementation → CS, implementation's hand-on to CS is an attempt
//   too: its "rep" side is the implementation person who handed it on, its
//   "CSM" side who received it; the stage filter tells the two handoffs apart.
//   A draft belongs to the stage its packet was first handed to, or, never
//   handed on, to the team's first receiving stage.
//
// Weekly figures, in ISO weeks in UTC (iso-week.ts says why), count packets:
// - submitted: packets with a submission in the week;
// - completeness: mean completeness (%) at each packet's first submission in the week;
// - accepted / returned: packets accepted / returned in the week;
// - closeToAcceptanceHours: median hours from the deal's close date (00:00 UTC)
//   to acceptance, over the week's acceptances after the close;
// - intro: the week's acceptances into CS whose intro was due by now (intro-clock.ts),
//   and how many met the team's minutes; rate %;
// - accuracy: of the retrospective verdicts written that week, % "was right".
// A CSM's series leave submitted and completeness blank (null): nobody has
// reviewed a submission yet when it is made. Only events inside [from, to) count.
import { z } from 'zod';
import { introClock } from './intro-clock';
import { isoWeekName, isoWeeksOf } from './iso-week';
import type { EngagementPolicy } from './policy';

const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;

/** One packet's history: its lifecycle audit entries up to the period's end, any order. */
export interface TrendPacket {
  key: string;
  ownerUserId: number;
  /** the CRM deal's close date, YYYY-MM-DD */
  closeDate: string | null;
  introSentAt: string | null;
  wonAt: string | null;
  /** `stage`: on a submission, the relay stage it hands to (absent: CS) */
  events: { action: 'create' | 'submit' | 'return' | 'accept'; at: string; userId: number | null; completeness?: number; stage?: string }[];
}

/** A CSM's retrospective of an accepted handoff (CS's stage): when, whose (as the review records them), sections right of those judged. */
export interface TrendRetro {
  at: string;
  repUserId: number;
  csmUserId: number;
  right: number;
  judged: number;
}

export interface TrendsInput {
  /** the period, half-open [from, to), ISO 8601 */
  from: string;
  to: string;
  now: string;
  policy: Pick<EngagementPolicy, 'introMinutes' | 'introClockStart'>;
  people: { id: number; name: string; role: string }[];
  packets: TrendPacket[];
  /** the retrospectives written in the period (absent: none kept) */
  retros?: TrendRetro[];
  /** the team's receiving stages in relay order (the stage filter's choices); the first is where a new draft goes */
  stages: string[];
  filter: { rep?: number; csm?: number; stage?: string };
}

const weekFiguresSchema = z.object({
  submitted: z.number().int().nullable(),
  completeness: z.number().nullable(),
  accepted: z.number().int(),
  returned: z.number().int(),
  closeToAcceptanceHours: z.number().nullable(),
  introDue: z.number().int(),
  introOnTime: z.number().int(),
  introRate: z.number().nullable(),
  accuracy: z.number().nullable(),
});
export type WeekFigures = z.infer<typeof weekFiguresSchema>;
/** The figures a week carries, in CSV and chart order. */
export const WEEK_FIGURES = weekFiguresSchema.keyof().options;

const personSeriesSchema = z.object({ userId: z.number(), name: z.string(), weeks: z.array(weekFiguresSchema) });
export type PersonSeries = z.infer<typeof personSeriesSchema>;

/** GET /v1/team/health/trends: the period, its weeks, the series, the funnel and the period's intro SLA and accuracy. */
export const healthTrendsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  filter: z.object({ rep: z.number().nullable(), csm: z.number().nullable(), stage: z.string().nullable() }),
  /** ISO weeks, UTC: name ("2026-W45"), Monday's date, and whether the period covers only part of it */
  weeks: z.array(z.object({ week: z.string(), start: z.string(), partial: z.boolean() })),
  reps: z.array(personSeriesSchema),
  csms: z.array(personSeriesSchema),
  /** distinct packets with each step in the period; drafts is null under a CSM filter (a draft has no CSM) */
  funnel: z.object({ drafts: z.number().int().nullable(), submitted: z.number().int(), accepted: z.number().int(), returned: z.number().int() }),
  intro: z.object({ due: z.number().int(), onTime: z.number().int(), rate: z.number().nullable() }),
  /** retrospective verdicts in the period: right of judged; null rate when none */
  accuracy: z.object({ judged: z.number().int(), right: z.number().int(), rate: z.number().nullable() }),
  /** what the filters offer: the reps and CSMs with a handoff in the period (whatever the filter), the team's stages */
  choices: z.object({ reps: z.array(z.object({ id: z.number(), name: z.string() })), csms: z.array(z.object({ id: z.number(), name: z.string() })), stages: z.array(z.string()) }),
});
export type HealthTrends = z.infer<typeof healthTrendsSchema>;

/** One handoff attempt, or a draft (no submission), with whose it is. */
interface Attempt {
  key: string;
  rep: number;
  csm: number | null;
  stage: string;
  createdAt?: number;
  submittedAt?: number;
  completeness?: number;
  review?: { kind: 'accept' | 'return'; at: number };
  packet: TrendPacket;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number) => (whole ? round1((part / whole) * 100) : null);
function median(v: number[]): number | null {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A packet's drafts and attempts, walking its history in time order. */
function attemptsOf(p: TrendPacket, roleOf: (id: number | null) => string | undefined, firstStage: string): Attempt[] {
  const HANDS_ON = ['rep', 'implementation'];
  const repOf = (userId: number | null) => (userId !== null && HANDS_ON.includes(roleOf(userId) ?? '') ? userId : p.ownerUserId);
  const events = [...p.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const handedFirst = events.find((e) => e.action === 'submit');
  const draftStage = handedFirst ? (handedFirst.stage ?? 'cs') : firstStage;
  const out: Attempt[] = [];
  let open: Attempt | null = null;
  for (const e of events) {
    const at = Date.parse(e.at);
    if (e.action === 'create') out.push({ key: p.key, rep: repOf(e.userId), csm: null, stage: draftStage, createdAt: at, packet: p });
    else if (e.action === 'submit') {
      open = { key: p.key, rep: repOf(e.userId), csm: null, stage: e.stage ?? 'cs', submittedAt: at, completeness: e.completeness, packet: p };
      out.push(open);
    } else {
      // A review with no submission in the history read: the owner's, at CS.
      const a: Attempt = open ?? { key: p.key, rep: p.ownerUserId, csm: null, stage: 'cs', packet: p };
      if (!open) out.push(a);
      a.csm = e.userId;
      a.review = { kind: e.action, at };
      open = null;
    }
  }
  return out;
}

interface Window {
  from: number;
  to: number;
  now: number;
  policy: TrendsInput['policy'];
}

/** The figures of a set of attempts over [w.from, w.to); `side` says whose series it is. */
function figures(attempts: Attempt[], retros: Retro[], w: Window, side: 'rep' | 'csm'): WeekFigures {
  const inside = (t: number | undefined): t is number => t !== undefined && t >= w.from && t < w.to;
  const firstSubmission = new Map<string, Attempt>();
  for (const a of attempts) {
    if (!inside(a.submittedAt)) continue;
    const seen = firstSubmission.get(a.key);
    if (!seen || a.submittedAt! < seen.submittedAt!) firstSubmission.set(a.key, a);
  }
  const reviewed = (kind: 'accept' | 'return') => attempts.filter((a) => a.review?.kind === kind && inside(a.review.at));
  const accepted = reviewed('accept');
  const scored = [...firstSubmission.values()].filter((a) => a.completeness !== undefined);
  const closeHours = accepted.flatMap((a) => (a.packet.closeDate ? [(a.review!.at - Date.parse(`${a.packet.closeDate}T00:00:00Z`)) / HOUR] : [])).filter((h) => h >= 0);
  const intro = introOf(accepted, w);
  const judged = retros.filter((r) => inside(r.at));
  const right = judged.reduce((n, r) => n + r.right, 0);
  const total = judged.reduce((n, r) => n + r.judged, 0);
  const closeMedian = median(closeHours);
  return {
    submitted: side === 'csm' ? null : firstSubmission.size,
    completeness: side === 'csm' || !scored.length ? null : round1(scored.reduce((n, a) => n + a.completeness!, 0) / scored.length),
    accepted: new Set(accepted.map((a) => a.key)).size,
    returned: new Set(reviewed('return').map((a) => a.key)).size,
    closeToAcceptanceHours: closeMedian === null ? null : round1(closeMedian),
    introDue: intro.due,
    introOnTime: intro.onTime,
    introRate: intro.rate,
    accuracy: pct(right, total),
  };
}

/** Of the attempts accepted into CS (the CSM writes the intro; implementation's acceptance starts no intro clock), the intros due by now and those sent within the team's minutes. */
function introOf(accepted: Attempt[], w: Window): HealthTrends['intro'] {
  let due = 0;
  let onTime = 0;
  for (const a of accepted) {
    if (a.stage !== 'cs') continue;
    const clock = introClock({ acceptedAt: new Date(a.review!.at).toISOString(), wonAt: a.packet.wonAt, introSentAt: a.packet.introSentAt }, w.policy as EngagementPolicy, w.now);
    if (clock.state === 'met' || clock.state === 'missed' || clock.state === 'overdue') due++;
    if (clock.state === 'met') onTime++;
  }
  return { due, onTime, rate: pct(onTime, due) };
}

interface Retro {
  at: number;
  rep: number;
  csm: number;
  stage: string;
  right: number;
  judged: number;
}


/** Weekly series for each person on one side, people in name order. */
function seriesBy(side: 'rep' | 'csm', attempts: Attempt[], retros: Retro[], weeks: Window[], nameOf: (id: number) => string): PersonSeries[] {
  const people = new Map<number, { attempts: Attempt[][]; retros: Retro[][] }>();
  const mine = (id: number) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { attempts: weeks.map(() => []), retros: weeks.map(() => []) }));
    return p;
  };
  // Each attempt goes to the weeks its submission and its review fall in, so a week reads only its own.
  for (const a of attempts) {
    if (a[side] === null || (side === 'csm' && !a.review)) continue;
    const buckets = mine(a[side]!).attempts;
    for (const i of new Set([weekIndex(weeks, a.submittedAt), weekIndex(weeks, a.review?.at)])) if (i >= 0) buckets[i]!.push(a);
  }
  for (const r of retros) {
    const i = weekIndex(weeks, r.at);
    if (i >= 0) mine(r[side]).retros[i]!.push(r);
  }
  return [...people]
    .map(([id, p]) => ({ userId: id, name: nameOf(id), weeks: weeks.map((w, i) => figures(p.attempts[i]!, p.retros[i]!, w, side)) }))
    .filter((s) => s.weeks.some((f) => f.submitted || f.accepted || f.returned || f.accuracy !== null))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId - b.userId);
}

/** The index of the week holding `t` (ms), or -1 outside them all. */
function weekIndex(weeks: Window[], t: number | undefined): number {
  if (t === undefined) return -1;
  return weeks.findIndex((w) => t >= w.from && t < w.to);
}

/** The reps and CSMs with a handoff step inside [from, to), by name. */
function choicesOf(attempts: Attempt[], from: number, to: number, nameOf: (id: number) => string) {
  const inside = (t: number | undefined) => t !== undefined && t >= from && t < to;
  const reps = new Set<number>();
  const csms = new Set<number>();
  for (const a of attempts) {
    if (inside(a.createdAt) || inside(a.submittedAt) || inside(a.review?.at)) reps.add(a.rep);
    if (a.csm !== null && inside(a.review?.at)) csms.add(a.csm);
  }
  const list = (ids: Set<number>) => [...ids].map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return { reps: list(reps), csms: list(csms) };
}

/** The trends of a period, under the filter. Throws nothing; an empty history gives zeros and blanks. */
export function healthTrends(input: TrendsInput): HealthTrends {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const now = Date.parse(input.now);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const { rep, csm, stage } = input.filter;
  const all = input.packets.flatMap((p) => attemptsOf(p, (id) => (id === null ? undefined : people.get(id)?.role), input.stages[0] ?? 'cs'));
  const nameOf = (id: number) => people.get(id)?.name ?? `#${id}`;
  const choices = { ...choicesOf(all, from, to, nameOf), stages: input.stages };
  const keep = <T extends { rep: number; csm: number | null; stage: string }>(x: T) =>
    (rep === undefined || x.rep === rep) && (csm === undefined || x.csm === csm) && (stage === undefined || x.stage === stage);
  const attempts = all.filter(keep);
  // Retrospectives are CS's, of the handoff it accepted.
  const retros = (input.retros ?? []).map((r): Retro => ({ at: Date.parse(r.at), rep: r.repUserId, csm: r.csmUserId, stage: 'cs', right: r.right, judged: r.judged })).filter(keep);
  const drafts = attempts.filter((a) => a.createdAt !== undefined);
  const handoffs = attempts.filter((a) => a.createdAt === undefined);
  const period: Window = { from, to, now, policy: input.policy };
  const weekWindows = isoWeeksOf(from, to).map((monday) => ({ ...period, from: Math.max(monday, from), to: Math.min(monday + WEEK, to), monday }));
  const whole = figures(handoffs, retros, period, 'rep');
  const judged = retros.filter((r) => r.at >= from && r.at < to);
  const right = judged.reduce((n, r) => n + r.right, 0);
  const total = judged.reduce((n, r) => n + r.judged, 0);
  return {
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    filter: { rep: rep ?? null, csm: csm ?? null, stage: stage ?? null },
    weeks: weekWindows.map((w) => ({ week: isoWeekName(w.monday), start: new Date(w.monday).toISOString().slice(0, 10), partial: w.from > w.monday || w.to < w.monday + WEEK })),
    reps: seriesBy('rep', handoffs, retros, weekWindows, nameOf),
    csms: seriesBy('csm', handoffs, retros, weekWindows, nameOf),
    funnel: {
      drafts: csm === undefined ? new Set(drafts.filter((d) => d.createdAt! >= from && d.createdAt! < to).map((d) => d.key)).size : null,
      submitted: whole.submitted ?? 0,
      accepted: whole.accepted,
      returned: whole.returned,
    },
    intro: { due: whole.introDue, onTime: whole.introOnTime, rate: whole.introRate },
    accuracy: { judged: total, right, rate: pct(right, total) },
    choices,
  };
}
