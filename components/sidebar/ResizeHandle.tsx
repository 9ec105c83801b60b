// Drag (pointer capture keeps the drag alive outside the frame) or use the arrow
// keys to change the sidebar's width; the width is remembered.
import { useRef } from 'react';
import { MAX_WIDTH, MIN_WIDTH } from '@/lib/sidebar/layout';
import { useT } from '../shared/i18n';

export function ResizeHandle({ width, onWidth }: { width: number; onWidth: (w: number) => void }) {
  const t = useT();
  const start = useRef<{ x: number; w: number } | null>(null);
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('resize')}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { x: e.screenX, w: width };
      }}
      onPointerMove={(e) => {
        if (start.current) onWidth(start.current.w + (start.current.x - e.screenX));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onWidth(width + 20);
        else if (e.key === 'ArrowRight') onWidth(width - 20);
        else return;
        e.preventDefault();
      }}
    />
  );
}
