// Claim key normalisation, table-driven. Each row documents a folding rule
// with an example; the last table lists names that must NOT collide.
import { describe, expect, it } from 'vitest';
import { claimKey, type KeyRules } from '@/lib/claims/claim-key';
import { emailDomain } from '@/lib/claims/normalize-email';
import { normalizeCompany } from '@/lib/claims/normalize-company';
import { normalizePhone } from '@/lib/claims/normalize-phone';

// [rule, a, b]: a and b are the same company.
const SAME: [string, string, string][] = [
  // zh-CN legal forms
  ['有限公司 dropped', '杭州云栖数据科技有限公司', '杭州云栖数据科技'],
  ['股份有限公司 dropped', '上海远航物流股份有限公司', '上海远航物流'],
  ['有限责任公司 dropped', '北京蓝海信息技术有限责任公司', '北京蓝海信息技术'],
  ['集团 dropped', '深圳华强集团', '深圳华强'],
  ['集团有限公司 dropped', '深圳华强集团有限公司', '深圳华强'],
  ['集团股份有限公司 dropped', '苏州精工集团股份有限公司', '苏州精工'],
  ['公司 dropped', '南京金陵饭店公司', '南京金陵饭店'],
  ['(中国) dropped', '博世(中国)投资有限公司', '博世投资有限公司'],
  ['（中国） full-width brackets dropped', '博世（中国）投资有限公司', '博世投资'],
  ['(China) dropped', 'Bosch (China) Investment Ltd.', 'Bosch Investment'],
  ['full-width letters folded', 'ＡＢＣ科技有限公司', 'ABC科技'],
  ['full-width digits folded', '３６０安全科技有限公司', '360安全科技'],
  ['spaces ignored', '杭州 云栖 数据科技', '杭州云栖数据科技'],
  ['punctuation ignored', '杭州·云栖数据科技有限公司', '杭州云栖数据科技'],
  ['Chinese comma and dot ignored', '云栖、数据。科技', '云栖数据科技'],
  ['case folded in mixed names', 'abc科技有限公司', 'ABC科技有限公司'],
  // zh-TW
  ['Traditional → Simplified', '台灣好食股份有限公司', '台湾好食股份有限公司'],
  ['臺 variant', '臺灣好食股份有限公司', '台湾好食'],
  ['有限責任公司 (Traditional) dropped', '鴻海精密工業有限責任公司', '鸿海精密工业'],
  ['集團 (Traditional) dropped', '遠東集團', '远东'],
  ['（中國） Traditional dropped', '華為技術（中國）有限公司', '华为技术有限公司'],
  ['Traditional + full-width + suffix', '國泰資訊股份有限公司', '国泰资讯'],
  ['Hong Kong variants', '中國銀行（香港）有限公司', '中国银行(香港)'],
  ['Traditional punctuation', '「聯發科技」股份有限公司', '联发科技'],
  // English
  ['Inc. dropped', 'Northwind Traders Inc.', 'Northwind Traders'],
  ['Inc without dot', 'Northwind Traders Inc', 'northwind traders'],
  ['Co., Ltd. dropped', 'Harrowgate Foods Co., Ltd.', 'Harrowgate Foods'],
  ['Ltd dropped', 'Harrowgate Foods Ltd', 'HARROWGATE FOODS'],
  ['Limited dropped', 'Harrowgate Foods Limited', 'Harrowgate Foods'],
  ['LLC dropped', 'Bluefin Logistics LLC', 'Bluefin Logistics'],
  ['L.L.C. dropped', 'Bluefin Logistics, L.L.C.', 'Bluefin Logistics'],
  ['GmbH dropped', 'Hofmann Maschinenbau GmbH', 'Hofmann Maschinenbau'],
  ['AG dropped', 'Siemens AG', 'Siemens'],
  ['Corporation dropped', 'Contoso Corporation', 'Contoso'],
  ['Corp. dropped', 'Contoso Corp.', 'Contoso'],
  ['Pte Ltd dropped', 'Lion City Ventures Pte. Ltd.', 'Lion City Ventures'],
  ['Pty Ltd dropped', 'Kangaroo Tech Pty Ltd', 'Kangaroo Tech'],
  ['PLC dropped', 'Thames Water PLC', 'Thames Water'],
  ['Group dropped', 'Fabrikam Retail Group', 'Fabrikam Retail'],
  ['leading The dropped', 'The Coca-Cola Company', 'Coca Cola'],
  ['& and "and" are one', 'Johnson & Johnson', 'Johnson and Johnson'],
  ['hyphens and dots ignored', 'Coca-Cola', 'Coca.Cola'],
  ['stacked forms dropped', 'Acme Group Co., Ltd.', 'ACME'],
  ['AB (Swedish) dropped', 'Lindqvist Design AB', 'Lindqvist Design'],
  ['S.A. dropped', 'Iberia Líneas S.A.', 'Iberia Líneas'],
  ['full-width Latin', 'ＮＯＲＴＨＷＩＮＤ　ＴＲＡＤＥＲＳ', 'Northwind Traders'],
  ['accents on Latin letters folded', 'Société Générale S.A.', 'Societe Generale SA'],
  ['GmbH & Co. KG dropped whole', 'Hofmann Maschinenbau GmbH & Co. KG', 'Hofmann Maschinenbau'],
  ['株式会社 after the name dropped', '三菱商事株式会社', '三菱商事'],
  ['株式会社 before the name dropped', '株式会社日立製作所', '日立製作所'],
  ['㈱ abbreviation dropped', '㈱日立製作所', '日立製作所株式会社'],
  ['Cyrillic lookalike inside a Latin word folded', 'Аpple Inc.', 'Apple Inc.'],
  ['Greek lookalikes inside a Latin word folded', 'Cοntοsο Ltd', 'Contoso Ltd'],
  ['mathematical letters folded', '𝒜𝓅𝓅𝓁𝑒 Inc', 'Apple'],
];

