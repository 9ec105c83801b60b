// One source of truth for the database schema (issue 13, item 6): a fresh
// database migrated by server/db/migrations holds exactly what
// server/db/schema.ts declares — tables, columns, types, nullability,
// defaults, keys, foreign keys, checks, indexes (partial and unique) and the
// exclusion constraint — on PGlite and on PostgreSQL. A new migration that
// schema.ts does not mirror fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/server/db/schema';
import type { Database } from '@/server/db/connect';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { createSchema, describeSchema } from './catalog';
import { declarationOf, declaredDdl, type Declaration } from './declared-ddl';

const declaration = declarationOf(schema, schema.exclusions);

/** The lines of `migrated` missing from `declared`, and the lines `declared` has in excess. */
function difference(migrated: string[], declared: string[]) {
  return { missing: migrated.filter((l) => !declared.includes(l)), extra: declared.filter((l) => !migrated.includes(l)) };
}

for (const backend of BACKENDS) {
  describe(`Drizzle schema vs migrations (${backend})`, () => {
    let database: Database;
    let migrated: string[];
    const declare = async (name: string, d: Declaration) => {
      await createSchema(database, name, declaredDdl(name, d));
      return describeSchema(database, name);
    };

    beforeAll(async () => {
      database = await freshDatabase(backend);
      migrated = await describeSchema(database, 'public');
    });
    afterAll(async () => {
      await database.close();
    });

    it('the migrated database has exactly what schema.ts declares', async () => {
      // The catalog reader sees every kind of object compared (else equality would prove little).
      for (const kind of [/ column /, /FOREIGN KEY/, /CHECK/, /UNIQUE/, /PRIMARY KEY/, /EXCLUDE USING gist/, / WHERE /, /CREATE UNIQUE INDEX/, /^sequence change_seq$/])
        expect(migrated).toContainEqual(expect.stringMatching(kind));
      expect(await declare('declared', declaration)).toEqual(migrated);
    });

    it('a declaration missing one index fails the comparison, naming that index', async () => {
      const withoutIndex = {
        ...declaration,
        tables: declaration.tables.map((t) => (t.name === 'claims' ? { ...t, indexes: t.indexes.filter((i) => i.config.name !== 'claims_team_expiry') } : t)),
      };
      const declared = await declare('declared_no_index', withoutIndex);
      expect(declared).not.toEqual(migrated);
      expect(difference(migrated, declared)).toEqual({
        missing: ['claims index CREATE INDEX claims_team_expiry ON claims USING btree (team_id, expires_at) WHERE ((released_at IS NULL) AND (won_at IS NULL))'],
        extra: [],
      });
    });

    it('a declaration missing one foreign key or the exclusion constraint fails the comparison', async () => {
      const withoutFk = {
        ...declaration,
        tables: declaration.tables.map((t) => (t.name === 'claim_aliases' ? { ...t, foreignKeys: t.foreignKeys.filter((fk) => fk.reference().columns[0]!.name !== 'removed_by') } : t)),
        exclusions: [],
      };
      const { missing, extra } = difference(migrated, await declare('declared_no_fk', withoutFk));
      expect(extra).toEqual([]);
      expect(missing.sort()).toEqual([
        'claim_aliases constraint claim_aliases_removed_by_fkey FOREIGN KEY (removed_by) REFERENCES users(id)',
        'claim_keys constraint claim_keys_one_live EXCLUDE USING gist (team_id WITH =, key WITH =, span WITH &&) WHERE ((NOT ended))',
        'claim_keys index CREATE INDEX claim_keys_one_live ON claim_keys USING gist (team_id, key, span) WHERE (NOT ended)',
      ]);
    });
  });
}
