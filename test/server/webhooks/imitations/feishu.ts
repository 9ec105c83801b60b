// Feishu custom bot, as https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot describes it:
// - POST /open-apis/bot/v2/hook/…; with signature verification, `timestamp`
//   (seconds, within an hour) and `sign` in the JSON body:
//   sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")).
// - keyword security: the message must contain a keyword.
// - 100 a minute and 5 a second per bot; request body at most 20 KB.
// - answers: {"code":0,"data":{},"msg":"success"}; 19021 "sign match fail or
//   timestamp is not within one hour from current time"; 19024 "Key Words Not
//   Found"; 11232 "frequency limited …"; 19001 "param invalid: incoming webhook
//   access token invalid" (bot removed); 9499 "Bad Request".
// - @: <at user_id="ou_…">name</at> in a text message.
import { createHmac } from 'node:crypto';
import { json, parse, serve, windowCounter, type Imitation, type ImitationOptions } from './receiver';

const HOOK = '/open-apis/bot/v2/hook/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

export async function feishuBot(o: ImitationOptions = {}): Promise<Imitation> {
  const scale = o.scale ?? 1;
  const minute = windowCounter(100, 60_000 * scale);
  const second = windowCounter(5, 1_000 * scale);
  return serve(HOOK, ({ path, body, now }) => {
    const err = (code: number, msg: string) => ({ answer: json(200, { code, data: {}, msg }), code: String(code) });
    if (path !== HOOK || o.removed) return err(19001, 'param invalid: incoming webhook access token invalid');
    if (Buffer.byteLength(body) > 20 * 1024) return err(9499, 'Bad Request');
    const m = parse(body);
    if (!m) return err(9499, 'Bad Request');
    if (o.secret) {
      const ts = Number(m.timestamp);
      const expected = createHmac('sha256', `${m.timestamp}\n${o.secret}`).update('').digest('base64');
      if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > 3600 || m.sign !== expected) return err(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    const text = m.msg_type === 'text' ? (m.content as { text?: unknown })?.text : undefined;
    if (typeof text !== 'string') return err(19002, 'params error, msg_type need');
    if (o.keywords?.length && !o.keywords.some((k) => text.includes(k))) return err(19024, 'Key Words Not Found');
    if (minute.over(now) || second.over(now)) return err(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]appID[imitation]');
    minute.add(now);
    second.add(now);
    const mentioned = [...text.matchAll(/<at user_id="([^"]+)">[^<]*<\/at>/g)].map((x) => x[1]!);
    return { ...err(0, 'success'), shown: { text, mentioned } };
  });
}
