import type { RuleForm } from '../model/draft';

/** What each part of the rule form gets: the values, the errors of a field by its server name, and a way to change values. */
export interface SectionProps {
  form: RuleForm;
  errorsAt: (field: string) => string[] | undefined;
  onChange: (next: Partial<RuleForm>) => void;
}

/** The server's field names that the form shows beside a field; any other field error goes into the summary. */
export const PLACED_FIELDS = [
  'name', 'description', 'enabled', 'query.metric', 'query.groupBy', 'query.filters', 'condition.kind', 'condition.threshold', 'condition.upper',
  'condition.recoveryThreshold', 'windowMinutes', 'forMinutes', 'severity', 'noDataState', 'errorState', 'renotifyMinutes', 'channelIds',
] as const;
