import type { CSSProperties, ReactNode } from 'react';
import type { WidgetLayout } from '../../api/schemas';
import { orderWidgets } from './model/layout';

interface Props<T> {
  widgets: readonly T[];
  children: (widget: T) => ReactNode;
}

/**
 * The 12-column grid. Cells come in reading order, so on phones, where every widget is full width,
 * they stack top to bottom, left to right; the stylesheet places them by --col and --row elsewhere.
 */
export function WidgetGrid<T extends { id: string; layout: WidgetLayout }>({ widgets, children }: Props<T>) {
  return (
    <div className="dashboard-grid">
      {orderWidgets(widgets).map((widget) => {
        const { x, y, w, h } = widget.layout;
        const style = { '--col': `${x + 1} / span ${w}`, '--row': `${y + 1} / span ${h}`, '--h': h } as CSSProperties;
        return <div key={widget.id} className="grid-cell" style={style}>{children(widget)}</div>;
      })}
    </div>
  );
}
