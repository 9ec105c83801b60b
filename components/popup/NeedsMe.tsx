// What needs me now, by role: edits the server refused (anyone), returned packets (reps), submitted packets to
// accept and intros to send (CSMs), extension requests and conflicts (managers), and what a
// reassignment handed to me (HandedToMe). From the cache, like the rest of the popup.
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { db } from '@/extension/db/database';
import { getMeta } from '@/extension/db/meta';
import { useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { HandedToMe } from './HandedToMe';
import { openDeal } from './open-deal';
import { useRetrospectiveNeeds } from './use-retrospective-needs';

export function NeedsMe() {
  const t = useT();
  const role = useSyncStatus().user?.role ?? 'rep';
  const returned = useLiveQuery(() => db().packets.where('status').equals('returned').toArray(), []) ?? [];
  const toAccept = useLiveQuery(() => (role === 'csm' || role === 'manager' ? db().packets.where('status').equals('submitted').toArray() : []), [role]) ?? [];
  const introsDue = useLiveQuery(() => (role === 'csm' || role === 'manager' ? db().packets.where('status').equals('accepted').filter((p) => !p.review.introSentAt).toArray() : []), [role]) ?? [];
  // Edits the server refused wait for the person who typed them, whatever their role.
  const refused = useLiveQuery(() => db().refusals.toArray(), []) ?? [];
  const queue = useLiveQuery(() => getMeta(db(), 'managerQueue'), []);
  const retrospectives = useRetrospectiveNeeds(role, t);
  const handoffs = useLiveQuery(() => getMeta(db(), 'handoffs'), []) ?? [];
  const items: { key: string; text: string; open: () => void }[] = [];
  if (refused.length)
    items.push({
      key: 'refused',
      text: t('needs.refused', { n: refused.length }),
      open: () => void db().packets.get(refused[0]!.packetKey).then((p) => p && openDeal(p.dealUrl)),
    });
  if (returned.length && role !== 'csm') items.push({ key: 'returned', text: t('needs.returned', { n: returned.length }), open: () => void openDeal(returned[0]!.dealUrl) });
  if (introsDue.length) items.push({ key: 'intros', text: t('needs.intros', { n: introsDue.length }), open: () => void openDeal(introsDue[0]!.dealUrl) });
  if (toAccept.length) items.push({ key: 'toAccept', text: t('needs.toAccept', { n: toAccept.length }), open: () => void openDeal(toAccept[0]!.dealUrl) });
  const manage = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#manage') });
  if (queue?.extensions) items.push({ key: 'extensions', text: t('needs.extensions', { n: queue.extensions }), open: manage });
  if (queue?.conflicts) items.push({ key: 'conflicts', text: t('needs.conflicts', { n: queue.conflicts }), open: manage });
  items.push(...retrospectives);
  return (
    <section className="needs">
      <h2>{t('needs.heading')}</h2>
      {handoffs.length > 0 && <HandedToMe handoffs={handoffs} />}
      {items.length === 0 ? (
        handoffs.length === 0 && <p className="muted pad">{t('needs.nothing')}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.key} data-need={i.key}>
              <button type="button" className="link" onClick={i.open}>
                {i.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
