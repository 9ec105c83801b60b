// The options page (a full tab): language, then the sections the signed-in
// role may use (components/options/sections.ts says who sees what).
import { useT } from '../shared/i18n';
import { sectionsFor } from '../shared/section';
import { useSyncStatusOrNull } from '../shared/use-sync-status';
import { LanguagePicker } from './LanguagePicker';
import { optionsSections } from './sections';
import { UnreadableSettings } from './UnreadableSettings';

export function OptionsApp() {
  const t = useT();
  const status = useSyncStatusOrNull();
  // Until storage answers, who is signed in is unknown: show no role's cards.
  const ctx = { known: status !== null, role: status?.user?.role };
  return (
    <div className="options">
      <header className="bar">
        <h1>{t('options')}</h1>
        <LanguagePicker />
      </header>
      <main>
        <UnreadableSettings />
        {sectionsFor(optionsSections, ctx).map(({ id, Panel }) => (
          <Panel key={id} />
        ))}
      </main>
    </div>
  );
}
