import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '@/components/shared/i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/base.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(
  <LocaleProvider>
    <OptionsApp />
  </LocaleProvider>,
);
