import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';

// jsqr is CommonJS with an ES-style `default`; under NodeNext the default import is its module object.
const jsQR = jsQRModule.default;

/**
 * What the QR code in an element decodes to, read from a screenshot of it as a phone camera
 * or desk scanner would. The pixels are read in `scratch`, a blank page, because our pages'
 * Content-Security-Policy rightly refuses the canvas work.
 */
export async function decodeQr(page: Page, selector: string, scratch: Page): Promise<string | undefined> {
  const png = await page.locator(selector).screenshot();
  const { data, width, height } = await scratch.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(img, 0, 0);
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(pixels.data), width: pixels.width, height: pixels.height };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}
