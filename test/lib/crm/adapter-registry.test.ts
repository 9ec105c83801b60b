// Built-in adapters describe themselves (issue 10, kind 9): every adapter file is
// registered, has pages to try it on, detects (or rejects) each one as it
// declares, is covered by the manifest's host permissions, and labels every
// field it reads by label in every UI language (or says why not). Every fixture
// page matches an adapter.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import contentScript from '@/entrypoints/content/index';
import { parseAdapterDefinition, type AdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters, builtins } from '@/lib/crm/adapters';
import { detectDeal } from '@/lib/crm/detect-deal';
import { urlMatchesHostSpec } from '@/lib/crm/host-spec';
import { crmHostMatches, hostGlobToMatchPattern, matchPatternCovers, matchPatternsFor } from '@/lib/crm/host-matches';
import { matchHost } from '@/lib/crm/match-host';
import { BUILTIN_CRMS } from '@/lib/crm/types';
import { labelledFields, UI_LANGUAGES } from '@/lib/crm/ui-languages';

const ADAPTER_DIR = 'lib/crm/adapters';
const NOT_ADAPTERS = new Set(['index.ts', 'common-labels.ts']);

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
  host_permissions?: string[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
};
const manifest = (browser: string) =>
  (config.manifest as unknown as ManifestFn)({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });

/** A concrete host a glob matches: "*.force.com" → "x.force.com", "app-*.hubspot.com" → "app-x.hubspot.com". */
const sampleHost = (glob: string) => glob.replaceAll('*', 'x');

