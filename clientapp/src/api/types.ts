/** RFC 9457 problem details, as every API error is answered. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
}

export interface DependencyCheck {
  name: string;
  healthy: boolean;
  durationMs: number;
  problem: string | null;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: DependencyCheck[];
}
