// The named rules a checklist template may use. Templates are data (an admin
// edits weights and required/optional); the rules themselves are code shared by
// the extension (instant feedback) and the server (authority).
import { checkRisks } from './risk-rule';
import type { Packet } from './schema';

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;

export interface RuleResult {
  satisfied: boolean;
  /** the field to take the user to when unsatisfied */
  linkPath: string;
  /** machine-readable detail, translated by the UI */
  detail?: string;
}

type Rule = (p: Packet) => RuleResult;

export const RULES = {
  dealSnapshot: (p) => {
    const name = p.deal.dealName ?? p.dealOverrides.dealName;
    const account = p.deal.accountName ?? p.dealOverrides.accountName;
    return { satisfied: filled(name) && filled(account), linkPath: filled(name) ? 'deal.accountName' : 'deal.dealName' };
  },
  profile: (p) => {
    const missing = (['industry', 'size', 'tier'] as const).find((f) => !filled(p.profile[f]));
    return { satisfied: !missing, linkPath: `profile.${missing ?? 'industry'}` };
  },
  contract: (p) => {
    const c = p.contract;
    const checks: [boolean, string][] = [
      [c.amount !== null, 'contract.amount'],
      [filled(c.currency), 'contract.currency'],
      [c.termMonths !== null, 'contract.termMonths'],
      [filled(c.startDate), 'contract.startDate'],
      [c.purchases.some((x) => filled(x.product)), 'contract.purchases'],
    ];
    const miss = checks.find(([ok]) => !ok);
    return { satisfied: !miss, linkPath: miss?.[1] ?? 'contract.amount' };
  },
  whyWon: (p) => {
    const miss = !filled(p.whyWon.decisivePoints) ? 'whyWon.decisivePoints' : !filled(p.whyWon.problemsToSolve) ? 'whyWon.problemsToSolve' : null;
    return { satisfied: !miss, linkPath: miss ?? 'whyWon.decisivePoints' };
  },
  risks: (p) => {
    const problem = checkRisks(p.risks);
    if (!problem) return { satisfied: true, linkPath: 'risks.items' };
    if (problem.kind === 'noReason') return { satisfied: false, linkPath: 'risks.noRiskReason', detail: 'risk.noReason' };
    if (problem.kind === 'none') return { satisfied: false, linkPath: 'risks.items', detail: 'risk.none' };
    return { satisfied: false, linkPath: 'risks.items', detail: `risk.missing.${problem.missing.join('+')}` };
  },
  stakeholderWithContact: (p) => ({
    satisfied: p.stakeholders.some((s) => filled(s.name) && (filled(s.phone) || filled(s.email) || filled(s.im))),
    linkPath: 'stakeholders',
  }),
  goals: (p) => ({ satisfied: p.goals.some((g) => filled(g.goal) && filled(g.target)), linkPath: 'goals' }),
  doneAndOpen: (p) => ({ satisfied: filled(p.delivered) || p.openItems.some((o) => filled(o.text)), linkPath: 'delivered' }),
  followUps: (p) => ({ satisfied: p.followUps.some((f) => filled(f.summary)), linkPath: 'followUps' }),
  assessment: (p) => {
    const miss = !p.assessment.health ? 'assessment.health' : !filled(p.assessment.summary) ? 'assessment.summary' : null;
    return { satisfied: !miss, linkPath: miss ?? 'assessment.health' };
  },
  introductions: (p) => ({ satisfied: p.introductions.some((i) => filled(i.attendees) || filled(i.date)), linkPath: 'introductions' }),
  serviceGroup: (p) => {
    const miss = !p.serviceGroup.platform ? 'serviceGroup.platform' : !filled(p.serviceGroup.nameOrLink) ? 'serviceGroup.nameOrLink' : null;
    return { satisfied: !miss, linkPath: miss ?? 'serviceGroup.platform' };
  },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];
