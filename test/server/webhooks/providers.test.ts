// Each chat tool's adapter, on its own: the signature against values computed
// independently from the documented algorithm (openssl / Python's hmac, see
// each case), and the judgement of each documented answer.
import { describe, expect, it } from 'vitest';
import { dingtalk, dingtalkSign } from '@/server/webhooks/providers/dingtalk';
import { feishu, feishuSign } from '@/server/webhooks/providers/feishu';
import { slack } from '@/server/webhooks/providers/slack';
import { wecom } from '@/server/webhooks/providers/wecom';

const robot = (url: string, secret: string | null = null, keyword: string | null = null) => ({ url, secret, keyword });
const message = { title: 'Claim expiring: 华东 <b>&Co</b>', lines: ['in 20 h'], mentions: [{ name: '王芳', chat: { mobile: '+8613800138000', dingtalk: 'wf01', wecom: 'WangFang', feishu: 'ou_7d8a6e6df7621556ce0d21922b676706', slack: 'U024BE7LH' } }] };

describe('DingTalk 加签', () => {
  it('signs "timestamp\\nsecret" with the secret (HmacSHA256, base64)', () => {
    // printf '%s\n%s' 1599360473000 "$S" | openssl dgst -sha256 -hmac "$S" -binary | base64
    expect(dingtalkSign('SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc', 1599360473000)).toBe('N29eYOQple2Ya22thadNPx0JVwKmqv9TNoX+ZJ5tDUM=');
    // The documentation's Python example (secret "this is secret"), URL-encoded with quote_plus:
    expect(encodeURIComponent(dingtalkSign('this is secret', 1599360473000))).toBe('hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D');
  });

  it('puts timestamp (ms) and the URL-encoded sign in the webhook URL, keeping access_token', () => {
    const at = new Date(1599360473000);
    const { url } = dingtalk.request(message, robot('https://oapi.dingtalk.com/robot/send?access_token=abc', 'this is secret'), at);
    expect(url).toContain('access_token=abc');
    expect(url).toContain('timestamp=1599360473000');
    expect(url).toContain('sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D');
  });

  it('without a secret the URL is left as configured', () => {
    expect(dingtalk.request(message, robot('https://oapi.dingtalk.com/robot/send?access_token=abc'), new Date()).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc');
  });
});

describe('Feishu signature verification', () => {
  it('uses "timestamp\\nsecret" as the HMAC key over an empty message', () => {
    // KEYHEX=$(printf '%s\n%s' 1599360473 demo-secret-1234 | xxd -p); printf '' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEYHEX -binary | base64
    expect(feishuSign('demo-secret-1234', 1599360473)).toBe('3426nUDBhGcZ5yvnswXIRXpeB2Tl2dGoe3xChA+ifmw=');
  });

  it('sends timestamp (seconds) and sign in the body beside msg_type', () => {
    const { body } = feishu.request(message, robot('https://open.feishu.cn/open-apis/bot/v2/hook/x', 'demo-secret-1234'), new Date(1599360473999));
    expect(body).toMatchObject({ timestamp: '1599360473', sign: '3426nUDBhGcZ5yvnswXIRXpeB2Tl2dGoe3xChA+ifmw=', msg_type: 'text' });
  });
});

describe('keywords and mentions in each format', () => {
  it('the keyword is in every message of the tools that check one', () => {
    expect(JSON.stringify(dingtalk.body(message, robot('', null, '报备')))).toContain('报备');
    expect(JSON.stringify(feishu.body(message, robot('', null, '报备')))).toContain('报备');
  });

  it('DingTalk: at.atMobiles with the @mobile in the text; WeCom: text with mentioned lists; Feishu: <at user_id>; Slack: <@U…>', () => {
    const d = dingtalk.body(message, robot('')) as { at: { atMobiles: string[] }; markdown: { text: string } };
    expect(d.at.atMobiles).toEqual(['13800138000']);
    expect(d.markdown.text).toContain('@13800138000');
    expect(wecom.body(message, robot(''))).toMatchObject({ msgtype: 'text', text: { mentioned_list: ['WangFang'] } });
    expect((feishu.body(message, robot('')) as { content: { text: string } }).content.text).toContain('<at user_id="ou_7d8a6e6df7621556ce0d21922b676706">王芳</at>');
    expect((slack.body(message, robot('')) as { text: string }).text).toContain('<@U024BE7LH>');
  });

  it('data cannot open a mention: "<" from a customer name is not markup in Feishu or Slack', () => {
    expect((feishu.body(message, robot('')) as { content: { text: string } }).content.text).not.toContain('<b>');
    expect((slack.body(message, robot('')) as { text: string }).text).toContain('&lt;b&gt;&amp;Co');
  });
});

describe('answers judged by the tool, not by HTTP status', () => {
  it('DingTalk', () => {
    expect(dingtalk.judge(200, null, '{"errcode":0,"errmsg":"ok"}')).toEqual({ outcome: 'delivered' });
    expect(dingtalk.judge(200, null, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({ outcome: 'failed', message: '310000 sign not match' });
    expect(dingtalk.judge(200, null, '{"errcode":310000,"errmsg":"keywords not in content"}')).toMatchObject({ outcome: 'failed' });
    expect(dingtalk.judge(200, null, '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}')).toMatchObject({ outcome: 'retry', rateLimited: true, afterMs: 600_000 });
    expect(dingtalk.judge(200, null, '{"errcode":-1,"errmsg":"系统繁忙"}')).toMatchObject({ outcome: 'retry', rateLimited: false });
    expect(dingtalk.judge(502, null, '<html>')).toMatchObject({ outcome: 'retry' });
  });
  it('WeCom', () => {
    expect(wecom.judge(200, null, '{"errcode":0,"errmsg":"ok"}')).toEqual({ outcome: 'delivered' });
    expect(wecom.judge(200, null, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({ outcome: 'retry', rateLimited: true, afterMs: 60_000 });
    expect(wecom.judge(200, null, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toEqual({ outcome: 'failed', message: '93000 invalid webhook url' });
  });
  it('Feishu', () => {
    expect(feishu.judge(200, null, '{"code":0,"data":{},"msg":"success"}')).toEqual({ outcome: 'delivered' });
    expect(feishu.judge(200, null, '{"StatusCode":0,"StatusMessage":"success"}')).toEqual({ outcome: 'delivered' });
    expect(feishu.judge(200, null, '{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour from current time"}')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('19021 sign match fail') });
    expect(feishu.judge(200, null, '{"code":11232,"data":{},"msg":"frequency limited"}')).toMatchObject({ outcome: 'retry', rateLimited: true });
  });
  it('Slack', () => {
    expect(slack.judge(200, null, 'ok')).toEqual({ outcome: 'delivered' });
    expect(slack.judge(429, '30', 'rate_limited')).toMatchObject({ outcome: 'retry', rateLimited: true, afterMs: 30_000 });
    expect(slack.judge(404, null, 'no_service')).toEqual({ outcome: 'failed', message: '404 no_service' });
    expect(slack.judge(403, null, 'invalid_token')).toEqual({ outcome: 'failed', message: '403 invalid_token' });
    expect(slack.judge(500, null, 'rollup_error')).toMatchObject({ outcome: 'retry' });
  });
});
