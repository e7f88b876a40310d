import { html, type SafeHtml } from '../html.js';

/** The proof of work a booking form carries: the signed token and, once the page's script solved it, the nonce. */
export interface FormProof {
  token: string;
  difficulty: number;
  /** Empty until solved; the server then accepts the token once `waitSeconds` have passed since issue. */
  nonce: string;
}

/**
 * Hidden fields of the proof of work. The page's script (citizen.js) fills the nonce in the
 * background while the person types; without a script the form works as before, as the few
 * seconds spent reading it are the proof.
 */
export function proofFields(p: FormProof | undefined): SafeHtml | string {
  if (!p) return '';
  return html`<input type="hidden" name="proofToken" value="${p.token}" data-difficulty="${String(p.difficulty)}">
<input type="hidden" name="proofNonce" value="${p.nonce}">`;
}
