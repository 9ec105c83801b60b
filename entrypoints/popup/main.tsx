import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '@/components/shared/i18n';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/base.css';
import '@/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <LocaleProvider>
    <PopupApp />
  </LocaleProvider>,
);
