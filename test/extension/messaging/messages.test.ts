// The message map decides what a receiver acts on: a well-formed message of
// each transport passes, a malformed one is refused with the field named.
import { describe, expect, it } from 'vitest';
import { DB_MESSAGES, dbClientMessageSchema, dbServerMessageSchema } from '@/extension/messaging/db-messages';
import { frameNonceMessageSchema } from '@/extension/messaging/content-messages';
import { describeIssues } from '@/extension/messaging/message-map';
import { backgroundToSidebarSchema, RUNTIME_MESSAGES, sidebarToBackgroundSchema } from '@/extension/messaging/messages';
import { emptySnapshot } from '@/lib/crm/types';

const state = {
  identity: { crm: 'salesforce', tenant: 'acme.lightning.force.com', recordId: '006Dn00000A1b2cIAB' },
  crmName: 'Salesforce',
  snapshot: { ...emptySnapshot(), dealName: 'Acme renewal', amount: 1200, currency: 'EUR' },
  ready: true,
  href: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000A1b2cIAB/view',
  expectedFields: ['dealName'],
  readAt: 1,
};

const refusal = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, raw: unknown) => {
  const r = schema.safeParse(raw);
  expect(r.success).toBe(false);
  return r;
};

describe('runtime messages', () => {
  it('a content script’s deal report passes with the deal as read', () => {
    const r = RUNTIME_MESSAGES['deal:update'].request.safeParse({ type: 'deal:update', state });
    expect(r.success && r.data.state.snapshot.amount).toBe(1200);
  });

  it('a report whose amount is text, or whose identity has no record id, is refused naming the field', () => {
    const bad = RUNTIME_MESSAGES['deal:update'].request.safeParse({ type: 'deal:update', state: { ...state, snapshot: { ...state.snapshot, amount: '1,200' } } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssues(bad.error)).toMatch(/^state\.snapshot\.amount: /);
    refusal(RUNTIME_MESSAGES['deal:update'].request, { type: 'deal:update', state: { ...state, identity: { crm: 'salesforce', tenant: 'acme' } } });
  });

  it('a server call with a method the API does not have is refused', () => {
    refusal(RUNTIME_MESSAGES['api:call'].request, { type: 'api:call', method: 'TRACE', path: '/v1/me' });
  });

  it('a sign-in answer carries only what the options page shows, never the token', () => {
    const r = RUNTIME_MESSAGES['sync:signIn'].answer.safeParse({ ok: true, auth: { serverUrl: 'http://127.0.0.1:8787', token: 'secret', team: { id: 1, name: 'Acme' } } });
    expect(r.success && r.data).toEqual({ ok: true, auth: { team: { name: 'Acme' } } });
  });
});

describe('the sidebar port and the frame nonce', () => {
  it('passes a proof and a deal, refuses a proof without nonces and a deal of the wrong shape', () => {
    expect(sidebarToBackgroundSchema.safeParse({ type: 'frame:prove', nonces: ['a'] }).success).toBe(true);
    refusal(sidebarToBackgroundSchema, { type: 'frame:prove', nonces: 'a' });
    expect(backgroundToSidebarSchema.safeParse({ type: 'deal:state', state: null }).success).toBe(true);
    refusal(backgroundToSidebarSchema, { type: 'deal:state', state: { ...state, ready: 'yes' } });
    refusal(backgroundToSidebarSchema, { type: 'frame:whatever' });
  });

  it('takes only Baton’s nonce message, with a nonce of bounded length', () => {
    expect(frameNonceMessageSchema.safeParse({ type: 'baton:frame-nonce', nonce: 'ab' }).success).toBe(true);
    refusal(frameNonceMessageSchema, { type: 'baton:frame-nonce', nonce: 'x'.repeat(129) });
    refusal(frameNonceMessageSchema, { type: 'other', nonce: 'ab' });
  });
});

describe('the database port', () => {
  it('refuses a request of an unknown type, a command that does not exist and an op of no known kind', () => {
    refusal(dbClientMessageSchema, { id: 1, req: { type: 'packet:drop', key: 'k' } });
    refusal(dbClientMessageSchema, { id: 2, req: { type: 'packet:command', key: 'k', command: 'delete' } });
    refusal(dbClientMessageSchema, { id: 3, req: { type: 'packet:apply', key: 'k', ops: [{ kind: 'eval', code: '1' }] } });
    expect(dbClientMessageSchema.safeParse({ id: 4, req: { type: 'packet:apply', key: 'k', ops: [{ kind: 'set', path: 'salesNotes', value: 'x'.repeat(20_000) }] } }).success).toBe(true);
  });

  it('parses an answer with its request’s schema: a packet answer without a packet is refused', () => {
    const m = dbServerMessageSchema.safeParse({ id: 1, ok: true, result: { stamp: { epoch: 'e', n: 1 } } });
    expect(m.success).toBe(true);
    if (m.success && 'result' in m.data) refusal(DB_MESSAGES['packet:apply'].answer, m.data.result);
    expect(DB_MESSAGES['packet:apply'].answer.safeParse({ packet: null, stamp: { epoch: 'e', n: 1 } }).success).toBe(true);
  });
});
