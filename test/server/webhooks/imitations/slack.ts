// Slack incoming webhook, as https://api.slack.com/messaging/webhooks and
// https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks describe it:
// - POST /services/T…/B…/…, JSON with `text`; success: HTTP 200, body "ok".
// - 400 invalid_payload / no_text; 403 invalid_token (revoked); 404 no_service (removed).
// - about one message a second, short bursts allowed (https://api.slack.com/docs/rate-limits):
//   over it HTTP 429 with Retry-After (seconds).
// - @: <@U…> in the text; &, <, > arrive escaped as &amp; &lt; &gt;.
import { parse, serve, type Imitation, type ImitationOptions } from './receiver';

const HOOK = '/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

export async function slackWebhook(o: ImitationOptions = {}): Promise<Imitation> {
  const second = 1_000 * (o.scale ?? 1);
  let tokens = 3; // a burst of three, then one a second
  let at = Date.now();
  return serve(HOOK, ({ path, body, now }) => {
    const say = (status: number, text: string, headers?: Record<string, string>) => ({ answer: { status, body: text, ...(headers ? { headers } : {}) }, code: status === 200 ? '0' : String(status) });
    if (path !== HOOK) return say(404, 'no_service');
    if (o.removed) return say(403, 'invalid_token');
    tokens = Math.min(3, tokens + (now - at) / second);
    at = now;
    if (tokens < 1) return say(429, 'rate_limited', { 'retry-after': '1' });
    const m = parse(body);
    if (!m) return say(400, 'invalid_payload');
    if (typeof m.text !== 'string' || !m.text) return say(400, 'no_text');
    tokens -= 1;
    const mentioned = [...m.text.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((x) => x[1]!);
    return { ...say(200, 'ok'), shown: { text: m.text, mentioned } };
  });
}
