// Stored packets carry their shape's version (issue 13, item 7): each
// numbered migration is run on an example of the shape it reads, kept in
// test/fixtures/stored/ (packet.vN.json: a real packet as version N stored it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePacket, PACKET_MIGRATIONS, PACKET_SCHEMA_VERSION } from '@/lib/packet/migrations';
import { newPacket, packetSchema, storedPacketSchema } from '@/lib/packet/schema';

const fixture = (version: number) => join(import.meta.dirname, '../../fixtures/stored', `packet.v${version}.json`);
const stored = (version: number): Record<string, unknown> => JSON.parse(readFileSync(fixture(version), 'utf8'));

describe('packet migrations', () => {
  it('every migration has an example of the shape it reads', () => {
    for (const m of PACKET_MIGRATIONS) expect(existsSync(fixture(m.to - 1)), `${m.name}: ${fixture(m.to - 1)}`).toBe(true);
  });

  it('002: a packet stored before packets carried a version reads with version 2 and every value it had', () => {
    const v1 = stored(1);
    expect(v1).not.toHaveProperty('schemaVersion');
    const read = storedPacketSchema.parse(v1);
    expect(read.schemaVersion).toBe(2);
    expect(read).toEqual({ ...v1, schemaVersion: 2 });
    // The values a person typed are all there (spot checks in the sections most at risk).
    expect(read.salesNotes).toBe('内部：价格底线 45 万');
    expect(read.risks.items[0]!.mitigation).toBe('安排驻场两周');
    expect(read.deal.amount).toBe(480000);
  });

  it('a current packet passes unchanged; new packets carry the current version', () => {
    const current = storedPacketSchema.parse(stored(1));
    expect(migratePacket(current)).toBe(current);
    expect(storedPacketSchema.parse(JSON.parse(JSON.stringify(current)))).toEqual(current);
    const fresh = newPacket({ crm: 'hubspot', tenant: '1', recordId: '9' }, current.deal, '', new Date('2026-11-20T00:00:00Z'));
    expect(fresh.schemaVersion).toBe(PACKET_SCHEMA_VERSION);
  });

  it('a packet of a version this code does not know is refused, never read as the current shape', () => {
    const newer = { ...stored(1), schemaVersion: PACKET_SCHEMA_VERSION + 1 };
    expect(storedPacketSchema.safeParse(newer).success).toBe(false);
    expect(storedPacketSchema.safeParse({ ...stored(1), schemaVersion: 'two' }).success).toBe(false);
    expect(packetSchema.safeParse(stored(1)).success).toBe(true);
  });
});
