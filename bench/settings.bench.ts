// Team settings are not re-fetched when unchanged (issue 14): open sidebars
// (each a browser's sync, the extension's own extension/sync/team-settings.ts)
// poll the claim policy, checklist template and engagement policy, as every
// sync does, against the server process; a manager changes the template once
// midway. Counted: answers 304 (nothing downloaded) and 200 (downloaded), and
// the bytes of the bodies, next to the same polls without ETags (as before).
import type { SyncAuth } from '@/lib/sync/sync-auth';
import { createServerClient } from '@/extension/sync/http-client';
import { createTeamSettings } from '@/extension/sync/team-settings';
import { round, type Figure } from './figures';
import { withServerProcess } from './server-process';

const SIDEBARS = 100;
const ROUNDS = 10;
const PATHS = ['/v1/claims/policy', '/v1/team/template', '/v1/team/engagement'];

/** The global fetch, counting answers by status and the bytes of their bodies. */
function countingFetch() {
  const counts = { statuses: new Map<number, number>(), bytes: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    counts.statuses.set(res.status, (counts.statuses.get(res.status) ?? 0) + 1);
    counts.bytes += (await res.clone().arrayBuffer()).byteLength;
    return res;
  };
  return { fetch: fetchImpl, counts };
}

const noStore = { saveClaimPolicy: async () => {}, saveTemplate: async () => {}, saveEngagement: async () => {} };

export async function run(): Promise<Figure[]> {
  return withServerProcess('settings', { BATON_RATE_LIMIT: '10000000' }, async ({ base, team }) => {
    const auths: SyncAuth[] = Array.from({ length: SIDEBARS }, (_, i) => {
      const who = (['rep', 'rep2', 'csm', 'manager'] as const)[i % 4]!;
      return { serverUrl: base, token: team.tokens[who], user: { id: team.userIds[who], name: who, role: who === 'rep2' ? 'rep' : who, channel: null }, team: { id: team.teamId, name: 'settings' } };
    });
    // Each sidebar its own browser: its own kept ETags.
    const conditional = countingFetch();
    const browsers = auths.map(() => createTeamSettings(createServerClient(conditional.fetch), noStore));
    const plain = countingFetch();
    const plainClient = createServerClient(plain.fetch);
    for (let round = 0; round < ROUNDS; round++) {
      if (round === ROUNDS / 2) {
        const res = await fetch(`${base}/v1/team/template`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${team.tokens.manager}`, 'content-type': 'application/json' },
          body: JSON.stringify({ threshold: 55, items: [{ id: 'profile', required: true, weight: 1 }] }),
        });
        if (res.status !== 201) throw new Error(`template change: ${res.status}`);
      }
      await Promise.all(browsers.map(async (b, i) => (await b.refreshClaimPolicy(auths[i]!), await b.refreshTeam(auths[i]!))));
      await Promise.all(auths.map((a) => Promise.all(PATHS.map(async (p) => (await plainClient.send(a, 'GET', p)).arrayBuffer()))));
    }
    const got = (s: number) => conditional.counts.statuses.get(s) ?? 0;
    const total = [...conditional.counts.statuses.values()].reduce((a, b) => a + b, 0);
    // Downloads needed: each setting once per browser, and the changed template once more.
    const needed = SIDEBARS * PATHS.length + SIDEBARS;
    return [
      {
        name: `team settings polled by ${SIDEBARS} open sidebars × ${ROUNDS} syncs (template changed once): answered 304`,
        unit: 'requests',
        median: got(304),
        runs: total,
        reference: { name: 'answered 200 (downloaded)', median: got(200) },
        ratio: round(got(304) / total, 3),
        goal: `unchanged settings not downloaded: ${needed} downloads (each setting once, the changed one again), the other ${total - needed} 304`,
        note: `share of requests answered 304: ${round((100 * got(304)) / total, 1)} %; other answers ${total - got(200) - got(304)}`,
      },
      {
        name: `team settings bytes downloaded, ${SIDEBARS} sidebars × ${ROUNDS} syncs`,
        unit: 'bytes',
        median: conditional.counts.bytes,
        runs: total,
        reference: { name: 'the same polls without ETags (every answer 200)', median: plain.counts.bytes },
        ratio: round(conditional.counts.bytes / plain.counts.bytes, 3),
      },
    ];
  });
}
