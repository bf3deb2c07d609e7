import { describe, expect, it } from 'vitest';
import { cadenceOf, describeCadence, draftOf, emptyFields, weeklyDigest } from './model';

describe('report form model', () => {
  it('describes cadences as people say them', () => {
    expect(describeCadence({ frequency: 'daily', time: '07:30', weekday: null, dayOfMonth: null })).toBe('Daily at 07:30');
    expect(describeCadence({ frequency: 'weekly', time: '08:00', weekday: 'monday', dayOfMonth: null })).toBe('Weekly on Monday at 08:00');
    expect(describeCadence({ frequency: 'monthly', time: '06:00', weekday: null, dayOfMonth: 31 }))
      .toBe("Monthly on day 31 at 06:00 (or the month's last day)");
  });

  it('sends only the fields of the chosen frequency, and recipients as a list', () => {
    const fields = { ...emptyFields('d1', ''), name: ' Weekly ', recipients: 'a@example.com, b@example.com;c@example.com', frequency: 'monthly' as const };
    expect(cadenceOf(fields)).toEqual({ frequency: 'monthly', time: '08:00', weekday: null, dayOfMonth: 1 });
    const draft = draftOf(fields);
    expect(draft.name).toBe('Weekly');
    expect(draft.recipients).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(draft.timeZone).toBeNull();
    expect(draft.slackChannelId).toBeNull();
    expect(draft.format).toBe('pdf');
    expect(draft.includeChanges).toBe(false);
  });
});

describe('weekly digest', () => {
  it('starts from the previous calendar week of the default dashboard with what changed, Mondays at 08:00, to the one setting it up', () => {
    const draft = draftOf(weeklyDigest('d1', 'ann@example.com'));
    expect(draft).toMatchObject({
      name: 'Weekly digest', dashboardId: 'd1', range: 'previous_week', recipients: ['ann@example.com'], includeChanges: true,
      cadence: { frequency: 'weekly', time: '08:00', weekday: 'monday', dayOfMonth: null },
    });
  });
});
