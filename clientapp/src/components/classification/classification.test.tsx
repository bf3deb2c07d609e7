import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CategoryBadge } from './CategoryBadge';
import { categoryClass, formatPercent } from './categories';
import { KeyLinesList } from './KeyLinesList';
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

describe('KeyLinesList', () => {
  const lines = [
    { lineNumber: 812, text: 'error[E0425]: cannot find value `x` in this scope', score: 0.97 },
    { lineNumber: 7, text: 'warning: unused import', score: 0.4 },
  ];

  it('lists the lines in log order and jumps to the one clicked', () => {
    const onJump = vi.fn();
    render(<KeyLinesList lines={lines} onJump={onJump} />);
    const items = within(screen.getByRole('list', { name: 'Key lines' })).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual(['7warning: unused import', '812error[E0425]: cannot find value `x` in this scope']);
    fireEvent.click(screen.getByRole('button', { name: /^Line 812:/ }));
    expect(onJump).toHaveBeenCalledWith(812);
  });

  it('shows the lines without buttons when there is nothing to jump in', () => {
    render(<KeyLinesList lines={lines} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByText('812')).toBeTruthy();
  });
});
