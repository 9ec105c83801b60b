// The sidebar is an extension frame inside a CRM page. When the browser blocks
// third-party storage (Chromium's default, Brave, "block third-party cookies"),
// IndexedDB in such a frame is denied, so the sidebar reaches the one Dexie
// database through the background over a port instead of opening it itself.
import type { DealField, DealIdentity, DealSnapshot } from '@/lib/crm/types';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { EngagementPolicy } from '@/lib/engagement/policy';
import type { KeyRules } from '@/lib/claims/claim-key';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import type { RefusalCode } from '@/lib/packet/edit-rights';

/** An edit the server refused, as the sidebar shows it at its field (extension/db/refusals.ts keeps them). */
export interface RefusedEditView {
  id: string;
  packetKey: string;
  op: PacketOp;
  at: string;
  code: RefusalCode;
  reason: string;
}

export const DB_PORT = 'baton-db';

export type DbRequest =
  | { type: 'packet:open'; identity: DealIdentity; snapshot: DealSnapshot; href: string; ready: boolean }
  | { type: 'packet:apply'; key: string; ops: PacketOp[] }
  | { type: 'packet:watch'; key: string }
  | { type: 'packet:unwatch'; key: string }
  /** a refused edit: let go of it (after the person confirmed) or send it again (e.g. as an amendment) */
  | { type: 'refusal:discard'; id: string }
  | { type: 'refusal:resend'; id: string }
  | { type: 'packet:command'; key: string; command: 'submit' | 'accept' | 'return' | 'amend' | 'intro-sent' | 'request-csm'; body?: unknown }
  | { type: 'claim:lookup'; kind: 'company' | 'phone' | 'email'; value: string }
  | { type: 'claim:create'; customer: string; keys: { kind: 'company' | 'phone' | 'email'; value: string }[]; dealUrl?: string; line?: string }
  | { type: 'template:get' }
  | { type: 'engagement:get' }
  | { type: 'keyRules:get' }
  /** other claim commands of the panel (stages, extension, conflicts, pool): /v1/claims… only */
  | { type: 'claim:call'; method: 'GET' | 'POST'; path: string; body?: unknown };

/**
 * When the background read a packet: later reads carry a larger `n`. The
 * sidebar keeps the freshest read, not the one with the newest updatedAt,
 * which is another device's wall clock and may be hours off.
 */
export interface ReadStamp {
  /** this run of the background (its counter restarts with it) */
  epoch: string;
  n: number;
}

export interface DbResponses {
  'packet:open': { packet: Packet; unreadable: DealField[] };
  'packet:apply': { packet: Packet | null; stamp: ReadStamp };
  'packet:watch': { packet: Packet | null; refusals: RefusedEditView[]; stamp: ReadStamp };
  'packet:unwatch': null;
  'refusal:discard': null;
  'refusal:resend': null;
  'claim:lookup': { status: number; json: unknown };
  /** 202 {pending: true} when the server was unreachable: sent with the next sync */
  'claim:create': { status: number; json: unknown };
  'claim:call': { status: number; json: unknown };
  'template:get': ChecklistTemplate;
  'engagement:get': EngagementPolicy;
  'keyRules:get': KeyRules;
  'packet:command': { ok: boolean; status: number; error?: { code: string; message: string; missing?: string[] } };
}

export type DbClientMessage = { id: number; req: DbRequest };
export type DbServerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { type: 'packet:changed'; key: string; packet: Packet | null; refusals: RefusedEditView[]; stamp: ReadStamp };
