// WeCom (企业微信) group robot.
// Docs: https://developer.work.weixin.qq.com/document/path/91770 (消息类型及数据格式,
// 消息发送频率限制) and the global error codes,
// https://developer.work.weixin.qq.com/document/path/90313.
// - markdown content at most 4096 bytes; text content at most 2048 bytes, and
//   only the text type takes `mentioned_list` (user ids) and
//   `mentioned_mobile_list` (mobiles), so a notice that mentions someone is text.
// - At most 20 messages a minute per robot; over it: errcode 45009 "api freq
//   out of limit" — wait out the minute.
// - errcode 0 is success; 93000 is a webhook key that is invalid or a robot
//   removed from its group; -1 is "system busy" (retry). The robot has no
//   signing or keyword setting: its key in the URL is its secret.
import { chatMobile, judgeErrcode, requestWith, type ChatMessage, type ChatProvider } from './types';

export const WECOM_WINDOW_MS = 60_000;

function body(m: ChatMessage) {
  const mentioned = m.mentions.flatMap((p) => (p.chat.wecom ? [p.chat.wecom] : []));
  const mobiles = m.mentions.flatMap((p) => (!p.chat.wecom && p.chat.mobile ? [chatMobile(p.chat.mobile)] : []));
  if (!mentioned.length && !mobiles.length) {
    const content = [`**${m.title}**`, ...m.lines.map((l) => `> ${l}`), ...(m.url ? [`[${m.url}](${m.url})`] : [])].join('\n');
    return { msgtype: 'markdown', markdown: { content } };
  }
  const content = [m.title, ...m.lines, ...(m.url ? [m.url] : [])].join('\n');
  return { msgtype: 'text', text: { content, mentioned_list: mentioned, mentioned_mobile_list: mobiles } };
}

export const wecom: ChatProvider = {
  kind: 'wecom',
  perMinute: 20,
  minGapMs: 0,
  maxContentBytes: 2048,
  body,
  request: requestWith(body),
  judge: (status, _retryAfter, text) => judgeErrcode('WeCom', status, text, [45009], WECOM_WINDOW_MS),
};
