// The registry of stored packet shapes. A change to the packet's stored shape
// adds the next numbered file here (NNN-what.ts, NNN its target version),
// keeps an example of the shape it reads in test/fixtures/stored/, and bumps
// the extension database's version (extension/db/database.ts) so IndexedDB
// records are brought up to date when it opens.
import { currentVersion, upgrade, type StoredMigration } from '@/lib/stored/migrations';
import { schemaVersion } from './002-schema-version';

export const PACKET_MIGRATIONS: readonly StoredMigration[] = [schemaVersion];

/** The version every packet written by this code carries. */
export const PACKET_SCHEMA_VERSION = currentVersion(PACKET_MIGRATIONS);

/** The version a stored packet says it is; none: 1 (stored before packets carried one). */
export function storedPacketVersion(doc: unknown): number {
  const v = typeof doc === 'object' && doc !== null ? (doc as { schemaVersion?: unknown }).schemaVersion : undefined;
  return v === undefined ? 1 : typeof v === 'number' ? v : NaN;
}

/** A stored packet (any known version) in the current shape, still unvalidated; parse it with packetSchema. */
export function migratePacket(doc: unknown): unknown {
  return upgrade(PACKET_MIGRATIONS, storedPacketVersion(doc), doc);
}
