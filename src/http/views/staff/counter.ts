import { html, type SafeHtml } from '../html.js';
import type { DeskTicket, ServiceChoice } from './desk.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { priorityText, statusText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { FINISH_OUTCOMES } from '../../../domain/counter-work.js';

const st = textsFor(STAFF_LANG);

/** A counter as its pages show it. */
export interface CounterInfo {
  number: number;
  name: string;
  paused: boolean;
}

/** The counter's own name when it says more than "Loket N" (say "Loket Akta"); empty otherwise. */
function otherName(c: CounterInfo): string {
  return c.name.trim() === st('staff.counterTitle', { n: c.number }) ? '' : c.name;
}

/** The base path of a counter's page. */
export function counterPath(slug: string, counter?: number): string {
  return counter === undefined ? `/staff/counter/${slug}` : `/staff/counter/${slug}/${counter}`;
}

/** `/staff/counter/:slug`: which counter this PC serves today, one big button each. */
export function counterChoicePage(viewer: PageViewer, office: { slug: string; name: string }, counters: CounterInfo[]): SafeHtml {
  const body = html`<div class="page">
<h1>${st('staff.counterChooseTitle')}</h1>
<p class="lead">${st('staff.counterChooseLead')}</p>
<ul class="tiles tiles-counters">${counters.map(
    (c) => html`<li><a class="tile tile-counter" href="${counterPath(office.slug, c.number)}"><span class="tile-title">${st('staff.counterTitle', { n: c.number })}</span>${otherName(c) || c.paused ? html`<span class="tile-help">${[otherName(c), c.paused ? st('staff.counterPausedBadge') : ''].filter(Boolean).join(' · ')}</span>` : ''}</a></li>`,
  )}</ul>
</div>`;
  return staffPage({ title: st('staff.counterChooseTitle'), viewer, officeName: office.name, body });
}

/** Everything a counter's page shows. */
export interface CounterModel {
  viewer: PageViewer;
  office: { slug: string; name: string };
  counter: CounterInfo;
  ticket: DeskTicket | null;
  waiting: number;
  /** Services a ticket may be transferred to. */
  services: ServiceChoice[];
  /** What the last action did, in words. */
  done?: string | undefined;
  /** Why the last action was refused, in words. */
  problem?: string | undefined;
  /** The latest skip while it may be taken back: its number and until when (HH.MM). */
  undoSkip?: { queueNumber: string; until: string } | null | undefined;
  /** Codes of the services some other counter serves: a transfer to the rest is refused. */
  transferable?: readonly string[] | undefined;
  /** Another clerk holds this counter today: only the warning and the take-over are shown. */
  held?: { clerk: string; since: string } | undefined;
  /** Nobody holds the counter today and the viewer (an admin looking in) did not take it. */
  unclaimed?: boolean | undefined;
}

/** Counter actions: the page's form path and the JSON API path are named alike. */
export type CounterAction = 'call-next' | 'recall' | 'skip' | 'start' | 'finish' | 'finish-and-call-next' | 'undo-skip' | 'transfer' | 'pause' | 'resume' | 'take-over';

function actionForm(m: CounterModel, action: CounterAction, label: string, kind: 'primary' | 'plain' | 'quiet' | 'warn', extra: SafeHtml = html``): SafeHtml {
  const cls = kind === 'primary' ? 'button button-primary button-huge' : kind === 'warn' ? 'button button-warn button-big' : kind === 'quiet' ? 'button button-quiet' : 'button button-big';
  return html`<form method="post" action="${counterPath(m.office.slug, m.counter.number)}/${action}" class="counter-action">
${csrfField(m.viewer.csrf)}${extra}
<button type="submit" class="${cls}"${kind === 'primary' ? html` data-primary autofocus` : ''}>${label}</button>
</form>`;
}

/**
 * Finishing: how the visit ended (served preselected), then one press to finish and call the
 * next person, or finish only (before a break). One form, two buttons, each posting to its own
 * action, so the outcome goes with whichever is pressed.
 */
function finishForm(m: CounterModel): SafeHtml {
  const base = `${counterPath(m.office.slug, m.counter.number)}`;
  return html`<form method="post" action="${base}/finish-and-call-next" class="counter-action counter-finish">
${csrfField(m.viewer.csrf)}
<fieldset class="outcome"><legend>${st('staff.outcomeLabel')}</legend>
${FINISH_OUTCOMES.map((o) => html`<label class="outcome-choice"><input type="radio" name="outcome" value="${o}"${o === 'served' ? ' checked' : ''}> ${st(`staff.outcome.${o}`)}</label>`)}
</fieldset>
<button type="submit" class="button button-primary button-huge" data-primary autofocus>${st('staff.finishAndNext')}</button>
<button type="submit" class="button button-big" formaction="${base}/finish">${st('staff.finishOnly')}</button>
</form>`;
}

