import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailureAnalysis, KeyLine } from '../../api/schemas';
import { CategoryBadge } from './CategoryBadge';
import { categoryClass, categoryGroupLabel, formatPercent } from './categories';
import { KeyLines } from './KeyLines';
import { bestFirst, keyLineBlock } from './keyLines';
import { PredictionHeadline } from './PredictionHeadline';
import { ProbabilityBar } from './ProbabilityBar';

afterEach(cleanup);

describe('CategoryBadge', () => {
  it('shows the display name on the category colour', () => {
    render(<CategoryBadge category="infrastructure" />);
    const badge = screen.getByText('Infrastructure');
    expect(badge.className).toContain('cat-infrastructure');
  });

  it('gives unknown categories the colour of "other"', () => {
    expect(categoryClass('mystery')).toBe('cat-other');
    expect(categoryClass('unclassified')).toBe('cat-unclassified');
  });

  it('shows uncertain jobs on a neutral colour of their own, counted by charts as unclassified', () => {
    render(<CategoryBadge category="uncertain" />);
    expect(screen.getByText('Uncertain').className).toContain('cat-uncertain');
    expect(categoryGroupLabel('uncertain')).toBe('Unclassified (uncertain)');
    expect(categoryGroupLabel('lint')).toBe('Lint');
  });
});

describe('ProbabilityBar', () => {
  const probabilities = { compilation: 0.92, test: 0.05, lint: 0.02, dependency: 0.004, configuration: 0.003, infrastructure: 0.002, timeout: 0.001, other: 0 };

  it('stacks the likely categories, widest first, and leaves out those under 1 %', () => {
    const { container } = render(<ProbabilityBar probabilities={probabilities} />);
    const bar = screen.getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe('Probabilities: Compilation 92 %, Test 5 %, Lint 2 %');
    const segments = [...container.querySelectorAll<HTMLElement>('.probability-segment')];
    expect(segments.map((s) => [s.dataset.category, s.style.width])).toEqual([['compilation', '92%'], ['test', '5%'], ['lint', '2%']]);
    expect(segments[0]!.className).toContain('cat-compilation');
    expect(container.querySelector('.probability-legend')!.textContent).toBe('Compilation 92 %Test 5 %Lint 2 %');
  });

  it('formats small probabilities as under one percent', () => {
    expect(formatPercent(0.004)).toBe('<1 %');
    expect(formatPercent(0.915)).toBe('92 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});

const line = (lineNumber: number, text: string, score: number, blockStart = 0, blockEnd = 0): KeyLine => ({ lineNumber, text, score, blockStart, blockEnd });

describe('KeyLines', () => {
  // Best first, as the API sends them.
  const lines = [
    line(812, 'error[E0425]: cannot find value `x` in this scope', 0.97, 810, 815),
    line(7, 'warning: unused import', 0.6, 7, 7),
    line(900, 'error: could not compile `app`', 0.5),
  ];

  it('shows the best line first, whole, with its number and block, then the others', () => {
    const onJump = vi.fn();
    render(<KeyLines lines={lines} onJump={onJump} />);
    const best = screen.getByRole('region', { name: 'Key line' });
    expect(best.querySelector('.best-line-text')!.textContent).toBe('error[E0425]: cannot find value `x` in this scope');
    expect(best.querySelector('.best-line-where')!.textContent).toBe('Line 812 · block 810–815');
    fireEvent.click(within(best).getByRole('button', { name: 'Show in log' }));
    expect(onJump).toHaveBeenCalledWith(lines[0]);

    const others = within(screen.getByRole('list', { name: 'Other lines' })).getAllByRole('button');
    expect(others.map((item) => item.textContent)).toEqual(['7warning: unused import', '900error: could not compile `app`']);
    fireEvent.click(screen.getByRole('button', { name: /^Line 900:/ }));
    expect(onJump).toHaveBeenLastCalledWith(lines[2]);
  });

  it('puts the best first of lines stored in log order, and says nothing of a one-line block', () => {
    render(<KeyLines lines={[line(3, 'npm WARN deprecated', 0.2), line(9, 'npm ERR! code ERESOLVE', 0.9)]} />);
    expect(screen.getByRole('region', { name: 'Key line' }).querySelector('.best-line-where')!.textContent).toBe('Line 9');
    expect(screen.getByRole('list', { name: 'Other lines' }).textContent).toBe('3npm WARN deprecated');
  });

  it('shows the lines without buttons when there is nothing to jump in, and no "Other lines" for one line', () => {
    render(<KeyLines lines={lines.slice(0, 1)} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('list', { name: 'Other lines' })).toBeNull();
    expect(screen.getByText('Line 812')).toBeTruthy();
  });

  it('says when there are none', () => {
    render(<KeyLines lines={[]} />);
    expect(screen.getByText('No key lines were found in this log.')).toBeTruthy();
  });
});

describe('key line blocks and order', () => {
  it('takes a block of 0, or a missing one, as the line alone, and always holds the line', () => {
    expect(keyLineBlock(line(40, 'x', 1, 35, 44))).toEqual({ start: 35, end: 44 });
    expect(keyLineBlock(line(40, 'x', 1))).toEqual({ start: 40, end: 40 });
    expect(keyLineBlock({ lineNumber: 40, text: 'x', score: 1 } as KeyLine)).toEqual({ start: 40, end: 40 });
    expect(keyLineBlock(line(40, 'x', 1, 41, 39))).toEqual({ start: 40, end: 40 });
  });

  it('orders by score, keeping the order of equals', () => {
    expect(bestFirst([line(1, 'a', 0.3), line(2, 'b', 0.9), line(3, 'c', 0.3)]).map((l) => l.lineNumber)).toEqual([2, 1, 3]);
  });
});

describe('PredictionHeadline', () => {
  const analysis = (overrides: Partial<FailureAnalysis> = {}): FailureAnalysis => ({
    category: 'test', confidence: 0.41, modelVersion: 'fl-2026.12-lr', keyLines: [], uncertain: true,
    probabilities: { compilation: 0.05, test: 0.41, lint: 0.32, dependency: 0.12, configuration: 0.05, infrastructure: 0.03, timeout: 0.01, other: 0.01 },
    ...overrides,
  });
  const headline = (container: HTMLElement) => container.querySelector('.prediction-headline')!;

  it('asks which of the two likeliest it is when the model is uncertain, on no category colour', () => {
    const { container } = render(<PredictionHeadline analysis={analysis()} />);
    expect(headline(container).textContent).toBe('Uncertain — is it Test (41 %) or Lint (32 %)?model fl-2026.12-lr');
    expect(headline(container).querySelector('.category-badge')!.className).toContain('cat-uncertain');
    expect(screen.queryByText(/confident/)).toBeNull();
  });

  it('names the category with its confidence otherwise, and when the server does not say', () => {
    const { container } = render(<PredictionHeadline analysis={analysis({ uncertain: false })} />);
    expect(headline(container).textContent).toBe('Test41 % confidentmodel fl-2026.12-lr');
    cleanup();
    const older: Partial<FailureAnalysis> = analysis();
    delete older.uncertain;
    const { container: olderContainer } = render(<PredictionHeadline analysis={older as FailureAnalysis} />);
    expect(headline(olderContainer).querySelector('.category-badge')!.className).toContain('cat-test');
  });

  it('never calls a person uncertain', () => {
    const { container } = render(<PredictionHeadline analysis={analysis()} byPerson />);
    expect(headline(container).textContent).toBe('Testmodel fl-2026.12-lr');
  });
});
