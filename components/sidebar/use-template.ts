// The team's checklist template and engagement policy for the sidebar
// (through the background, which keeps what the last sync brought); the
// defaults until it answers, then read again after every sync, so a
// manager's change shows without a reload.
import { useEffect, useState } from 'react';
import { DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { DEFAULT_ENGAGEMENT_POLICY, type EngagementPolicy } from '@/lib/engagement/policy';
import type { KeyRules } from '@/lib/claims/claim-key';
import { useSyncStatus } from '../shared/use-sync-status';
import { dbClient } from './db-client';

function useTeamSetting<T>(type: 'template:get' | 'engagement:get' | 'keyRules:get', initial: T): T {
  const [value, setValue] = useState<T>(initial);
  const lastSync = useSyncStatus().lastSyncAt;
  useEffect(() => {
    let live = true;
    void dbClient
      .request({ type })
      .then((v) => live && setValue((cur) => (JSON.stringify(cur) === JSON.stringify(v) ? cur : (v as T))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [lastSync, type]);
  return value;
}

export const useTemplate = (): ChecklistTemplate => useTeamSetting('template:get', DEFAULT_TEMPLATE);
export const useEngagementPolicy = (): EngagementPolicy => useTeamSetting('engagement:get', DEFAULT_ENGAGEMENT_POLICY);
/** The team's phone region and free-mail domains (claim policy), for the keys a claim pre-fills. */
const NO_KEY_RULES: KeyRules = { defaultRegion: null, freeMailDomains: [] };
export const useKeyRules = (): KeyRules => useTeamSetting('keyRules:get', NO_KEY_RULES);
