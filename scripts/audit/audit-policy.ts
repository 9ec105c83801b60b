// The dependency audit's rule (issue 18): a known high or critical advisory on
// any installed package — runtime or build — fails the build unless it is
// listed in .ci/audit-exceptions.json with a reason and a date to look again.
// Build tools are audited too: they produce the extension bundle users run.
// Input: `npm audit --json` (auditReportVersion 2, npm ≥ 7).
import { z } from 'zod';

const FAILING = new Set(['high', 'critical']);

const advisorySchema = z.object({
  source: z.number().optional(),
  name: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  severity: z.string(),
  range: z.string().optional(),
});

const reportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ name: z.string(), severity: z.string(), via: z.array(z.union([z.string(), advisorySchema])) })),
});

const exceptionSchema = z.object({
  /** the advisory's GHSA id, e.g. "GHSA-67mh-4wv8-2f99" */
  id: z.string().regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/),
  package: z.string().min(1),
  /** why the advisory does not reach users, or what is done instead */
  reason: z.string().min(20),
  /** ISO date; after it the exception no longer holds and must be reviewed */
  reviewBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const exceptionsSchema = z.array(exceptionSchema);
export type AuditException = z.infer<typeof exceptionSchema>;

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
}

export interface AuditVerdict {
  /** high/critical advisories without a valid exception: the build fails */
  failing: Advisory[];
  /** high/critical advisories an exception covers */
  excepted: { advisory: Advisory; exception: AuditException }[];
  /** exceptions past their review date (they no longer cover anything) */
  expired: AuditException[];
}

/** The GHSA id of an advisory (from its URL), or its npm source number. */
const advisoryId = (a: z.infer<typeof advisorySchema>) => /GHSA(-[a-z0-9]{4}){3}/i.exec(a.url ?? '')?.[0] ?? `npm-${a.source ?? a.name}`;

/**
 * Judges an `npm audit --json` report against the exceptions.
 * Throws when the report is not an audit (e.g. the registry's audit endpoint
 * answered with an error): no verdict is better than a passing one.
 */
export function judgeAudit(rawReport: unknown, exceptions: AuditException[], today: string): AuditVerdict {
  const parsed = reportSchema.safeParse(rawReport);
  if (!parsed.success) {
    const error = (rawReport as { error?: { summary?: string } } | null)?.error?.summary;
    throw new Error(`npm audit gave no report${error ? `: ${error}` : ''}`);
  }
  const advisories = new Map<string, Advisory>();
  for (const v of Object.values(parsed.data.vulnerabilities)) {
    for (const via of v.via) {
      if (typeof via === 'string' || !FAILING.has(via.severity)) continue;
      const id = advisoryId(via);
      advisories.set(`${id}:${via.name}`, { id, package: via.name, severity: via.severity, title: via.title ?? '' });
    }
  }
  const valid = exceptions.filter((e) => e.reviewBy >= today);
  const verdict: AuditVerdict = { failing: [], excepted: [], expired: exceptions.filter((e) => e.reviewBy < today) };
  for (const a of advisories.values()) {
    const exception = valid.find((e) => e.id.toLowerCase() === a.id.toLowerCase() && e.package === a.package);
    if (exception) verdict.excepted.push({ advisory: a, exception });
    else verdict.failing.push(a);
  }
  return verdict;
}
