import { describe, expect, it } from 'vitest';
import { contactProblems, decodeLogo } from './office-settings.js';

describe('contactProblems', () => {
  it('takes landlines, mobiles, an email and a small image data URL, and empties that remove them', () => {
    expect(contactProblems({ contactPhone: '(0251) 832-1075', contactEmail: 'disdukcapil@kotabogor.go.id', logo: 'data:image/png;base64,iVBORw0KGgo=' })).toEqual([]);
    expect(contactProblems({ contactPhone: '+62 812 3456 7890', contactEmail: '', logo: '' })).toEqual([]);
  });

  it('refuses words for a phone, a broken email, a logo from another host or too large', () => {
    expect(contactProblems({ contactPhone: 'call us', contactEmail: 'a@b', logo: 'https://example.com/logo.png' }).map((p) => p.problem)).toEqual([
      'CONTACT_PHONE_INVALID',
      'EMAIL_INVALID',
      'LOGO_INVALID',
    ]);
    expect(contactProblems({ logo: `data:image/png;base64,${'A'.repeat(12_001)}` })).toEqual([{ field: 'logo', problem: 'LOGO_TOO_LARGE' }]);
    expect(contactProblems({ logo: 'data:text/html;base64,PHNjcmlwdD4=' })).toEqual([{ field: 'logo', problem: 'LOGO_INVALID' }]);
  });

  it('decodes a logo to its type and bytes', () => {
    expect(decodeLogo('data:image/svg+xml;base64,PHN2Zy8+')).toEqual({ type: 'image/svg+xml', bytes: new Uint8Array([...'<svg/>'].map((c) => c.charCodeAt(0))) });
    expect(decodeLogo('')).toBeNull();
  });
});
