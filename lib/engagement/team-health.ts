// The manager's figures for a period (lib/engagement/README.md: is the handoff standard
// followed?): completeness at submission, time from close to acceptance,
// return rate and the top return reasons, the intro-SLA hit rate, claims
// expiring within a week, open conflicts. A pure function of events the
// server reads from its audit log and packets.
//
// The figures count PACKETS, not lifecycle events (a packet submitted,
// returned and resubmitted is one handoff, not two):
// - submitted packets: distinct packets with at least one submission in the period;
// - completeness at submission: each submitted packet's completeness at its
//   FIRST submission in the period (what the rep handed over before any return);
//   mean and lowest over those packets;
// - returned packets: submitted packets with at least one return in the period;
// - return rate: returned packets ÷ submitted packets, % (never above 100);
// - top return reasons: per checklist item, how many returned packets were sent
//   back for it (a packet returned twice for the same item counts once);
// - close → acceptance and intros: each packet accepted in the period, once.
import { z } from 'zod';
export interface HealthInput {
  /** the period, half-open [from, to) */
  from: string;
  to: string;
  now: string;
  introMinutes: number;
  /** what starts the intro clock (team policy) */
  introClockStart?: 'accepted' | 'won';
  submissions: { key: string; at: string; completeness: number }[];
  returns: { key: string; at: string; items: string[] }[];
  acceptances: { key: string; at: string; closeDate: string | null; introSentAt: string | null; wonAt?: string | null }[];
  claims: { expiresAt: string; releasedAt: string | null; wonAt: string | null }[];
  openConflicts: number;
}

/** A team's handoff health over a period, as GET /v1/team/health answers it. */
export const teamHealthSchema = z.object({
  /** distinct packets submitted at least once in the period */
  submittedPackets: z.number(),
  completenessAtSubmission: z.object({ mean: z.number(), min: z.number() }).nullable(),
  /** hours from the deal's close date (midnight UTC) to acceptance */
  closeToAcceptanceHours: z.object({ median: z.number(), max: z.number() }).nullable(),
  /** of the submitted packets, those returned at least once in the period */
  returnedPackets: z.number(),
  /** returnedPackets ÷ submittedPackets, % */
  returnRate: z.number().nullable(),
  topReturnReasons: z.array(z.object({ item: z.string(), count: z.number() })),
  /** accepted packets whose intro was due by now, and how many went out in time */
  intro: z.object({ due: z.number(), onTime: z.number(), rate: z.number().nullable() }),
  claimsExpiringThisWeek: z.number(),
  openConflicts: z.number(),
});
export type TeamHealth = z.infer<typeof teamHealthSchema>;

/** GET /v1/team/health: the period asked for and the health in it. */
export const teamHealthAnswerSchema = z.object({ period: z.object({ from: z.string(), to: z.string() }), health: teamHealthSchema });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const round1 = (n: number) => Math.round(n * 10) / 10;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The earliest event of each packet, in time order. */
function firstPerPacket<E extends { key: string; at: string }>(events: E[]): E[] {
  const first = new Map<string, E>();
  for (const e of [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) if (!first.has(e.key)) first.set(e.key, e);
  return [...first.values()];
}

export function teamHealth(h: HealthInput): TeamHealth {
  const from = Date.parse(h.from);
  const to = Date.parse(h.to);
  const now = Date.parse(h.now);
  const inPeriod = (at: string) => {
    const t = Date.parse(at);
    return t >= from && t < to;
  };
  const subs = firstPerPacket(h.submissions.filter((s) => inPeriod(s.at)));
  const submitted = new Set(subs.map((s) => s.key));
  const returnItems = new Map<string, Set<string>>();
  for (const r of h.returns) {
    if (!inPeriod(r.at) || !submitted.has(r.key)) continue;
    const items = returnItems.get(r.key) ?? new Set<string>();
    for (const item of r.items) items.add(item);
    returnItems.set(r.key, items);
  }
  const accs = firstPerPacket(h.acceptances.filter((a) => inPeriod(a.at)));

  const reasons = new Map<string, number>();
  for (const items of returnItems.values()) for (const item of items) reasons.set(item, (reasons.get(item) ?? 0) + 1);
  // Accepted before the CRM's (expected) close date: there is no close to measure from yet.
  const closeToAccept = accs
    .filter((a) => a.closeDate)
    .map((a) => (Date.parse(a.at) - Date.parse(`${a.closeDate}T00:00:00Z`)) / HOUR)
    .filter((h) => h >= 0);
  const start = (a: HealthInput['acceptances'][number]) => Date.parse(h.introClockStart === 'won' && a.wonAt ? a.wonAt : a.at);
  const due = accs.filter((a) => a.introSentAt || start(a) + h.introMinutes * 60_000 <= now);
  const onTime = due.filter((a) => a.introSentAt && Date.parse(a.introSentAt) - start(a) <= h.introMinutes * 60_000).length;

  return {
    submittedPackets: subs.length,
    completenessAtSubmission: subs.length ? { mean: round1(subs.reduce((n, s) => n + s.completeness, 0) / subs.length), min: Math.min(...subs.map((s) => s.completeness)) } : null,
    closeToAcceptanceHours: closeToAccept.length ? { median: round1(median(closeToAccept)), max: round1(Math.max(...closeToAccept)) } : null,
    returnedPackets: returnItems.size,
    returnRate: subs.length ? round1((returnItems.size / subs.length) * 100) : null,
    topReturnReasons: [...reasons].map(([item, count]) => ({ item, count })).sort((a, b) => b.count - a.count || a.item.localeCompare(b.item)).slice(0, 5),
    intro: { due: due.length, onTime, rate: due.length ? round1((onTime / due.length) * 100) : null },
    claimsExpiringThisWeek: h.claims.filter((c) => !c.releasedAt && !c.wonAt && Date.parse(c.expiresAt) > now && Date.parse(c.expiresAt) - now <= 7 * DAY).length,
    openConflicts: h.openConflicts,
  };
}

/** The same figures as CSV rows (figure, value), for a spreadsheet. */
export function healthCsv(t: TeamHealth, period: { from: string; to: string }): string {
  const rows: [string, string | number | null][] = [
    ['period from', period.from],
    ['period to', period.to],
    ['packets submitted', t.submittedPackets],
    ['completeness at submission, mean %', t.completenessAtSubmission?.mean ?? null],
    ['completeness at submission, lowest %', t.completenessAtSubmission?.min ?? null],
    ['close to acceptance, median hours', t.closeToAcceptanceHours?.median ?? null],
    ['close to acceptance, longest hours', t.closeToAcceptanceHours?.max ?? null],
    ['packets returned', t.returnedPackets],
    ['return rate %', t.returnRate],
    ...t.topReturnReasons.map((r): [string, number] => [`packets returned for: ${r.item}`, r.count]),
    ['intros due', t.intro.due],
    ['intros on time', t.intro.onTime],
    ['intro SLA hit rate %', t.intro.rate],
    ['claims expiring within 7 days', t.claimsExpiringThisWeek],
    ['open claim conflicts', t.openConflicts],
  ];
  const cell = (v: string | number | null) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return ['figure,value', ...rows.map(([k, v]) => `${cell(k)},${cell(v)}`)].join('\n') + '\n';
}
