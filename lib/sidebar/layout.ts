// Sidebar layout, shared by the content script (which sizes the iframe) and the
// sidebar (which the rep resizes, collapses and switches between push and
// overlay). Kept in extension storage, not in IndexedDB, so the content script
// may read it; it holds nothing secret.

/**
 * push: the page is narrowed beside the sidebar. overlay: the page keeps its
 * width and the sidebar floats over it below the CRM's top bar (for CRMs whose
 * fixed menu or window-sized top bar break when narrowed). In both, the page
 * can be scrolled sideways far enough to bring anything out from under it.
 */
export type LayoutMode = 'push' | 'overlay';

export interface SidebarLayout {
  collapsed: boolean;
  width: number;
  /** the user's choice per CRM (adapter id); absent: the adapter's own default */
  modes: Record<string, LayoutMode>;
}

export const LAYOUT_KEY = 'sidebarLayout';
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
export const DEFAULT_LAYOUT: SidebarLayout = { collapsed: false, width: 380, modes: {} };
export const COLLAPSED_WIDTH = 32;
export const COLLAPSED_HEIGHT = 120;

/**
 * The one-key collapse/expand, in the CRM page and in the sidebar: Alt+Shift+B
 * (matched on the physical key, so any keyboard layout). Alt+Shift+letter is
 * not a browser or common CRM shortcut.
 */
export const TOGGLE_KEY = { code: 'KeyB', altKey: true, shiftKey: true, label: 'Alt+Shift+B' } as const;

export function isToggleKey(e: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): boolean {
  return e.code === TOGGLE_KEY.code && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
}

export function clampWidth(w: number): number {
  if (!Number.isFinite(w)) return DEFAULT_LAYOUT.width;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
}

export function parseLayout(raw: unknown): SidebarLayout {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_LAYOUT, modes: {} };
  const r = raw as Partial<SidebarLayout>;
  const modes: Record<string, LayoutMode> = {};
  if (r.modes && typeof r.modes === 'object') {
    for (const [crm, m] of Object.entries(r.modes)) if (m === 'push' || m === 'overlay') modes[crm] = m;
  }
  return {
    collapsed: r.collapsed === true,
    width: clampWidth(typeof r.width === 'number' ? r.width : DEFAULT_LAYOUT.width),
    modes,
  };
}

/** The layout in force on a CRM: the user's choice, else the adapter's. */
export function modeFor(layout: SidebarLayout, crm: string, adapterDefault: LayoutMode): LayoutMode {
  return layout.modes[crm] ?? adapterDefault;
}
