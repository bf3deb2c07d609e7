import type { Widget } from '../../../api/schemas';
import { GRID_COLUMNS, MAX_HEIGHT, canMove, type Direction } from '../model/layout';

interface Props {
  widget: Widget;
  widgets: readonly Widget[];
  onMove: (direction: Direction) => void;
  onResize: (change: { w?: number; h?: number }) => void;
  onRemove: () => void;
}

const moves: { direction: Direction; glyph: string }[] = [
  { direction: 'up', glyph: '↑' }, { direction: 'down', glyph: '↓' }, { direction: 'left', glyph: '←' }, { direction: 'right', glyph: '→' },
];

/** Buttons, not drag and drop: they work the same with a mouse, a finger and a keyboard. */
export function WidgetEditControls({ widget, widgets, onMove, onResize, onRemove }: Props) {
  const { w, h } = widget.layout;
  return (
    <div className="widget-controls" role="group" aria-label={`Arrange ${widget.title}`}>
      {moves.map(({ direction, glyph }) => (
        <button key={direction} type="button" className="mini" aria-label={`Move ${widget.title} ${direction}`} title={`Move ${direction}`}
          disabled={!canMove(widgets, widget.id, direction)} onClick={() => onMove(direction)}>{glyph}</button>
      ))}
      <button type="button" className="mini" aria-label={`Make ${widget.title} narrower`} title="Narrower" disabled={w <= 1} onClick={() => onResize({ w: -1 })}>W−</button>
      <button type="button" className="mini" aria-label={`Make ${widget.title} wider`} title="Wider" disabled={w >= GRID_COLUMNS} onClick={() => onResize({ w: 1 })}>W+</button>
      <button type="button" className="mini" aria-label={`Make ${widget.title} shorter`} title="Shorter" disabled={h <= 1} onClick={() => onResize({ h: -1 })}>H−</button>
      <button type="button" className="mini" aria-label={`Make ${widget.title} taller`} title="Taller" disabled={h >= MAX_HEIGHT} onClick={() => onResize({ h: 1 })}>H+</button>
      <button type="button" className="mini danger" aria-label={`Remove ${widget.title}`} title="Remove" onClick={onRemove}>✕</button>
    </div>
  );
}
