// The implementation stage's checklist rules: seed 001's onboarding steps
// (go-live date, accounts and permissions set up, data loaded, integrations,
// training given, open bugs), checked on the packet's implementation section.
// Same shape as the sales rules (lib/packet/checklist-rules.ts), so the same
// template shape and scorer apply.
import type { RuleResult } from '@/lib/packet/checklist-rules';
import type { ImplementationSection, Packet } from '@/lib/packet/schema';

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;
// an edited section may be partial until parsed again: every field is read as possibly absent
const section = (p: Packet): Partial<ImplementationSection> => p.implementation ?? {};

export const IMPLEMENTATION_RULES = {
  goLive: (p) => ({ satisfied: filled(section(p).goLiveDate), linkPath: 'implementation.goLiveDate' }),
  accounts: (p) => ({ satisfied: section(p).accountsSetUp === true, linkPath: 'implementation.accountsSetUp' }),
  dataLoaded: (p) => ({ satisfied: section(p).dataLoaded === true, linkPath: 'implementation.dataLoaded' }),
  integrations: (p) => ({ satisfied: filled(section(p).integrations), linkPath: 'implementation.integrations' }),
  training: (p) => ({ satisfied: section(p).trainingGiven === true, linkPath: 'implementation.trainingGiven' }),
  /** open bugs listed, or "no open bugs" said explicitly (as risks: silence is not an answer) */
  openBugs: (p) => ({ satisfied: filled(section(p).openBugs) || section(p).noOpenBugs === true, linkPath: 'implementation.openBugs' }),
} satisfies Record<string, (p: Packet) => RuleResult>;

export type ImplementationRuleId = keyof typeof IMPLEMENTATION_RULES;
export const IMPLEMENTATION_RULE_IDS = Object.keys(IMPLEMENTATION_RULES) as [ImplementationRuleId, ...ImplementationRuleId[]];