function ticketPanel(tk: DeskTicket): SafeHtml {
  return html`<div class="now-ticket">
<p class="now-number" data-current>${tk.queueNumber}</p>
<div class="now-who">
<p class="now-name">${tk.name}</p>
<p class="now-meta">${tk.serviceName}${tk.priority ? html` · <strong class="badge">${priorityText(STAFF_LANG, tk.priority)}</strong>` : ''}</p>
<p class="now-status">${tk.status === 'serving' ? statusText(STAFF_LANG, 'serving') : st('staff.statusCalled')}</p>
</div>
</div>`;
}

/**
 * `/staff/counter/:slug/:n`: the person at the counter in large type and only the actions that
 * apply now, the likely next one first and focused. Plain forms; the script posts them in the
 * background and swaps in the page the server answers with, so a double click never calls two
 * people.
 */
export function counterPage(m: CounterModel): SafeHtml {
  const tk = m.ticket;
  let panel: SafeHtml;
  let actions: SafeHtml;
  if (m.held) {
    panel = html`<div class="now-empty" data-counter-held><p class="now-title">${st('staff.counterHeldTitle', { n: m.counter.number, clerk: m.held.clerk })}</p>
<p>${st('staff.counterHeldLead', { clerk: m.held.clerk, since: m.held.since })}</p>
<p class="muted">${st('staff.counterHeldHelp', { clerk: m.held.clerk })}</p></div>`;
    actions = actionForm(m, 'take-over', st('staff.takeOver', { n: m.counter.number }), 'primary');
  } else if (m.counter.paused) {
    panel = html`<div class="now-empty"><p class="now-title">${st('staff.counterPaused')}</p><p class="muted">${st('staff.counterPausedHelp')}</p></div>`;
    actions = actionForm(m, 'resume', st('staff.resume'), 'primary');
  } else if (!tk) {
    panel = html`<div class="now-empty"><p class="now-title">${st('staff.counterFree')}</p><p class="muted">${st('staff.counterFreeHelp')}</p></div>`;
    const undo = m.undoSkip ? actionForm(m, 'undo-skip', st('staff.undoSkip', { queue: m.undoSkip.queueNumber, until: m.undoSkip.until }), 'plain') : '';
    actions = html`${actionForm(m, 'call-next', st('staff.callNext'), 'primary')}${undo}${actionForm(m, 'pause', st('staff.pause'), 'quiet')}`;
  } else if (tk.status === 'called') {
    panel = ticketPanel(tk);
    actions = html`${actionForm(m, 'start', st('staff.start'), 'primary')}${actionForm(m, 'recall', st('staff.recall'), 'plain')}${actionForm(m, 'skip', st('staff.skip'), 'warn')}`;
  } else {
    panel = ticketPanel(tk);
    const others = m.services.filter((s) => s.code !== tk.service);
    const reachable = (code: string) => !m.transferable || m.transferable.includes(code);
    // A service no other counter serves stays listed, marked, so the clerk learns why it cannot go there.
    const select = html`<label for="transfer-service">${st('staff.transferLabel')}</label>
<select id="transfer-service" name="service" required>${others.map((s) => html`<option value="${s.code}"${reachable(s.code) ? '' : ' disabled'}>${reachable(s.code) ? s.name : st('staff.transferNoCounter', { service: s.name })}</option>`)}</select>`;
    actions = html`${finishForm(m)}
<div class="transfer">${actionForm(m, 'transfer', st('staff.transfer'), 'plain', select)}</div>`;
  }
  if (m.unclaimed && !m.held) {
    panel = html`<p class="muted" data-counter-unclaimed>${st('staff.counterUnclaimed', { n: m.counter.number })}</p>${panel}`;
    actions = html`${actions}${actionForm(m, 'take-over', st('staff.claimCounter', { n: m.counter.number }), 'plain')}`;
  }
  const body = html`<div class="page counter-page" data-counter-page data-events="/api/v1/offices/${m.office.slug}/display/events">
<div class="counter-head">
<h1>${st('staff.counterTitle', { n: m.counter.number })}${otherName(m.counter) ? html` <span class="muted counter-name">${m.counter.name}</span>` : ''}</h1>
<a href="${counterPath(m.office.slug)}">${st('staff.otherCounter')}</a>
</div>
<div data-flash>${m.done ? notice('ok', m.done) : m.problem ? notice('problem', m.problem) : ''}</div>
<section class="card counter-now" aria-live="polite">${panel}</section>
<div class="counter-actions">${actions}</div>
<p class="waiting-line" data-waiting>${m.waiting ? st('staff.waitingCount', { n: m.waiting }) : st('staff.noneWaiting')}</p>
</div>`;
  return staffPage({ title: st('staff.counterTitle', { n: m.counter.number }), viewer: m.viewer, officeName: m.office.name, body, scripts: ['staff-counter.js'] });
}
