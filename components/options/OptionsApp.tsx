// The options page (a full tab): language, server sign-in and sync, claim
// management for managers, and the custom CRM adapter.
import { useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { ClaimManagement } from './ClaimManagement';
import { TeamHealth } from './TeamHealth';
import { EngagementEditor } from './EngagementEditor';
import { TemplateEditor } from './TemplateEditor';
import { UserManagement } from './UserManagement';
import { CustomAdapterEditor } from './CustomAdapterEditor';
import { LanguagePicker } from './LanguagePicker';
import { ServerSignIn } from './ServerSignIn';

export function OptionsApp() {
  const t = useT();
  const role = useSyncStatus().user?.role;
  const manages = role === 'manager' || role === 'admin';
  return (
    <div className="options">
      <header className="bar">
        <h1>{t('options')}</h1>
        <LanguagePicker />
      </header>
      <main>
        <ServerSignIn />
        <ClaimManagement />
        {manages && <TeamHealth />}
        {manages && <TemplateEditor />}
        {manages && <EngagementEditor />}
        {role === 'admin' && <UserManagement />}
        <CustomAdapterEditor />
      </main>
    </div>
  );
}
