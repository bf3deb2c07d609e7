import type { AlertHistoryFilters } from '../../api/schemas';
import { writeHistoryFilters } from './model/history';

export const rulePath = (id: string) => `/alerts/rules/${encodeURIComponent(id)}`;

export const historyPath = (filters: AlertHistoryFilters) => {
  const query = writeHistoryFilters(filters).toString();
  return query ? `/alerts/history?${query}` : '/alerts/history';
};
