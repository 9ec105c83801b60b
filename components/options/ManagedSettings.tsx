// What the organization set by policy (lib/settings/managed-config.ts), shown
// to everyone on the sign-in card: each locked value, each value that could
// not be used and why, and the CRM adapters it ships, with a button to allow
// them on their hosts (the browser asks each person once; a policy cannot).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { adapterOrigins } from '@/lib/crm/host-pattern';
import { parseManagedAdapters } from '@/lib/settings/managed-adapters';
import type { ManagedProblem } from '@/lib/settings/managed-config';
import { useT } from '../shared/i18n';
import { LockedNote } from '../shared/ManagedServerPointer';
import { useManaged } from '../shared/use-managed';
import { useSyncStatus } from '../shared/use-sync-status';
import { grantedOrigins } from './save-adapter';

type T = ReturnType<typeof useT>;

function problemText(t: T, p: ManagedProblem | { key: 'customAdapters'; index: number; message: string }): string {
  const reason =
    'index' in p
      ? p.index < 0
        ? t('managed.reason.adaptersJson', { detail: p.message })
        : t('managed.reason.adapters', { index: p.index + 1, detail: p.message })
      : t(p.reason !== 'address' ? 'managed.reason.type' : p.detail === 'path' ? 'managed.reason.path' : 'managed.reason.address');
  return t('managed.problem', { key: p.key, reason });
}

function ManagedAdapter({ adapter }: { adapter: AdapterDefinition }) {
  const t = useT();
  const origins = adapterOrigins(adapter.hosts).origins;
  const [granted, setGranted] = useState<string[] | null>(null);
  useEffect(() => {
    void grantedOrigins(adapter.hosts).then(setGranted);
  }, [adapter]);
  const missing = granted === null ? [] : origins.filter((o) => !granted.includes(o));
  return (
    <li data-field="managed-adapter" data-value={adapter.id} data-missing={missing.length}>
      <strong>{adapter.name}</strong> <span className="muted">{adapter.hosts.join(', ')}</span>
      {missing.length > 0 && (
        <button
          type="button"
          onClick={() => void browser.permissions.request({ origins: missing }).then(() => grantedOrigins(adapter.hosts).then(setGranted))}
        >
          {t('saveAndGrant')}
        </button>
      )}
    </li>
  );
}

export function ManagedSettings() {
  const t = useT();
  const { config, problems } = useManaged();
  const status = useSyncStatus();
  const adapters = parseManagedAdapters(config.customAdapters);
  const all = [...problems, ...adapters.problems.map((p) => ({ key: 'customAdapters' as const, ...p }))];
  if (!Object.keys(config).length && !all.length) return null;
  return (
    <div className="managed" data-field="managed-settings">
      {config.team && (
        <p data-field="managed-team" data-value={config.team}>
          {t('managed.team')}: <strong>{config.team}</strong> <LockedNote field="team" />
        </p>
      )}
      {status.user && config.team && !/^\d+$/.test(config.team) && status.user.team.trim().toLowerCase() !== config.team.trim().toLowerCase() && (
        <p className="errors" role="alert" data-field="managed-other-team">
          {t('signIn.managedTeam', { team: config.team, got: status.user.team })}
        </p>
      )}
      {adapters.definitions.length > 0 && (
        <ul className="plain" aria-label={t('customAdapter')}>
          {adapters.definitions.map((a) => (
            <ManagedAdapter key={a.id} adapter={a} />
          ))}
        </ul>
      )}
      {all.map((p, i) => (
        <p key={i} className="errors" role="alert" data-field="managed-problem" data-value={p.key}>
          {problemText(t, p)}
        </p>
      ))}
    </div>
  );
}
