import { afterEach, describe, expect, it } from 'vitest';
import {
  PIPELINE_STATUSES, displayTimeZone, formatDate, formatDateTime, formatRunner, formatStatus, fromZonedInput, setDisplayTimeZone, statusHint,
  toZonedInput,
} from './format';

describe('pipeline statuses', () => {
  it('labels every status, the unfinished ones first', () => {
    expect(PIPELINE_STATUSES.map(formatStatus)).toEqual([
      'Queued', 'Waiting', 'Manual', 'Running', 'Success', 'Failed', 'Timed out', 'Cancelled', 'Skipped',
    ]);
    expect(statusHint('manual')).toBe('Waiting for someone to start it');
    expect(statusHint('success')).toBeUndefined();
  });

  it('says a job that has not started has no runner yet', () => {
    expect(formatRunner(null, 'queued')).toBe('no runner yet');
    expect(formatRunner(null, 'waiting')).toBe('no runner yet');
    expect(formatRunner(null, 'failure')).toBe('unknown runner');
    expect(formatRunner('GitHub Actions 5', 'running')).toBe('GitHub Actions 5');
  });
});

describe('times in the organisation\'s zone', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  it('shows an instant at the organisation\'s wall-clock time, whatever the browser\'s zone', () => {
    setDisplayTimeZone('America/Los_Angeles');
    expect(displayTimeZone()).toBe('America/Los_Angeles');
    // 03:30 UTC on 7 December is still the evening of the 6th in Los Angeles.
    expect(formatDateTime('2026-12-07T03:30:00Z', 'en-GB')).toBe('6 Dec 2026, 19:30');
    expect(formatDate('2026-12-07T03:30:00Z', 'en-GB')).toBe('6 Dec 2026');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime('2026-12-07T03:30:00Z', 'en-GB')).toBe('7 Dec 2026, 12:30');
  });

  it('reads and writes date inputs on the organisation\'s wall clock, across a daylight-saving change', () => {
    setDisplayTimeZone('America/Los_Angeles');
    expect(toZonedInput('2026-12-07T03:30:00Z')).toBe('2026-12-06T19:30');
    expect(fromZonedInput('2026-12-06T19:30')).toBe('2026-12-07T03:30:00.000Z');
    // Summer time until 1 November 2026 in Los Angeles (UTC−7), then UTC−8.
    expect(fromZonedInput('2026-10-31T00:00')).toBe('2026-10-31T07:00:00.000Z');
    expect(fromZonedInput('2026-11-02T00:00')).toBe('2026-11-02T08:00:00.000Z');
    setDisplayTimeZone('UTC');
    expect(fromZonedInput('2026-12-07T00:00')).toBe('2026-12-07T00:00:00.000Z');
  });

  it('uses the browser\'s zone until the session names one, and a dash for no time', () => {
    expect(displayTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(formatDateTime(null)).toBe('—');
  });
});
