import { describe, expect, it } from 'vitest';
import { historyPath } from '../paths';
import { isoFromLocalInput, localInputValue, readHistoryFilters, writeHistoryFilters } from './history';

describe('history filters', () => {
  it('reads the set filters from the address and writes them back in a stable order', () => {
    const filters = readHistoryFilters(new URLSearchParams('state=firing&ruleId=r1&kind=&other=x&to=2026-11-22T10:00:00.000Z'));
    expect(filters).toEqual({ ruleId: 'r1', state: 'firing', to: '2026-11-22T10:00:00.000Z' });
    expect(writeHistoryFilters({ ...filters, kind: '' }).toString()).toBe('ruleId=r1&state=firing&to=2026-11-22T10%3A00%3A00.000Z');
  });

  it('links to a rule history', () => {
    expect(historyPath({ ruleId: 'r 1' })).toBe('/alerts/history?ruleId=r+1');
    expect(historyPath({})).toBe('/alerts/history');
  });

  it('converts between ISO and the local time of a datetime-local input', () => {
    const local = '2026-11-22T10:30';
    const iso = isoFromLocalInput(local);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 22, 10, 30).getTime());
    expect(localInputValue(iso)).toBe(local);
    expect(isoFromLocalInput('')).toBe('');
    expect(isoFromLocalInput('2026-11-')).toBe('');
    expect(localInputValue(undefined)).toBe('');
    expect(localInputValue('garbage')).toBe('');
  });
});
