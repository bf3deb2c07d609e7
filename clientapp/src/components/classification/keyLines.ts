import type { KeyLine } from '../../api/schemas';

/**
 * Best first, as the API sends them; a stable sort by score keeps that order and also puts the best
 * first in classifications stored before key lines were ranked (they came in log order).
 */
export function bestFirst(lines: readonly KeyLine[]): KeyLine[] {
  return [...lines].sort((a, b) => b.score - a.score);
}

/**
 * The lines of a key line's block (1-based, inclusive), always holding the line itself: a block of
 * 0 (stored before blocks were found) or one that is missing is the line alone.
 */
export function keyLineBlock(line: KeyLine): { start: number; end: number } {
  return {
    start: Math.min(line.blockStart || line.lineNumber, line.lineNumber),
    end: Math.max(line.blockEnd || line.lineNumber, line.lineNumber),
  };
}
