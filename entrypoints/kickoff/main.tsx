import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '@/components/shared/i18n';
import { KickoffApp } from '@/components/kickoff/KickoffApp';
import '@/components/shared/base.css';
import '@/components/kickoff/kickoff.css';

createRoot(document.getElementById('root')!).render(
  <LocaleProvider>
    <KickoffApp />
  </LocaleProvider>,
);
