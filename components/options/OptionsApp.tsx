// The options page (a full tab): language, and the custom CRM adapter. Team
// policy, sign-in and approvals join it with the server.
import { useT } from '../shared/i18n';
import { CustomAdapterEditor } from './CustomAdapterEditor';
import { LanguagePicker } from './LanguagePicker';

export function OptionsApp() {
  const t = useT();
  return (
    <div className="options">
      <header className="bar">
        <h1>{t('options')}</h1>
        <LanguagePicker />
      </header>
      <main>
        <CustomAdapterEditor />
      </main>
    </div>
  );
}
