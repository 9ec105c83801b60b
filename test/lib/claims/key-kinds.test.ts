// Issue 12: each kind of claim key as a table of what must fold together and
// what must stay apart. A wrong key blocks the wrong customer, so the "apart"
// tables matter as much as the "same" ones.
import { describe, expect, it } from 'vitest';
import { claimKey, type KeyRules } from '@/lib/claims/claim-key';
import { foldTraditional, isTraditional } from '@/lib/claims/fold-traditional';
import { emailDomain, isFreeMail } from '@/lib/claims/normalize-email';
import { normalizeCompany } from '@/lib/claims/normalize-company';
import { parsePhoneKey } from '@/lib/claims/normalize-phone';

const region = (defaultRegion: string | null): KeyRules => ({ defaultRegion, freeMailDomains: [] });

describe('phones: the team region reads local numbers; one number is one key', () => {
  it.each([
    // [rule, region, a, b]
    ['TW local landline = +886', 'TW', '(02) 2345-6789', '+886 2 2345 6789'],
    ['TW mobile written locally = +886', 'TW', '0912-345-678', '+886 912 345 678'],
    ['HK 8 digits = +852', 'HK', '2345 6789', '+852 2345 6789'],
    ['SG mobile = +65', 'SG', '9123 4567', '+65 9123 4567'],
    ['US bracketed area code = +1', 'US', '(312) 555-0148', '+1 312-555-0148'],
    ['CN bracketed area code = +86', 'CN', '(0755) 8601 3388', '+86 755 8601 3388'],
    ['"-8001" after a complete number is an extension', 'CN', '0755-8601 3388-8001', '+86 755 8601 3388'],
    ['"ext." dropped', 'US', '(312) 555-0148 ext. 12', '+13125550148'],
    ['"x" dropped', 'US', '312-555-0148 x12', '+13125550148'],
    ['"#" dropped', 'US', '312.555.0148 #4', '+13125550148'],
    ['转 dropped', 'CN', '021-6234 5678 转 801', '+862162345678'],
    ['分机 dropped', 'CN', '021-62345678分机801', '+862162345678'],
    ['分機 dropped', 'TW', '(02) 2345-6789 分機 123', '+886223456789'],
    ['內線 dropped', 'TW', '02-2345-6789 內線 55', '+886223456789'],
    ['内线 dropped', 'CN', '021 6234 5678 内线 9', '+862162345678'],
    ['extension on an international number', 'CN', '+44 20 7946 0958 ext 3', '+44 20 7946 0958'],
    ['00 prefix, German number, any team region', 'TW', '0049 30 901820', '+49 30 901820'],
    ['full-width digits and brackets', 'CN', '（０７５５）８６０１ ３３８８', '+8675586013388'],
  ])('%s (%s): %s = %s', (_rule, r, a, b) => {
    const ka = claimKey({ kind: 'phone', value: a }, region(r));
    const kb = claimKey({ kind: 'phone', value: b }, region(r));
    expect(ka).toHaveProperty('key');
    expect(ka).toEqual(kb);
  });

  it.each([
    ['the same local digits in TW and HK teams', '2345 6789', 'TW', 'HK'],
    ['"(312) 555-0148" is a US number for a US team, a Baoding one for a CN team', '(312) 555-0148', 'US', 'CN'],
  ])('region decides: %s', (_rule, text, r1, r2) => {
    const a = claimKey({ kind: 'phone', value: text }, region(r1));
    const b = claimKey({ kind: 'phone', value: text }, region(r2));
    expect('key' in a && 'key' in b && a.key === b.key).toBe(false);
  });

  it.each([
    ['CN local number without its area code', '8601 3388', 'CN', 'phone_incomplete'],
    ['CN mobile missing a digit', '138 0013 800', 'CN', 'phone_incomplete'],
    ['TW local number without its area code', '2345-6789', 'TW', 'phone_incomplete'],
    ['TW mobile missing a digit', '0912 345 67', 'TW', 'phone_incomplete'],
    ['US 7-digit local number', '555-0148', 'US', 'phone_too_short'],
    ['too many digits', '+86 138 0013 8000 1234', 'CN', 'phone_too_long'],
    ['no country uses +999', '+999 1234 5678', 'CN', 'phone_unknown_country'],
    ['words', 'call reception', 'CN', 'phone_not_a_number'],
    ['a local number and no team region', '(02) 2345-6789', null, 'phone_no_region'],
  ])('refused as a key with a reason: %s', (_rule, text, r, code) => {
    expect(claimKey({ kind: 'phone', value: text }, region(r))).toMatchObject({ code });
  });

  it('an international number needs no team region', () => {
    expect(claimKey({ kind: 'phone', value: '+886 2 2345 6789' }, region(null))).toMatchObject({ key: 'phone:+886223456789' });
  });

  it('"138-0013-8000" is a whole mobile number, not "138-0013" with an extension', () => {
    expect(parsePhoneKey('138-0013-8000', 'CN')).toEqual({ e164: '+8613800138000' });
  });

  it('two extensions of one switchboard are one key; two switchboards are two', () => {
    const k = (v: string) => (claimKey({ kind: 'phone', value: v }, region('CN')) as { key: string }).key;
    expect(k('0755-8601 3388 转 8001')).toBe(k('0755-8601 3388 转 8002'));
    expect(k('0755-8601 3388')).not.toBe(k('0755-8601 3389'));
  });
});

