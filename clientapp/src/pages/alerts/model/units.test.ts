import { describe, expect, it } from 'vitest';
import { parseNumber, thresholdUnit } from './units';

describe('thresholdUnit', () => {
  it('shows ratios in percent and sends them as fractions, without binary noise', () => {
    const unit = thresholdUnit('ratio', 'above');
    expect(unit.label).toBe('%');
    expect(unit.toUi(0.2)).toBe(20);
    expect(unit.toUi(0.07)).toBe(7);
    expect(unit.toApi(12.5)).toBe(0.125);
    expect(unit.toApi(7)).toBe(0.07);
  });

  it('shows milliseconds in minutes', () => {
    const unit = thresholdUnit('ms', 'below');
    expect(unit.label).toBe('minutes');
    expect(unit.toUi(1_800_000)).toBe(30);
    expect(unit.toUi(90_000)).toBe(1.5);
    expect(unit.toApi(1.5)).toBe(90_000);
    expect(unit.toApi(0.1)).toBe(6000);
  });

  it('keeps dollars and counts as they are', () => {
    expect(thresholdUnit('usd', 'above')).toMatchObject({ label: '$' });
    expect(thresholdUnit('usd', 'above').toApi(12.5)).toBe(12.5);
    expect(thresholdUnit('count', 'outside').toUi(3)).toBe(3);
    expect(thresholdUnit('count', 'outside').label).toBe('');
  });

  it('takes a percent change in percent whatever the metric', () => {
    for (const metricUnit of ['ratio', 'ms', 'usd', 'count'] as const) {
      const unit = thresholdUnit(metricUnit, 'percent_change');
      expect(unit.toApi(-25)).toBe(-25);
      expect(unit.toUi(50)).toBe(50);
    }
  });

  it('round-trips what people type', () => {
    for (const [metricUnit, typed] of [['ratio', 33.3], ['ms', 2.75], ['usd', 0.99], ['ratio', 0.5]] as const) {
      const unit = thresholdUnit(metricUnit, 'above');
      expect(unit.toUi(unit.toApi(typed))).toBe(typed);
    }
  });
});

describe('parseNumber', () => {
  it('reads numbers and refuses the rest', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});
