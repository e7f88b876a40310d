import type { DisplayState } from '../../../app/get-display-state.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../../domain/indonesian-format.js';
import { staffHead } from './layout.js';
import { html, type SafeHtml } from '../html.js';
import { st } from './texts.js';

/** How many earlier calls the board lists beside the current one. */
export const RECENT_ON_BOARD = 5;

/**
 * The calls the board lists under "earlier": newest first, each number once (a recall is not a
 * second person), the one shown big left out. `display.js` applies the same rule to live updates.
 */
export function earlierCalls(state: DisplayState): DisplayState['lastCalls'] {
  const seen = new Set<string>();
  const earlier: DisplayState['lastCalls'] = [];
  for (const call of state.lastCalls) {
    const isNew = !seen.has(call.queueNumber);
    seen.add(call.queueNumber);
    // The first call is the one shown big.
    if (isNew && seen.size > 1 && earlier.length < RECENT_ON_BOARD) earlier.push(call);
  }
  return earlier;
}

function sessionText(state: DisplayState): string {
  const s = state.currentSession;
  if (!s) return st('displayNoSession');
  return st('displaySession', { letter: s.letter, start: formatTime(s.start, 'id'), end: formatTime(s.end, 'id'), zone: zoneAbbreviation(state.office.timezone) });
}

const counterLabel = (n: number | null) => (n === null ? '' : `${st('displayCounter')} ${n}`);

/**
 * `/display/:slug`: the waiting-room TV. Rendered whole on the server, so it shows the current
 * state at once (and, without scripts, refreshes itself every 30 seconds); `display.js` then
 * keeps it live from the event stream, speaks the calls and shows when the link is down.
 * Sizes are in viewport units: the same page fills a 32" and a 65" screen.
 */
export function displayPage(state: DisplayState): SafeHtml {
  const now = state.lastCalls[0];
  const zone = zoneAbbreviation(state.office.timezone);
  const slug = state.office.slug;
  return html`<!doctype html>
<html lang="id">
<head>
${staffHead(`${st('displayTitle')} · ${state.office.name}`, ['display.css'], ['display.js'])}
<noscript><meta http-equiv="refresh" content="30"></noscript>
</head>
<body class="board" data-board data-events="/api/v1/offices/${slug}/display/events" data-state="/api/v1/offices/${slug}/display/state" data-login="/staff/login?next=${encodeURIComponent(`/display/${slug}`)}" data-timezone="${state.office.timezone}" data-today="${state.date}" data-time="${state.time}" data-zone="${zone}" data-t-counter="${st('displayCounter')}" data-t-session="${st('displaySession', { letter: '{letter}', start: '{start}', end: '{end}', zone: '{zone}' })}" data-t-no-session="${st('displayNoSession')}" data-t-none="${st('displayNone')}" data-t-paused="${st('displayCounterPaused')}" data-t-free="${st('displayCounterFree')}" data-t-sound-on="${st('soundOn')}">
<header class="board-top">
<p class="board-office">${state.office.name}</p>
<p class="board-session" data-session>${sessionText(state)}</p>
<p class="board-clock"><span class="board-time" data-clock>${formatTime(state.time, 'id')}</span><span class="board-date" data-date>${formatDate(state.date, 'id')}</span></p>
</header>
<main class="board-main">
<section class="board-now" data-now aria-live="assertive" aria-atomic="true">
<p class="now-label">${st('displayNow')}</p>
<p class="now-number" data-now-number>${now ? now.queueNumber : ''}</p>
<p class="now-none" data-now-none${now ? ' hidden' : ''}>${st('displayNone')}</p>
<p class="now-counter"${now ? '' : ' hidden'} data-now-where><span class="now-goto">${st('displayGoTo')}</span> <span class="now-counter-name" data-now-counter>${now ? counterLabel(now.counter) : ''}</span></p>
</section>
<aside class="board-side">
<section class="board-recent">
<h2>${st('displayRecent')}</h2>
<ol data-recent>${earlierCalls(state).map((c) => html`<li><span class="recent-number">${c.queueNumber}</span><span class="recent-counter">${counterLabel(c.counter)}</span></li>`)}</ol>
</section>
<section class="board-waiting">
<h2>${st('displayWaiting')}</h2>
<p class="waiting-number" data-waiting>${state.waiting}</p>
</section>
</aside>
</main>
<footer class="board-foot">
<ul class="board-counters" data-counters>${state.counters.map(
    (c) => html`<li${c.paused ? html` class="is-paused"` : ''}><span class="counter-name">${counterLabel(c.number)}</span><span class="counter-now">${c.paused ? st('displayCounterPaused') : (c.current ?? st('displayCounterFree'))}</span></li>`,
  )}</ul>
<p class="board-conn" data-connection role="status" hidden>${st('reconnecting')}</p>
<button type="button" class="board-sound" data-sound hidden>${st('enableSound')}</button>
</footer>
</body>
</html>
`;
}
