// Drafting by the team's own model in real Chromium (issue 19 item 4): an admin
// points the team at an OpenAI-compatible endpoint on the options page; the
// rep's "why we won" gets a draft, marked as a draft with the model's name and
// outside the packet until used; using it fills only the empty field. The
// endpoint is a local HTTP server speaking the chat-completions format
// (test/server/harness/chat-endpoint.ts): the request and answer handling are
// real, no model runs here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';
import { startChatEndpoint, type ChatEndpoint } from '../server/harness/chat-endpoint';

const world = e2eWorld('Drafting team');
let model: ChatEndpoint;
beforeAll(async () => {
  model = await startChatEndpoint();
});
afterAll(() => model?.close());

describe('drafting with the team’s model', () => {
  it('the admin sets the model; the rep’s draft is marked, kept apart, and fills only what is empty', async () => {
    const admin = await world.signedIn(world.team.tokens.admin);
    const options = await admin.context.newPage();
    await options.goto(`chrome-extension://${admin.extensionId}/options.html`);
    const card = options.locator('[data-field="drafting"]');
    await card.locator('input[name="endpoint"]').fill('not an address');
    await card.locator('input[name="enabled"]').check();
    await card.locator('[data-action="save-drafting"]').click();
    await card.locator('[data-field="drafting-error"], [role="alert"]').first().waitFor({ timeout: 10_000 });
    await card.locator('input[name="endpoint"]').fill(model.base);
    await card.locator('input[name="model"]').fill('qwen2.5:7b-instruct');
    await card.locator('input[name="apiKey"]').fill('sk-local');
    await card.locator('[data-action="save-drafting"]').click();
    await card.locator('[role="status"]').waitFor({ timeout: 10_000 });
    expect(model.requests).toHaveLength(0);

    const deal = listFixtures().find((f) => f.crm === 'hubspot')!;
    const rep = await world.signedIn(world.team.tokens.rep);
    const { frame } = await world.openDeal(rep, deal.url);
    await frame.waitForSelector('[data-field="completeness"]');
    await frame.locator('[data-add="followUps"]').click();
    await frame.locator('[data-path="followUps.summary[0]"]').fill('On-site demo: the CFO wants month-end close cut from 3 days to half a day');
    await frame.locator('[data-path="whyWon.problemsToSolve"]').fill('Typed by the rep');

    model.reply({ text: '{"decisivePoints": "Month-end close in half a day", "problemsToSolve": "Slow month-end close"}', model: 'qwen2.5:7b-instruct' });
    await frame.locator('[data-draft="whyWon"] [data-action="draft"]').click();
    const draft = frame.locator('[data-field="draft"]');
    await draft.waitFor({ timeout: 30_000 });
    expect(await draft.textContent()).toContain('Draft by qwen2.5:7b-instruct');
    expect(await draft.textContent()).toContain('Month-end close in half a day');
    // sent after the rep's typing was pushed: the follow-up reached the model, with the key
    const sent = model.requests.at(-1)!;
    expect(JSON.stringify(sent.body)).toContain('month-end close cut from 3 days to half a day');
    expect(sent.headers.authorization).toBe('Bearer sk-local');
    // not in the packet yet
    expect(await frame.locator('[data-path="whyWon.decisivePoints"]').inputValue()).toBe('');

    await draft.locator('[data-action="use-draft"]').click();
    await expect.poll(() => frame.locator('[data-path="whyWon.decisivePoints"]').inputValue()).toBe('Month-end close in half a day');
    expect(await frame.locator('[data-path="whyWon.problemsToSolve"]').inputValue()).toBe('Typed by the rep');
    expect(await frame.locator('[data-field="draft"]').count()).toBe(0);

    // a failing model says so and changes nothing
    model.reply({ status: 500 });
    await frame.locator('[data-draft="expectations"] [data-action="draft"]').click();
    const error = frame.locator('[data-field="draft-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/refused the request \(it answered 500\)/);
    expect(await frame.locator('[data-list="goals"] [data-item-id]').count()).toBe(0);
  });
});
