import type { StoredMigration } from '@/lib/stored/migrations';

/**
 * Version 1 is every packet stored before packets carried a version (server
 * JSON in packets.data, IndexedDB records): the same shape with no
 * `schemaVersion`. Version 2 says so.
 */
export const schemaVersion: StoredMigration = {
  to: 2,
  name: 'packets carry schemaVersion',
  up: (doc) => ({ ...doc, schemaVersion: 2 }),
};
