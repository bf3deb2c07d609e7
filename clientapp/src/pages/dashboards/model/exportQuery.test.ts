import { describe, expect, it } from 'vitest';
import { exportQuery, preferredPaper } from './exportQuery';

describe('exportQuery', () => {
  it('asks for what the dashboard shows, in the viewer’s zone and paper', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const query = exportQuery({ range: { kind: 'preset', key: '24h' }, filters: { repository: 'acme/api' } }, now, 'Europe/Berlin', 'de-DE');
    expect(query).toEqual({
      from: '2026-11-09T12:00:00.000Z', to: '2026-11-10T12:00:00.000Z', repository: 'acme/api', tz: 'Europe/Berlin', paper: 'a4',
    });
  });

  it('prints on Letter where Letter is the norm', () => {
    expect(preferredPaper('en-US')).toBe('letter');
    expect(preferredPaper('fr_CA')).toBe('letter');
    expect(preferredPaper('en-GB')).toBe('a4');
    expect(preferredPaper('en')).toBe('a4');
  });
});
