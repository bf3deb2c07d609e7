import { describe, expect, it } from 'vitest';
import { newChannel, splitRecipients } from './channels';

describe('channels', () => {
  it('splits recipients on commas, semicolons and lines', () => {
    expect(splitRecipients(' a@x.com, b@x.com;c@x.com\nd@x.com ')).toEqual(['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']);
    expect(splitRecipients('  ')).toEqual([]);
  });

  it('sends a URL or recipients, as the kind wants', () => {
    expect(newChannel('slack', ' #ci ', ' https://hooks.slack.com/services/T0/B0/x ', 'ignored')).toEqual({ name: '#ci', kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' });
    expect(newChannel('email', 'On-call', 'ignored', 'oncall@example.com')).toEqual({ name: 'On-call', kind: 'email', recipients: ['oncall@example.com'] });
  });
});
