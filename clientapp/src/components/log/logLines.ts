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
