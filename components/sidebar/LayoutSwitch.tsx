// Push (the page narrows beside the sidebar) or overlay (the sidebar floats
// over the page below the CRM's top bar): the adapter picks one per CRM, the
// user may switch; the choice is remembered per CRM.
import type { LayoutMode, SidebarLayout } from '@/lib/sidebar/layout';
import { modeFor } from '@/lib/sidebar/layout';
import { useT } from '../shared/i18n';

interface Props {
  crm: string;
  adapterDefault: LayoutMode;
  layout: SidebarLayout;
  setLayout: (next: Partial<SidebarLayout>) => void;
}

export function LayoutSwitch({ crm, adapterDefault, layout, setLayout }: Props) {
  const t = useT();
  const mode = modeFor(layout, crm, adapterDefault);
  return (
    <select
      className="layout-switch"
      aria-label={t('layout.label')}
      title={t('layout.label')}
      data-field="layout-mode"
      data-value={mode}
      value={mode}
      onChange={(e) => setLayout({ modes: { ...layout.modes, [crm]: e.target.value as LayoutMode } })}
    >
      <option value="push">{t('layout.push')}</option>
      <option value="overlay">{t('layout.overlay')}</option>
    </select>
  );
}
