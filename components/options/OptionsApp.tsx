// The options page (a full tab): language, server sign-in and sync; for
// managers and admins the team's cards (claims, health, template, engagement);
// for admins the people and the custom CRM adapter. Each role sees only what
// it can do (issue 11). Signed out there is no team: the adapter editor is
// this browser's own (an IT preset comes through managed storage instead).
import { useT } from '../shared/i18n';
import { useSyncStatusOrNull } from '../shared/use-sync-status';
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
  const status = useSyncStatusOrNull();
  const role = status?.user?.role;
  const manages = role === 'manager' || role === 'admin';
  // Until storage answers, who is signed in is unknown: show no role's cards.
  const known = status !== null;
  return (
    <div className="options">
      <header className="bar">
        <h1>{t('options')}</h1>
        <LanguagePicker />
      </header>
      <main>
        <ServerSignIn />
        {manages && <ClaimManagement />}
        {manages && <TeamHealth />}
        {manages && <TemplateEditor />}
        {manages && <EngagementEditor />}
        {role === 'admin' && <UserManagement />}
        {known && (!role || role === 'admin') && <CustomAdapterEditor />}
      </main>
    </div>
  );
}
