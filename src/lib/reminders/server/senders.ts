/** The real senders: SMTP through nodemailer, and a JSON post to a group robot with a timeout. */
import nodemailer from 'nodemailer';
import { webhookAccepted } from '../webhook-payload';
import type { OutgoingMail } from './deliver';

export function smtpSender(smtpUrl: string, from: string): (mail: OutgoingMail) => Promise<void> {
  // Timeouts so a mail server that accepts the connection and then says nothing is a failure, retried later.
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as never);
  return async (mail) => {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      // RFC 8058 one-click unsubscribe: mail clients show their own button for it.
      list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  };
}

export function webhookSender(timeoutMs = 10_000): (url: string, body: unknown) => Promise<void> {
  return async (url, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      // A robot that hangs counts as a failure and is retried with backoff.
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const verdict = webhookAccepted(response.status, await response.text());
    if (!verdict.ok) throw new Error(verdict.error);
  };
}