// Pairs that must stay apart.
const DIFFERENT: [string, string, string][] = [
  ['different business units', '华为技术有限公司', '华为终端有限公司'],
  ['different cities (separate legal entities)', '北京字节跳动科技有限公司', '上海字节跳动科技有限公司'],
  ['city in brackets is kept', '博世(上海)投资有限公司', '博世(北京)投资有限公司'],
  ['branch is not the head office', '招商银行股份有限公司', '招商银行股份有限公司深圳分行'],
  ['Holdings is part of the name', 'ABC Holdings Ltd', 'ABC Ltd'],
  ['Bank is part of the name', 'Apple Inc.', 'Apple Bank'],
  ['one letter apart', 'Contoso Ltd', 'Contosa Ltd'],
  ['Simplified vs different word', '台湾好食股份有限公司', '台湾好吃股份有限公司'],
  ['digits matter', '360安全科技', '361安全科技'],
  ['order matters', '云栖数据', '数据云栖'],
  ['Group inside a name', 'Group Lotus Engineering', 'Lotus Engineering'],
  ['Co inside a name', 'Costco Wholesale', 'Cost Wholesale'],
  ['country qualifier vs country name', '中国银行有限公司', '银行有限公司'],
  ['Hong Kong entity vs mainland', '中国银行(香港)有限公司', '中国银行有限公司'],
  ['kana voicing marks matter', 'カガク株式会社', 'カカク株式会社'],
  ['a bank is not its country', '中国建设银行', '建设银行'],
  ['word order in English matters', 'Bank of China', 'China Bank'],
  ['a name wholly in Cyrillic is not transliterated', 'Аэрофлот', 'Aeroflot'],
  ['Cyrillic word next to a Latin word stays Cyrillic', 'Сбер Bank', 'Cbep Bank'],
];

describe('normalizeCompany: same company', () => {
  it.each(SAME)('%s: %s = %s', (_rule, a, b) => {
    expect(normalizeCompany(a)).not.toBeNull();
    expect(normalizeCompany(a)).toBe(normalizeCompany(b));
  });
});

describe('normalizeCompany: different companies stay apart', () => {
  it.each(DIFFERENT)('%s: %s ≠ %s', (_rule, a, b) => {
    expect(normalizeCompany(a)).not.toBe(normalizeCompany(b));
  });
});

