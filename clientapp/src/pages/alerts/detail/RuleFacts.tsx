import type { AlertChannel, AlertRule, MetricDefinition } from '../../../api/schemas';
import { formatAgo } from '../../../format';
import { formatValue, humanize } from '../../dashboards/model/units';
import { hasRecovery } from '../model/draft';
import { describeCondition } from '../model/describe';
import { formatMinutes } from '../model/durations';
import { DIMENSION_LABELS, ERROR_OPTIONS, NO_DATA_OPTIONS, labelOf } from '../model/options';

interface Props {
  rule: AlertRule;
  metric: MetricDefinition | undefined;
  channels: AlertChannel[] | undefined;
}

/** The rule's definition in words. */
export function RuleFacts({ rule, metric, channels }: Props) {
  const unit = metric?.unit ?? 'count';
  const filters = Object.entries(rule.query.filters ?? {}).filter(([, value]) => value);
  const channelNames = rule.channelIds.map((id) => channels?.find((channel) => channel.id === id)?.name ?? id);
  const { condition } = rule;
  const recovery: [string, string][] = hasRecovery(condition.kind)
    ? [['Recovers at', condition.recoveryThreshold === null ? 'The threshold' : formatValue(condition.recoveryThreshold, unit)]]
    : [];
  const facts: [string, string][] = [
    ['Metric', metric?.title ?? humanize(rule.query.metric)],
    ['One alert per', rule.query.groupBy ? [rule.query.groupBy, ...(rule.query.alsoGroupBy ?? [])].map((d) => DIMENSION_LABELS[d]).join(' and ') : 'The metric as a whole'],
    ['Only for', filters.length ? filters.map(([name, value]) => `${name} = ${value}`).join(', ') : 'Everything'],
    ['Fires when the value is', describeCondition(condition, unit)],
    ...recovery,
    ['Over the last', formatMinutes(rule.windowMinutes)],
    ['For at least', rule.forMinutes ? formatMinutes(rule.forMinutes) : 'No wait'],
    ['No data', labelOf(NO_DATA_OPTIONS, rule.noDataState)],
    ['Evaluation fails', labelOf(ERROR_OPTIONS, rule.errorState)],
    ['Reminders', rule.renotifyMinutes === null ? 'Never' : `Every ${formatMinutes(rule.renotifyMinutes)}`],
    ['Channels', channelNames.length ? channelNames.join(', ') : 'None'],
    ['Last evaluated', rule.lastEvaluatedAt ? formatAgo(rule.lastEvaluatedAt) : 'Not yet'],
  ];
  return (
    <dl className="card facts">
      {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}
