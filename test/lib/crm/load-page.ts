// Loads a CRM page into jsdom at its real URL with its inline scripts running,
// so late rendering, shadow roots and SPA navigation behave as in a browser.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

export const FIXTURES = 'test/fixtures/crm';

export function loadPage(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true });
}

export function loadFixture(file: string, url: string): JSDOM {
  return loadPage(readFileSync(`${FIXTURES}/${file}`, 'utf8'), url);
}

export interface FixtureJson {
  crm: string;
  url: string;
  expected: Record<string, string | number>;
  navigate?: { click: string; expectedUrl: string };
  afterNavigation?: Record<string, string | number>;
}

export function fixtureJson(base: string): FixtureJson {
  return JSON.parse(readFileSync(`${FIXTURES}/${base}.json`, 'utf8')) as FixtureJson;
}
