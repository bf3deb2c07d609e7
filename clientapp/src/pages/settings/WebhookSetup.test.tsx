import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookSetup } from './WebhookSetup';

afterEach(cleanup);

describe('WebhookSetup', () => {
  it("gives Jenkins the library step's post block with the hook's own URL", () => {
    const url = 'https://faultline.example.com/api/v1/hooks/jenkins/5f0c';
    render(<WebhookSetup hook={{ id: '5f0c', provider: 'jenkins', name: 'ci', url, createdAt: '2026-11-20T10:00:00Z', lastDeliveryAt: null,
      providerApi: null }} />);

    expect(screen.getByText(/faultlineNotify/).textContent).toContain(`faultlineNotify(url: '${url}',`);
    expect(screen.getByText(/faultlineNotify/).textContent).toContain("credentialsId: 'faultline-hook-secret'");
    expect(screen.getByText('jenkinsCredentialsId:')).toBeTruthy();
  });
});
