// Sidebar layout, shared by the content script (which sizes the iframe) and the
// sidebar (which the rep resizes, collapses and switches between push and
// overlay). Kept in extension storage, not in IndexedDB, so the content script
// may read it; it holds nothing secret.
// zod "mini": the content script reads the layout (its bundle budget, issue 14).
import * as z from 'zod/mini';

/**
 * push: the page is narrowed beside the sidebar. overlay: the page keeps its
 * width and the sidebar floats over it below the CRM's top bar (for CRMs whose
 * fixed menu or window-sized top bar break when narrowed). In both, the page
 * can be scrolled sideways far enough to bring anything out from under it.
 */
export const LAYOUT_MODES = ['push', 'overlay'] as const;
export const layoutModeSchema = z.enum(LAYOUT_MODES);
export type LayoutMode = z.infer<typeof layoutModeSchema>;

export const LAYOUT_KEY = 'sidebarLayout';
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
const DEFAULT_WIDTH = 380;
export const DEFAULT_LAYOUT: SidebarLayout = { collapsed: false, width: DEFAULT_WIDTH, modes: {} };
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

/**
 * The stored layout, tolerant of older or damaged values: a field that does
 * not fit takes its default, a mode that is not push or overlay is dropped,
 * the width is clamped (px).
 */
export const sidebarLayoutSchema = z.catch(
  z.object({
    collapsed: z.catch(z.boolean(), false),
    width: z.pipe(z.catch(z.number(), DEFAULT_WIDTH), z.transform(clampWidth)),
    /** the user's choice per CRM (adapter id); absent: the adapter's own default */
    modes: z.pipe(
      z.catch(z.record(z.string(), z.unknown()), {}),
      z.transform((m) => {
        const modes: Record<string, LayoutMode> = {};
        for (const [crm, v] of Object.entries(m)) {
          const mode = layoutModeSchema.safeParse(v);
          if (mode.success) modes[crm] = mode.data;
        }
        return modes;
      }),
    ),
  }),
  () => ({ collapsed: false, width: DEFAULT_WIDTH, modes: {} }),
);
export type SidebarLayout = z.infer<typeof sidebarLayoutSchema>;

export function parseLayout(raw: unknown): SidebarLayout {
  return sidebarLayoutSchema.parse(raw);
}

/** The layout in force on a CRM: the user's choice, else the adapter's. */
export function modeFor(layout: SidebarLayout, crm: string, adapterDefault: LayoutMode): LayoutMode {
  return layout.modes[crm] ?? adapterDefault;
}
