// The built-in stage → progress maps come from the adapters' stage tables
// (lib/crm/adapters/*): every stage an adapter lists, in every language it
// lists, gives its % for that CRM, and no stage name means two things.
import { describe, expect, it } from 'vitest';
import { builtins } from '@/lib/crm/adapters';
import { DEFAULT_ENGAGEMENT_POLICY as P } from '@/lib/engagement/policy';
import { stageProgress } from '@/lib/engagement/stage-progress';

const rows = builtins.flatMap((b) =>
  Object.entries(b.stages).flatMap(([lang, table]) => Object.entries(table).map(([stage, pct]) => [b.definition.id, lang, stage, pct] as const)),
);

describe('stage tables of the built-in adapters', () => {
  it('list stages', () => {
    expect(rows.length).toBeGreaterThan(30);
  });

  it.each(rows)('%s (%s) "%s" → %i %', (crm, _lang, stage, pct) => {
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThanOrEqual(100);
    expect(stageProgress(crm, stage, P)).toBe(pct);
    // As pages write it: other case and spacing.
    expect(stageProgress(crm, ` ${stage.toUpperCase()} `, P)).toBe(pct);
  });

  it.each([
    ['dynamics', 'Vorschlagen', 70],
    ['dynamics', '提案', 70],
    ['dynamics', 'Chiusura', 90],
    ['zoho', 'Negociación/Revisión', 80],
    ['salesforce', 'Closed Won', 100],
  ] as const)('a localized page stage: %s "%s" → %i', (crm, stage, pct) => {
    expect(stageProgress(crm, stage, P)).toBe(pct);
  });

  it('a custom adapter falls back to the stage names every built-in CRM knows', () => {
    expect(stageProgress('custom:suitecrm', 'Negotiation/Review', P)).toBe(80);
    expect(stageProgress('custom:suitecrm', 'Vorschlagen', P)).toBe(70);
    expect(stageProgress('custom:suitecrm', 'Besprechung', P)).toBeNull();
  });
});
