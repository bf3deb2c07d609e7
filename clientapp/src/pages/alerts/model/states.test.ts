import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../../api/schemas';
import { rule } from './fixtures';
import { OUTCOME_TONES, SEVERITY_TONES, STATE_LABELS, STATE_ORDER, STATE_TONES, compareStates, formatUntil, mutedUntil, sortRules } from './states';

const ALL_STATES: AlertState[] = ['ok', 'pending', 'firing', 'resolved', 'no_data', 'error'];

describe('states', () => {
  it('ranks states as the server does: error > firing > no_data > pending > resolved > ok', () => {
    expect([...ALL_STATES].sort(compareStates)).toEqual(['error', 'firing', 'no_data', 'pending', 'resolved', 'ok']);
    expect(STATE_ORDER).toHaveLength(ALL_STATES.length);
  });

  it('gives every state a label and a colour of its own', () => {
    const tones = ALL_STATES.map((state) => STATE_TONES[state]);
    expect(new Set(tones).size).toBe(ALL_STATES.length);
    expect(ALL_STATES.every((state) => STATE_LABELS[state])).toBe(true);
    expect(STATE_TONES.firing).toBe('bad');
    expect(STATE_TONES.ok).toBe('ok');
  });

  it('colours severities and delivery outcomes by how bad they are', () => {
    expect(SEVERITY_TONES).toEqual({ critical: 'bad', warning: 'warn', info: 'blue' });
    expect(OUTCOME_TONES).toEqual({ sent: 'ok', retrying: 'warn', gave_up: 'bad' });
  });

  it('puts the rules that need attention first, then sorts by name', () => {
    const sorted = sortRules([
      rule({ id: 'a', name: 'b ok', state: 'ok' }), rule({ id: 'b', name: 'z firing', state: 'firing' }),
      rule({ id: 'c', name: 'a ok', state: 'ok' }), rule({ id: 'd', name: 'error', state: 'error' }), rule({ id: 'e', name: 'pending', state: 'pending' }),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });
});

describe('mutedUntil', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('is the end of a mute still running, else null', () => {
    expect(mutedUntil({ mutedUntil: '2026-11-22T11:00:00Z' }, now)?.toISOString()).toBe('2026-11-22T11:00:00.000Z');
    expect(mutedUntil({ mutedUntil: '2026-11-22T09:59:00Z' }, now)).toBeNull();
    expect(mutedUntil({ mutedUntil: null }, now)).toBeNull();
  });

  it('says the time alone when the mute ends today', () => {
    const today = new Date(2026, 10, 22, 9, 0);
    expect(formatUntil(new Date(2026, 10, 22, 14, 30), today, 'en-GB')).toBe('14:30');
    expect(formatUntil(new Date(2026, 10, 23, 14, 30), today, 'en-GB')).toBe('23 Nov, 14:30');
  });
});
