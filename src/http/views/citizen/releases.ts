import type { ReleaseDayView } from '../../../app/draw/queries/get-releases.js';
import { closureReason } from '../../presenters/availability.js';
import { html, type SafeHtml } from '../html.js';
import { citizenPage } from './layout.js';
import { formatDate, formatOpening, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** What the releases page shows. */
export interface ReleasesPageModel {
  lang: Lang;
  office: { slug: string; name: string; timezone: string };
  logoUrl?: string | null;
  /** Seconds of the draw after each wave; 0: no draw. */
  drawSeconds: number;
  from: string;
  to: string;
  days: readonly ReleaseDayView[];
  now: Date;
}

/** "3 menit 5 detik" between two instants. */
function elapsed(lang: Lang, from: Date, to: Date): string {
  const t = textsFor(lang);
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const m = Math.floor(seconds / 60);
  return m ? t('citizen.releasesMinutes', { m, s: seconds % 60 }) : t('citizen.releasesSeconds', { s: seconds });
}

/** One open day: a two-column table of its figures, then each wave's draw with its seed. */
function openDay(m: ReleasesPageModel, d: ReleaseDayView): SafeHtml {
  const t = textsFor(m.lang);
  const zone = m.office.timezone;
  const opened = d.opensAt.getTime() <= m.now.getTime();
  const entrants = d.waves.reduce((n, w) => n + (w.draw?.entrants ?? 0), 0);
  const row = (label: string, value: string | number, key: string) => html`<tr data-figure="${key}"><th scope="row">${label}</th><td>${String(value)}</td></tr>`;
  const full = d.firstFullAt ? t('citizen.releasesFullAt', { when: formatOpening(d.firstFullAt, zone, m.lang), after: elapsed(m.lang, d.opensAt, d.firstFullAt) }) : t('citizen.releasesNotFull');
  return html`<table class="figures">
<tbody>
${row(opened ? t('citizen.releasesOpensAt') : t('citizen.releasesNotYet'), formatOpening(d.opensAt, zone, m.lang), 'opensAt')}
${row(t('citizen.releasesTotal'), d.places.total, 'total')}
${row(t('citizen.releasesHeld'), d.places.heldForDesk, 'heldForDesk')}
${row(t('citizen.releasesOnline'), d.places.releasedOnline, 'releasedOnline')}
${m.drawSeconds > 0 || entrants > 0 ? row(t('citizen.releasesEntrants'), entrants, 'entrants') : ''}
${row(t('citizen.releasesInDraw'), d.taken.inDraw, 'inDraw')}
${row(t('citizen.releasesAfterDraw'), d.taken.afterDraw, 'afterDraw')}
${row(t('citizen.releasesByDesk'), d.taken.byDesk, 'byDesk')}
${row(t('citizen.releasesCancelled'), d.taken.cancelled, 'cancelled')}
${opened ? row(t('citizen.releasesFull'), full, 'firstFullAt') : ''}
</tbody>
</table>
${d.waves.some((w) => w.draw)
  ? html`<ul class="waves">${d.waves.map((w, i) =>
      w.draw
        ? html`<li>${d.waves.length > 1 ? html`${t('citizen.releasesWave', { n: i + 1, percent: w.percent })}: ` : ''}${t('citizen.releasesDrawResult', { placed: w.draw.placed, unplaced: w.draw.unplaced, places: w.draw.places })}<br>${t('citizen.releasesSeed')}: ${w.draw.seed ? html`<code class="seed" data-seed>${w.draw.seed}</code>` : html`<span class="muted">${t('citizen.releasesSeedPending')}</span>`}</li>`
        : '',
    )}</ul>`
  : ''}`;
}

/**
 * `/o/:slug/pembukaan`: how each day's places were released and taken, newest day first, with
 * the draws' seeds and how to check a draw. Plain HTML: no script, each day a `<details>` with a
 * one-line summary and a small table.
 */
export function releasesPage(m: ReleasesPageModel): SafeHtml {
  const t = textsFor(m.lang);
  const path = `/o/${m.office.slug}/pembukaan`;
  const days = [...m.days].reverse();
  // Each day folds (no script needed); the newest day already released opens, the rest stay one line each on a phone.
  const newest = days.find((d) => d.open && d.opensAt.getTime() <= m.now.getTime())?.date;
  const body = html`<h1>${t('citizen.releasesTitle')}</h1>
<p class="lead">${m.office.name}</p>
<p>${m.drawSeconds > 0 ? t('citizen.releasesLead', { seconds: m.drawSeconds }) : t('citizen.releasesLeadNoDraw')}</p>
<p class="muted">${t('citizen.releasesRange', { from: formatDate(m.from, m.lang), to: formatDate(m.to, m.lang), zone: zoneAbbreviation(m.office.timezone) })}</p>
${days.length === 0 ? html`<p class="notice">${t('citizen.releasesNone')}</p>` : ''}
${days.map((d) =>
  d.open
    ? html`<details class="section release-day" data-release-day="${d.date}"${d.date === newest ? ' open' : ''}><summary><strong>${formatDate(d.date, m.lang)}</strong><br><span class="muted">${t('citizen.releasesSummary', { taken: d.taken.inDraw + d.taken.afterDraw, online: d.places.releasedOnline })}</span></summary>${openDay(m, d)}</details>`
    : html`<p class="release-closed muted" data-release-day="${d.date}"><strong>${formatDate(d.date, m.lang)}</strong> · ${t('citizen.releasesClosed', { reason: d.closure ? closureReason(d.closure, m.lang) : '' })}</p>`,
)}
<section class="section" aria-labelledby="check-draw">
<h2 id="check-draw">${t('citizen.releasesCheckTitle')}</h2>
<p>${t('citizen.releasesCheckText')}</p>
<p class="muted">${t('citizen.releasesCounting')}</p>
<p><a href="/api/v1/offices/${m.office.slug}/releases?from=${m.from}&amp;to=${m.to}">${t('citizen.releasesApi')}</a></p>
</section>`;
  return citizenPage({ lang: m.lang, title: t('citizen.releasesTitle'), officeName: m.office.name, logoUrl: m.logoUrl, path, body });
}
