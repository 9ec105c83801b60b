// DingTalk custom robot (自定义机器人).
// Docs: https://open.dingtalk.com/document/orgapp/custom-robot-access (接入, 加签,
// 消息频率) and https://open.dingtalk.com/document/orgapp/custom-bot-send-message-type
// (markdown, at.atMobiles / at.atUserIds: the @ shows only when the text also
// carries "@mobile" / "@userId").
// - 加签: timestamp in ms; sign = urlEncode(base64(HmacSHA256(key = secret,
//   message = timestamp + "\n" + secret))); both added to the webhook URL.
//   A timestamp more than an hour from DingTalk's clock is refused.
// - At most 20 messages a minute per robot; over it the robot is throttled for
//   10 minutes and answers errcode 130101 "send too fast, exceed 20 times per
//   minute" (410100 in the newer error list).
// - errcode 0 is success. 310000 is a security refusal ("keywords not in
//   content", "sign not match", "ip ... not in whitelist"); 300001/300005/400101
//   a token that does not exist, 400102 a stopped robot, 400106 a robot that
//   does not exist, 400013 a dissolved group, 430101–430104 unsafe content.
//   -1 is "system busy" (retry).
import { createHmac } from 'node:crypto';
import { chatMobile, judgeErrcode, requestWith, withKeyword, type ChatMessage, type ChatProvider, type ChatRequest, type Robot } from './types';

export const DINGTALK_THROTTLE_MS = 10 * 60_000;
const RATE_LIMITED = [130101, 410100];

/** The 加签 signature for `timestamp` (ms), before URL encoding. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

function body(m: ChatMessage, robot: Robot) {
  const mobiles = m.mentions.flatMap((p) => (p.chat.mobile ? [chatMobile(p.chat.mobile)] : []));
  const userIds = m.mentions.flatMap((p) => (!p.chat.mobile && p.chat.dingtalk ? [p.chat.dingtalk] : []));
  const title = withKeyword(m.title, robot);
  const text = [
    `### ${title}`,
    ...m.lines.map((l) => `- ${l}`),
    ...(m.url ? [`[${m.url}](${m.url})`] : []),
    ...(mobiles.length || userIds.length ? [[...mobiles, ...userIds].map((x) => `@${x}`).join(' ')] : []),
  ].join('\n');
  return { msgtype: 'markdown', markdown: { title, text }, at: { atMobiles: mobiles, atUserIds: userIds, isAtAll: false } };
}

/** DingTalk takes the signature in the URL: `timestamp` (ms) and `sign`. */
function signed(req: ChatRequest, secret: string, now: Date): ChatRequest {
  const timestamp = now.getTime();
  const u = new URL(req.url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return { ...req, url: u.toString() };
}

export const dingtalk: ChatProvider = {
  kind: 'dingtalk',
  perMinute: 20,
  minGapMs: 0,
  maxContentBytes: 5000,
  body,
  request: requestWith(body, signed),
  judge: (status, _retryAfter, text) => judgeErrcode('DingTalk', status, text, RATE_LIMITED, DINGTALK_THROTTLE_MS),
};
