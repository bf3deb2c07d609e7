import type { AlertSeverity, AlertState, DeliveryOutcome } from '../../api/schemas';
import { OUTCOME_LABELS, OUTCOME_TONES, SEVERITY_LABELS, SEVERITY_TONES, STATE_LABELS, STATE_TONES, formatUntil } from './model/states';
import { formatDateTime } from '../../format';

/** A pill in one of the `tone-*` colours of styles.css. */
function Pill({ tone, children, title }: { tone: string; children: string; title?: string | undefined }) {
  return <span className={`status tone-${tone}`} title={title}>{children}</span>;
}

export function StateBadge({ state }: { state: AlertState }) {
  return <Pill tone={STATE_TONES[state] ?? 'grey'}>{STATE_LABELS[state] ?? state}</Pill>;
}

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <Pill tone={SEVERITY_TONES[severity] ?? 'grey'}>{SEVERITY_LABELS[severity] ?? severity}</Pill>;
}

export function OutcomeBadge({ outcome }: { outcome: DeliveryOutcome }) {
  return <Pill tone={OUTCOME_TONES[outcome] ?? 'grey'}>{OUTCOME_LABELS[outcome] ?? outcome}</Pill>;
}

export function MutedBadge({ until }: { until: Date }) {
  return <Pill tone="grey" title={formatDateTime(until)}>{`Muted until ${formatUntil(until)}`}</Pill>;
}

/** A rule that is not evaluated. */
export function DisabledBadge() {
  return <Pill tone="grey">Disabled</Pill>;
}

/** A test message's answer, or any yes/no check. */
export function OkBadge({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <Pill tone={ok ? 'ok' : 'bad'}>{ok ? yes : no}</Pill>;
}
