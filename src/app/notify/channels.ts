/** The channels a message can go by; WhatsApp is the main one, email the fallback. */
export type ChannelName = 'whatsapp' | 'email';

/** One message as a transport sees it. */
export interface OutgoingMessage {
  /** The outbox id: transports that can pass a reference (an email's Message-ID) use it. */
  id: number;
  /** A `628…` number for WhatsApp, an address for email. */
  recipient: string;
  subject: string;
  text: string;
}

/**
 * What a transport answered. `notOnWhatsApp` marks the number so later messages go by email;
 * `permanent` failures are not tried again (a mail server refusing the address for good).
 */
export type DeliveryOutcome =
  | { ok: true; detail: string }
  | { ok: false; detail: string; permanent: boolean; notOnWhatsApp?: boolean };

/** A way to send messages of one channel: the WhatsApp gateway, SMTP, or the log on a laptop. */
export interface MessageTransport {
  /** Its name in the attempt records: `whatsapp-gateway`, `smtp`, `log`. */
  name: string;
  /** Sends one message; resolves with the answer, never rejects (a thrown error is a failed attempt). */
  send(message: OutgoingMessage): Promise<DeliveryOutcome>;
}

/** The transport of each channel. */
export type MessageTransports = Record<ChannelName, MessageTransport>;
