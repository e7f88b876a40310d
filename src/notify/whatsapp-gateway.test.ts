import { describe, expect, it } from 'vitest';
import { readGatewayAnswer, saysNotOnWhatsapp } from './whatsapp-gateway.js';

describe('reading a gateway answer as "not on WhatsApp"', () => {
  it('recognises the usual wordings in a 4xx answer, in English and Indonesian', () => {
    for (const body of [
      '{"status":false,"reason":"number not registered on WhatsApp"}',
      '{"error":"invalid target"}',
      'Invalid number',
      'The number is not on WhatsApp',
      '{"message":"Nomor tidak terdaftar di WhatsApp"}',
      'nomor tidak valid',
      'target not found',
    ]) {
      expect(saysNotOnWhatsapp(400, body), body).toBe(true);
    }
    expect(saysNotOnWhatsapp(404, 'unregistered')).toBe(true);
  });

  it('never blames the number for a bad token, a limit, a timeout, a success or a server error', () => {
    for (const status of [401, 403, 408, 429, 200, 500, 503]) expect(saysNotOnWhatsapp(status, 'invalid number'), String(status)).toBe(false);
    expect(saysNotOnWhatsapp(400, 'missing field message')).toBe(false);
  });
});

describe('reading what a gateway answered', () => {
  it('counts a 2xx as sent, whatever its body, unless the body says it was not', () => {
    for (const body of ['', 'OK', '{"status":true,"id":["80367170"],"process":"pending","target":["6281234567890"]}', '{"detail":"success! message in queue"}', '[]', 'null']) {
      expect(readGatewayAnswer(200, body), body).toEqual({ ok: true, detail: `HTTP 200 ${body}`.trim() });
    }
    expect(readGatewayAnswer(201, '{"success":true}').ok).toBe(true);
  });

  it('counts a 200 whose JSON says status or success false as a failed attempt, tried again', () => {
    for (const body of ['{"status":false,"reason":"request invalid on disconnected device"}', '{"status":false,"reason":"invalid token"}', '{"success":false,"message":"quota exceeded"}', '{"status":"false"}']) {
      expect(readGatewayAnswer(200, body), body).toEqual({ ok: false, permanent: false, detail: `HTTP 200 ${body}` });
    }
  });

  it('takes a 200 that refuses the number as final, not on WhatsApp', () => {
    for (const body of ['{"status":false,"reason":"target invalid"}', '{"status":false,"reason":"number not registered on WhatsApp"}', '{"success":false,"message":"Nomor tidak terdaftar"}']) {
      expect(readGatewayAnswer(200, body), body).toEqual({ ok: false, permanent: true, notOnWhatsApp: true, detail: `HTTP 200 ${body}` });
    }
  });

  it('reads 4xx and 5xx answers as before', () => {
    expect(readGatewayAnswer(400, 'invalid number')).toEqual({ ok: false, permanent: true, notOnWhatsApp: true, detail: 'HTTP 400 invalid number' });
    expect(readGatewayAnswer(401, 'invalid number')).toEqual({ ok: false, permanent: false, detail: 'HTTP 401 invalid number' });
    expect(readGatewayAnswer(503, '{"status":false}')).toEqual({ ok: false, permanent: false, detail: 'HTTP 503 {"status":false}' });
  });
});