describe('normalizeCompany: not a name', () => {
  it.each(['', '   ', '有限公司', 'Inc.', '()', '---'])('%j → a key only when a name remains', (t) => {
    const n = normalizeCompany(t);
    // A bare legal form is kept as itself rather than folded to nothing.
    if (n !== null) expect(n.length).toBeGreaterThan(0);
    if (!t.trim() || /^[()-]+$/.test(t)) expect(n).toBeNull();
  });
});

describe('normalizePhone → E.164', () => {
  it.each([
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 138-0013-8000', 'CN', '+8613800138000'],
    ['0086 13800138000', 'US', '+8613800138000'],
    ['(021) 6234 5678', 'CN', '+862162345678'],
    ['021-62345678 转 801', 'CN', '+862162345678'],
    ['０２１－６２３４５６７８', 'CN', '+862162345678'],
    ['0912-345-678', 'TW', '+886912345678'],
    ['+886 2 2345 6789', 'CN', '+886223456789'],
    ['(02) 2345-6789', 'TW', '+886223456789'],
    ['+1 312-555-0148', 'CN', '+13125550148'],
    ['(312) 555-0148 ext. 12', 'US', '+13125550148'],
    ['+44 20 7946 0958', 'CN', '+442079460958'],
    ['+852 2345 6789', 'CN', '+85223456789'],
  ])('%s (%s) → %s', (text, region, want) => expect(normalizePhone(text, region)).toBe(want));

  it.each([['12345'], ['1380'], ['not a phone'], [''], ['+86 000 0000 0000']])('%j is not a phone key', (t) => expect(normalizePhone(t, 'CN')).toBeNull());

  it('the same digits in two regions are two numbers', () => {
    expect(normalizePhone('(02) 2345-6789', 'TW')).not.toBe(normalizePhone('(02) 2345-6789', 'AU'));
  });
});

describe('email → company domain', () => {
  it.each([
    ['hannah.okafor@BluefinLogistics.com', 'bluefinlogistics.com'],
    ['王芳@云栖数据.cn', '云栖数据.cn'],
    ['li.wei@harrowgate.co.uk', 'harrowgate.co.uk'],
    ['ｃｈｅｎ＠ｃｏｎｔｏｓｏ．ｃｏｍ', 'contoso.com'],
  ])('%s → %s', (e, d) => expect(emailDomain(e)).toBe(d));

  it.each(['someone@gmail.com', '12345@qq.com', 'x@163.com', 'y@126.com', 'z@hotmail.com', 'a@yahoo.com.tw', 'b@hinet.net', 'c@foxmail.com'])(
    '%s is free mail, not a company key',
    (e) => expect(emailDomain(e)).toBeNull(),
  );
  it.each(['no-at-sign', 'a@b', '@acme.com', 'a b@acme.com'])('%j is not an email', (e) => expect(emailDomain(e)).toBeNull());
});

const CN: KeyRules = { defaultRegion: 'CN', freeMailDomains: [] };

describe('claimKey', () => {
  it('prefixes the kind, so a phone never collides with a company', () => {
    expect(claimKey({ kind: 'company', value: '台灣好食股份有限公司' }, CN)).toEqual({ kind: 'company', key: 'company:台湾好食', display: '台灣好食股份有限公司' });
    expect(claimKey({ kind: 'phone', value: '138 0013 8000' }, CN)).toMatchObject({ key: 'phone:+8613800138000' });
    expect(claimKey({ kind: 'email', value: 'a@acme.com' }, CN)).toMatchObject({ kind: 'domain', key: 'domain:acme.com' });
    expect(claimKey({ kind: 'domain', value: 'https://acme.com/about' }, CN)).toMatchObject({ key: 'domain:acme.com' });
    expect(claimKey({ kind: 'opportunity', value: 'hubspot:21458713:9876543210' }, CN)).toMatchObject({ key: 'opportunity:hubspot:21458713:9876543210' });
    expect(claimKey({ kind: 'email', value: 'a@qq.com' }, CN)).toHaveProperty('error');
    expect(claimKey({ kind: 'phone', value: '123' }, CN)).toHaveProperty('error');
  });
});
