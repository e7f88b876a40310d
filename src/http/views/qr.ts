import QRCode from 'qrcode';
import { raw, type SafeHtml } from './html.js';

/** Drawings kept, most recently asked last: a ticket page is opened again and again while its holder waits. */
const DRAWN = new Map<string, SafeHtml>();
/** About 1 KB each: a day's tickets at a busy office, and more. */
const MAX_DRAWN = 2_000;

/**
 * A QR code as inline SVG, drawn on the server so it shows with scripts off and prints sharp
 * on a receipt printer. Medium error correction survives a scratched screen or a creased print.
 * Each text is drawn once and kept (least recently used dropped): drawing was a sixth of a
 * ticket page's time, and a text always gives the same drawing.
 */
export async function qrSvg(text: string): Promise<SafeHtml> {
  const kept = DRAWN.get(text);
  if (kept) {
    DRAWN.delete(text);
    DRAWN.set(text, kept);
    return kept;
  }
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // The figure around it names the image; the SVG itself stays out of the accessibility tree.
  const drawn = raw(svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" '));
  if (DRAWN.size >= MAX_DRAWN) DRAWN.delete(DRAWN.keys().next().value!);
  DRAWN.set(text, drawn);
  return drawn;
}