describe('registry', () => {
  it('registers every adapter file in lib/crm/adapters, once', () => {
    const files = readdirSync(ADAPTER_DIR).filter((f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(builtins.map((b) => b.definition.id).sort());
    expect(new Set(builtins.map((b) => b.definition.id)).size).toBe(builtins.length);
  });

  it('every data file in lib/crm/adapters is a registered adapter\'s own <id>.json', () => {
    const data = readdirSync(ADAPTER_DIR).filter((f) => f.endsWith('.json'));
    expect(data.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(builtins.map((b) => b.definition.id).sort());
    for (const f of data) expect(JSON.parse(readFileSync(join(ADAPTER_DIR, f), 'utf8')), f).toMatchObject({ definition: { id: f.replace(/\.json$/, '') } });
  });

  it('the built-in CRM ids of deal identities are exactly the registered adapters', () => {
    expect([...BUILTIN_CRMS].sort()).toEqual(builtins.map((b) => b.definition.id).sort());
  });
});

describe.each(builtins.map((b) => [b.definition.id, b] as const))('%s', (_id, b) => {
  it('has pages to try it on: at least one deal and one page that is not a deal', () => {
    expect(b.tryOn.deals.length).toBeGreaterThan(0);
    expect(b.tryOn.notDeals.length).toBeGreaterThan(0);
  });

  it('detects each deal test URL with the identity it declares', () => {
    for (const d of b.tryOn.deals) {
      expect(detectDeal(d.url, builtinAdapters)?.identity, d.url).toEqual({ crm: b.definition.id, tenant: d.tenant, recordId: d.recordId });
    }
  });

  it('rejects each not-a-deal test URL, which is still on its hosts', () => {
    for (const url of b.tryOn.notDeals) {
      expect(detectDeal(url, builtinAdapters), url).toBeNull();
      expect(b.definition.hosts.some((h) => matchHost(h, new URL(url).hostname)), url).toBe(true);
    }
  });

  it('names at least one host', () => {
    expect(b.definition.hosts.length).toBeGreaterThan(0);
  });

  const urlsOn = () => [...b.definition.hosts.map((h) => `https://${sampleHost(h)}/`), ...b.tryOn.deals.map((d) => d.url), ...b.tryOn.notDeals];

  it.each(['chrome', 'firefox'])("is covered by the %s manifest's host permissions (hosts and test URLs)", (browser) => {
    const granted = manifest(browser).host_permissions ?? [];
    for (const url of urlsOn()) expect(granted.some((p) => matchPatternCovers(p, url)), url).toBe(true);
  });

  it.each(['chrome', 'firefox'])("its pages may load the sidebar frame (the %s manifest's web_accessible_resources for sidebar.html)", (browser) => {
    const sidebar = (manifest(browser).web_accessible_resources ?? []).filter((w) => w.resources.includes('sidebar.html')).flatMap((w) => w.matches);
    for (const url of urlsOn()) expect(sidebar.some((p) => matchPatternCovers(p, url)), url).toBe(true);
  });

  it("its pages run Baton's content script (the content script's matches)", () => {
    const matches = contentScript.matches;
    if (!Array.isArray(matches)) throw new Error('the content script must list its matches for every browser alike');
    for (const url of urlsOn()) expect(matches.some((p) => matchPatternCovers(p, url)), url).toBe(true);
  });

  it('labels every field it reads by label in every UI language, or says why not', () => {
    const fields = labelledFields(b.labels);
    expect(fields.length).toBeGreaterThan(0);
    for (const lang of UI_LANGUAGES) {
      const entry = b.labels[lang];
      const absent = fields.filter((f) => !entry.labels[f]?.length);
      if (absent.length) expect(entry.missing, `${b.definition.id} ${lang} lacks ${absent.join(', ')} without a reason`).toMatch(/\S/);
      else expect(entry.missing, `${b.definition.id} ${lang} has every field but still declares missing ones`).toBeUndefined();
      expect(entry.source).toMatch(/\S/);
    }
  });

  it('no label text stands for two fields (a page label must pick one value)', () => {
    const fieldsOf = new Map<string, Set<string>>();
    for (const [field, locators] of Object.entries(b.definition.fields)) {
      for (const loc of locators ?? []) {
        if (!('label' in loc)) continue;
        for (const text of loc.label ?? []) {
          const key = text.normalize('NFKC').toLowerCase().trim();
          fieldsOf.set(key, (fieldsOf.get(key) ?? new Set()).add(field));
        }
      }
    }
    const ambiguous = [...fieldsOf].filter(([, f]) => f.size > 1).map(([text, f]) => `${text}: ${[...f].join(' + ')}`);
    expect(ambiguous).toEqual([]);
  });

  it('reads every labelled deal field by label (the labels are wired into its locators)', () => {
    for (const f of labelledFields(b.labels)) {
      if (f === 'probability' && !('probability' in b.definition.fields)) continue; // not yet a snapshot field
      const locators = b.definition.fields[f as keyof typeof b.definition.fields] ?? [];
      const byLabel = locators.find((l) => 'label' in l);
      expect(byLabel, f).toBeDefined();
      for (const lang of UI_LANGUAGES) for (const l of b.labels[lang].labels[f] ?? []) expect(byLabel && 'label' in byLabel ? byLabel.label : []).toContain(l);
    }
  });
});

describe('host permissions derived from the adapters', () => {
  it('the manifest asks for exactly the derived match patterns', () => {
    expect(manifest('chrome').host_permissions).toEqual(crmHostMatches);
  });

  it.each([
    ['crm.zoho.eu', 'https://crm.zoho.eu/*'],
    ['*.pipedrive.com', 'https://*.pipedrive.com/*'],
    ['app-*.hubspot.com', 'https://*.hubspot.com/*'],
    ['crm.zoho.*', null],
  ])('%s → %s', (glob, pattern) => {
    expect(hostGlobToMatchPattern(glob)).toBe(pattern);
  });

  it('drops patterns inside a wider one and refuses a host it cannot grant', () => {
    expect(matchPatternsFor(['*.lightning.force.com', '*.force.com', 'x.force.com'])).toEqual(['https://*.force.com/*']);
    expect(() => matchPatternsFor(['crm.zoho.*'])).toThrow(/crm\.zoho\.\*/);
  });

  it.each([
    ['https://*.force.com/*', 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view', true],
    ['https://*.force.com/*', 'https://force.com/', true],
    ['https://*.force.com/*', 'https://evilforce.com/', false],
    ['https://*.force.com/*', 'http://acme.force.com/', false],
    ['https://crm.zoho.eu/*', 'https://crm.zoho.eu.evil.com/', false],
  ])('%s covers %s: %s', (pattern, url, covered) => {
    expect(matchPatternCovers(pattern, url)).toBe(covered);
  });
});

// Fixtures list their pages in manifest.json: { file, host, path, deal?, adapter? }.
// A sibling <file>.json may give the full URL (with its #fragment) and the CRM.
interface FixtureEntry {
  file: string;
  host: string;
  path: string;
  deal?: boolean;
  /** a custom adapter definition (JSON file next to the manifest) the page is for */
  adapter?: string;
}

const fixtureDirs = readdirSync('test/fixtures').filter((d) => d.startsWith('crm') && existsSync(join('test/fixtures', d, 'manifest.json')));

const fixtures = fixtureDirs.flatMap((d) => {
  const dir = join('test/fixtures', d);
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as FixtureEntry[];
  return entries.map((e) => {
    const sidecar = join(dir, e.file.replace(/\.html$/, '.json'));
    const meta = existsSync(sidecar) && dirname(sidecar) === dir ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { url?: string; crm?: string }) : {};
    const scheme = e.adapter ? 'http' : 'https';
    let custom: AdapterDefinition | null = null;
    if (e.adapter) {
      const parsed = parseAdapterDefinition(JSON.parse(readFileSync(join(dir, e.adapter), 'utf8')));
      custom = parsed.ok ? parsed.value : null;
    }
    return { name: `${d}/${e.file} at ${e.host}${e.path}`, url: meta.url ?? `${scheme}://${e.host}${e.path}`, crm: meta.crm, deal: e.deal ?? !!meta.crm, custom, hasAdapter: !!e.adapter };
  });
});

describe('fixtures', () => {
  it('lists fixture pages', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s matches an adapter', (_n, f) => {
    if (f.hasAdapter) expect(f.custom, 'its custom adapter definition is valid').not.toBeNull();
    const adapters = f.custom ? [f.custom, ...builtinAdapters] : builtinAdapters;
    const url = new URL(f.url);
    expect(adapters.some((a) => a.hosts.some((h) => urlMatchesHostSpec(h, url))), `no adapter serves ${url.host}`).toBe(true);
    if (f.deal) {
      const hit = detectDeal(f.url, adapters);
      expect(hit, `no adapter detects a deal at ${f.url}`).not.toBeNull();
      if (f.crm) expect(hit!.identity.crm).toBe(f.crm);
    }
  });
});
