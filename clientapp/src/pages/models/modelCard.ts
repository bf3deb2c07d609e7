// card.json as the training run (make train) writes it, which the server passes through as it is (DeployedModel.card):
// the shape of a file of ml/, not of the API.
import type { DeployedModel } from '../../api/schemas';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ModelMetrics {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** Rows: true class, columns: predicted class, both in the model's `classes` order. */
  confusion: number[][];
}

export interface LineMetrics {
  /** Share of logs whose best key line is in the ground-truth excerpt (absent on older cards). */
  hitAt1?: number;
  /** Share of logs with an excerpt line among the first 3 key lines. */
  hitAt3?: number;
  hitAt10?: number;
  keywordHitAt1?: number;
  keywordHitAt3?: number;
  keywordHitAt10?: number;
  precisionAt10: number;
  recallAt10: number;
  keywordPrecisionAt10: number;
  keywordRecallAt10: number;
  /** Recall with at most 10 excerpt lines counted per log. */
  recallAt10Capped?: number;
  keywordRecallAt10Capped?: number;
}

export interface TrainingData {
  realLogs: number;
  realRepos: number;
  syntheticLogs: number;
  feedbackLogs: number;
  /** 0–1: synthetic rows of the training set. */
  syntheticShare: number;
}

/** card.json as the training run wrote it; sections may be missing from older cards. */
export interface ModelCardJson {
  metrics?: ModelMetrics;
  lineMetrics?: LineMetrics;
  baseline?: { accuracy: number; macroF1: number };
  data?: TrainingData;
  hyperParameters?: Record<string, unknown>;
  intendedUse?: string;
  limits?: string[];
  [key: string]: unknown;
}

export const cardOf = (model: DeployedModel) => model.card as ModelCardJson;
