import { describe, expect, it } from 'vitest';
import { describeCondition, describeRule } from './describe';
import { ruleDraft } from './fixtures';

const en = 'en-US';

describe('describe', () => {
  it('states a condition in the metric unit', () => {
    expect(describeCondition({ kind: 'above', threshold: 0.2, upper: null, recoveryThreshold: null }, 'ratio', en)).toBe('above 20%');
    expect(describeCondition({ kind: 'below', threshold: 12.5, upper: null, recoveryThreshold: null }, 'usd', en)).toBe('below $12.50');
    expect(describeCondition({ kind: 'outside', threshold: 60_000, upper: 1_800_000, recoveryThreshold: null }, 'ms', en)).toBe('outside 1m – 30m');
    expect(describeCondition({ kind: 'percent_change', threshold: 50, upper: null, recoveryThreshold: null }, 'count', en)).toBe('rises by 50% or more');
    expect(describeCondition({ kind: 'percent_change', threshold: -30, upper: null, recoveryThreshold: null }, 'ms', en)).toBe('drops by 30% or more');
  });

  it('states a rule with its window and how long it must hold', () => {
    expect(describeRule(ruleDraft(), 'Failure rate', 'ratio', en)).toBe('Failure rate above 20% over 1 h, for 5 min');
    expect(describeRule(ruleDraft({ forMinutes: 0, windowMinutes: 1440 }), 'Failure rate', 'ratio', en)).toBe('Failure rate above 20% over 1 day');
  });
});
