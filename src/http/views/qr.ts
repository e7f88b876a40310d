import QRCode from 'qrcode';
import { raw, type SafeHtml } from './html.js';

/**
 * A QR code as inline SVG, drawn on the server so it shows with scripts off and prints sharp
 * on a receipt printer. Medium error correction survives a scratched screen or a creased print.
 */
export async function qrSvg(text: string): Promise<SafeHtml> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // The figure around it names the image; the SVG itself stays out of the accessibility tree.
  return raw(svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" '));
}
