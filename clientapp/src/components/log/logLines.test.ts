import { describe, expect, it } from 'vitest';
import { blockScrollTop, findMatches, firstErrorLine, lineIndex, lineMark, splitLines, visibleRange } from './logLines';

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

  it('marks a key line and the lines of its block, the first mark’s block as the best', () => {
    const marks = [{ line: 40, start: 36, end: 41 }, { line: 12, start: 10, end: 13 }, { line: 41, start: 41, end: 45 }];
    expect(lineMark(40, marks)).toEqual({ key: true, block: 'best' });
    expect(lineMark(36, marks)).toEqual({ key: false, block: 'best' });
    expect(lineMark(41, marks)).toEqual({ key: true, block: 'best' });
    expect(lineMark(44, marks)).toEqual({ key: false, block: 'other' });
    expect(lineMark(12, marks)).toEqual({ key: true, block: 'other' });
    expect(lineMark(14, marks)).toEqual({ key: false, block: null });
    expect(lineMark(14, [])).toEqual({ key: false, block: null });
  });

  it('scrolls to a block’s start, unless its marked line would be out of sight', () => {
    expect(blockScrollTop(35, 39, 560, 20)).toBe(660);
    expect(blockScrollTop(0, 3, 560, 20)).toBe(0);
    // A 200-line block: its key line a third of the way down instead.
    expect(blockScrollTop(100, 300, 600, 20)).toBe(5800);
  });
});
