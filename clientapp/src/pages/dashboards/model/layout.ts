import type { Widget, WidgetLayout } from '../../../api/schemas';

export const GRID_COLUMNS = 12;
export const MAX_HEIGHT = 12;

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Reading order: rows top to bottom, then left to right; also the stacking order on phones. */
export function orderWidgets<T extends { layout: WidgetLayout }>(widgets: readonly T[]): T[] {
  return [...widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

function normalized({ x, y, w, h }: WidgetLayout): WidgetLayout {
  const width = clamp(w, 1, GRID_COLUMNS);
  return { x: clamp(x, 0, GRID_COLUMNS - width), y: Math.max(0, Math.round(y)), w: width, h: clamp(h, 1, MAX_HEIGHT) };
}

const overlaps = (a: WidgetLayout, b: WidgetLayout) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Places widgets in reading order, each as high as it fits without overlapping those placed before it: gaps close. */
export function pack(widgets: readonly Widget[]): Widget[] {
  const placed: Widget[] = [];
  for (const widget of orderWidgets(widgets)) {
    const layout = normalized(widget.layout);
    let y = 0;
    while (placed.some((other) => overlaps({ ...layout, y }, other.layout))) y += 1;
    placed.push({ ...widget, layout: { ...layout, y } });
  }
  return placed;
}

/** Left and right shift by a column; up and down trade places with the previous or next widget. */
export function moveWidget(widgets: readonly Widget[], id: string, direction: Direction): Widget[] {
  const ordered = orderWidgets(widgets);
  const index = ordered.findIndex((widget) => widget.id === id);
  const widget = ordered[index];
  if (!widget) return [...widgets];
  if (direction === 'left' || direction === 'right') {
    const x = widget.layout.x + (direction === 'left' ? -1 : 1);
    return pack(ordered.map((w) => (w.id === id ? { ...w, layout: { ...w.layout, x } } : w)));
  }
  const other = ordered[direction === 'up' ? index - 1 : index + 1];
  if (!other) return [...widgets];
  const swapped = (w: Widget, to: WidgetLayout) => ({ ...w, layout: { ...w.layout, x: to.x, y: to.y } });
  return pack(ordered.map((w) => (w.id === id ? swapped(w, other.layout) : w.id === other.id ? swapped(w, widget.layout) : w)));
}

export function canMove(widgets: readonly Widget[], id: string, direction: Direction): boolean {
  const ordered = orderWidgets(widgets);
  const index = ordered.findIndex((widget) => widget.id === id);
  const layout = ordered[index]?.layout;
  if (!layout) return false;
  switch (direction) {
    case 'up': return index > 0;
    case 'down': return index < ordered.length - 1;
    case 'left': return layout.x > 0;
    case 'right': return layout.x + layout.w < GRID_COLUMNS;
  }
}

export function resizeWidget(widgets: readonly Widget[], id: string, change: { w?: number; h?: number }): Widget[] {
  return pack(widgets.map((widget) => {
    if (widget.id !== id) return widget;
    const { layout } = widget;
    const w = clamp(layout.w + (change.w ?? 0), 1, GRID_COLUMNS);
    // Widening at the right edge grows leftwards instead of being refused.
    return { ...widget, layout: { ...layout, w, x: Math.min(layout.x, GRID_COLUMNS - w), h: layout.h + (change.h ?? 0) } };
  }));
}

export function removeWidget(widgets: readonly Widget[], id: string): Widget[] {
  return pack(widgets.filter((widget) => widget.id !== id));
}

/** A new widget goes below everything else. */
export function appendWidget(widgets: readonly Widget[], widget: Widget): Widget[] {
  const bottom = Math.max(0, ...widgets.map((w) => w.layout.y + w.layout.h));
  return pack([...widgets, { ...widget, layout: { ...widget.layout, x: 0, y: bottom } }]);
}
