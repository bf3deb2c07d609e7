import type { ReactNode } from 'react';

/** The centred card of the sign-in, sign-up, reset and invitation pages. */
export function AuthCard({ title, lead, children, footer }: { title: string; lead?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="auth-page">
      <div className="card auth-card">
        <h1>{title}</h1>
        {lead && <p className="muted">{lead}</p>}
        {children}
      </div>
      {footer && <p className="auth-footer">{footer}</p>}
    </section>
  );
}
