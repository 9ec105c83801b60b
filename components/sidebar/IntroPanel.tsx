// After acceptance, for the CSM: the intro clock (team policy, default 30
// minutes from acceptance) and the intro drafted from the packet in the
// customer's language — copy it or open it in the mail client, then mark it
// sent, which stops the clock on the server. The kickoff agenda opens as a
// printable page of its own.
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { customerLanguage, draftIntroEmail, type IntroLanguage } from '@/lib/engagement/intro-email';
import { introClock } from '@/lib/engagement/intro-clock';
import type { Packet } from '@/lib/packet/schema';
import { useT } from '../shared/i18n';
import { useSyncStatus } from '../shared/use-sync-status';
import { PacketCommandButton, PacketCommandRefusal } from './PacketCommandButton';
import { usePacketCommand } from './use-packet-command';
import { useEngagementPolicy } from './use-template';

const LANGS: [IntroLanguage, string][] = [
  ['zh-CN', '简体中文'],
  ['zh-TW', '繁體中文'],
  ['en', 'English'],
];

export function IntroPanel({ packet, flush }: { packet: Packet; flush: () => Promise<void> }) {
  const t = useT();
  const user = useSyncStatus().user;
  const [lang, setLang] = useState<IntroLanguage>(() => customerLanguage(packet));
  const [kickoffWhen, setKickoffWhen] = useState('');
  const [video, setVideo] = useState('');
  const [edited, setEdited] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const command = usePacketCommand(packet.key, flush);
  const [now, setNow] = useState(() => Date.now());
  const policy = useEngagementPolicy();
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);

  const draft = useMemo(
    () => {
      const welcome = video.trim() || policy.introTemplate.welcomeVideoUrl || '';
      const steps = policy.introTemplate.nextSteps[lang];
      return draftIntroEmail(packet, { csmName: user?.name ?? '', ...(kickoffWhen.trim() ? { kickoffWhen: kickoffWhen.trim() } : {}), ...(welcome ? { welcomeVideoUrl: welcome } : {}), ...(steps?.length ? { nextSteps: steps } : {}) }, lang);
    },
    [packet, user?.name, kickoffWhen, video, lang, policy],
  );
  const body = edited ?? draft.body;
  const clock = introClock(packet.review, policy, now);
  const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
  const to = packet.stakeholders.find((s) => s.role === 'decision_maker' && s.email)?.email ?? packet.stakeholders.find((s) => s.email)?.email ?? '';
  const mailto = `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;

  return (
    <section className="intro" aria-label={t('intro.heading')}>
      <h3>{t('intro.heading')}</h3>
      <p data-field="intro-clock" data-value={clock.state} className={clock.state === 'overdue' || clock.state === 'missed' ? 'reason' : clock.state === 'met' ? 'okmsg' : 'muted'}>
        {clock.state === 'running'
          ? t('intro.running', { m: minutes(clock.msLeft) })
          : clock.state === 'overdue'
            ? t('intro.overdue', { m: minutes(clock.msLate) })
            : clock.state === 'met' || clock.state === 'missed'
              ? t(clock.state === 'met' ? 'intro.met' : 'intro.missed', { m: minutes(clock.tookMs) })
              : ''}
      </p>
      <div className="intro-options">
        <label className="inline">
          {t('intro.language')}
          <select value={lang} onChange={(e) => (setLang(e.target.value as IntroLanguage), setEdited(null))}>
            {LANGS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <input placeholder={t('intro.kickoff')} aria-label={t('intro.kickoff')} value={kickoffWhen} maxLength={200} onChange={(e) => (setKickoffWhen(e.target.value), setEdited(null))} />
        <input placeholder={t('intro.video')} aria-label={t('intro.video')} value={video} maxLength={500} onChange={(e) => (setVideo(e.target.value), setEdited(null))} />
      </div>
      <p className="small" data-field="intro-subject">
        {draft.subject}
      </p>
      <textarea data-field="intro-draft" rows={10} value={body} onChange={(e) => setEdited(e.target.value)} aria-label={t('intro.heading')} aria-describedby="intro-customer-only" />
      <p className="muted small" id="intro-customer-only">
        {t('intro.customerOnly')}
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(`${draft.subject}\n\n${body}`).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('intro.copied') : t('intro.copy')}
        </button>{' '}
        <a href={mailto} target="_blank" rel="noreferrer">
          {t('intro.mail')}
        </a>{' '}
        <button
          type="button"
          data-field="kickoff-open"
          onClick={() =>
            void browser.tabs.create({ url: `${browser.runtime.getURL('/kickoff.html')}?${new URLSearchParams({ key: packet.key, lang, csm: user?.name ?? '' })}` })
          }
        >
          {t('kickoff.open')}
        </button>{' '}
        {!packet.review.introSentAt && (
          <PacketCommandButton command={command} name="intro-sent" label={t('intro.markSent')} className="primary" />
        )}
      </div>
      <PacketCommandRefusal command={command} />
    </section>
  );
}
