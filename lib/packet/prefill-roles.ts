// A CRM's contact-role label → Baton's stakeholder role (issue 19). CRMs name
// roles in the rep's language and their own words (Salesforce "Economic Buyer",
// "Entscheidungsträger", HubSpot "Decision maker", "意思決定者", Fxiaoke "决策人"). Only labels whose meaning is
// clear are mapped; anything else ("Influencer", "Executive Sponsor", "Budget
// holder", a team's own label) stays 'other' — a wrong role is worse than none.
import type { STAKEHOLDER_ROLES } from './schema';

type Role = (typeof STAKEHOLDER_ROLES)[number];

/** In order: the first rule whose pattern matches the folded label wins. */
const RULES: [Role, RegExp][] = [
  [
    'decision_maker',
    /\b(?:economic )?decision[- ]maker\b|\beconomic buyer\b|决策人|决策者|決策人|決策者|拍板人|意思決定者|決裁者|entscheidungsträger|\bentscheider\b|wirtschaftliche[rn]? (?:käufer|entscheider)|\bdécideur/,
  ],
  ['champion', /\bchampion\b|befürworter|支持者|内线|內線|内部教练|內部教練|倡导者|倡導者|推進者|推进者/],
  ['blocker', /\bblocker\b|blockierer|反对者|反對者|反対者|阻碍者|阻礙者/],
  ['finance', /\bfinanc(?:e|ial)\b|\bfinanz|buchhaltung|财务|財務|経理|会计|會計/],
  [
    'it',
    /^it$|^it (?:contact|manager|director|lead|head|department|dept|admin|team)$|^it ?部門$|\btechnical (?:buyer|evaluator|decision)\b|technische[rn]? (?:käufer|entscheider)|技术|技術|信息部|資訊部|情報システム/,
  ],
  ['user', /^(?:business |end )?users?$|benutzer|anwender|使用者|利用者|ユーザー|最终用户|最終用戶|终端用户|終端用戶|用户|用戶/],
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
