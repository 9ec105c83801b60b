// The nonce listener first: the content script posts as soon as the frame loads.
import '@/components/sidebar/frame-nonce';
import { startClickGuard } from '@/components/sidebar/click-guard';
import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '@/components/shared/i18n';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import '@/components/shared/base.css';
import '@/components/sidebar/sidebar.css';

startClickGuard();
createRoot(document.getElementById('root')!).render(
  <LocaleProvider>
    <SidebarApp />
  </LocaleProvider>,
);
