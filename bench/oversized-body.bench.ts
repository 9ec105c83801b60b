// Oversized request bodies under load (issue 14): while clients push as fast
// as the server answers, uploads over the body limit (1 MiB) go to the server
// process, declared (Content-Length) and chunked, sent at once and slowly.
// Each must get a clean 413; a connection reset (the answer lost) is the
// failure the issue saw under load.
import { slowUpload, type UploadOutcome } from '../test/server/harness/slow-upload';
import type { Figure } from './figures';
import { request } from './http-client';
import { withServerProcess } from './server-process';

const MB = 1024 * 1024;
const PUSHERS = 40;
const WAVES = 4;
const PER_WAVE = 16;

export async function run(): Promise<Figure[]> {
  return withServerProcess('oversized', { BATON_RATE_LIMIT: '10000000' }, async ({ base, port, team }) => {
    let loaded = true;
    const pushes = { ok: 0, failed: 0 };
    const headers = { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' };
    const pusher = async (c: number) => {
      for (let i = 0; loaded; i++) {
        const body = JSON.stringify({ clientId: `oversized-load-${c}`, mutations: [{ id: `o-${c}-${i}`, packetKey: `hubspot:oversized:${c}`, op: { kind: 'set', path: 'salesNotes', value: `note ${i}` }, hlc: `${String(Date.now()).padStart(15, '0')}:${String(i % 100_000).padStart(5, '0')}:o${c}` }] });
        try {
          const r = await request(`${base}/v1/sync/push`, { method: 'POST', headers, body });
          if (r.status === 200) pushes.ok++;
          else pushes.failed++;
        } catch {
          pushes.failed++;
        }
      }
    };
    const load = Promise.all(Array.from({ length: PUSHERS }, (_, c) => pusher(c)));
    const outcomes: UploadOutcome[] = [];
    try {
      for (let wave = 0; wave < WAVES; wave++) {
        // Half declared, half chunked; within each, half sent as fast as the socket takes it, half in 64 KiB steps 10 ms apart.
        const uploads = Array.from({ length: PER_WAVE }, (_, i) => slowUpload(port, team.tokens.rep2, 3 * MB, i % 2 === 0, i % 4 < 2 ? 0 : 10));
        outcomes.push(...(await Promise.all(uploads)));
      }
    } finally {
      loaded = false;
      await load;
    }
    const clean = outcomes.filter((o) => o.status === 413 && !o.error).length;
    const resets = outcomes.filter((o) => o.error).length;
    const kinds = [...new Set(outcomes.map((o) => o.error).filter(Boolean))].join(', ');
    return [
      {
        name: `oversized bodies under load (3 MiB, limit 1 MiB, ${PUSHERS} clients pushing): connection resets`,
        unit: 'count',
        median: resets,
        runs: outcomes.length,
        reference: { name: 'clean 413 answers', median: clean },
        goal: '0 resets: every oversized body a 413',
        note: `${outcomes.length} uploads, half declared and half chunked, half at once and half slowly; other answers ${outcomes.length - clean - resets}${kinds ? `; errors seen: ${kinds}` : ''}; meanwhile ${pushes.ok} pushes answered 200, ${pushes.failed} not`,
      },
    ];
  });
}
