// A packet stored in an older shape (test/fixtures/stored/packet.v1.json: as
// stored before packets carried a version) is read in the current shape by
// every route that hands packets out, edited like any other, and written back
// with the current version (lib/packet/migrations).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PACKET_SCHEMA_VERSION } from '@/lib/packet/migrations';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import { settingVersion } from '@/lib/stored/setting-versions';
import { packets, teamSettings } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/stored/packet.v1.json'), 'utf8')) as Record<string, unknown> & { key: string };

describe.each(BACKENDS)('stored packet versions on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });

  it('a version-1 packet in the database is served, pulled and edited in the current shape', async () => {
    const A = f.teams[0]!;
    const key = v1.key;
    const push = (id: string, op: unknown) => f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'stored-versions', mutations: [{ id, packetKey: key, op, hlc: hlc() }] });
    expect((await push('create', { kind: 'set', path: 'salesNotes', value: 'x' })).status).toBe(200);
    const row = () => f.database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, A.teamId), eq(packets.key, key)));
    expect(((await row())[0]!.data as { schemaVersion?: number }).schemaVersion).toBe(PACKET_SCHEMA_VERSION);

    // The row as an older server left it: the example packet, no version.
    const older = { ...v1, status: 'draft' };
    await f.database.db.update(packets).set({ data: sql`${JSON.stringify(older)}::jsonb` }).where(and(eq(packets.teamId, A.teamId), eq(packets.key, key)));
    expect((await row())[0]!.data).not.toHaveProperty('schemaVersion');

    const current = { ...older, schemaVersion: PACKET_SCHEMA_VERSION };
    expect((await f.call(A.tokens.rep, 'GET', `/v1/packets/${encodeURIComponent(key)}`)).json.packet).toEqual(current);
    expect((await f.call(A.tokens.manager, 'GET', '/v1/packets')).json.packets).toEqual([current]);
    expect((await f.call(A.tokens.rep, 'GET', '/v1/sync/pull?cursor=0')).json.packets).toEqual([current]);

    expect((await push('edit', { kind: 'set', path: 'salesNotes', value: '改过' })).status).toBe(200);
    const after = (await row())[0]!.data as Record<string, unknown>;
    expect(after).toEqual({ ...current, salesNotes: '改过', updatedAt: after.updatedAt });
  });
});

describe.each(BACKENDS)('stored team settings versions on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });

  it('a saved template carries the current version; a row of a version this server does not know reads as the default', async () => {
    const A = f.teams[0]!;
    const template = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/stored/checklist-template.v1.json'), 'utf8'));
    const { version: _, ...input } = template;
    expect((await f.call(A.tokens.manager, 'PUT', '/v1/team/template', input)).status).toBe(201);
    const [row] = await f.database.db.select({ v: teamSettings.schemaVersion }).from(teamSettings).where(eq(teamSettings.teamId, A.teamId));
    expect(row!.v).toBe(settingVersion('checklistTemplate'));
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/template')).json.template).toMatchObject({ threshold: template.threshold });

    await f.database.db.update(teamSettings).set({ schemaVersion: settingVersion('checklistTemplate') + 1 }).where(eq(teamSettings.teamId, A.teamId));
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/template')).json.template).toEqual(DEFAULT_TEMPLATE);
  });
});
