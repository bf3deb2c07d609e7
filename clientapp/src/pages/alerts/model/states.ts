import type { AlertRule, AlertSeverity, AlertState, DeliveryOutcome } from '../../../api/schemas';
import { formatDate, formatGroup, formatInstant } from '../../../format';

/** Most severe first, as the server ranks a rule's groups: error > firing > no_data > pending > resolved > ok. */
export const STATE_ORDER: readonly AlertState[] = ['error', 'firing', 'no_data', 'pending', 'resolved', 'ok'];

export const STATE_LABELS: Record<AlertState, string> = {
  error: 'Error', firing: 'Firing', no_data: 'No data', pending: 'Pending', resolved: 'Resolved', ok: 'OK',
};

export const SEVERITY_LABELS: Record<AlertSeverity, string> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

export const OUTCOME_LABELS: Record<DeliveryOutcome, string> = { sent: 'Sent', retrying: 'Retrying', gave_up: 'Gave up' };

/**
 * The colour each state is drawn in: `tone-<tone>` in styles.css, one pair of variables per theme.
 * Every state has a tone of its own, so a badge reads without its text.
 */
export const STATE_TONES: Record<AlertState, string> = {
  error: 'purple', firing: 'bad', no_data: 'grey', pending: 'warn', resolved: 'blue', ok: 'ok',
};

export const SEVERITY_TONES: Record<AlertSeverity, string> = { critical: 'bad', warning: 'warn', info: 'blue' };

export const OUTCOME_TONES: Record<DeliveryOutcome, string> = { sent: 'ok', retrying: 'warn', gave_up: 'bad' };

/** Negative when `a` is more severe than `b`. */
export function compareStates(a: AlertState, b: AlertState): number {
  return STATE_ORDER.indexOf(a) - STATE_ORDER.indexOf(b);
}

/** Firing rules first, then by name: what needs attention is on top. */
export function sortRules(rules: readonly AlertRule[]): AlertRule[] {
  return [...rules].sort((a, b) => compareStates(a.state, b.state) || a.name.localeCompare(b.name));
}

/** Until when notifications are held back, or null when the rule is not muted (never muted, or the mute is over). */
export function mutedUntil(rule: Pick<AlertRule, 'mutedUntil'>, now = Date.now()): Date | null {
  if (!rule.mutedUntil) return null;
  const until = new Date(rule.mutedUntil);
  return until.getTime() > now ? until : null;
}

/** "14:30" today, else "Nov 22, 14:30". */
export function formatUntil(until: Date, now = new Date(), locale?: string): string {
  const sameDay = formatDate(until, locale) === formatDate(now, locale);
  return formatInstant(until, sameDay ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, locale);
}

/** A group as shown: the rule's only group, when not grouped, is the metric as a whole. */
export const groupName = (group: string | null) => (group === null ? 'Overall' : formatGroup(group));
