// Sidebar layout, shared by the content script (which sizes the iframe) and the
// sidebar (which the rep resizes / collapses). Kept in extension storage, not in
// IndexedDB, so the content script may read it; it holds nothing secret.
export interface SidebarLayout {
  collapsed: boolean;
  width: number;
}

export const LAYOUT_KEY = 'sidebarLayout';
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
export const DEFAULT_LAYOUT: SidebarLayout = { collapsed: false, width: 380 };
export const COLLAPSED_WIDTH = 32;
export const COLLAPSED_HEIGHT = 120;

export function clampWidth(w: number): number {
  if (!Number.isFinite(w)) return DEFAULT_LAYOUT.width;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
}

export function parseLayout(raw: unknown): SidebarLayout {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_LAYOUT };
  const r = raw as Partial<SidebarLayout>;
  return {
    collapsed: r.collapsed === true,
    width: clampWidth(typeof r.width === 'number' ? r.width : DEFAULT_LAYOUT.width),
  };
}
