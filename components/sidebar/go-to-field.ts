import { fieldAnchorId } from '@/lib/packet/sections';

/** Bring a field into view and focus it (its first control for a list). */
export function goToField(path: string): void {
  const el = document.getElementById(fieldAnchorId(path));
  if (!el) return;
  const section = el.closest('details');
  if (section && !section.open) section.open = true;
  el.scrollIntoView({ block: 'center' });
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}
