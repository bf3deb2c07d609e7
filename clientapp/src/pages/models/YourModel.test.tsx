import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { Me, TenantModel, TenantModelList } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';
import { YourModel } from './YourModel';

const me = (permissions: string[]): Me => ({
  userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'admin', permissions, tenants: [],
});

function trained(overrides: Partial<TenantModel['card']> = {}, model: Partial<TenantModel> = {}): TenantModel {
  return {
    card: {
      version: 'tenant-20261207-0123456789ab', createdAt: '2026-12-07T10:00:00Z', createdBy: 'ann@example.com', featurizerVersion: 'fl-feat-3',
      classes: ['compilation', 'test'], priorModel: 'fl-2026.11-lr', priorStrength: 1, labels: 24, perClass: { configuration: 12, test: 12 },
      skipped: 0, folds: 5, outOfFoldAccuracy: 0.958, shippedModel: 'fl-2026.11-xgb', shippedAccuracy: 0.5, uncertainBelow: 0.4,
      trainingMilliseconds: 900, stale: false, ...overrides,
    },
    active: false, stale: false, canActivate: true, refusal: null, ...model,
  };
}

const list = (items: TenantModel[], labelled: Record<string, number> = { configuration: 12, test: 12 }): TenantModelList =>
  ({ items, labelled, minimumLabels: 20, minimumClasses: 2, maxLabels: 1000 });

function renderCard(models: TenantModelList, permissions = ['data:read', 'models:manage']) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me(permissions) });
  vi.spyOn(api, 'tenantModels').mockResolvedValue(models);
  const onServingChanged = vi.fn();
  render(<SessionProvider><YourModel onServingChanged={onServingChanged} /></SessionProvider>);
  return { onServingChanged };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('YourModel', () => {
  it('shows the labels so far against the minimum and trains only when there are enough', async () => {
    renderCard(list([], { test: 7 }));
    expect((await screen.findByTestId('label-progress')).textContent).toBe(
      '7 labelled jobs in 1 category; at least 20 in 2 are needed.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Train on your labels' }).disabled).toBe(true);
  });

  it('trains, then shows the out-of-fold accuracy beside the shipped model’s and offers to activate a winner', async () => {
    renderCard(list([]));
    const train = vi.spyOn(api, 'trainTenantModel').mockResolvedValue(trained());
    vi.mocked(api.tenantModels).mockResolvedValue(list([trained()]));
    fireEvent.click(await screen.findByRole('button', { name: 'Train on your labels' }));

    const result = await screen.findByRole('article', { name: /tenant-20261207/ });
    expect(train).toHaveBeenCalled();
    expect(within(result).getByTestId('out-of-fold-accuracy').textContent).toBe('95.8 %');
    expect(within(result).getByTestId('shipped-accuracy').textContent).toBe('50.0 %');
    const activate = vi.spyOn(api, 'activateTenantModel')
      .mockResolvedValue({ assignment: { active: 'tenant-20261207-0123456789ab', challenger: 'fl-2026.11-xgb', challengerShare: 0 }, requeued: 3 });
    fireEvent.click(within(result).getByRole('button', { name: 'Activate' }));
    await vi.waitFor(() => expect(activate).toHaveBeenCalledWith('tenant-20261207-0123456789ab'));
  });

  it('shows why a model that does not win may not serve, with no Activate button', async () => {
    const refusal = 'Model tenant-x is right on 50.0 % of your 24 labelled jobs (out of fold), the shipped model fl-2026.11-xgb on 75.0 %: it must do better to be activated.';
    renderCard(list([trained({ outOfFoldAccuracy: 0.5, shippedAccuracy: 0.75 }, { canActivate: false, refusal })]));
    const result = await screen.findByRole('article', { name: /tenant-20261207/ });
    expect(within(result).getByTestId('refusal').textContent).toBe(refusal);
    expect(within(result).queryByRole('button', { name: 'Activate' })).toBeNull();
  });

  it('shows the server’s answer when it refuses to activate', async () => {
    renderCard(list([trained()]));
    vi.spyOn(api, 'activateTenantModel').mockRejectedValue(
      new ApiError(409, { status: 409, title: 'Conflict', detail: 'Model tenant-x was compared with fl-old, but the shipped model is now fl-new.' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Activate' }));
    expect(await screen.findByText(/the shipped model is now fl-new/)).toBeTruthy();
  });

  it('returns to the shipped model from the serving one and marks a stale model', async () => {
    const { onServingChanged } = renderCard(list([trained({}, { active: true }), trained({ version: 'tenant-old', featurizerVersion: 'fl-feat-0' }, { stale: true, canActivate: false })]));
    const deactivate = vi.spyOn(api, 'deactivateTenantModel')
      .mockResolvedValue({ assignment: { active: 'fl-2026.11-xgb', challenger: 'fl-2026.11-lr', challengerShare: 0 }, requeued: 3 });
    const serving = await screen.findByRole('article', { name: /tenant-20261207/ });
    expect(within(serving).getByText('Serving')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: /tenant-old/ })).getByText('Stale: retrain')).toBeTruthy();
    fireEvent.click(within(serving).getByRole('button', { name: 'Return to the shipped model' }));
    await vi.waitFor(() => expect(onServingChanged).toHaveBeenCalled());
    expect(deactivate).toHaveBeenCalled();
  });

  it('offers no actions without models:manage', async () => {
    renderCard(list([trained()]), ['data:read']);
    await screen.findByRole('article', { name: /tenant-20261207/ });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
