import type { EntryState } from '../../../app/draw/read-models.js';
import { html, type SafeHtml } from '../html.js';
import { citizenPage } from './layout.js';
import { bookablePlaces } from '../../../domain/next-open-day.js';
import { timeIn } from '../../../domain/local-date.js';
import { formatDate, formatSession, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** What the entry page shows besides the entry itself. */
export interface EntryPageModel {
  lang: Lang;
  entry: EntryState;
  /** The clock now, to say whether the draw is still open or being made. */
  now: Date;
}

/** Seconds until a page without scripts reloads: just after the draw, then every few seconds. */
export function entryRefreshSeconds(entry: EntryState, now: Date): number | undefined {
  if (entry.status !== 'entered') return undefined;
  const untilDraw = Math.ceil((entry.drawAt.getTime() - now.getTime()) / 1000) + 2;
  return Math.min(30, Math.max(3, untilDraw));
}

/**
 * `/e/:id`: the waiting screen of an entry in a release draw, then its result. Without scripts
 * it reloads itself (a refresh in `<noscript>`); with them `citizen.js` asks the API with a
 * growing pause and reloads once the status changes.
 */
export function entryPage(m: EntryPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const e = m.entry;
  const zone = e.officeTimezone;
  const day = formatDate(e.date, m.lang);
  let body: SafeHtml;
  if (e.status === 'booked' && e.booking) {
    const b = e.booking;
    body = html`<h1>${t('citizen.entryBookedTitle')}</h1>
<p class="notice notice-ok" role="status" data-entry-status="booked">${t('citizen.entryBookedText', { when: formatSession(b.date, b.session_start, b.session_end, zone, m.lang), number: b.queue_number })}</p>
<p><a class="button button-primary button-big" href="/t/${b.code}">${t('citizen.entryOpenTicket')}</a></p>`;
  } else if (e.status === 'unplaced') {
    const days = e.nextDays ?? [];
    const reason = e.unplacedReason === 'already_booked' ? t('citizen.entryAlreadyBookedText') : t('citizen.entryUnplacedText', { day });
    body = html`<h1>${t('citizen.entryUnplacedTitle')}</h1>
<p class="notice notice-warn" role="status" data-entry-status="unplaced">${reason}</p>
${days.length
  ? html`<ul class="next-days">${days.map((d) => html`<li><a href="/o/${e.officeSlug}#day-${d.date}">${formatDate(d.date, m.lang)}</a> · ${t('citizen.placesLeft', { n: bookablePlaces(d) })}</li>`)}</ul>`
  : html`<p>${t('citizen.entryNoNextDays')}</p>`}
<p><a class="button" href="/o/${e.officeSlug}">${t('citizen.entryBookOtherDay')}</a></p>`;
  } else {
    const drawn = m.now.getTime() >= e.drawAt.getTime();
    const time = `${formatTime(timeIn(zone, e.drawAt), m.lang)} ${zoneAbbreviation(zone, e.drawAt)}`;
    body = html`<h1>${t('citizen.entryTitle')}</h1>
<p class="lead">${t('citizen.entryLead', { day, seconds: e.drawSeconds })}</p>
<div data-entry-live data-entry-id="${e.id}" data-wait-ms="${String(Math.max(0, e.drawAt.getTime() - m.now.getTime()))}">
<p class="notice" role="status" aria-live="polite" data-entry-status="entered">${drawn ? t('citizen.entryDrawing') : t('citizen.entryWaiting', { time })}</p>
</div>
<p>${t('citizen.entryChoice', { session: formatSession(e.date, e.choice.start, e.choice.end, zone, m.lang), service: m.lang === 'en' ? e.choice.serviceNameEn || e.choice.serviceName : e.choice.serviceName })}</p>
<p class="muted">${t('citizen.entryKeepLink')}</p>
<p><a class="button" href="/e/${e.id}">${t('citizen.entryRefresh')}</a></p>`;
  }
  return citizenPage({ lang: m.lang, title: t('citizen.entryTitle'), officeName: e.officeName, path: `/e/${e.id}`, body, refreshSeconds: entryRefreshSeconds(e, m.now) });
}
