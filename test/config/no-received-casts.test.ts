// Data that crosses into a context — a runtime or port message, a window
// message, extension storage, a fetch body, a server answer relayed by the
// background, a browser API's answer — is parsed with its zod schema, never
// cast (issue 13: the message map in extension/messaging/messages.ts, typed
// storage keys in extension/messaging/storage-keys.ts, server answers in
// lib/*/api-responses.ts).
//
// The heuristic, and what it cannot see: it reads product code line by line and
// flags a type assertion (`x as T`, `<T>x` is not used in this code base) when
// the expression asserted on that line is a known carrier of received data —
// a listener's `raw`/`msg`/`message`/`e.data`, a storage change's
// `newValue`/`oldValue`, a storage read (`got[…]`, `g[…]`, `stored[…]`,
// `all[…]`, `…_KEY]`), `sendMessage(…)`, `.json()`, `r.json`/`res.json`,
// `JSON.parse(…)`, `getFrame(…)`, `executeScript` results (`.result`) and
// IndexedDB meta values (`meta.get(…)…value`). A value received on one line
// and cast under another name on a later line is not seen; `as const` and
// casts of the extension's own globals (test hooks on globalThis/window) are
// not received data. The self-test below shows every pattern is caught.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
/** Product code: what ships in the extension or runs the server. */
const DIRS = ['components', 'entrypoints', 'extension', 'lib', 'server'];

const RECEIVED = [
  /\b(raw|msg|message|incoming)\b/,
  /\be(vent)?\.data\b/,
  /\b(newValue|oldValue)\b/,
  /\b(got|g|stored|all)\[/,
  /_KEY\]/,
  /sendMessage\(/,
  /\.json\(\)/,
  /\b(r|res|resp|response|answer)\??\.json\b/,
  /JSON\.parse\(/,
  /getFrame\(/,
  /\bres(ult)?\??\.result\b/,
  /\bmeta\.get\(/,
];

/** True when a cast on this line applies to received data: a marker anywhere before ` as ` on the line (comments skipped). */
function castsOnReceived(line: string): boolean {
  if (/^\s*(\*|\/\*|\/\/)/.test(line)) return false;
  // The assigned name is not what is cast: `const message = x as T` looks at `x`.
  const code = line.replace(/\/\/.*$/, '').replace(/^\s*(?:(?:const|let|var)\s+)?[\w.$[\]{}, ]+\s=(?![=>])/, '');
  for (const m of code.matchAll(/\sas\s+(?!const\b)[A-Za-z{([]/g)) {
    if (RECEIVED.some((r) => r.test(code.slice(0, m.index)))) return true;
  }
  return false;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

/**
 * Casts on received data not yet replaced by a parse, each with why. The
 * list may only shrink: a new cast on received data anywhere fails.
 */
const NOT_YET_PARSED: Record<string, string> = {};

describe('no cast on received data', () => {
  it('the heuristic catches each kind of cast this code base used to make', () => {
    const before = [
      'const msg = raw as ContentToBackground;',
      'const m = raw as DbServerMessage;',
      'const m = e.data as Partial<FrameNonceMessage> | null;',
      "if (area === 'local') publish(changes[SYNC_STATUS_KEY].newValue as SyncStatus);",
      'publish((g[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? initialSyncStatus);',
      'const d = (stored[sessionKey(tabId)] as StoredDeal | undefined) ?? null;',
      "const answer = (await browser.runtime.sendMessage({ type: 'frame:mint' })) as FrameMintAnswer | undefined;",
      'const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;',
      'return { status, ok, json: r?.json as T, error };',
      'const rules = JSON.parse(rulesJson) as KeyRules;',
      'const f = (await browser.webNavigation.getFrame({ tabId, frameId: 0 })) as { url: string } | null;',
      'return res?.result as PreviewResult;',
      "return ((await db.meta.get('auth'))?.value as SyncAuth | undefined) ?? null;",
      'const others = (got[ADAPTER_STORE_KEY] as { id?: string }[]).filter(Boolean);',
    ];
    for (const line of before) expect(castsOnReceived(line), line).toBe(true);
    for (const line of ['const message = ns.map((r) => r.body as StoredNotice);', 'const x = [1, 2] as const;', 'const el = n as HTMLElement;', "e.target.value as LayoutMode", 'const parsed = schema.safeParse(raw);']) expect(castsOnReceived(line), line).toBe(false);
  });

  it('product code casts no received data', () => {
    const found: string[] = [];
    for (const dir of DIRS) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const at = `${relative(ROOT, file)}:${i + 1}`;
            if (castsOnReceived(line) && !NOT_YET_PARSED[`${relative(ROOT, file)}: ${line.trim()}`]) found.push(`${at}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });
});