describe('company names: Traditional → Simplified only for Traditional names', () => {
  it.each([
    ['乾元科技有限公司', '干元科技有限公司'],
    ['於氏贸易有限公司', '于氏贸易有限公司'],
    ['後藤精密有限公司', '后藤精密有限公司'],
    ['美髮连锁有限公司', '美发连锁有限公司'],
    ['裡仁食品有限公司', '里仁食品有限公司'],
    ['乾坤投资有限公司', '干坤投资有限公司'],
  ])('a Simplified name keeps its own character: %s ≠ %s', (a, b) => {
    expect(normalizeCompany(a)).not.toBe(normalizeCompany(b));
    expect(foldTraditional(a)).toBe(a);
  });

  it.each([
    ['臺灣積體電路製造股份有限公司', '台湾积体电路制造'],
    ['聯發科技股份有限公司', '联发科技'],
    ['乾坤資訊有限公司', '乾坤资讯'],
    ['發達電子有限公司', '发达电子'],
    ['國泰人壽保險股份有限公司', '国泰人寿保险'],
    ['香港電訊有限公司', '香港电讯'],
  ])('a Traditional name folds to its Simplified spelling: %s = %s', (a, b) => {
    expect(normalizeCompany(a)).toBe(normalizeCompany(b));
  });

  it('a name is Traditional only if it has a character only Traditional uses', () => {
    expect(isTraditional('乾元科技')).toBe(false);
    expect(isTraditional('乾元科技資訊')).toBe(true);
  });
});

