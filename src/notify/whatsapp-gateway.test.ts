import { describe, expect, it } from 'vitest';
import { saysNotOnWhatsapp } from './whatsapp-gateway.js';

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
