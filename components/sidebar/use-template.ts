// The team's checklist template for the sidebar (through the background, which
// keeps what the last sync brought); the default until it answers, then read
// again after every sync, so a manager's change shows without a reload.
import { useEffect, useState } from 'react';
import { DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { useSyncStatus } from '../shared/use-sync-status';
import { dbClient } from './db-client';

export function useTemplate(): ChecklistTemplate {
  const [template, setTemplate] = useState<ChecklistTemplate>(DEFAULT_TEMPLATE);
  const lastSync = useSyncStatus().lastSyncAt;
  useEffect(() => {
    let live = true;
    const read = () =>
      void dbClient
        .request({ type: 'template:get' })
        .then((t) => live && setTemplate((cur) => (JSON.stringify(cur) === JSON.stringify(t) ? cur : t)))
        .catch(() => undefined);
    read();
    return () => {
      live = false;
    };
  }, [lastSync]);
  return template;
}
