// Errors a person can act on: validation problems name the field by its label
// in zh-CN, zh-TW and en (never "flatDays: Too small…" or "(root): Unrecognized
// key"), and every error code the server or the background sends has a message
// in the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { claimPolicySchema } from '@/lib/claims/policy';
import { engagementPolicySchema } from '@/lib/engagement/policy';
import { apiErrorText, placeIssues } from '@/lib/i18n/api-errors';
import { fieldLabel, type FormId } from '@/lib/i18n/field-labels';
import { fromZod, ISSUE_CODES } from '@/lib/i18n/issues';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { en } from '@/lib/i18n/messages.en';
import { translate, type MessageKey } from '@/lib/i18n/translate';
import { ruleLabel } from '@/lib/packet/labels';
import { createUserBodySchema, templateBodySchema } from '@/lib/sync/api-schemas';

const NOW = new Date().toISOString();
/** zod error → the sentences the UI shows, in one language */
function sentences(form: FormId, schema: z.ZodType, input: unknown, locale: Locale) {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return placeIssues(fromZod(r.error!), locale, form, input).map((i) => i.text);
}

describe('validation problems, named by label, in three languages', () => {
  it('a protection period of 0 days', () => {
    const input = { version: 1, effectiveAt: NOW, flatDays: 0 };
    expect(sentences('claimPolicy', claimPolicySchema, input, 'en')).toEqual(['Days of protection: must be at least 1']);
    expect(sentences('claimPolicy', claimPolicySchema, input, 'zh-CN')).toEqual([`${translate('zh-CN', 'policy.flatDays')}：不能小于 1`]);
    expect(sentences('claimPolicy', claimPolicySchema, input, 'zh-TW')).toEqual([`${translate('zh-TW', 'policy.flatDays')}：不能小於 1`]);
  });

  it('an unknown key at the top names the form and the key', () => {
    const input = { version: 1, effectiveAt: NOW, flatdays: 14 };
    expect(sentences('claimPolicy', claimPolicySchema, input, 'en')).toEqual(['Claim policy: has a setting Baton does not know: flatdays']);
    expect(sentences('claimPolicy', claimPolicySchema, input, 'zh-CN')[0]).toBe(`${translate('zh-CN', 'policy.heading')}：包含 Baton 不认识的设置项：flatdays`);
  });

  it('a credit split that does not add up, a ladder stage by its name, a list of notify days', () => {
    const input = { version: 1, effectiveAt: NOW, creditSplit: { firstTouch: 50, process: 30, signing: 30 }, ladder: { stages: [{ stage: 'demoOrTender', days: 0 }] }, notifyDays: [3, 'x'] };
    expect(sentences('claimPolicy', claimPolicySchema, input, 'en').sort()).toEqual([
      '+ days after demo or invitation to tender: must be at least 1',
      'Default credit split for conflicts (%): the three parts must add up to 100',
      'Notify days before expiry (comma-separated): must be a number',
    ]);
  });

  it('a template weight names the checklist item; a threshold over 100', () => {
    const input = { threshold: 120, items: [{ id: 'risks', required: true, weight: 0 }] };
    expect(sentences('template', templateBodySchema, input, 'en')).toEqual(['Submission threshold: must be at most 100', `${ruleLabel('risks', 'en')} — Weight: must be more than 0`]);
    expect(sentences('template', templateBodySchema, input, 'zh-TW')[1]).toBe(`${ruleLabel('risks', 'zh-TW')} — ${translate('zh-TW', 'template.weight')}：必須大於 0`);
  });

  it('engagement: a video link that is not a web address, a number that is not one', () => {
    const input = { rule: { amount: Number.NaN }, introTemplate: { welcomeVideoUrl: 'javascript:alert(1)' } };
    expect(sentences('engagement', engagementPolicySchema, input, 'en')).toEqual(['Rule 1 only under this amount: must be a number', 'Welcome video link: must be a web address starting with http:// or https://']);
  });

  it('a channel in the wrong form says which forms are right', () => {
    expect(sentences('user', createUserBodySchema, { name: 'Pat', role: 'rep', channel: 'reseller' }, 'en')).toEqual(['Channel: must be direct, telesales or partner:NAME']);
    expect(sentences('user', createUserBodySchema, { name: ' ', role: 'boss' }, 'zh-CN')).toEqual([`${translate('zh-CN', 'users.name')}：不能为空`, `${translate('zh-CN', 'users.role')}：只能是以下之一：rep, csm, manager, admin, implementation`]);
  });

  it('no message leaks zod’s or the schema’s English into Chinese', () => {
    const input = { version: 1, effectiveAt: NOW, flatDays: 0, capDays: 'x', pool: { channels: ['pigeon'] }, rotateAfterPeriods: 2, surprise: 1 };
    for (const locale of ['zh-CN', 'zh-TW'] as const)
      for (const s of sentences('claimPolicy', claimPolicySchema, input, locale)) expect(s, s).not.toMatch(/Too small|Invalid|expected|Unrecognized|\(root\)|flatDays|capDays/);
  });

  it('every field path of the policy form has a label', () => {
    for (const path of ['mode', 'flatDays', 'ladder.initialDays', 'extensionDays', 'capDays', 'warnDays', 'notifyDays[0]', 'pool.channels[0]', 'pool.departments', 'pool.reclaimCooldownDays', 'pool.maxLiveClaims', 'rotateAfterPeriods', 'rotationDepartments', 'creditSplit.signing'])
      for (const locale of LOCALES) expect(fieldLabel('claimPolicy', path, locale), `${path} ${locale}`).toBeTruthy();
  });
});

