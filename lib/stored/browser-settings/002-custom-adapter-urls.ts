import type { SettingMigration } from '../browser-setting';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Custom adapter definitions were first saved with one deal URL form (`url`);
 * later ones have `urls`, the forms tried in order (lib/crm/adapter-schema.ts).
 * Version 2 stores every definition with `urls`: `url` becomes `urls: [url]`.
 * Anything else is left as it is, for the adapter schema to judge where the
 * definition is used.
 */
export const customAdapterUrls: SettingMigration = {
  to: 2,
  name: 'custom adapters list their URL forms in urls',
  up: (definitions) =>
    Array.isArray(definitions)
      ? definitions.map((d) => {
          if (!isRecord(d) || d.urls !== undefined || d.url === undefined) return d;
          const { url, ...rest } = d;
          return { ...rest, urls: [url] };
        })
      : definitions,
};
