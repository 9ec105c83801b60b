// The managers' part of the options page (#manage): the claim policy, the
// extension requests and the conflicts. Shown to managers and admins only.
import { useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { ClaimRequests } from './ClaimRequests';
import { PolicyEditor } from './PolicyEditor';

export function ClaimManagement() {
  const t = useT();
  const user = useSyncStatus().user;
  if (user?.role !== 'manager' && user?.role !== 'admin') return null;
  return (
    <section className="card" id="manage" aria-labelledby="manage-h">
      <h2 id="manage-h">{t('manage.heading')}</h2>
      <PolicyEditor />
      <ClaimRequests />
    </section>
  );
}
