import { describe, expect, it } from 'vitest';
import { FOR_MINUTES, formatMinutes, minuteOptions } from './durations';

describe('durations', () => {
  it('reads minutes as people say them', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(1440)).toBe('1 day');
    expect(formatMinutes(43_200)).toBe('30 days');
    expect(formatMinutes(1500)).toBe('25 h');
  });

  it('offers the presets, and keeps a current value that is none of them', () => {
    expect(minuteOptions([5, 60], 60)).toEqual([{ value: '5', label: '5 min' }, { value: '60', label: '1 h' }]);
    expect(minuteOptions([5, 60], 45).map((option) => option.value)).toEqual(['5', '45', '60']);
    expect(minuteOptions(FOR_MINUTES, 0, 'At once')[0]).toEqual({ value: '0', label: 'At once' });
    expect(minuteOptions([5], null)).toHaveLength(1);
  });
});
