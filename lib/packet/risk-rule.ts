// Risk identification is always required (lib/packet/README.md): at least one risk with
// text, severity and mitigation, or an explicit "no known risk" with a reason.
import type { Packet } from './schema';

export type RiskProblem =
  | { kind: 'none' }
  | { kind: 'noReason' }
  | { kind: 'incomplete'; riskId: string; missing: ('text' | 'severity' | 'mitigation')[] };

export function checkRisks(risks: Packet['risks']): RiskProblem | null {
  const complete = risks.items.filter((r) => r.text.trim() && r.severity && r.mitigation.trim());
  if (complete.length > 0) return null;
  if (risks.noKnownRisk) return risks.noRiskReason.trim() ? null : { kind: 'noReason' };
  const first = risks.items[0];
  if (!first) return { kind: 'none' };
  const missing: ('text' | 'severity' | 'mitigation')[] = [];
  if (!first.text.trim()) missing.push('text');
  if (!first.severity) missing.push('severity');
  if (!first.mitigation.trim()) missing.push('mitigation');
  return { kind: 'incomplete', riskId: first.id, missing };
}
