// How far through the sales process a CRM stage is, from its label as the page
// shows it. The built-in maps are the stage tables of the built-in adapters
// (lib/crm/adapters/*, every language they list); the team's policy extends or
// overrides them.
import { builtins } from '@/lib/crm/adapters';
import { GENERIC_STAGES } from '@/lib/crm/adapters/common-labels';
import type { BuiltinAdapter } from '@/lib/crm/builtin-adapter';
import type { EngagementPolicy } from './policy';

// Case, width, spaces and separators do not matter: "Proposal/Price Quote" = "proposal price quote", 方案/报价 = 方案报价;
// ß = ss ("Abschließen" as Swiss German or an upper-cased label writes it).
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\s/\\\-_·.,、|]+/g, '');

function tableOf(adapter: BuiltinAdapter): Map<string, number> {
  const out = new Map<string, number>();
  for (const byLabel of Object.values(adapter.stages)) for (const [label, pct] of Object.entries(byLabel)) out.set(norm(label), pct);
  return out;
}

const BY_CRM = new Map(builtins.map((b) => [b.definition.id as string, tableOf(b)]));

// Any CRM's stage names, for a stage the page's own CRM does not list (a
// renamed pipeline, a custom adapter): first adapter wins, then the generic words.
const SHARED = new Map<string, number>();
for (const table of BY_CRM.values()) for (const [k, v] of table) if (!SHARED.has(k)) SHARED.set(k, v);
for (const [k, v] of Object.entries(GENERIC_STAGES)) if (!SHARED.has(norm(k))) SHARED.set(norm(k), v);

/** % through the sales process, or null when the stage is not known. */
export function stageProgress(crm: string, stage: string | null, policy: EngagementPolicy): number | null {
  if (!stage) return null;
  const s = norm(stage);
  const team = policy.stageProgress[crm] ?? {};
  for (const [label, pct] of Object.entries(team)) if (norm(label) === s) return pct;
  const known = BY_CRM.get(crm)?.get(s) ?? SHARED.get(s);
  if (known !== undefined) return known;
  const pct = /(\d{1,3})%/.exec(s); // "Negotiation (80%)"
  return pct ? Math.min(100, Number(pct[1])) : null;
}

export const isWonStage = (crm: string, stage: string | null, policy: EngagementPolicy) => stageProgress(crm, stage, policy) === 100;

/**
 * How far through the sales process a deal is: the CRM's own win probability
 * (0–100, read from the page) where it shows one, else the stage map above.
 * The probability is the CRM's figure for this very deal, so it beats a
 * stage-name guess; null when neither is known.
 */
export function dealProgress(
  crm: string,
  deal: { stage: string | null; probability?: number | null },
  policy: EngagementPolicy,
): number | null {
  const p = deal.probability;
  if (typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 100) return Math.round(p);
  return stageProgress(crm, deal.stage, policy);
}
