import type { ChannelKind, NewAlertChannel } from '../../../api/schemas';

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = { slack: 'Slack', email: 'E-mail', webhook: 'Webhook' };

/** "a@x.com, b@x.com;c@x.com" or one per line → the addresses. */
export function splitRecipients(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** The body of POST /alerts/channels: a URL for Slack and webhooks, recipients for e-mail. */
export function newChannel(kind: ChannelKind, name: string, url: string, recipients: string): NewAlertChannel {
  const trimmed = name.trim();
  return kind === 'email' ? { name: trimmed, kind, recipients: splitRecipients(recipients) } : { name: trimmed, kind, url: url.trim() };
}
