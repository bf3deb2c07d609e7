import { describe, expect, it } from 'vitest';
import { checkAssignment, draftOf } from './assignment';

describe('assignment', () => {
  it('shows the share in percent', () => {
    expect(draftOf({ active: 'a', challenger: 'b', challengerShare: 0.125 })).toEqual({ active: 'a', challenger: 'b', sharePercent: '12.5' });
    expect(draftOf({ active: 'a', challenger: null, challengerShare: 0 })).toEqual({ active: 'a', challenger: '', sharePercent: '0' });
  });

  it('sends the share as a fraction, and none without a challenger', () => {
    expect(checkAssignment({ active: 'a', challenger: 'b', sharePercent: '12.5' })).toEqual({ ok: true, body: { active: 'a', challenger: 'b', challengerShare: 0.125 } });
    expect(checkAssignment({ active: 'a', challenger: 'b', sharePercent: '100' })).toEqual({ ok: true, body: { active: 'a', challenger: 'b', challengerShare: 1 } });
    expect(checkAssignment({ active: 'a', challenger: '', sharePercent: '40' })).toEqual({ ok: true, body: { active: 'a', challenger: null, challengerShare: 0 } });
  });

  it('refuses a share outside 0–100, a challenger equal to the active model, and no active model', () => {
    for (const sharePercent of ['100.5', '-1', 'abc', ' ']) {
      expect(checkAssignment({ active: 'a', challenger: 'b', sharePercent })).toMatchObject({ ok: false, errors: { challengerShare: [expect.any(String)] } });
    }
    expect(checkAssignment({ active: 'a', challenger: 'a', sharePercent: '5' })).toMatchObject({ ok: false, errors: { challenger: [expect.any(String)] } });
    expect(checkAssignment({ active: '', challenger: '', sharePercent: '0' })).toMatchObject({ ok: false, errors: { active: [expect.any(String)] } });
  });
});
