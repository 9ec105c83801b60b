// Whether the team has a drafting model (issue 19 item 4), asked once per
// sidebar frame: the button shows only when it is on. Signed out, offline or
// off: no button, nothing else changes.
import { useEffect, useState } from 'react';
import { draftingViewSchema, type DraftingView } from '@/lib/drafting/drafting-policy';
import { z } from 'zod';
import { dbClient } from './db-client';

let asked: Promise<DraftingView | null> | null = null;

function askOnce(): Promise<DraftingView | null> {
  asked ??= dbClient
    .request({ type: 'drafting:get' })
    .then((r) => {
      const parsed = z.object({ policy: draftingViewSchema }).safeParse(r.json);
      return r.status === 200 && parsed.success ? parsed.data.policy : null;
    })
    .catch(() => null);
  return asked;
}

/** The team's drafting model when drafting is on, else null (also while asking). */
export function useDraftingModel(): DraftingView | null {
  const [view, setView] = useState<DraftingView | null>(null);
  useEffect(() => {
    let live = true;
    void askOnce().then((v) => live && setView(v?.enabled ? v : null));
    return () => {
      live = false;
    };
  }, []);
  return view;
}
