import { describe, expect, it } from 'vitest';
import { findMatches, firstErrorLine, lineIndex, splitLines, visibleRange } from './logLines';

describe('log lines', () => {
  const lines = splitLines('setup ok\nCompiling app\nerror[E0425]: cannot find value `x`\nnpm ERR! code ERESOLVE\n');

  it('splits without a trailing empty line', () => {
    expect(lines).toHaveLength(4);
  });

  it('finds matches ignoring case', () => {
    expect(findMatches(lines, 'COMPILING')).toEqual([1]);
    expect(findMatches(lines, '  ')).toEqual([]);
  });

  it('finds the first line that looks like an error', () => {
    expect(firstErrorLine(lines)).toBe(2);
    expect(firstErrorLine(['all good', 'done'])).toBeNull();
    expect(firstErrorLine(['PASS  cart.test.ts', 'FAIL  src/cart.test.ts › removes the last item'])).toBe(1);
  });

  it('renders only what is on screen, plus overscan', () => {
    expect(visibleRange(20_000, 600, 20, 400_000, 10)).toEqual({ first: 990, last: 1040 });
    expect(visibleRange(0, 600, 20, 5, 10)).toEqual({ first: 0, last: 5 });
  });

  it('maps a 1-based line number to an index inside the log', () => {
    expect(lineIndex(3, 4)).toBe(2);
    expect(lineIndex(0, 4)).toBe(0);
    expect(lineIndex(99, 4)).toBe(3);
    expect(lineIndex(1, 0)).toBeNull();
  });
});
