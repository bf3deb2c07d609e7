import type { AlertCondition, AlertRuleDraft, MetricUnit } from '../../../api/schemas';
import { formatValue } from '../../dashboards/model/units';
import { formatMinutes } from './durations';

/** "above 20%", "outside 5m – 30m", "rises by 50% or more". */
export function describeCondition(condition: AlertCondition, unit: MetricUnit, locale?: string): string {
  const value = (v: number) => formatValue(v, unit, locale ? { locale } : {});
  switch (condition.kind) {
    case 'above':
      return `above ${value(condition.threshold)}`;
    case 'below':
      return `below ${value(condition.threshold)}`;
    case 'outside':
      return `outside ${value(condition.threshold)} – ${condition.upper === null ? '?' : value(condition.upper)}`;
    case 'percent_change':
      return condition.threshold < 0 ? `drops by ${-condition.threshold}% or more` : `rises by ${condition.threshold}% or more`;
  }
}

/** "Failure rate above 20% over 1 h, for 5 min". */
export function describeRule(rule: AlertRuleDraft, metricTitle: string, unit: MetricUnit, locale?: string): string {
  const held = rule.forMinutes > 0 ? `, for ${formatMinutes(rule.forMinutes)}` : '';
  return `${metricTitle} ${describeCondition(rule.condition, unit, locale)} over ${formatMinutes(rule.windowMinutes)}${held}`;
}