describe('company names: legal forms from ISO 20275 (and common spellings)', () => {
  it.each([
    ['en-IN Pvt. Ltd.', 'Infosys Solutions Pvt. Ltd.', 'Infosys Solutions'],
    ['en-IN Private Limited', 'Infosys Solutions Private Limited', 'Infosys Solutions Pvt Ltd'],
    ['da A/S', 'Mærsk Line A/S', 'Mærsk Line'],
    ['da ApS', 'Nordlys Design ApS', 'Nordlys Design'],
    ['sv AB', 'Lindqvist Bygg AB', 'Lindqvist Bygg'],
    ['fi Oy', 'Kivi ja Puu Oy', 'Kivi ja Puu'],
    ['fi Oyj', 'Nokia Oyj', 'Nokia'],
    ['nb AS', 'Fjordkraft AS', 'Fjordkraft'],
    ['nb ASA', 'Equinor ASA', 'Equinor'],
    ['en-AU Pty Ltd', 'Wattle Analytics Pty Ltd', 'Wattle Analytics'],
    ['en-AU Pty. Limited', 'Wattle Analytics Pty. Limited', 'Wattle Analytics Pty Ltd'],
    ['es S.A.', 'Telefónica S.A.', 'Telefonica'],
    ['fr SARL', 'Boulangerie Martin SARL', 'Boulangerie Martin'],
    ['fr S.A.S.', 'Atelier Dubois S.A.S.', 'Atelier Dubois'],
    ['it S.r.l.', 'Ferrari Ricambi S.r.l.', 'Ferrari Ricambi'],
    ['it S.p.A.', 'Pirelli & C. S.p.A.', 'Pirelli & C.'],
    ['nl B.V.', 'Van der Berg Logistiek B.V.', 'Van der Berg Logistiek'],
    ['nl N.V.', 'Koninklijke Vopak N.V.', 'Koninklijke Vopak'],
    ['ja K.K.', 'Sakura Denki K.K.', 'Sakura Denki'],
    ['ko 주식회사', '삼성전자 주식회사', '삼성전자'],
    ['de GmbH & Co. KG', 'Müller Logistik GmbH & Co. KG', 'Muller Logistik'],
    ['zh-CN 有限合伙', '深圳前海远景投资中心（有限合伙）', '深圳前海远景投资中心'],
    ['zh-CN 合伙企业', '杭州远山咨询合伙企业', '杭州远山咨询'],
    ['zh-CN 个体工商户', '成都老王面馆个体工商户', '成都老王面馆'],
    ['zh-TW 有限公司', '鼎泰豐小吃店有限公司', '鼎泰丰小吃店'],
  ])('%s: %s = %s', (_rule, a, b) => {
    expect(normalizeCompany(a)).not.toBeNull();
    expect(normalizeCompany(a)).toBe(normalizeCompany(b));
  });

  it.each([
    ['a bank is not its legal form', 'Apple Bank', 'Apple'],
    ['a trust is part of the name', 'Wellcome Trust', 'Wellcome'],
    ['an association is part of the name', 'Oslo Rowing Association', 'Oslo Rowing'],
    ['nl: B.V. vs N.V. of different names stay apart', 'Vopak Terminals B.V.', 'Vopak N.V.'],
    ['it: two names, one form', 'Ferrari Ricambi S.r.l.', 'Ferrara Ricambi S.r.l.'],
    ['sv: AB inside a word', 'Abba Sweden AB', 'Sweden'],
    ['de: the district is the name', 'Bezirk Mitte GmbH', 'Mitte GmbH'],
    ['zh-CN: 合伙 of two places', '北京远景投资中心（有限合伙）', '上海远景投资中心（有限合伙）'],
    ['zh-TW: two telecoms, one legal form', '台灣大哥大股份有限公司', '台灣之星股份有限公司'],
    ['zh-TW: 乾坤 is not 幹坤', '乾坤資訊有限公司', '幹坤資訊有限公司'],
    ['zh-TW: a branch is not the head office', '國泰世華商業銀行股份有限公司', '國泰世華商業銀行股份有限公司信義分行'],
    ['ja: kana voicing matters under 株式会社', 'サクラ電機株式会社', 'ザクラ電機株式会社'],
    ['ko: two names, one form', '삼성전자 주식회사', '삼성전기 주식회사'],
    ['fr: SARL of two bakeries', 'Boulangerie Martin SARL', 'Boulangerie Martine SARL'],
  ])('must not collide — %s: %s ≠ %s', (_rule, a, b) => {
    expect(normalizeCompany(a)).not.toBe(normalizeCompany(b));
  });

  it.each(['AB', 'Oy', 'A/S', 'GmbH', 'Limited', 'Pvt. Ltd.', 'S.A.', '股份有限公司', '有限合伙', '株式会社', '個體工商戶'])('a name that is a legal form stays as it is: %s', (name) => {
    expect(normalizeCompany(name)).toBeTruthy();
    expect(normalizeCompany(name)).toBe(normalizeCompany(` ${name} `));
  });

  it('two bare legal forms are two different names', () => {
    expect(normalizeCompany('AB')).not.toBe(normalizeCompany('Oy'));
  });
});

describe('email domains: free mail from the maintained list, regional and paid variants, and the team’s own', () => {
  it.each(['a@vip.qq.com', 'b@vip.163.com', 'c@sina.com.cn', 'd@188.com', 'e@yahoo.co.jp', 'f@hotmail.co.uk', 'g@t-online.de', 'h@gmx.net', 'i@web.de', 'j@libero.it', 'k@orange.fr', 'l@naver.com', 'm@seznam.cz', 'n@mail.ru'])(
    '%s is free mail, not a key',
    (e) => expect(claimKey({ kind: 'email', value: e }, region('CN'))).toMatchObject({ code: 'free_mail' }),
  );

  it('two reps’ contacts on vip.qq.com never collide as one customer', () => {
    expect(emailDomain('boss@vip.qq.com')).toBeNull();
  });

  it.each([
    ['huaxin-tech.cn', 'li@huaxin-tech.cn'],
    ['mail.harrowgate.co.uk', 'ops@mail.harrowgate.co.uk'],
    ['telekom.de', 'a.schmidt@telekom.de'],
  ])('a company domain is a key: %s', (d, e) => expect(emailDomain(e)).toBe(d));

  it('the team’s own free-mail domains are not keys for that team only', () => {
    const rules: KeyRules = { defaultRegion: 'CN', freeMailDomains: ['corp-mail.example.cn'] };
    expect(claimKey({ kind: 'email', value: 'x@corp-mail.example.cn' }, rules)).toMatchObject({ code: 'free_mail' });
    expect(claimKey({ kind: 'email', value: 'x@corp-mail.example.cn' }, region('CN'))).toMatchObject({ key: 'domain:corp-mail.example.cn' });
    expect(isFreeMail('vip.corp-mail.example.cn', ['corp-mail.example.cn'])).toBe(true);
  });
});
