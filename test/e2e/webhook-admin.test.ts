// The admin's team chat card in real Chromium: a robot added through the
// form (with its 加签 secret, which is never shown back), "Send a test"
// answered by a local imitation of the tool — success for the right secret,
// the tool's own refusal for a wrong one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dingtalkRobot } from '../server/webhooks/imitations/dingtalk';
import { feishuBot } from '../server/webhooks/imitations/feishu';
import type { Imitation } from '../server/webhooks/imitations/receiver';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Chat team');
const DINGTALK_SECRET = 'SECe2e0a1b2c3d4e5f6a7b8c9';
let dingtalk: Imitation;
let feishu: Imitation;

beforeAll(async () => {
  dingtalk = await dingtalkRobot({ secret: DINGTALK_SECRET, keywords: ['报备'] });
  feishu = await feishuBot({ secret: 'feishu-real-secret' });
});
afterAll(async () => {
  await dingtalk?.close();
  await feishu?.close();
});

it('an admin adds robots and sends a test: success, and failure with the tool’s message', async () => {
  const admin = await world.signedIn(world.team.tokens.admin);
  const options = await admin.context.newPage();
  await options.goto(`chrome-extension://${admin.extensionId}/options.html`);
  const card = options.locator('#webhooks');
  await card.waitFor({ timeout: 15_000 });

  const add = card.locator('[data-field="add-webhook"]');
  await add.locator('select[name="kind"]').selectOption('dingtalk');
  await add.locator('input[name="url"]').fill(dingtalk.url);
  await add.locator('input[name="secret"]').fill(DINGTALK_SECRET);
  await add.locator('input[name="keyword"]').fill('报备');
  await add.locator('button[type="submit"]').click();
  const ding = card.locator('[data-kind="dingtalk"]');
  await ding.waitFor({ timeout: 15_000 });
  await expect.poll(() => add.locator('input[name="url"]').inputValue()).toBe('');

  await add.locator('select[name="kind"]').selectOption('feishu');
  await add.locator('input[name="url"]').fill(feishu.url);
  await add.locator('input[name="secret"]').fill('feishu-typo-secret');
  await add.locator('button[type="submit"]').click();
  const fei = card.locator('[data-kind="feishu"]');
  await fei.waitFor({ timeout: 15_000 });

  // The secret is kept on the server: the page says it is set, never what it is.
  expect(await card.textContent()).toContain('Signing secret set (not shown)');
  expect(await options.content()).not.toContain(DINGTALK_SECRET);

  await ding.locator('[data-field="webhook-test"]').click();
  const ok = ding.locator('[data-field="webhook-test-result"]');
  await ok.waitFor({ timeout: 20_000 });
  expect(await ok.getAttribute('data-outcome')).toBe('delivered');
  expect(await ok.textContent()).toBe('Delivered: the test message is in the group.');
  expect(dingtalk.shown).toHaveLength(1);
  expect(dingtalk.shown[0]!.text).toContain('报备');

  await fei.locator('[data-field="webhook-test"]').click();
  const refused = fei.locator('[data-field="webhook-test-result"]');
  await refused.waitFor({ timeout: 20_000 });
  expect(await refused.getAttribute('data-outcome')).toBe('refused');
  expect(await refused.textContent()).toBe('Feishu / Lark refused it: 19021 sign match fail or timestamp is not within one hour from current time');
  expect(feishu.shown).toHaveLength(0);
});

it('a bad address is refused at its field, in the page’s language', async () => {
  const admin = await world.signedIn(world.team.tokens.admin, 'zh-CN');
  const options = await admin.context.newPage();
  await options.goto(`chrome-extension://${admin.extensionId}/options.html`);
  const add = options.locator('#webhooks [data-field="add-webhook"]');
  await add.waitFor({ timeout: 15_000 });
  await add.locator('select[name="kind"]').selectOption('wecom');
  await add.locator('input[name="url"]').fill('qyapi.weixin.qq.com/cgi-bin/webhook/send');
  await add.locator('button[type="submit"]').click();
  await expect.poll(() => add.locator('input[name="url"]').getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
  expect(await add.textContent()).toContain('Webhook 地址');
});
