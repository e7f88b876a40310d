import type { DisplayState } from '../../../app/floor/queries/get-display-state.js';
import { staffHead } from './layout.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../../texts/indonesian-format.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** How many earlier calls the board lists beside the current one. */
export const RECENT_ON_BOARD = 5;

/**
 * The calls the board lists under "earlier": newest first, each number once (a recall is not a
 * second person), the one shown big left out.
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
  if (!s) return st('staff.displayNoSession');
  return st('staff.displaySession', { letter: s.letter, start: formatTime(s.start, STAFF_LANG), end: formatTime(s.end, STAFF_LANG), zone: zoneAbbreviation(state.office.timezone) });
}

const counterLabel = (n: number | null) => (n === null ? '' : `${st('staff.displayCounter')} ${n}`);

/** The parts of the board that change while it hangs on the wall; each is one element's content. */
export type BoardPartName = 'session' | 'date' | 'now' | 'recent' | 'waiting' | 'lines' | 'counters';

/** How many service lines fit under the waiting count at a size read from across the room. */
export const LINES_ON_BOARD = 4;

function linesPart(state: DisplayState): SafeHtml {
  const shown = state.lines.slice(0, LINES_ON_BOARD);
  const more = state.lines.length - shown.length;
  return html`${shown.map(
    (l) => html`<li data-line="${l.service}"><span class="line-name">${l.name}</span><span class="line-count">${l.waiting}</span><span class="line-wait">${l.typicalWait ? st('staff.displayLineWait', { from: l.typicalWait.fromMinutes, to: l.typicalWait.toMinutes }) : st('staff.displayLineNoEstimate')}</span></li>`,
  )}${more > 0 ? html`<li class="line-more">${st('staff.displayLinesMore', { n: more })}</li>` : ''}`;
}

/**
 * The inside of each changing part, rendered here only: the page is built from these, and the
 * event stream sends the same markup for `display.js` to swap in, so the browser holds no
 * second template of the board.
 */
export function boardParts(state: DisplayState): Record<BoardPartName, SafeHtml> {
  const now = state.lastCalls[0];
  return {
    session: html`${sessionText(state)}`,
    date: html`${formatDate(state.date, STAFF_LANG)}`,
    now: html`<p class="now-label">${st('staff.displayNow')}</p>
<p class="now-number" data-now-number>${now ? now.queueNumber : ''}</p>
<p class="now-none" data-now-none${now ? ' hidden' : ''}>${st('staff.displayNone')}</p>
<p class="now-counter"${now ? '' : ' hidden'} data-now-where><span class="now-goto">${st('staff.displayGoTo')}</span> <span class="now-counter-name" data-now-counter>${now ? counterLabel(now.counter) : ''}</span></p>`,
    recent: html`${earlierCalls(state).map((c) => html`<li><span class="recent-number">${c.queueNumber}</span><span class="recent-counter">${counterLabel(c.counter)}</span></li>`)}`,
    waiting: html`${state.waiting}`,
    lines: linesPart(state),
    counters: html`${state.counters.map(
      (c) => html`<li${c.paused ? html` class="is-paused" data-paused` : ''}><span class="counter-name">${counterLabel(c.number)}</span><span class="counter-now">${c.paused ? st('staff.displayCounterPaused') : (c.current ?? st('staff.displayCounterFree'))}</span></li>`,
    )}`,
  };
}

/** A live update of the board, as the `board` event carries it: the parts, and the clock they were read at. */
export interface BoardUpdate {
  /** The office's date and minute, which the board's own ticking clock follows. */
  date: string;
  time: string;
  parts: Record<BoardPartName, string>;
}

/** The board's changing parts as markup to swap in, for the event stream. */
export function boardUpdate(state: DisplayState): BoardUpdate {
  const parts = boardParts(state);
  return {
    date: state.date,
    time: state.time,
    parts: {
      session: parts.session.value,
      date: parts.date.value,
      now: parts.now.value,
      recent: parts.recent.value,
      waiting: parts.waiting.value,
      lines: parts.lines.value,
      counters: parts.counters.value,
    },
  };
}

/**
 * `/display/:slug`: the waiting-room TV. Rendered whole on the server, so it shows the current
 * state at once (and, without scripts, refreshes itself every 30 seconds); `display.js` then
 * keeps it live by swapping in the parts the event stream sends, speaks the calls and shows
 * when the link is down. Sizes are in viewport units: the same page fills a 32" and a 65" screen.
 */
export function displayPage(state: DisplayState): SafeHtml {
  const slug = state.office.slug;
  const part = boardParts(state);
  return html`<!doctype html>
<html lang="id">
<head>
${staffHead(`${st('staff.displayTitle')} · ${state.office.name}`, ['display.css'], ['display.js'])}
<noscript><meta http-equiv="refresh" content="30"></noscript>
</head>
<body class="board" data-board data-events="/api/v1/offices/${slug}/display/events" data-timezone="${state.office.timezone}" data-today="${state.date}" data-time="${state.time}" data-t-sound-on="${st('staff.soundOn')}">
<header class="board-top">
<p class="board-office">${state.office.name}</p>
<p class="board-session" data-session data-part="session">${part.session}</p>
<p class="board-clock"><span class="board-time" data-clock>${formatTime(state.time, STAFF_LANG)}</span><span class="board-date" data-date data-part="date">${part.date}</span></p>
</header>
<main class="board-main">
<section class="board-now" data-now data-part="now" aria-live="assertive" aria-atomic="true">${part.now}</section>
<aside class="board-side">
<section class="board-recent">
<h2>${st('staff.displayRecent')}</h2>
<ol data-recent data-part="recent">${part.recent}</ol>
</section>
<section class="board-waiting">
<div class="waiting-total">
<h2>${st('staff.displayWaiting')}</h2>
<p class="waiting-number" data-waiting data-part="waiting">${part.waiting}</p>
</div>
<ul class="board-lines" aria-label="${st('staff.displayLines')}" data-lines data-part="lines">${part.lines}</ul>
</section>
</aside>
</main>
<footer class="board-foot">
<ul class="board-counters" data-counters data-part="counters">${part.counters}</ul>
<p class="board-conn" data-connection role="status" hidden>${st('staff.reconnecting')}</p>
<button type="button" class="board-sound" data-sound hidden>${st('staff.enableSound')}</button>
</footer>
<div class="board-voice" data-no-voice role="alert" hidden><p>${st('staff.displayNoVoice')}</p><button type="button" class="board-voice-close" data-no-voice-close>${st('staff.displayNoVoiceClose')}</button></div>
</body>
</html>
`;
}
