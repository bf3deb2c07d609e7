/** Lines that usually explain a failure: compiler and test errors, failed commands, tracebacks. */
const ERROR_LINE = /(\berror\b|\bfail(ed|ure|s)?\b|\bfatal\b|\bexception\b|\bpanic(ked)?\b|npm ERR!|^E\s|✖|##\[error\])/i;

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Indices of the lines containing the query, ignoring case. */
export function findMatches(lines: string[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.toLowerCase().includes(needle)) matches.push(i);
  return matches;
}

export function firstErrorLine(lines: string[]): number | null {
  const index = lines.findIndex((line) => ERROR_LINE.test(line));
  return index === -1 ? null : index;
}

export function isErrorLine(line: string): boolean {
  return ERROR_LINE.test(line);
}

/** The rows to render for a scroll position, with some overscan above and below. */
export function visibleRange(scrollTop: number, viewportHeight: number, lineHeight: number, total: number, overscan = 20) {
  const first = Math.max(0, Math.floor(scrollTop / lineHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / lineHeight) + overscan);
  return { first, last };
}

/** The index of a 1-based line number in a log of `total` lines, clamped to it; null for an empty log. */
export function lineIndex(lineNumber: number, total: number): number | null {
  if (total === 0 || !Number.isFinite(lineNumber)) return null;
  return Math.min(total - 1, Math.max(0, Math.floor(lineNumber) - 1));
}

/** A marked line of the log and the block it belongs to, all 1-based and inclusive. */
export interface LogMark {
  line: number;
  start: number;
  end: number;
}

/**
 * How a line is marked: whether it is a marked line itself, and in which block — the first mark's
 * (the best) or another's; a line in several blocks takes the first. A handful of marks, so a scan.
 */
export function lineMark(lineNumber: number, marks: readonly LogMark[]): { key: boolean; block: 'best' | 'other' | null } {
  const key = marks.some((mark) => mark.line === lineNumber);
  const index = marks.findIndex((mark) => mark.start <= lineNumber && lineNumber <= mark.end);
  return { key, block: index === -1 ? null : index === 0 ? 'best' : 'other' };
}

/**
 * Where to scroll to show a block (`start` and `line` are 0-based indices): its start a little below
 * the top, unless its marked line would then be out of sight (a long block), when that line comes a
 * third of the way down instead.
 */
export function blockScrollTop(start: number, line: number, viewportHeight: number, lineHeight: number): number {
  const fromStart = start * lineHeight - 2 * lineHeight;
  const lineVisible = (line + 1) * lineHeight <= fromStart + viewportHeight - lineHeight;
  return Math.max(0, lineVisible ? fromStart : line * lineHeight - viewportHeight / 3);
}
