// The dependency audit's rule (scripts/audit/audit-policy.ts) on npm audit
// reports shaped as npm 10 writes them.
import { describe, expect, it } from 'vitest';
import { exceptionsSchema, judgeAudit } from '../../../scripts/audit/audit-policy';

const advisory = (name: string, severity: string, ghsa: string) => ({
  source: 1100000,
  name,
  dependency: name,
  title: `${name} flaw`,
  url: `https://github.com/advisories/${ghsa}`,
  severity,
  cwe: ['CWE-400'],
  cvss: { score: 7.5, vectorString: null },
  range: '<1.2.3',
});

const report = (vulns: Record<string, { severity: string; via: unknown[] }>) => ({
  auditReportVersion: 2,
  vulnerabilities: Object.fromEntries(Object.entries(vulns).map(([name, v]) => [name, { name, isDirect: false, effects: [], range: '<1.2.3', nodes: [], fixAvailable: true, ...v }])),
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
});

const TODAY = '2026-11-30';

describe('dependency audit policy', () => {
  it('passes a clean tree and one with only low or moderate advisories', () => {
    expect(judgeAudit(report({}), [], TODAY).failing).toEqual([]);
    const mild = report({ a: { severity: 'moderate', via: [advisory('a', 'moderate', 'GHSA-2222-3333-4444')] }, b: { severity: 'low', via: [advisory('b', 'low', 'GHSA-5555-6666-7777')] } });
    expect(judgeAudit(mild, [], TODAY).failing).toEqual([]);
  });

  it('fails on a high or critical advisory, named once even when several packages pull it in', () => {
    const r = report({
      'path-to-regexp': { severity: 'high', via: [advisory('path-to-regexp', 'high', 'GHSA-9wv6-86v2-598j')] },
      express: { severity: 'high', via: ['path-to-regexp'] },
      tar: { severity: 'critical', via: [advisory('tar', 'critical', 'GHSA-f5x3-32g6-xq36')] },
    });
    const v = judgeAudit(r, [], TODAY);
    expect(v.failing.map((a) => [a.id, a.package, a.severity])).toEqual([
      ['GHSA-9wv6-86v2-598j', 'path-to-regexp', 'high'],
      ['GHSA-f5x3-32g6-xq36', 'tar', 'critical'],
    ]);
  });

  it('lets a listed exception through until its review date, then fails again', () => {
    const r = report({ tar: { severity: 'high', via: [advisory('tar', 'high', 'GHSA-f5x3-32g6-xq36')] } });
    const exceptions = exceptionsSchema.parse([{ id: 'GHSA-f5x3-32g6-xq36', package: 'tar', reason: 'only the build unpacks our own tarballs; no input from users', reviewBy: '2026-12-31' }]);
    const now = judgeAudit(r, exceptions, TODAY);
    expect(now.failing).toEqual([]);
    expect(now.excepted.map((e) => e.advisory.id)).toEqual(['GHSA-f5x3-32g6-xq36']);
    const later = judgeAudit(r, exceptions, '2027-01-01');
    expect(later.failing.map((a) => a.id)).toEqual(['GHSA-f5x3-32g6-xq36']);
    expect(later.expired.map((e) => e.id)).toEqual(['GHSA-f5x3-32g6-xq36']);
  });

  it('an exception for one package does not cover the same advisory id elsewhere', () => {
    const r = report({ tar: { severity: 'high', via: [advisory('tar', 'high', 'GHSA-f5x3-32g6-xq36')] } });
    const exceptions = exceptionsSchema.parse([{ id: 'GHSA-f5x3-32g6-xq36', package: 'node-tar', reason: 'a different package entirely, listed by mistake', reviewBy: '2026-12-31' }]);
    expect(judgeAudit(r, exceptions, TODAY).failing).toHaveLength(1);
  });

  it('refuses an exception without a reason or review date', () => {
    expect(exceptionsSchema.safeParse([{ id: 'GHSA-f5x3-32g6-xq36', package: 'tar', reason: 'ok', reviewBy: '2026-12-31' }]).success).toBe(false);
    expect(exceptionsSchema.safeParse([{ id: 'GHSA-f5x3-32g6-xq36', package: 'tar', reason: 'only the build unpacks our own tarballs' }]).success).toBe(false);
  });

  it('fails closed when npm could not audit (the registry answered with an error)', () => {
    const error = { error: { code: 'ENOAUDIT', summary: 'Your configured registry (https://registry.npmjs.org/) may not support audit requests, or the audit endpoint may be temporarily unavailable.' } };
    expect(() => judgeAudit(error, [], TODAY)).toThrow(/no report: Your configured registry/);
    expect(() => judgeAudit(null, [], TODAY)).toThrow(/no report/);
  });
});
