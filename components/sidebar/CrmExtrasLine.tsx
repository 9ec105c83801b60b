// One line under the deal: how many contacts, activities and line items the CRM
// page shows besides the deal facts (issue 19), so the rep sees what Baton
// read. data-field="crm.extras" carries the counts and, in data-value, the
// extras as read (JSON) for tests and support; the prefill turns them into
// packet items.
import type { DealExtras } from '@/lib/crm/deal-extras';
import { useT } from '../shared/i18n';

export function CrmExtrasLine({ extras }: { extras: DealExtras | null }) {
  const t = useT();
  if (!extras) return null;
  const contacts = extras.contacts?.length ?? 0;
  const activities = extras.activities?.length ?? 0;
  const lineItems = extras.lineItems?.length ?? 0;
  return (
    <p className="muted" data-field="crm.extras" data-contacts={contacts} data-activities={activities} data-line-items={lineItems} data-value={JSON.stringify(extras)}>
      {contacts + activities + lineItems ? t('extras.summary', { contacts, activities, lineItems }) : t('extras.none')}
    </p>
  );
}
