// DingTalk custom robot, as https://open.dingtalk.com/document/orgapp/custom-robot-access
// and its message-type page describe it:
// - POST /robot/send?access_token=…; with 加签, `timestamp` (ms) and `sign` in the
//   query: sign = base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded;
//   a timestamp more than an hour away is refused.
// - keyword security: the message must contain one of the keywords.
// - 20 messages a minute; the 21st gets the robot throttled for 10 minutes.
// - answers: {"errcode":0,"errmsg":"ok"}; 310000 "sign not match" / "keywords not
//   in content" / "invalid timestamp"; 130101 "send too fast, exceed 20 times per
//   minute"; 300005 "token is not exist" for a removed robot.
// - @: at.atMobiles / at.atUserIds notify only people whose "@mobile"/"@userId" is in the text.
import { createHmac } from 'node:crypto';
import { json, parse, serve, windowCounter, type Imitation, type ImitationOptions } from './receiver';

const TOKEN = 'dt0123456789abcdef';

export async function dingtalkRobot(o: ImitationOptions = {}): Promise<Imitation> {
  const scale = o.scale ?? 1;
  const minute = windowCounter(20, 60_000 * scale);
  let throttledUntil = 0;
  return serve(`/robot/send?access_token=${TOKEN}`, ({ path, query, body, now }) => {
    const err = (errcode: number, errmsg: string) => ({ answer: json(200, { errcode, errmsg }), code: String(errcode) });
    if (path !== '/robot/send' || query.get('access_token') !== TOKEN || o.removed) return err(300005, 'token is not exist');
    if (now < throttledUntil) return err(130101, 'send too fast, exceed 20 times per minute');
    if (o.secret) {
      const ts = Number(query.get('timestamp'));
      if (!Number.isFinite(ts) || Math.abs(now - ts) > 3_600_000) return err(310000, 'invalid timestamp');
      const expected = createHmac('sha256', o.secret).update(`${ts}\n${o.secret}`).digest('base64');
      // URLSearchParams has already URL-decoded the sign.
      if (query.get('sign') !== expected) return err(310000, 'sign not match');
    }
    const m = parse(body);
    const type = m?.msgtype;
    const content = type === 'text' ? (m?.text as { content?: string })?.content : type === 'markdown' ? `${(m?.markdown as { title?: string })?.title ?? ''}\n${(m?.markdown as { text?: string })?.text ?? ''}` : undefined;
    if (typeof content !== 'string' || !content.trim()) return err(40035, '缺少参数 json');
    if (o.keywords?.length && !o.keywords.some((k) => content.includes(k))) return err(310000, 'keywords not in content');
    if (minute.over(now)) {
      throttledUntil = now + 600_000 * scale;
      return err(130101, 'send too fast, exceed 20 times per minute');
    }
    minute.add(now);
    const at = (m?.at ?? {}) as { atMobiles?: unknown; atUserIds?: unknown };
    const ids = [...(Array.isArray(at.atMobiles) ? at.atMobiles : []), ...(Array.isArray(at.atUserIds) ? at.atUserIds : [])].map(String);
    return { ...err(0, 'ok'), shown: { text: content, mentioned: ids.filter((x) => content.includes(`@${x}`)) } };
  });
}
