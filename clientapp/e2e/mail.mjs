// Reads the e-mails the test SMTP server (aiosmtpd, Maildir) received.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const maildir = process.env.FAULTLINE_E2E_MAILDIR;

function decode(raw) {
  const [head, ...rest] = raw.replace(/\r\n/g, '\n').split('\n\n');
  const headers = {};
  let last = null;
  for (const line of head.split('\n')) {
    if (/^\s/.test(line) && last) headers[last] += line.trim();
    else {
      const colon = line.indexOf(':');
      if (colon > 0) headers[(last = line.slice(0, colon).toLowerCase())] = line.slice(colon + 1).trim();
    }
  }
  let body = rest.join('\n\n');
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    body = Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  const subject = (headers.subject ?? '').replace(/=\?utf-8\?B\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
  return { to: headers.to ?? '', subject, body };
}

/** Waits up to 15 s for an e-mail to `to` whose subject contains `subjectPart`; returns the first link holding `linkPart`. */
export async function waitForLink(to, subjectPart, linkPart) {
  if (!maildir) throw new Error('FAULTLINE_E2E_MAILDIR is not set');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const folder = path.join(maildir, 'new');
    const messages = readdirSync(folder).map((file) => decode(readFileSync(path.join(folder, file), 'utf8')));
    const match = messages.find((m) => m.to.toLowerCase().includes(to.toLowerCase()) && m.subject.includes(subjectPart));
    if (match) {
      const link = match.body.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(linkPart));
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no e-mail to ${to} about "${subjectPart}"`);
}
