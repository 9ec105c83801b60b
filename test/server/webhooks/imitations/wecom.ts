// WeCom group robot, as https://developer.work.weixin.qq.com/document/path/91770 describes it:
// - POST /cgi-bin/webhook/send?key=…; no signing, the key is the secret.
// - text: content ≤ 2048 bytes, mentioned_list (userids) and mentioned_mobile_list
//   notify people; markdown: content ≤ 4096 bytes, no mention lists.
// - 20 messages a minute per robot; over: {"errcode":45009,"errmsg":"api freq out of limit"}.
// - a removed robot's key: {"errcode":93000,"errmsg":"invalid webhook url"}.
import { json, parse, serve, windowCounter, type Imitation, type ImitationOptions } from './receiver';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

export async function wecomRobot(o: ImitationOptions = {}): Promise<Imitation> {
  const minute = windowCounter(20, 60_000 * (o.scale ?? 1));
  return serve(`/cgi-bin/webhook/send?key=${KEY}`, ({ path, query, body, now }) => {
    const err = (errcode: number, errmsg: string) => ({ answer: json(200, { errcode, errmsg }), code: String(errcode) });
    if (path !== '/cgi-bin/webhook/send' || query.get('key') !== KEY || o.removed) return err(93000, 'invalid webhook url, hint: [imitation]');
    if (minute.over(now)) return err(45009, 'api freq out of limit, hint: [imitation]');
    const m = parse(body);
    const text = m?.msgtype === 'text' ? (m.text as { content?: unknown; mentioned_list?: unknown; mentioned_mobile_list?: unknown }) : null;
    const md = m?.msgtype === 'markdown' ? (m.markdown as { content?: unknown }) : null;
    const content = text?.content ?? md?.content;
    if (typeof content !== 'string' || !content) return err(44004, 'empty content');
    if (Buffer.byteLength(content) > (text ? 2048 : 4096)) return err(40058, 'content exceed max length');
    minute.add(now);
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    return { ...err(0, 'ok'), shown: { text: content, mentioned: text ? [...list(text.mentioned_list), ...list(text.mentioned_mobile_list)] : [] } };
  });
}