describe('server error answers in the UI language', () => {
  it('by code, with their details put in words', () => {
    expect(apiErrorText({ code: 'forbidden', message: 'Only manager, admin may see team health.', allowed: ['manager', 'admin'] }, 'en')).toBe('Only a manager or admin may do this.');
    expect(apiErrorText({ code: 'forbidden', message: '…', allowed: ['manager', 'admin'] }, 'zh-CN')).toBe(`只有${translate('zh-CN', 'role.manager')}、${translate('zh-CN', 'role.admin')}可以执行此操作。`);
    expect(apiErrorText({ code: 'claim_limit', message: 'You hold 5…', limit: 5 }, 'zh-TW')).toBe('你持有的有效認領已達團隊上限 5 個；請先釋出一個。');
    expect(apiErrorText({ code: 'wrong_status', message: 'A submitted packet cannot be submitted.', status: 'submitted' }, 'en')).toBe('This packet is Submitted now; the page will refresh with its state.');
    expect(apiErrorText(null, 'en', { status: 0 })).toBe('The server answered 0.');
  });

  it('a 400 with issues names the field; an older answer with only a path still does', () => {
    const answer = { code: 'invalid', message: 'flatDays: …', path: 'flatDays', issues: [{ path: 'flatDays', code: 'atLeast' as const, params: { min: 1 } }] };
    expect(apiErrorText(answer, 'zh-CN', { form: 'claimPolicy' })).toBe(`${translate('zh-CN', 'policy.flatDays')}：不能小于 1`);
    expect(apiErrorText({ code: 'invalid', message: 'x', path: 'department' }, 'en', { form: 'user' })).toBe('Department: is not valid');
  });

  it('a code the catalogue does not know falls back to the server’s words, never to nothing', () => {
    expect(apiErrorText({ code: 'brand_new', message: 'Something new went wrong.' }, 'zh-CN')).toBe('Something new went wrong.');
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the catalogue covers every code', () => {
  it('every error code thrown by the server, the pool rules and the background', () => {
    const codes = new Set<string>(['not_found', 'forbidden', 'invalid', 'internal', 'unavailable']);
    for (const file of [...sources('server'), 'lib/claims/pool.ts', 'lib/claims/anti-hoarding.ts', ...sources('extension/sync')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new ApiError\(\s*\d+,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/\bcode: '([a-z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(25); // the scan found the codes (it can fail)
    const missing = [...codes].filter((c) => !(`error.${c}` in en));
    expect(missing).toEqual([]);
  });

  it('every issue code has a message in each language', () => {
    for (const code of ISSUE_CODES)
      for (const locale of LOCALES) {
        const text = translate(locale, `issue.${code}` as MessageKey, { min: 1, max: 2, values: 'a', keys: 'k', line: 'l', column: 1 });
        expect(text, `${locale} issue.${code}`).not.toMatch(/^issue\./);
      }
  });
});
