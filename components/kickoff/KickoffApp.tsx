// The kickoff agenda as a page of its own (kickoff.html?key=…&lang=…&csm=…),
// opened from the CSM's sidebar: printable (print stylesheet) and
// downloadable as Markdown. Reads the packet from the extension's database.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/extension/db/database';
import { agendaMarkdown, kickoffAgenda } from '@/lib/engagement/kickoff-agenda';
import type { IntroLanguage } from '@/lib/engagement/intro-email';
import { useT } from '../shared/i18n';

export function KickoffApp() {
  const t = useT();
  const params = new URLSearchParams(location.search);
  const key = params.get('key') ?? '';
  const lang = (['zh-CN', 'zh-TW', 'en'].includes(params.get('lang') ?? '') ? params.get('lang') : 'en') as IntroLanguage;
  const packet = useLiveQuery(() => db().packets.get(key), [key]);
  if (packet === undefined)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> {t('loading')}
      </p>
    );
  const agenda = kickoffAgenda(packet, params.get('csm') ?? '', lang);
  const md = agendaMarkdown(agenda);
  const href = URL.createObjectURL(new Blob([md], { type: 'text/markdown' }));
  document.title = agenda.title;
  return (
    <article className="kickoff" lang={lang} data-field="kickoff-agenda">
      <nav className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('kickoff.print')}
        </button>{' '}
        <a href={href} download={`${agenda.title.replace(/[\\/:*?"<>|]/g, '_')}.md`} data-field="kickoff-md">
          {t('kickoff.markdown')}
        </a>
      </nav>
      <h1>{agenda.title}</h1>
      {agenda.sections.map((s, i) => (
        <section key={s.title}>
          <h2>
            {i + 1}. {s.title}
          </h2>
          <ul>
            {s.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
