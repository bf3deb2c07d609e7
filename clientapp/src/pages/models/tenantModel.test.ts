import { describe, expect, it } from 'vitest';
import { labelProgress } from './tenantModel';

const list = (labelled: Record<string, number>) => ({ items: [], labelled, minimumLabels: 20, minimumClasses: 2, maxLabels: 1000 });

describe('labelProgress', () => {
  it('counts labels and the categories that have any', () => {
    expect(labelProgress(list({ test: 12, lint: 0, compilation: 9 }))).toEqual({ labels: 21, categories: 2, enough: true });
  });

  it('is not enough below the minimum or in a single category', () => {
    expect(labelProgress(list({ test: 19 })).enough).toBe(false);
    expect(labelProgress(list({ test: 40 })).enough).toBe(false);
    expect(labelProgress(list({})).labels).toBe(0);
  });
});
