// The label a person sees for each field of the forms the server validates,
// by API path: an error names "Days of protection", not "flatDays". Used by
// the server (its English messages) and by the extension (messages in the UI
// language, placed next to the field). Paths are formatPath's: "a.b[0].c".
import { ruleLabel, sectionLabel } from '@/lib/packet/labels';
import type { FieldIssue, IssueCode } from './issues';
import type { Locale } from './locale';
import { translate, type MessageKey } from './translate';

export const FORMS = ['claimPolicy', 'template', 'engagement', 'user', 'adapter', 'return', 'claim', 'webhook', 'chat', 'signInPolicy', 'invite', 'signIn', 'drafting', 'retrospective', 'relay', 'reassign'] as const;
export type FormId = (typeof FORMS)[number];

type Label = MessageKey | ((m: RegExpExecArray, input: unknown, locale: Locale) => string | null);

/** input.<path>, read loosely (the input is whatever was sent). */
function at(input: unknown, ...path: (string | number)[]): unknown {
  let v = input;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

const ladderStage = (m: RegExpExecArray, input: unknown, locale: Locale) => {
  const stage = at(input, 'ladder', 'stages', Number(m[1]), 'stage');
  return typeof stage === 'string' && ['callAndVisit', 'demoOrTender', 'signedUnpaid'].includes(stage)
    ? translate(locale, 'policy.stageDays', { stage: translate(locale, `claim.stage.${stage}` as MessageKey) })
    : translate(locale, 'policy.ladderStages');
};
const templateItem = (what: MessageKey) => (m: RegExpExecArray, input: unknown, locale: Locale) => {
  const id = at(input, 'items', Number(m[1]), 'id');
  return typeof id === 'string' ? `${ruleLabel(id, locale)} — ${translate(locale, what)}` : translate(locale, 'template.items');
};
const returnItem = (m: RegExpExecArray, input: unknown, locale: Locale) => {
  const id = at(input, 'reasons', Number(m[1]), 'item');
  return typeof id === 'string' ? `${ruleLabel(id, locale)} — ${translate(locale, 'return.reason')}` : translate(locale, 'return.reason');
};

/** [path pattern, label, what a wrong format should say instead of "not in the expected format"] */
type Field = [RegExp, Label, IssueCode?];

/** Fields labelled by the message of their own name: 'users.role' labels the path "role". */
const named = (...keys: MessageKey[]): Field[] => keys.map((key) => [new RegExp(`^${key.slice(key.indexOf('.') + 1)}$`), key]);

const LABELS: Record<FormId, { name: MessageKey; fields: Field[] }> = {
  claimPolicy: {
    name: 'policy.heading',
    fields: [
      ...named('policy.mode', 'policy.flatDays'),
      [/^ladder\.initialDays$/, 'policy.initialDays'],
      [/^ladder\.stages\[(\d+)\]/, ladderStage],
      [/^ladder(\.stages)?$/, 'policy.ladderStages'],
      ...named('policy.extensionDays', 'policy.capDays', 'policy.warnDays'),
      [/^notifyDays/, 'policy.notifyDays'],
      [/^pool\.channels/, 'policy.poolChannels'],
      [/^pool\.departments/, 'policy.poolDepartments'],
      [/^pool\.reclaimCooldownDays$/, 'policy.cooldown'],
      [/^pool\.maxLiveClaims$/, 'policy.maxLive'],
      [/^rotateAfterPeriods$/, 'policy.rotateAfter'],
      [/^rotationDepartments/, 'policy.rotationDepartments'],
      [/^creditSplit\.firstTouch$/, 'conflicts.firstTouch'],
      [/^creditSplit\.process$/, 'conflicts.process'],
      [/^creditSplit\.signing$/, 'conflicts.signing'],
      [/^creditSplit$/, 'policy.split'],
      [/^keys\.defaultRegion$/, 'policy.region'],
      [/^keys\.freeMailDomains/, 'policy.freeMail'],
      [/^antiHoarding\.newClaimsPerDay$/, 'policy.newPerDay'],
      [/^antiHoarding\.maxLiveClaims$/, 'policy.liveCap'],
      [/^antiHoarding\.reclaimCooldownDays$/, 'policy.reclaimCooldown'],
    ],
  },
  template: {
    name: 'template.heading',
    fields: [
      ...named('template.threshold'),
      [/^items\[(\d+)\]\.weight$/, templateItem('template.weight')],
      [/^items\[(\d+)\]\.required$/, templateItem('template.required')],
      [/^items\[(\d+)\]/, templateItem('template.item')],
      [/^items$/, 'template.items'],
    ],
  },
  engagement: {
    name: 'engagementEditor.heading',
    fields: [
      [/^rule\.amount$/, 'engagementEditor.amount'],
      [/^rule\.salesCycleDays$/, 'engagementEditor.cycle'],
      [/^rule\.implementationWeeks$/, 'engagementEditor.implementation'],
      [/^rule\.joinAtProgress$/, 'engagementEditor.join'],
      [/^introMinutes$/, 'engagementEditor.introMinutes'],
      [/^introClockStart$/, 'engagementEditor.clockStart'],
      [/^introTemplate\.welcomeVideoUrl$/, 'intro.video'],
      [/^introTemplate\.nextSteps\.([\w-]+)/, (m, _i, locale) => translate(locale, 'engagementEditor.nextSteps', { lang: m[1]! })],
      [/^stageProgress/, 'engagementEditor.stages'],
      [/^retrospectiveDays$/, 'engagementEditor.retrospectiveDays'],
    ],
  },
  user: {
    name: 'users.heading',
    fields: [
      ...named('users.name', 'users.role', 'users.department'),
      [/^channel$/, 'users.channel', 'channelFormat'],
      [/^label$/, 'users.tokens'],
    ],
  },
  // The adapter is edited as JSON: its key path is what the admin sees.
  adapter: {
    name: 'customAdapter',
    fields: [
      [/^id$/, (m) => m[0], 'adapterId'],
      [/^(?!\(root\)$).+/, (m) => m[0]],
    ],
  },
  retrospective: {
    name: 'retro.heading',
    fields: [
      [/^sections\.(\w+)\.note$/, (m, _i, locale) => `${sectionLabel(m[1]!, locale)} — ${translate(locale, 'retro.note')}`],
      [/^sections\.(\w+)/, (m, _i, locale) => sectionLabel(m[1]!, locale)],
      [/^sections$/, 'retro.section'],
      [/^profileFit$/, 'retro.profileFit'],
      [/^profileNote$/, 'retro.note'],
      [/^key$/, 'retro.heading'],
    ],
  },
  return: { name: 'return.open', fields: [[/^reasons\[(\d+)\]/, returnItem]] },
  webhook: { name: 'webhooks.heading', fields: named('webhooks.kind', 'webhooks.url', 'webhooks.name', 'webhooks.secret', 'webhooks.keyword') },
  chat: { name: 'chat.heading', fields: [[/^mobile$/, 'chat.mobile', 'e164'], ...named('chat.dingtalk', 'chat.wecom', 'chat.feishu', 'chat.slack')] },
  signInPolicy: {
    name: 'signInPolicy.heading',
    fields: [
      [/^provider\.issuer$/, 'signInPolicy.issuer'],
      [/^provider\.clientId$/, 'signInPolicy.clientId'],
      [/^domains/, 'signInPolicy.domains'],
      ...named('signInPolicy.access', 'signInPolicy.defaultRole'),
    ],
  },
  invite: {
    name: 'invite.heading',
    fields: [...named('invite.email', 'invite.name', 'invite.role'), [/^channel$/, 'users.channel', 'channelFormat'], [/^department$/, 'users.department']],
  },
  drafting: { name: 'drafting.heading', fields: named('drafting.enabled', 'drafting.endpoint', 'drafting.model', 'drafting.apiKey') },
  signIn: { name: 'signIn.withCode', fields: named('signIn.team', 'signIn.email', 'signIn.code') },
  relay: {
    name: 'relayEditor.heading',
    fields: [
      [/^stages\[\d+\]\.receivingRole$/, 'relayEditor.receivingRole'],
      [/^stages\[\d+\]\.acceptWithinHours$/, 'relayEditor.slaHours'],
      [/^stages\[\d+\]\.template\.threshold$/, 'relayEditor.threshold'],
      [/^stages\[\d+\]\.template/, 'relayEditor.template'],
      [/^stages/, 'relayEditor.heading'],
    ],
  },
  reassign: {
    name: 'reassign.heading',
    fields: [
      [/^receivers/, 'reassign.receivers'],
      [/^choices\[\d+\]\.receiverId$/, 'reassign.receiver'],
      [/^choices/, 'reassign.customer'],
      [/^notes/, 'reassign.notes'],
      ...named('reassign.reason', 'reassign.newRole', 'reassign.outcome', 'reassign.split'),
    ],
  },
  claim: {
    name: 'claim.heading',
    fields: [
      [/^customer$/, 'deal.accountName'],
      [/^keys\[\d+\]/, 'claim.heading'],
    ],
  },
};

/** The issue as the form words it: a wrong format says which format, where the form knows. */
export function formIssue(form: FormId, issue: FieldIssue): FieldIssue {
  if (issue.code !== 'format' && issue.code !== 'invalid') return issue;
  const hint = LABELS[form].fields.find(([re]) => re.test(issue.path))?.[2];
  return hint ? { ...issue, code: hint } : issue;
}

/** The form's own name, for problems with the input as a whole ("(root)"). */
export function formName(form: FormId, locale: Locale): string {
  return translate(locale, LABELS[form].name);
}

/**
 * The label of the field at `path` in `form`, in `locale`; `input` (what was
 * sent) names list entries ("Risks — Weight"). Null when the path is not a
 * field of the form; "(root)" gives the form's name.
 */
export function fieldLabel(form: FormId, path: string, locale: Locale, input?: unknown): string | null {
  if (path === '(root)' || path === '') return formName(form, locale);
  for (const [re, label] of LABELS[form].fields) {
    const m = re.exec(path);
    if (m) return typeof label === 'string' ? translate(locale, label) : label(m, input, locale);
  }
  return null;
}
