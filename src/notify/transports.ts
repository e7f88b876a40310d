import type { Logger } from 'pino';
import type { MessageTransports } from '../app/notify/channels.js';
import { logTransport } from './log-transport.js';
import { smtpEmail } from './smtp-email.js';
import { whatsappGateway } from './whatsapp-gateway.js';

/** Where messages go; a channel left unset is written to the log instead. */
export interface NotifySettings {
  whatsapp?: { url: string; token: string | undefined; format: 'json' | 'form'; timeoutMs: number } | undefined;
  email?: { url: string; from: string; timeoutMs: number } | undefined;
}

/** The transport of each channel from the settings, and how to let go of their connections. */
export function buildTransports(settings: NotifySettings, logger: Logger): { transports: MessageTransports; close(): void } {
  const email = settings.email ? smtpEmail(settings.email) : null;
  return {
    transports: {
      whatsapp: settings.whatsapp ? whatsappGateway(settings.whatsapp) : logTransport('whatsapp', logger),
      email: email ?? logTransport('email', logger),
    },
    close: () => email?.close(),
  };
}
