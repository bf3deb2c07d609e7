import { describe, expect, it } from 'vitest';
import examples from './durationExamples.json';
import { durationStep, formatMs, formatValue, humanize, summarize } from './units';

const en = { locale: 'en-US' };

describe('formatMs', () => {
  it('reads like a person would say it', () => {
    expect(formatMs(850)).toBe('850ms');
    expect(formatMs(4_240)).toBe('4.2s');
    expect(formatMs(42_000)).toBe('42s');
    expect(formatMs(252_000)).toBe('4m 12s');
    expect(formatMs(7_500_000)).toBe('2h 05m');
    expect(formatMs(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
    expect(formatMs(90_000)).toBe('1m 30s');
    expect(formatMs(120_000)).toBe('2m');
    expect(formatMs(7_200_000)).toBe('2h');
  });

  // The server formats durations in notifications by the same rule, tested against the same examples (DurationTextTests).
  it.each(examples as [number, string][])('formats %d ms as %s', (ms, text) => expect(formatMs(ms)).toBe(text));
});

describe('formatValue', () => {
  it('shows ratios as percentages', () => {
    expect(formatValue(0.1234, 'ratio', en)).toBe('12.3%');
    expect(formatValue(0.5, 'ratio', { ...en, compact: true })).toBe('50%');
  });

  it('shows durations, costs and counts in their units', () => {
    expect(formatValue(252_000, 'ms', en)).toBe('4m 12s');
    expect(formatValue(12.5, 'usd', en)).toBe('$12.50');
    expect(formatValue(12_345.6, 'usd', en)).toBe('$12,346');
    expect(formatValue(1_234_567, 'count', en)).toBe('1,234,567');
    expect(formatValue(1_234_567, 'count', { ...en, compact: true })).toBe('1.2M');
  });

  it('shows a dash for an unknown value', () => {
    expect(formatValue(null, 'ratio', en)).toBe('—');
    expect(formatValue(undefined, 'count', en)).toBe('—');
  });
});

describe('summarize', () => {
  it('adds up counts and costs', () => {
    expect(summarize([1, 2, null, 3], 'count')).toBe(6);
    expect(summarize([1.5, 2.5], 'usd')).toBe(4);
  });

  it('averages the known rates and durations, and has nothing to say without any', () => {
    expect(summarize([0.1, null, 0.3], 'ratio')).toBeCloseTo(0.2);
    expect(summarize([null, null], 'ms')).toBeNull();
  });
});

describe('durationStep', () => {
  it('steps duration axes in whole units', () => {
    expect(durationStep(800)).toBeUndefined();
    expect(durationStep(150_000)).toBe(30_000);
    expect(durationStep(5 * 3_600_000 + 33 * 60_000)).toBe(3_600_000);
    expect(durationStep(40 * 86_400_000)).toBe(7 * 86_400_000);
  });
});

it('humanizes codes', () => {
  expect(humanize('top_failing_jobs')).toBe('Top failing jobs');
  // The values of a field in milliseconds are shown as durations: no unit in its title.
  expect(humanize('duration_ms')).toBe('Duration');
});
