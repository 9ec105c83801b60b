// A CRM's contact-role label → Baton's stakeholder role (issue 19). CRMs name
// roles in the rep's language and their own words (Salesforce "Economic Buyer",
// HubSpot "Decision maker", Fxiaoke "决策人"). Only labels whose meaning is
// clear are mapped; anything else ("Influencer", "Executive Sponsor", "Budget
// holder", a team's own label) stays 'other' — a wrong role is worse than none.
import type { STAKEHOLDER_ROLES } from './schema';

type Role = (typeof STAKEHOLDER_ROLES)[number];

/** In order: the first rule whose pattern matches the folded label wins. */
const RULES: [Role, RegExp][] = [
  ['decision_maker', /\b(?:economic )?decision[- ]maker\b|\beconomic buyer\b|决策人|决策者|決策人|決策者|拍板人|\bentscheider|\bdécideur/],
  ['champion', /\bchampion\b|支持者|内线|內線|内部教练|內部教練/],
  ['blocker', /\bblocker\b|反对者|反對者|阻碍者|阻礙者/],
  ['finance', /\bfinanc(?:e|ial)\b|财务|財務/],
  ['it', /^it$|^it (?:contact|manager|director|lead|head|department|dept|admin|team)$|\btechnical (?:buyer|evaluator|decision)\b|技术|技術|信息部|資訊部/],
  ['user', /^(?:business |end )?users?$|使用者|最终用户|最終用戶|终端用户|終端用戶|用户|用戶/],
];

/** Lowercase, full-width folded, punctuation as spaces, spaces collapsed. */
function fold(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_/|,;:()（）【】[\]·・-]+/g, ' ')
    .trim();
}

/** The stakeholder role a CRM role label names; 'other' when unsure or absent. */
export function stakeholderRole(label: string | null | undefined): Role {
  if (!label) return 'other';
  const f = fold(label);
  return RULES.find(([, re]) => re.test(f))?.[0] ?? 'other';
}
