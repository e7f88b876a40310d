import type { CitizenTicket } from '../../presenters/citizen-ticket.js';
import { html, type SafeHtml } from '../html.js';
import { deskPath } from './desk.js';
import { notice, type PageViewer, staffPage } from './layout.js';
import { textsFor } from '../../../texts/texts.js';
import { formatDate, formatTime } from '../../../texts/indonesian-format.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** What the receipt page shows. */
export interface ReceiptModel {
  viewer: PageViewer;
  office: { slug: string; name: string };
  ticket: CitizenTicket;
  /** The booking's code as a QR code, drawn on the server. */
  qr: SafeHtml;
  /** Just booked at the desk: say so above the receipt. */
  fresh: boolean;
  /** Today in the office's zone: a slip for another day says so first, in its largest letters. */
  today: string;
}

/**
 * `/staff/desk/:slug/receipt/:code`: the slip a person without a phone takes home, sized for a
 * 58 mm receipt printer. On screen it sits beside the print button; printed, it is all there is.
 * The NIK is masked even here: a receipt left on a bench must not give it away. A walk-in is
 * never booked for today, and people read the big number as "wait here": so a slip for
 * another day says first, and largest, that it is not for today and when to come back.
 */
export function receiptPage(m: ReceiptModel): SafeHtml {
  const tk = m.ticket;
  const body = html`<div class="page receipt-page">
<div class="receipt-actions no-print">
${m.fresh ? notice('ok', st('staff.receiptBooked', { queue: tk.queueNumber }), html`<p>${tk.when}</p>`) : ''}
<button type="button" class="button button-primary button-big" data-print hidden>${st('staff.print')}</button>
<p class="hint">${st('staff.printHint')}</p>
<p><a class="button" href="${deskPath(m.office.slug)}">${st('staff.backToDesk')}</a></p>
</div>
<article class="receipt" aria-label="${st('staff.receiptTitle', { queue: tk.queueNumber })}">
<p class="r-office">${tk.officeName}</p>
${tk.officeAddress ? html`<p class="r-small">${tk.officeAddress}</p>` : ''}
${tk.date !== m.today
    ? html`<p class="r-not-today" data-receipt-not-today>${st('staff.receiptNotToday', { date: formatDate(tk.date, STAFF_LANG), time: formatTime(tk.session.start, STAFF_LANG), zone: tk.zoneLabel })}</p>`
    : ''}
<hr>
<p class="r-label">${st('staff.receiptQueue')}</p>
<p class="r-queue" data-receipt-queue>${tk.queueNumber}</p>
<p class="r-when" data-receipt-when>${tk.when}</p>
<p class="r-arrive">${st('staff.receiptArrive', { from: tk.arriveFrom, until: tk.arriveUntil, zone: tk.zoneLabel })}</p>
<p class="r-row"><span class="r-key">${st('staff.receiptService')}</span> ${tk.serviceName}</p>
<p class="r-row"><span class="r-key">${st('staff.receiptName')}</span> ${tk.name}</p>
<p class="r-row"><span class="r-key">${st('staff.nikLabel')}</span> ${tk.nikMasked}</p>
<figure class="r-qr"><div class="r-qr-image" role="img" aria-label="${st('staff.receiptQrLabel', { code: tk.displayCode })}" data-receipt-qr>${m.qr}</div>
<figcaption><span class="r-key">${st('staff.receiptCode')}</span> <span class="r-code" data-receipt-code>${tk.displayCode}</span></figcaption></figure>
<p class="r-small">${st('staff.receiptShowQr')}</p>
${tk.documents.length ? html`<p class="r-small"><span class="r-key">${st('staff.receiptBring')}:</span> ${tk.documents.join('; ')}</p>` : ''}
<hr>
<p class="r-small r-free">${st('staff.receiptFree')}</p>
</article>
</div>`;
  return staffPage({ title: st('staff.receiptTitle', { queue: tk.queueNumber }), viewer: m.viewer, officeName: m.office.name, body, scripts: ['staff-desk.js'], bodyClass: 'is-receipt' });
}
