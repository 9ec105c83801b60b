// Numbered migrations of a stored shape (a packet, a team setting, a browser
// setting): version 1 is the shape as first stored, each migration turns
// version `to - 1` into `to`, and a document is read by applying, in order,
// every migration above its own version. Pure: runs on the server, in the
// extension and in tests.

/**
 * One step: a document of version `to - 1` in, version `to` out. A document
 * is an object (a packet, a team setting); a browser setting's value may be
 * any JSON (D = unknown: lib/stored/browser-setting.ts).
 */
export interface StoredMigration<D = Record<string, unknown>> {
  to: number;
  /** what changed, for the registry and the tests */
  name: string;
  up(doc: D): D;
}

/** The version a registry brings documents to: 1 plus one per migration. Throws when the steps are not 2, 3, … in order. */
export function currentVersion(migrations: readonly Pick<StoredMigration, 'to' | 'name'>[]): number {
  migrations.forEach((m, i) => {
    if (m.to !== i + 2) throw new Error(`stored migrations: "${m.name}" is numbered ${m.to}, expected ${i + 2}`);
  });
  return migrations.length + 1;
}

/**
 * `doc` (stored at `version`) brought to the registry's current version.
 * A document of a newer version than this code knows, or not an object, is
 * returned as it is: the shape's schema then rejects it (unsure is blank).
 */
export function upgrade(migrations: readonly StoredMigration[], version: number, doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  if (!Number.isInteger(version) || version < 1 || version > currentVersion(migrations)) return doc;
  let out = doc as Record<string, unknown>;
  for (const m of migrations) if (m.to > version) out = m.up(out);
  return out;
}
