import { describe, expect, it } from 'vitest';
import type { Widget, WidgetLayout } from '../../../api/schemas';
import { appendWidget, canMove, moveWidget, orderWidgets, pack, removeWidget, resizeWidget } from './layout';

const widget = (id: string, x: number, y: number, w: number, h: number): Widget => ({
  id, title: id, chart: 'line', query: { metric: 'jobs' }, layout: { x, y, w, h },
});
const layouts = (widgets: Widget[]) => Object.fromEntries(orderWidgets(widgets).map((w) => [w.id, w.layout])) as Record<string, WidgetLayout>;
const order = (widgets: Widget[]) => orderWidgets(widgets).map((w) => w.id);

// a b c (stats) over d e
const dashboard = [
  widget('d', 0, 2, 8, 4), widget('a', 0, 0, 4, 2), widget('c', 8, 0, 4, 2), widget('b', 4, 0, 4, 2), widget('e', 8, 2, 4, 4),
];

describe('orderWidgets', () => {
  it('reads rows top to bottom, then left to right', () => {
    expect(order(dashboard)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('pack', () => {
  it('keeps a layout without gaps or overlaps as it is', () => {
    expect(layouts(pack(dashboard))).toEqual(layouts(dashboard));
  });

  it('closes gaps and pushes overlapping widgets down', () => {
    const packed = layouts(pack([widget('a', 0, 3, 6, 2), widget('b', 3, 3, 6, 2)]));
    expect(packed.a).toEqual({ x: 0, y: 0, w: 6, h: 2 });
    expect(packed.b).toEqual({ x: 3, y: 2, w: 6, h: 2 });
  });

  it('brings out-of-range sizes back onto the grid', () => {
    expect(pack([widget('a', 11, 0, 20, 0)])[0]!.layout).toEqual({ x: 0, y: 0, w: 12, h: 1 });
  });
});

describe('editing the layout', () => {
  it('moves a widget up or down by trading places', () => {
    const moved = moveWidget(dashboard, 'b', 'up');
    expect(order(moved)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(layouts(moved).b).toMatchObject({ x: 0, y: 0 });
    expect(order(moveWidget(dashboard, 'd', 'down'))).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('moves a widget sideways by a column, below its neighbour when there is no room', () => {
    const moved = layouts(moveWidget(dashboard, 'e', 'left'));
    expect(moved.e).toEqual({ x: 7, y: 6, w: 4, h: 4 });
  });

  it('says which moves are possible', () => {
    expect(canMove(dashboard, 'a', 'up')).toBe(false);
    expect(canMove(dashboard, 'a', 'left')).toBe(false);
    expect(canMove(dashboard, 'a', 'down')).toBe(true);
    expect(canMove(dashboard, 'c', 'right')).toBe(false);
    expect(canMove(dashboard, 'e', 'down')).toBe(false);
  });

  it('widens a widget at the right edge towards the left', () => {
    const resized = layouts(resizeWidget(dashboard, 'c', { w: 1 }));
    expect(resized.c).toEqual({ x: 7, y: 2, w: 5, h: 2 });
  });

  it('adds new widgets at the bottom and closes the gap a removed one leaves', () => {
    const added = appendWidget(dashboard, widget('f', 4, 0, 6, 4));
    expect(layouts(added).f).toEqual({ x: 0, y: 6, w: 6, h: 4 });
    const removed = layouts(removeWidget(added, 'd'));
    expect(removed.f).toEqual({ x: 0, y: 2, w: 6, h: 4 });
  });
});
