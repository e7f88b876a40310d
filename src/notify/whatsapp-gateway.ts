import type { DeliveryOutcome, MessageTransport, OutgoingMessage } from '../app/notify/channels.js';

/** How to reach the WhatsApp gateway the office rents. */
export interface WhatsappGatewayOptions {
  /** The gateway's send endpoint (WHATSAPP_GATEWAY_URL). */
  url: string;
  /** Sent as the `Authorization` header, as such gateways expect (WHATSAPP_GATEWAY_TOKEN). */
  token: string | undefined;
  /** `json` posts `{ target, message }`; `form` posts the same two fields form-encoded. */
  format: 'json' | 'form';
  /** No answer within this long is a failed attempt (10 s in production). */
  timeoutMs: number;
}

/*
 * How a gateway says "this number is not on WhatsApp": a 4xx answer whose body says so. There is
 * no standard; gateways write "number not registered", "invalid target", "nomor tidak terdaftar"
 * and the like. A 401/403 (bad token), 408 or 429 is the office's or the gateway's trouble, never
 * the number's, and stays an ordinary failed attempt that is tried again.
 */
const NOT_ON_WHATSAPP =
  /not\s+(?:registered|on\s+whatsapp|a\s+whatsapp|exists?)|unregistered|no\s+whatsapp|invalid\s+(?:number|phone|target|recipient|whatsapp)|(?:number|target)\s+(?:is\s+)?(?:invalid|not\s+valid|not\s+found)|tidak\s+terdaftar|nomor\s+tidak\s+valid|bukan\s+(?:nomor\s+)?whatsapp/i;
const NOT_ABOUT_THE_NUMBER = new Set([401, 403, 408, 429]);

/** Whether a gateway's answer says the number is not on WhatsApp (see above). */
export function saysNotOnWhatsapp(status: number, body: string): boolean {
  return status >= 400 && status < 500 && !NOT_ABOUT_THE_NUMBER.has(status) && NOT_ON_WHATSAPP.test(body);
}

/**
 * Sends through an Indonesian WhatsApp HTTP gateway: a POST of `target` (the `628…` number) and
 * `message`. Any 2xx is accepted; any other status, a network error or no answer in time is a
 * failed attempt.
 */
export function whatsappGateway(opts: WhatsappGatewayOptions): MessageTransport {
  return {
    name: 'whatsapp-gateway',
    async send(message: OutgoingMessage): Promise<DeliveryOutcome> {
      const fields = { target: message.recipient, message: message.text };
      const headers: Record<string, string> = {
        'content-type': opts.format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
        accept: 'application/json, text/plain, */*',
      };
      if (opts.token) headers.authorization = opts.token;
      let status: number;
      let body: string;
      try {
        const response = await fetch(opts.url, {
          method: 'POST',
          headers,
          body: opts.format === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
          // Covers the body too: a gateway that sends headers and then stalls is no answer either.
          signal: AbortSignal.timeout(opts.timeoutMs),
          redirect: 'error',
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const detail = timedOut ? `no answer within ${opts.timeoutMs} ms` : describeError(error);
        return { ok: false, permanent: false, detail };
      }
      const detail = `HTTP ${status} ${oneLine(body)}`.trim();
      if (status >= 200 && status < 300) return { ok: true, detail };
      if (saysNotOnWhatsapp(status, body)) return { ok: false, permanent: true, notOnWhatsApp: true, detail };
      return { ok: false, permanent: false, detail };
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch wraps the socket error (ECONNREFUSED…) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
