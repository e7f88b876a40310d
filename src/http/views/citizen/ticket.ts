import type { CitizenTicket } from '../../presenters/citizen-ticket.js';
import type { TicketProgressView } from '../../presenters/ticket-progress.js';
import { html, type SafeHtml } from '../html.js';
import { type FormErrors, inputField } from './fields.js';
import { citizenPage } from './layout.js';
import { surveySection, type SurveyView } from './survey.js';
import { statusText, textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** Everything the ticket page shows. */
export interface TicketPageModel {
  lang: Lang;
  ticket: CitizenTicket;
  /** The QR code of the booking code, as inline SVG. */
  qr: SafeHtml;
  /** The ticket's own address, for sharing. */
  url: string;
  /** Set right after a move, to confirm it. */
  moved?: boolean;
  /** The "show my details" form as sent, when the NIK in it was refused. */
  details?: { nik: string; errors: FormErrors } | undefined;
  /** Where the ticket stands today (its place in line, the counter calling it), when known. */
  progress?: TicketProgressView | undefined;
  /** The satisfaction survey, once the visit is finished. */
  survey?: SurveyView | undefined;
}

/** The parts of the ticket that change during the day; each is one element's content. */
export type TicketPartName = 'live' | 'status';

/**
 * The inside of each changing part of the ticket, rendered here only: the page is built from
 * these, and the ticket's event stream sends the same markup for `citizen.js` to swap in, so
 * the browser holds no second template of the ticket.
 */
export function ticketLiveParts(lang: Lang, status: CitizenTicket['status'], progress: TicketProgressView | undefined): Record<TicketPartName, SafeHtml> {
  const t = textsFor(lang);
  const place = progress?.place;
  const counter = progress?.counter ?? null;
  let live: SafeHtml | string = '';
  if (status === 'called' && counter !== null) {
    live = html`<div class="live-called" data-called>
<p class="live-title">${t('citizen.calledTitle')}</p>
<p class="live-goto">${t('citizen.calledGoTo')} <strong class="live-counter" data-counter>${t('citizen.calledCounter', { counter })}</strong></p>
<p>${t('citizen.calledHelp')}</p>
</div>`;
  } else if (status === 'serving' && counter !== null) {
    live = html`<p class="live-serving" data-serving>${t('citizen.servingAt', { counter })}</p>`;
  } else if (status === 'checked_in' && place) {
    const e = place.estimate;
    live = html`<div class="live-place" data-place data-position="${place.position}">
<p class="live-title">${t('citizen.placeTitle')}</p>
<p class="live-ahead" data-ahead>${place.ahead === 0 ? t('citizen.placeNext') : place.ahead === 1 ? t('citizen.placeAheadOne') : t('citizen.placeAhead', { ahead: place.ahead })}</p>
${e
  ? html`<p class="live-estimate" data-estimate>${t('citizen.placeEstimate', { from: e.from, to: e.to, zone: e.zone })}</p>
<p class="live-help">${e.basis === 'today' ? t('citizen.placeBasisToday') : t('citizen.placeBasisRecent')}</p>`
  : html`<p class="live-help" data-no-estimate>${t('citizen.placeNoEstimate')}</p>`}
</div>`;
  }
  return {
    live: html`${live}`,
    status: html`${statusText(lang, status)}${status === 'skipped' ? html`<br><span class="muted">${t('citizen.skippedHelp')}</span>` : ''}`,
  };
}

/** The message a citizen shares on WhatsApp: enough to find the ticket again. */
export function shareMessage(lang: Lang, tk: CitizenTicket, url: string): string {
  return textsFor(lang)('citizen.shareText', { office: tk.officeName, queue: tk.queueNumber, code: tk.displayCode, when: tk.when, service: tk.serviceName, url });
}

/**
 * The ticket: queue number and code in large type, the QR code, when and where to come, what
 * to bring, and the ways to keep it (calendar, print, WhatsApp). Prints on A4 and on a 58 mm
 * receipt with the same markup; the stylesheet hides the buttons on paper.
 */
export function ticketPage(m: TicketPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const tk = m.ticket;
  const cancelled = tk.status === 'cancelled';
  const base = `/t/${tk.code}`;
  const closure = tk.closure;
  const parts = ticketLiveParts(m.lang, tk.status, m.progress);
  // Today's active ticket follows the floor live; with scripts off, a reload shows the same.
  const live = m.progress?.live
    ? html`<section class="ticket-live no-print" data-ticket-live data-events="/api/v1/bookings/${tk.code}/events?lang=${m.lang}" role="status"><div data-ticket-part="live">${parts.live}</div></section>
`
    : '';
  const notice = closure
    ? html`<div class="notice notice-warn" role="status" data-closure><p><strong>${closure.outcome === 'moved' ? t('citizen.closureMovedNotice', { reason: closure.reason }) : t('citizen.closureCancelledNotice', { reason: closure.reason })}</strong></p>
<p>${closure.outcome === 'moved' ? t('citizen.closureMovedDetail', { closed: closure.closedDate, when: tk.when }) : t('citizen.closureCancelledDetail', { closed: closure.closedDate })}</p></div>`
    : cancelled
    ? html`<p class="notice notice-warn" role="status">${t('citizen.cancelledNotice')}</p>`
    : m.moved
      ? html`<p class="notice notice-ok" role="status">${t('citizen.movedNotice')}</p>`
      : tk.status === 'booked'
        ? html`<p class="notice notice-ok" role="status">${t('citizen.bookedNotice')}</p>`
        : '';
  const body = html`${notice}
${live}${m.survey ? surveySection(m.lang, tk.code, m.survey) : ''}<article class="ticket${cancelled ? ' ticket-cancelled' : ''}" aria-labelledby="ticket-title">
<h1 id="ticket-title" class="ticket-head">${t('citizen.ticketTitle')} <span class="ticket-office">${tk.officeName}</span></h1>
<p class="ticket-when" data-ticket-when><span class="big-label">${t('citizen.when')}</span> <strong>${tk.when}</strong></p>
<div class="ticket-numbers">
<p class="big"><span class="big-label">${t('citizen.queueNumber')}</span> <span class="queue" data-queue>${tk.queueNumber}</span></p>
<p class="big"><span class="big-label">${t('citizen.bookingCode')}</span> <span class="code" data-code>${tk.displayCode}</span></p>
</div>
${cancelled ? '' : html`<figure class="qr"><div class="qr-image" role="img" aria-label="${t('citizen.qrLabel', { code: tk.displayCode })}" data-qr>${m.qr}</div><figcaption>${t('citizen.qrHelp')}</figcaption></figure>`}
<dl class="facts">
<div><dt>${t('citizen.when')}</dt><dd class="when">${tk.when}</dd></div>
${cancelled ? '' : html`<div><dt>${t('citizen.arrive')}</dt><dd>${t('citizen.arriveText', { from: tk.arriveFrom, until: tk.arriveUntil, zone: tk.zoneLabel })}${tk.arriveEarly ? html` <span data-arrive-early>${t('citizen.arriveEarlyNote', { before: tk.arriveEarly.before, calledFrom: tk.arriveEarly.calledFrom, zone: tk.zoneLabel })}</span>` : ''}</dd></div>`}
<div><dt>${t('citizen.service')}</dt><dd>${tk.serviceName}${tk.eligibility ? html`<br><span class="muted" data-eligibility>${t('citizen.eligibility')}: ${tk.eligibility}</span>` : ''}</dd></div>
<div><dt>${t('citizen.name')}</dt><dd>${tk.name}</dd></div>
<div><dt>${t('citizen.nik')}</dt><dd>${tk.nikMasked}</dd></div>
${tk.phoneMasked ? html`<div><dt>${t('citizen.phone')}</dt><dd>${tk.phoneMasked}</dd></div>` : ''}
<div><dt>${t('citizen.address')}</dt><dd>${tk.officeName}, ${tk.officeAddress}</dd></div>
<div><dt>${t('citizen.status')}</dt><dd data-ticket-part="status">${parts.status}</dd></div>
</dl>
${cancelled || tk.documents.length === 0 ? '' : html`<section class="docs" aria-labelledby="docs-title"><h2 id="docs-title">${t('citizen.documents')}</h2><ul>${tk.documents.map((d) => html`<li>${d}</li>`)}</ul></section>`}
${cancelled ? '' : html`<p class="priority">${t('citizen.priority')}</p>`}
</article>
${cancelled
  ? html`<p class="actions no-print"><a class="button button-primary" href="/o/${tk.office}">${t('citizen.bookAgain')}</a></p>`
  : html`<div class="actions no-print">
<a class="button" href="${base}/calendar.ics" download="antrean-${tk.code}.ics">${t('citizen.addToCalendar')}</a>
<button type="button" class="button" data-print hidden>${t('citizen.print')}</button>
<a class="button button-whatsapp" href="https://wa.me/?text=${encodeURIComponent(shareMessage(m.lang, tk, m.url))}" rel="noopener">${t('citizen.shareWhatsApp')}</a>
<p class="hint">${t('citizen.saveHint')}</p>
</div>`}
${tk.ownerView || cancelled
  ? ''
  : html`<section class="details no-print" aria-labelledby="details-title">
<h2 id="details-title">${t('citizen.detailsTitle')}</h2>
<p>${t('citizen.detailsHelp')}</p>
<form method="post" action="${base}/details" novalidate>
${inputField({ id: 'nik', label: t('citizen.nikLabel'), hint: t('citizen.ownerNikHint'), value: m.details?.nik ?? '', error: m.details?.errors.fields.nik ?? m.details?.errors.form, inputmode: 'numeric', autocomplete: 'off', maxlength: 40 })}
<p class="form-actions"><button type="submit" class="button">${t('citizen.detailsSubmit')}</button></p>
</form>
</section>`}
<section class="privacy-note no-print" aria-labelledby="data-title" data-privacy>
<h2 id="data-title">${t('citizen.ticketPrivacyTitle')}</h2>
${tk.dataErased
  ? html`<p>${t('citizen.ticketPrivacyErased')}</p>`
  : html`<p>${t('citizen.ticketPrivacy', { date: tk.erasedBy, days: tk.retentionDays })}</p>
<p><a class="button" href="${base}/data">${t('citizen.dataLink')}</a></p>`}
<p><a href="/o/${tk.office}/privasi">${t('citizen.privacyLink')}</a></p>
</section>
${tk.changeable
  ? html`<section class="change no-print" aria-labelledby="change-title">
<h2 id="change-title">${t('citizen.changeTitle')}</h2>
<p>${t('citizen.changeHelp')}</p>
<p class="change-links"><a class="button" href="${base}/move">${t('citizen.moveLink')}</a> <a class="button button-danger-outline" href="${base}/cancel">${t('citizen.cancelLink')}</a></p>
</section>`
  : ''}`;
  return citizenPage({ lang: m.lang, title: `${t('citizen.ticketTitle')} ${tk.queueNumber}`, officeName: tk.officeName, path: base, body });
}
