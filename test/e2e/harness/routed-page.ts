// A CRM page variant served at a real deal URL without a fixture file: a
// fixture page with some texts replaced, answered by the browser's router.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { sidebarFrame } from './browser';

/** The fixture file's HTML with each [from, to] replaced once. */
export function fixtureVariant(file: string, replace: [string, string][]): string {
  let html = readFileSync(`test/fixtures/crm/${file}`, 'utf8');
  for (const [from, to] of replace) html = html.replace(from, to);
  return html;
}

/** Opens `url` in a new tab, answered with `html`, and waits for Baton's frame. */
export async function openRouted(context: BrowserContext, url: string, html: string): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  return { page, frame: await sidebarFrame(page) };
}
