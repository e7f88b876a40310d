import type { Logger } from 'pino';
import type { ChannelName, DeliveryOutcome, MessageTransport, OutgoingMessage } from '../app/notify/channels.js';
import { maskEmail } from '../domain/email.js';
import { maskPhone } from '../domain/phone.js';

/**
 * Writes what would be sent to the log instead, for a laptop without a gateway or mail server:
 * `npm start` then shows every message. The recipient is masked, as everywhere in the logs.
 */
export function logTransport(channel: ChannelName, logger: Logger): MessageTransport {
  return {
    name: 'log',
    async send(message: OutgoingMessage): Promise<DeliveryOutcome> {
      const to = channel === 'whatsapp' ? maskPhone(message.recipient) : maskEmail(message.recipient);
      logger.info({ outbox: { id: message.id, channel, to, subject: message.subject, text: message.text } }, `message not sent (no ${channel} transport configured)`);
      return { ok: true, detail: `logged only: no ${channel === 'whatsapp' ? 'WHATSAPP_GATEWAY_URL' : 'SMTP_URL'} set` };
    },
  };
}
