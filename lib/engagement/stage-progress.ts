// How far through the sales process a CRM stage is, from its label as the page
// shows it. Built-in maps for the common default pipelines (in English and
// Chinese), extended or overridden by the team's policy.
import type { EngagementPolicy } from './policy';

const COMMON: Record<string, number> = {
  // English defaults of Salesforce, HubSpot, Pipedrive, Dynamics, Zoho
  prospecting: 10, qualification: 20, qualified: 20, 'needs analysis': 30, 'value proposition': 40, 'id. decision makers': 50,
  'perception analysis': 55, 'proposal/price quote': 70, 'proposal': 70, 'negotiation/review': 80, negotiation: 80, 'negotiations started': 80,
  'appointment scheduled': 20, 'qualified to buy': 30, 'presentation scheduled': 40, 'decision maker bought-in': 60, 'contract sent': 80,
  'lead in': 10, 'contact made': 20, 'demo scheduled': 40, 'proposal made': 70, develop: 40, propose: 70, close: 90,
  'closed won': 100, 'closed-won': 100, won: 100, 'closed lost': 0, lost: 0,
  // 中文 (纷享销客 and localised pipelines), Simplified and Traditional
  初步接洽: 10, 验证客户: 20, 驗證客戶: 20, 需求确定: 40, 需求確定: 40, 方案报价: 70, 方案報價: 70, 谈判审核: 80, 談判審核: 80, 商务谈判: 80, 商務談判: 80,
  赢单: 100, 贏單: 100, 成交: 100, 输单: 0, 輸單: 0,
};

// Case, width, spaces and separators do not matter: "Proposal/Price Quote" = "proposal price quote", 方案/报价 = 方案报价.
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s/\\\-_·.,、|]+/g, '');
const BUILT_IN = new Map(Object.entries(COMMON).map(([k, v]) => [norm(k), v]));

/** % through the sales process, or null when the stage is not known. */
export function stageProgress(crm: string, stage: string | null, policy: EngagementPolicy): number | null {
  if (!stage) return null;
  const s = norm(stage);
  const team = policy.stageProgress[crm] ?? {};
  for (const [label, pct] of Object.entries(team)) if (norm(label) === s) return pct;
  const known = BUILT_IN.get(s);
  if (known !== undefined) return known;
  const pct = /(\d{1,3})%/.exec(s); // "Negotiation (80%)"
  return pct ? Math.min(100, Number(pct[1])) : null;
}

export const isWonStage = (crm: string, stage: string | null, policy: EngagementPolicy) => stageProgress(crm, stage, policy) === 100;
