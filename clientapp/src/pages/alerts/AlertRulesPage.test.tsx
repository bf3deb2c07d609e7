import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { AlertRulesPage } from './AlertRulesPage';
import { catalog, rule, ruleDraft } from './model/fixtures';
import { renderPages } from './testing';

afterEach(cleanup);

beforeEach(() => {
  vi.spyOn(api, 'metricsCatalog').mockResolvedValue(catalog);
  vi.spyOn(api, 'alertTemplates').mockResolvedValue([{ ...ruleDraft(), id: 'failing-main' }, ruleDraft({ name: 'Slow builds' })]);
});

describe('AlertRulesPage', () => {
  it('lists the rules that need attention first, with their state, severity and mute', async () => {
    vi.spyOn(api, 'alertRules').mockResolvedValue([
      rule({ id: 'a', name: 'All good', state: 'ok', severity: 'info', groups: [], lastEvaluatedAt: null }),
      rule({ id: 'b', name: 'Burning', state: 'firing', severity: 'critical', mutedUntil: new Date(Date.now() + 3_600_000).toISOString() }),
    ]);
    renderPages('/alerts', { '/alerts': <AlertRulesPage /> });

    const burning = await screen.findByRole('link', { name: 'Burning' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('link')[0]?.textContent)).toEqual(['Burning', 'All good']);
    expect(burning.getAttribute('href')).toBe('/alerts/rules/b');
    expect(within(rows[0]!).getByText('Firing').className).toBe('status tone-bad');
    expect(within(rows[0]!).getByText('Critical')).toBeTruthy();
    expect(within(rows[0]!).getByText(/^Muted until/)).toBeTruthy();
    expect(within(rows[0]!).getByText('Failure rate above 20% over 1 h, for 5 min')).toBeTruthy();
    expect(within(rows[1]!).getByText('OK').className).toBe('status tone-ok');
    expect(within(rows[1]!).getByText('not yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New rule' })).toBeTruthy();
  });

  it('points at the templates when there is no rule yet', async () => {
    vi.spyOn(api, 'alertRules').mockResolvedValue([]);
    renderPages('/alerts', { '/alerts': <AlertRulesPage /> });

    expect(await screen.findByRole('heading', { name: 'No alert rules yet' })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Failure rate on main above 20%' })).getAttribute('href')).toBe('/alerts/new?template=failing-main');
    expect(screen.getByRole('link', { name: 'Slow builds' }).getAttribute('href')).toBe('/alerts/new?template=1');
  });

  it('shows a reader the rules without a way to create one', async () => {
    vi.spyOn(api, 'alertRules').mockResolvedValue([]);
    renderPages('/alerts', { '/alerts': <AlertRulesPage /> }, ['data:read']);

    expect(await screen.findByText('Members and admins can create rules.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New rule' })).toBeNull();
  });
});
