import { describe, expect, it } from 'vitest';
import { PIPELINE_STATUSES, formatRunner, formatStatus, statusHint } from './format';

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
