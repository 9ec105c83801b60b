// Slack incoming webhooks.
// Docs: https://api.slack.com/messaging/webhooks (sending, handling errors),
// https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks
// (the status and body of each error) and https://api.slack.com/docs/rate-limits
// (incoming webhooks: one message a second, short bursts allowed; over it HTTP 429
// with Retry-After in seconds).
// - Success is HTTP 200 with the body "ok".
// - 400 invalid_payload / user_not_found, 403 action_prohibited / invalid_token,
//   404 channel_not_found / no_service (the webhook was removed), 410
//   channel_is_archived: refused for good. 500 rollup_error: retry.
// - Text: &, < and > are escaped (they are Slack's control characters);
//   a mention is <@U…>.
import { httpTrouble, requestWith, type ChatMessage, type ChatProvider } from './types';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function body(m: ChatMessage) {
  const ats = m.mentions.flatMap((p) => (p.chat.slack ? [`<@${p.chat.slack}>`] : []));
  return { text: [escape(m.title), ...m.lines.map(escape), ...(m.url ? [m.url] : []), ...(ats.length ? [ats.join(' ')] : [])].join('\n') };
}

export const slack: ChatProvider = {
  kind: 'slack',
  perMinute: 60,
  minGapMs: 1000,
  maxContentBytes: 3000,
  body,
  request: requestWith(body),
  judge(status, retryAfter, text) {
    if (status === 429) {
      const s = Number(retryAfter);
      return { outcome: 'retry', afterMs: Number.isFinite(s) && s > 0 ? s * 1000 : 1000, rateLimited: true, message: `429 ${text.trim() || 'rate_limited'}`.slice(0, 300) };
    }
    const trouble = httpTrouble(status, text);
    if (trouble) return trouble;
    if (status === 200 && text.trim() === 'ok') return { outcome: 'delivered' };
    return { outcome: 'failed', message: `${status} ${text.trim().slice(0, 300)}` };
  },
};
