import type { DayAvailability, SessionAvailability } from '../../../domain/availability.js';
import { bookablePlaces, nextDayWithPlaces } from '../../../domain/next-open-day.js';
import { closureReason, dayPlacesLabel, sessionPlacesLabel } from '../../presenters/availability.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** A date and session, the value of a session button. */
export interface SlotRef {
  date: string;
  sessionId: number;
}

/** What the day-and-time picker needs. */
export interface SlotPickerOptions {
  lang: Lang;
  days: readonly DayAvailability[];
  /** The office's zone, for the WIB/WITA/WIT after each time. */
  zone: string;
  /** Step number in front of the legend. */
  step: number;
  help: string;
  /** The slot pressed before a re-render: its day opens. */
  chosen?: SlotRef | undefined;
  /** On the move form, the booking's own slot: shown, never choosable. */
  current?: SlotRef | undefined;
  error?: string | undefined;
  /** The office's public page of releases, linked below the days (which say when they open); after them, so the keyboard reaches the days first. */
  releasesHref?: string | undefined;
}

/** Value of a session button: `DATE|SESSIONID`, parsed back by the page's schema. */
export function slotValue(date: string, sessionId: number): string {
  return `${date}|${sessionId}`;
}

const dayAnchor = (date: string) => `day-${date}`;

function sameSlot(a: SlotRef | undefined, date: string, sessionId: number): boolean {
  return !!a && a.date === date && a.sessionId === sessionId;
}

/**
 * Days as an accordion (`<details>`, so it opens and closes without a script) and each
 * bookable session as a submit button of the surrounding form: pressing one books at once.
 * Closed days stay in the list with their reason; full sessions show as disabled buttons, and
 * so do those of a day not yet released, saying when they open (the page's script enables them
 * when a release reaches its stream).
 */
export function slotPicker(o: SlotPickerOptions): SafeHtml {
  const t = textsFor(o.lang);
  const zone = zoneAbbreviation(o.zone);
  const withPlaces = o.days.filter((d) => bookablePlaces(d) > 0);
  const openDate = o.chosen?.date ?? withPlaces[0]?.date;
  const describedBy = ['slots-help', o.error ? 'slots-error' : ''].filter(Boolean).join(' ');

  const sessionButton = (day: DayAvailability, s: SessionAvailability): SafeHtml => {
    const isCurrent = sameSlot(o.current, day.date, s.id);
    const choosable = s.bookable && !isCurrent;
    const state = isCurrent ? t('citizen.currentSlot') : sessionPlacesLabel(s, o.lang, o.zone);
    const time = `${formatTime(s.start, o.lang)}–${formatTime(s.end, o.lang)}`;
    // The zone is said once above the days; screen readers hear it, and the date, on every button.
    return html`<button type="submit" name="slot" value="${slotValue(day.date, s.id)}" class="slot${choosable ? '' : ' slot-off'}${isCurrent ? ' slot-current' : ''}" data-slot="${slotValue(day.date, s.id)}"${isCurrent ? ' data-current' : ''}${choosable ? '' : ' disabled'}><span class="vh">${formatDate(day.date, o.lang)}, </span><span class="slot-time">${time}<span class="vh"> ${zone}</span></span> <span class="slot-left">${state}</span></button>`;
  };

  const dayItem = (day: DayAvailability): SafeHtml => {
    if (!day.open) {
      const reason = day.closure ? closureReason(day.closure, o.lang) : t('citizen.unavailable');
      return html`<li class="day-closed"><span class="day-date">${formatDate(day.date, o.lang)}</span> <span class="day-reason">${reason}</span></li>`;
    }
    const places = bookablePlaces(day);
    const next = places === 0 && !day.opensAt ? nextDayWithPlaces(o.days, day.date) : null;
    return html`<li><details class="day" id="${dayAnchor(day.date)}" name="day" data-day="${day.date}"${day.date === openDate ? ' open' : ''}>
<summary><span class="day-date">${formatDate(day.date, o.lang)}</span><span class="day-left${places ? '' : ' day-left-none'}" data-day-left>${dayPlacesLabel(day, o.lang, o.zone)}</span></summary>
<div class="day-body">
${next ? html`<p class="offer">${t('citizen.dayFullOffer')} <a href="#${dayAnchor(next.date)}" data-open-day="${next.date}">${formatDate(next.date, o.lang)}</a></p>` : ''}
<div class="sessions">${day.sessions.map((s) => sessionButton(day, s))}</div>
</div>
</details></li>`;
  };

  return html`<fieldset class="slots section" id="slots" aria-describedby="${describedBy}">
<legend class="step-title"><h2><span class="step" aria-hidden="true">${o.step}</span> ${t('citizen.stepSlot')}</h2></legend>
<p class="hint" id="slots-help">${o.help} ${t('citizen.timesIn', { zone })}</p>
${o.error ? html`<p class="error" id="slots-error">${o.error}</p>` : ''}
${o.days.length === 0 ? html`<p class="notice">${t('citizen.noDays')}</p>` : withPlaces.length === 0 ? html`<p class="notice">${t('citizen.noDayWithPlaces')}</p>` : ''}
<ul class="days">${o.days.map(dayItem)}</ul>
${o.releasesHref ? html`<p class="muted releases-link"><a href="${o.releasesHref}">${t('citizen.releasesLink')}</a></p>` : ''}
</fieldset>`;
}
