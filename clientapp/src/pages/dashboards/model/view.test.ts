import { describe, expect, it } from 'vitest';
import { dataQuery, readView, resolveRange, writeView } from './view';

describe('dashboard view in the address', () => {
  it('defaults to the last 7 days and leaves that out of the address', () => {
    const view = readView(new URLSearchParams(''));
    expect(view).toEqual({ range: { kind: 'preset', key: '7d' }, filters: {} });
    expect(writeView(view).toString()).toBe('');
  });

  it('round-trips a preset and the filters', () => {
    const params = new URLSearchParams('range=30d&repository=acme%2Fapi&branch=main&provider=github&job=');
    const view = readView(params);
    expect(view).toEqual({ range: { kind: 'preset', key: '30d' }, filters: { repository: 'acme/api', branch: 'main', provider: 'github' } });
    expect(writeView(view).toString()).toBe('range=30d&repository=acme%2Fapi&branch=main&provider=github');
  });

  it('reads a custom range of days, and ignores one that is not dates', () => {
    expect(readView(new URLSearchParams('from=2026-11-01&to=2026-11-07')).range).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-07' });
    expect(readView(new URLSearchParams('from=yesterday&to=2026-11-07&range=nonsense')).range).toEqual({ kind: 'preset', key: '7d' });
  });
});

describe('resolveRange', () => {
  it('counts a preset back from now', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(resolveRange({ kind: 'preset', key: '24h' }, now)).toEqual({ from: '2026-11-21T12:00:00.000Z', to: '2026-11-22T12:00:00.000Z' });
  });

  it('includes the whole last day of a custom range', () => {
    const { from, to } = resolveRange({ kind: 'custom', from: '2026-11-01', to: '2026-11-07' }, new Date());
    expect(new Date(from)).toEqual(new Date(2026, 10, 1));
    expect(new Date(to)).toEqual(new Date(2026, 10, 8));
  });

  it('adds the filters to the data query', () => {
    const query = dataQuery({ range: { kind: 'preset', key: '7d' }, filters: { branch: 'main' } }, new Date('2026-11-22T00:00:00Z'));
    expect(query).toEqual({ from: '2026-11-15T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z', branch: 'main' });
  });
});
