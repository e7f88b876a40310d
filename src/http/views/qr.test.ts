import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr.js';

describe('the QR code of a ticket', () => {
  it('is the drawing of its text, hidden from screen readers, and the same drawing when asked again', async () => {
    const first = await qrSvg('ACDEFGHJK');
    const fresh = await QRCode.toString('ACDEFGHJK', { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(first.value).toBe(fresh.replace('<svg ', '<svg aria-hidden="true" focusable="false" '));
    expect(await qrSvg('ACDEFGHJK')).toBe(first);
  });

  it('draws each text its own, however many were kept before', async () => {
    const codes = Array.from({ length: 2_100 }, (_, i) => `T${String(i).padStart(8, '0')}`);
    const drawings = await Promise.all(codes.map((c) => qrSvg(c)));
    expect(new Set(drawings.map((d) => d.value)).size).toBe(codes.length);
    // The earliest were dropped to stay within bounds, and are drawn again alike.
    expect((await qrSvg(codes[0]!)).value).toBe(drawings[0]!.value);
  });
});
