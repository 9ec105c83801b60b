// A packet command run from a sidebar button (request a CSM, mark the intro
// sent): pending edits flushed first, then the server decides; busy while it
// runs, the refusal in words when it says no.
import { useState } from 'react';
import type { PacketCommand } from '@/lib/packet/commands';
import { apiErrorText } from '@/lib/i18n/api-errors';
import { useLocale, useT } from '../shared/i18n';
import { dbClient } from './db-client';

export function usePacketCommand(key: string, flush: () => Promise<void>) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (command: PacketCommand) => {
    setBusy(true);
    setError(null);
    await flush();
    const r = await dbClient.request({ type: 'packet:command', key, command });
    setBusy(false);
    if (!r.ok) setError(t('commandFailed', { message: apiErrorText(r.error, locale, { status: r.status }) }));
  };
  return { busy, error, run };
}
