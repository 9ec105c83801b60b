// "Send a test" from the admin view: one message now, straight to the robot
// (not through the queue), judged like any notice, so the admin sees the
// tool's own answer — "310000 sign not match", "19024 Key Words Not Found".
import type { Mention } from './providers/types';
import { PROVIDERS } from './providers';
import { sendOnce } from './deliver';
import type { webhooks } from '../db/schema';

export interface TestResult {
  outcome: 'delivered' | 'failed' | 'retry';
  message: string | null;
}

export async function sendTest(h: typeof webhooks.$inferSelect, by: Mention): Promise<TestResult> {
  const provider = PROVIDERS[h.kind];
  const message = { title: 'Baton: test message', lines: [`Sent from Baton's options page by ${by.name}.`], mentions: Object.keys(by.chat).length ? [by] : [] };
  const { verdict } = await sendOnce(provider, { url: h.url, secret: h.secret, keyword: h.keyword }, message, null, `test:${h.id}:${Date.now()}`, fetch);
  return { outcome: verdict.outcome, message: verdict.outcome === 'delivered' ? null : verdict.message };
}
