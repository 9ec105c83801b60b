// Feishu / Lark custom bot (自定义机器人).
// Docs: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
// (签名校验, 频率控制, 常见问题) and
// https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
// (text: `<at user_id="ou_…">name</at>`).
// - Signature: timestamp in seconds (within an hour of Feishu's clock);
//   sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty));
//   both go in the JSON body beside msg_type and content.
// - At most 100 messages a minute and 5 a second per bot; over it: code 11232
//   "frequency limited". The body may not exceed 20 KB.
// - code 0 is success ({"code":0,"msg":"success"}; older bots answer
//   {"StatusCode":0}); 19021 "sign match fail or timestamp is not within one
//   hour from current time", 19024 "Key Words Not Found", 19022 "Ip Not
//   Allowed", 19001 an invalid webhook token (bot removed), 9499 a bad request.
import { createHmac } from 'node:crypto';
import { httpTrouble, jsonAnswer, requestWith, withKeyword, type ChatMessage, type ChatProvider, type Robot } from './types';

export const FEISHU_WINDOW_MS = 60_000;

/** The signature for `timestamp` (seconds): the key is "timestamp\nsecret", the message empty. */
export function feishuSign(secret: string, timestamp: number): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

// "<" in a customer's name could otherwise open an <at> tag and ping everyone.
const plain = (s: string) => s.replace(/</g, '‹').replace(/>/g, '›');

function body(m: ChatMessage, robot: Robot) {
  const ats = m.mentions.flatMap((p) => (p.chat.feishu ? [`<at user_id="${p.chat.feishu}">${plain(p.name)}</at>`] : []));
  const text = [plain(withKeyword(m.title, robot)), ...m.lines.map(plain), ...(m.url ? [m.url] : []), ...(ats.length ? [ats.join(' ')] : [])].join('\n');
  return { msg_type: 'text', content: { text } };
}

export const feishu: ChatProvider = {
  kind: 'feishu',
  perMinute: 100,
  minGapMs: 200,
  maxContentBytes: 18_000,
  body,
  request: requestWith(body, (req, secret, now) => {
    // Feishu takes the signature in the body, beside the message: `timestamp` (s) and `sign`.
    const timestamp = Math.floor(now.getTime() / 1000);
    return { url: req.url, body: { timestamp: String(timestamp), sign: feishuSign(secret, timestamp), ...req.body } };
  }),
  judge(status, _retryAfter, text) {
    const trouble = httpTrouble(status, text);
    if (trouble) return trouble;
    const a = jsonAnswer(text);
    const code = a ? (typeof a.code === 'number' ? a.code : a.StatusCode) : undefined;
    if (typeof code !== 'number') return { outcome: 'retry', afterMs: null, rateLimited: false, message: `HTTP ${status}: not a Feishu answer` };
    const message = `${code} ${String(a!.msg ?? a!.StatusMessage ?? '')}`.trim();
    if (code === 0) return { outcome: 'delivered' };
    if (code === 11232) return { outcome: 'retry', afterMs: FEISHU_WINDOW_MS, rateLimited: true, message };
    return { outcome: 'failed', message };
  },
};
