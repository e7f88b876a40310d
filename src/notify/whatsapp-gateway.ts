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
 * The reason a 2xx answer gives for not sending, when its JSON says it did not: Fonnte, Wablas
 * and others answer a refusal (a disconnected device, a bad token, an invalid target) with 200
 * and `{"status": false, "reason": …}`; some say `"success": false`. Undefined for any other
 * answer, which means sent.
 */
function refusalIn(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const answer = parsed as Record<string, unknown>;
  const refused = [answer.status, answer.success].some((flag) => flag === false || flag === 'false');
  if (!refused) return undefined;
  const reason = [answer.reason, answer.message, answer.detail, answer.error].find((v): v is string => typeof v === 'string');
  return reason ?? '';
}

/**
 * What a gateway's answer means for the message: a 2xx is sent unless its body says otherwise
 * (`refusalIn`); a refusal for the number, in a 4xx or in such a 2xx, is final; anything else is
 * a failed attempt, tried again.
 */
export function readGatewayAnswer(status: number, body: string): DeliveryOutcome {
  const detail = `HTTP ${status} ${oneLine(body)}`.trim();
  if (status >= 200 && status < 300) {
    const refusal = refusalIn(body);
    if (refusal === undefined) return { ok: true, detail };
    if (NOT_ON_WHATSAPP.test(refusal)) return { ok: false, permanent: true, notOnWhatsApp: true, detail };
    return { ok: false, permanent: false, detail };
  }
  if (saysNotOnWhatsapp(status, body)) return { ok: false, permanent: true, notOnWhatsApp: true, detail };
  return { ok: false, permanent: false, detail };
}

/**
 * Sends through an Indonesian WhatsApp HTTP gateway: a POST of `target` (the `628…` number) and
 * `message`, its answer read by `readGatewayAnswer`; a network error or no answer in time is a
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
      return readGatewayAnswer(status, body);
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
