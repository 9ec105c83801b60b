// The team's settings every open sidebar needs: the claim policy in force,
// the checklist template and the engagement policy. Fetched at every sync,
// but downloaded only when changed: each GET carries the ETag of the version
// kept (If-None-Match) and a 304 answer has no body (issue 14). The ETags are
// kept in memory only, and only after their version is stored: a restarted
// service worker downloads each setting once more.
import type { z } from 'zod';
import { policyAnswerSchema } from '@/lib/claims/api-responses';
import type { ClaimPolicy } from '@/lib/claims/policy';
import type { EngagementPolicy } from '@/lib/engagement/policy';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import { engagementAnswerSchema, templateAnswerSchema } from '@/lib/sync/api-responses';
import type { SyncAuth } from '../db/sync-auth';
import { readAs, type ServerClient } from './http-client';

/** Where the settings are kept (production: IndexedDB meta, and the team currency in storage for the content script). */
export interface SettingsStore {
  saveClaimPolicy(policy: ClaimPolicy): Promise<void>;
  saveTemplate(template: ChecklistTemplate): Promise<void>;
  saveEngagement(policy: EngagementPolicy): Promise<void>;
}

/** 'saved': a new version came and is stored; 'unchanged': 304; 'failed': no readable answer (the kept version stays). */
export type SettingOutcome = 'saved' | 'unchanged' | 'failed';

export function createTeamSettings(client: ServerClient, store: SettingsStore) {
  const etags = new Map<string, string>();

  async function refreshOne<S extends z.ZodType>(auth: SyncAuth, path: string, schema: S, save: (answer: z.output<S>) => Promise<void>): Promise<SettingOutcome> {
    // Per person and server: another sign-in starts without ETags.
    const slot = `${auth.serverUrl} ${auth.user.id} ${path}`;
    const etag = etags.get(slot);
    const res = await client.send(auth, 'GET', path, etag ? { headers: { 'if-none-match': etag } } : {});
    if (res.status === 304) return 'unchanged';
    const answer = res.ok ? await readAs(res, schema) : null;
    if (answer === null) return 'failed';
    await save(answer);
    const next = res.headers.get('etag');
    if (next) etags.set(slot, next);
    else etags.delete(slot);
    return 'saved';
  }

  return {
    /** The claim policy in force (warning window, notice thresholds, key rules). */
    refreshClaimPolicy: (auth: SyncAuth) => refreshOne(auth, '/v1/claims/policy', policyAnswerSchema, (a) => store.saveClaimPolicy(a.policy)),
    /** The checklist template (scoring as the server does) and the engagement policy (rule, intro clock and texts). */
    async refreshTeam(auth: SyncAuth): Promise<[SettingOutcome, SettingOutcome]> {
      const template = await refreshOne(auth, '/v1/team/template', templateAnswerSchema, (a) => store.saveTemplate(a.template));
      const engagement = await refreshOne(auth, '/v1/team/engagement', engagementAnswerSchema, (a) => store.saveEngagement(a.policy));
      return [template, engagement];
    },
  };
}

export type TeamSettings = ReturnType<typeof createTeamSettings>;
