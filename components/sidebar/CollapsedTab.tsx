import { TOGGLE_KEY } from '@/lib/sidebar/layout';
import { useT } from '../shared/i18n';

/** The slim tab the sidebar collapses to; a real button, reachable by keyboard. */
export function CollapsedTab({ onExpand, completeness }: { onExpand: () => void; completeness: number | null }) {
  const t = useT();
  return (
    <button type="button" className="collapsed-tab" onClick={onExpand} aria-label={t('expand')} aria-keyshortcuts={TOGGLE_KEY.label} title={t('withShortcut', { action: t('expand'), key: TOGGLE_KEY.label })} data-field="expand">
      <span className="collapsed-logo" aria-hidden="true">B</span>
      {completeness !== null && <span className="collapsed-pct">{completeness}%</span>}
    </button>
  );
}
