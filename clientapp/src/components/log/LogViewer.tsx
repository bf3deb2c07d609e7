import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { blockScrollTop, findMatches, firstErrorLine, isErrorLine, lineIndex, lineMark, splitLines, visibleRange, type LogMark } from './logLines';
import { formatCount } from '../../format';

const LINE_HEIGHT = 20;

/** What a page can ask of the viewer. */
export interface LogViewerHandle {
  /** Scrolls the log to a line's block (1-based, clamped to the log), showing its start, and selects the line. */
  jumpTo: (lineNumber: number, blockStart?: number) => void;
}

interface Props {
  text: string;
  /** Lines to mark with their blocks, e.g. the classifier's key lines; the first (the best) is marked more strongly. */
  marks?: readonly LogMark[] | undefined;
  ref?: Ref<LogViewerHandle> | undefined;
}

/**
 * A log of any size: only the lines on screen are in the DOM, so a 20 MB log scrolls as smoothly
 * as a short one. Search moves between matches; the first error is one click away.
 */
export function LogViewer({ text, marks, ref }: Props) {
  const lines = useMemo(() => splitLines(text), [text]);
  const [jumped, setJumped] = useState<number | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const firstError = useMemo(() => firstErrorLine(lines), [lines]);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => findMatches(lines, query), [lines, query]);
  const [current, setCurrent] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  const viewport = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = viewport.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const scrollTo = (line: number) => {
    viewport.current?.scrollTo?.({ top: Math.max(0, line * LINE_HEIGHT - height / 3) });
  };

  useImperativeHandle(ref, () => ({
    jumpTo: (lineNumber: number, blockStart = lineNumber) => {
      const index = lineIndex(lineNumber, lines.length);
      const start = lineIndex(Math.min(blockStart, lineNumber), lines.length);
      if (index === null || start === null) return;
      setJumped(index);
      viewport.current?.scrollTo?.({ top: blockScrollTop(start, index, height, LINE_HEIGHT) });
      frame.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    },
  }));

  useEffect(() => {
    setCurrent(0);
    if (matches.length > 0) scrollTo(matches[0]!);
    // Scroll only when the matches change, not on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches]);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    scrollTo(matches[next]!);
  };

  const { first, last } = visibleRange(scrollTop, height, LINE_HEIGHT, lines.length);
  const highlighted = matches.length > 0 ? matches[current] : undefined;
  const gutter = String(lines.length).length;

  return (
    <div className="log-viewer" ref={frame}>
      <div className="log-toolbar">
        <input type="search" placeholder="Search the log" aria-label="Search the log" value={query} onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') step(e.shiftKey ? -1 : 1); }} />
        <span className="muted log-count" aria-live="polite">
          {query.trim() ? `${matches.length ? current + 1 : 0} / ${formatCount(matches.length)}` : `${formatCount(lines.length)} lines`}
        </span>
        <button type="button" className="button secondary small" onClick={() => step(-1)} disabled={!matches.length} aria-label="Previous match">↑</button>
        <button type="button" className="button secondary small" onClick={() => step(1)} disabled={!matches.length} aria-label="Next match">↓</button>
        <button type="button" className="button small" disabled={firstError === null} onClick={() => firstError !== null && scrollTo(firstError)}>
          Jump to first error
        </button>
      </div>
      <div ref={viewport} className="log-lines" role="log" tabIndex={0} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: lines.length * LINE_HEIGHT, position: 'relative' }}>
          {lines.slice(first, last).map((line, offset) => {
            const index = first + offset;
            const mark = lineMark(index + 1, marks ?? []);
            const classes = [
              'log-line', isErrorLine(line) ? 'error' : '', mark.block ? `block ${mark.block}-block` : '', mark.key ? 'key' : '',
              index === highlighted ? 'current' : '', index === jumped ? 'jumped' : '',
            ].filter(Boolean).join(' ');
            return (
              <div key={index} className={classes} style={{ top: index * LINE_HEIGHT, height: LINE_HEIGHT }} data-line={index + 1}>
                <span className="log-number">{mark.key && <span className="sr-only">Key line </span>}{String(index + 1).padStart(gutter, ' ')}</span>
                <span className="log-text">{line}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
