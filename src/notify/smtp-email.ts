import nodemailer from 'nodemailer';
import type { DeliveryOutcome, MessageTransport, OutgoingMessage } from '../app/notify/channels.js';

/** How to reach the mail server. */
export interface SmtpEmailOptions {
  /** `smtp://user:pass@host:port` (or `smtps://`), SMTP_URL. */
  url: string;
  /** The From header, MAIL_FROM: `Disdukcapil Kota Bogor <antrean@example.go.id>`. */
  from: string;
  /** Longest wait for the connection, the greeting and each reply. */
  timeoutMs: number;
}

/**
 * Sends email over SMTP with nodemailer. A 5xx refusal of the recipient is permanent (the
 * address does not exist); anything else (connection, 4xx) is a failed attempt tried again.
 */
export function smtpEmail(opts: SmtpEmailOptions): MessageTransport & { close(): void } {
  const transporter = nodemailer.createTransport({
    url: opts.url,
    connectionTimeout: opts.timeoutMs,
    greetingTimeout: opts.timeoutMs,
    socketTimeout: opts.timeoutMs,
  });
  return {
    name: 'smtp',
    async send(message: OutgoingMessage): Promise<DeliveryOutcome> {
      try {
        const info = await transporter.sendMail({
          from: opts.from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          // The same outbox message always has the same id, so a mail client can tell a repeat.
          messageId: `<outbox-${message.id}@antrean>`,
        });
        if (info.rejected.length > 0) return { ok: false, permanent: true, detail: `rejected: ${String(info.response)}` };
        return { ok: true, detail: String(info.response) };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, permanent: typeof code === 'number' && code >= 500 && code < 600, detail };
      }
    },
    close: () => transporter.close(),
  };
}
