// The notices Baton sends to team chat, and their message body for each tool
// (the tools' own rules live in ./providers).
import type { WebhookKind } from '@/lib/webhooks/config-schema';
import { PROVIDERS } from './providers';

export type { WebhookKind };

export interface Notice {
  event:
    | 'packet.submitted'
    | 'packet.returned'
    | 'packet.accepted'
    | 'claim.expiring'
    | 'claim.expiring.escalated'
    | 'claim.extension.requested'
    | 'claims.digest'
    | 'conflict.opened'
    | 'conflict.ruled'
    | 'csm.requested'
    | 'expansion.opportunity'
    | 'customers.reassigned'
    | 'webhook.test';
  title: string;
  lines: string[];
  url?: string;
  /** the Baton users the notice is for: @mentioned with their chat identity */
  for?: number[];
}

/** The unsigned body `kind` receives for this notice, with no mention and no keyword. */
export function formatNotice(kind: WebhookKind, n: Notice): unknown {
  return PROVIDERS[kind].body({ title: n.title, lines: n.lines, ...(n.url ? { url: n.url } : {}), mentions: [] }, { url: '', secret: null, keyword: null });
}
