// Legal forms that company-name keys drop from the end of a name ("… Pvt.
// Ltd.", "… A/S", "…有限合伙"). The maintained source is the ISO 20275 Entity
// Legal Forms list (./data/legal-forms.generated.ts, from data/elf/); EXTRA adds
// the spellings in daily use that the list does not carry (it has "Pvt Ltd"
// but not "K.K." or "Oy", and no mainland company forms).
import { ELF_LEGAL_FORMS } from './data/legal-forms.generated';

const EXTRA = [
  // mainland China and Hong Kong/Taiwan in Simplified form (the folding makes 有限責任 → 有限责任)
  '集团股份有限公司', '集团有限责任公司', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团公司', '总公司', '集团', '公司',
  '有限合伙企业', '有限合伙', '普通合伙企业', '特殊普通合伙', '普通合伙', '合伙企业', '个体工商户', '个人独资企业',
  // Japan and Korea
  '株式会社', '有限会社', '合同会社', '주식회사', '유한회사',
  // English-speaking and Commonwealth jurisdictions
  'GmbH & Co. KG', 'AG & Co. KG', '& Co. KG', '& Co.', 'Co. Ltd.', 'Company Limited', 'Company Ltd', 'Pty Ltd', 'Pte Ltd', 'Sdn Bhd', 'Pvt Ltd', 'Pvt',
  'Private Limited', 'Limited', 'Ltd', 'Incorporated', 'Inc', 'Corporation', 'Corp', 'Company', 'Co', 'LLC', 'LLP', 'LP', 'PLC', 'Group', 'Holdings Group',
  // Europe
  'GmbH', 'AG', 'KG', 'SARL', 'S.A.', 'SA', 'S.r.l.', 'S.p.A.', 'B.V.', 'N.V.', 'AB', 'A/S', 'AS', 'ASA', 'Oy', 'Oyj', 'ApS',
  'K.K.', 'KK', 'Y.K.', 'G.K.',
];

export interface LegalForms {
  /** Latin-script forms, words joined by one space */
  words: ReadonlySet<string>;
  /** longest number of words in one form */
  maxWords: number;
  /** forms written without spaces (CJK), longest first */
  glued: readonly string[];
}

/** Folds every form with the function that folds names, so both compare alike. */
export function buildLegalForms(fold: (s: string) => string): LegalForms {
  const words = new Set<string>();
  const glued = new Set<string>();
  for (const raw of [...ELF_LEGAL_FORMS, ...EXTRA]) {
    const f = fold(raw);
    if (!f) continue;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(f)) glued.add(f.replace(/\s+/g, ''));
    else words.add(f);
  }
  const maxWords = Math.max(...[...words].map((w) => w.split(' ').length));
  return { words, maxWords, glued: [...glued].sort((a, b) => b.length - a.length) };
}

const isForm = (s: string, forms: LegalForms) => forms.words.has(s) || forms.glued.includes(s.replace(/\s+/g, ''));

/**
 * Drops legal forms from the end of a folded name, repeatedly ("acme group co
 * ltd" → "acme"). Never drops the last word, and a name that is itself a legal
 * form ("AB", "股份有限公司") or reduces to nothing but forms stays as it is.
 */
export function stripLegalForms(name: string, forms: LegalForms): string {
  if (isForm(name, forms)) return name;
  let s = name;
  for (let changed = true; changed && !isForm(s, forms); ) {
    changed = false;
    const tokens = s.split(' ');
    for (let k = Math.min(forms.maxWords, tokens.length - 1); k >= 1 && !changed; k--) {
      if (forms.words.has(tokens.slice(-k).join(' '))) {
        s = tokens.slice(0, -k).join(' ');
        changed = true;
      }
    }
    for (const f of forms.glued) {
      if (changed) break;
      if (s.endsWith(f) && s.length > f.length) {
        s = s.slice(0, -f.length).trim();
        changed = true;
      }
    }
  }
  return isForm(s, forms) ? name : s;
}
