import { html, type SafeHtml } from '../html.js';
import type { DeskTicket, ServiceChoice } from './desk.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';
import { priorityName, st } from './texts.js';

/** A counter as its pages show it. */
export interface CounterInfo {
  number: number;
  name: string;
  paused: boolean;
}

/** The counter's own name when it says more than "Loket N" (say "Loket Akta"); empty otherwise. */
function otherName(c: CounterInfo): string {
  return c.name.trim() === st('counterTitle', { n: c.number }) ? '' : c.name;
}

/** The base path of a counter's page. */
export function counterPath(slug: string, counter?: number): string {
  return counter === undefined ? `/staff/counter/${slug}` : `/staff/counter/${slug}/${counter}`;
}

/** `/staff/counter/:slug`: which counter this PC serves today, one big button each. */
export function counterChoicePage(viewer: PageViewer, office: { slug: string; name: string }, counters: CounterInfo[]): SafeHtml {
  const body = html`<div class="page">
<h1>${st('counterChooseTitle')}</h1>
<p class="lead">${st('counterChooseLead')}</p>
<ul class="tiles tiles-counters">${counters.map(
    (c) => html`<li><a class="tile tile-counter" href="${counterPath(office.slug, c.number)}"><span class="tile-title">${st('counterTitle', { n: c.number })}</span>${otherName(c) || c.paused ? html`<span class="tile-help">${[otherName(c), c.paused ? st('counterPausedBadge') : ''].filter(Boolean).join(' · ')}</span>` : ''}</a></li>`,
  )}</ul>
</div>`;
  return staffPage({ title: st('counterChooseTitle'), viewer, officeName: office.name, body });
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
}

/** Counter actions: the page's form path and the JSON API path are named alike. */
export type CounterAction = 'call-next' | 'recall' | 'skip' | 'start' | 'finish' | 'transfer' | 'pause' | 'resume';

function actionForm(m: CounterModel, action: CounterAction, label: string, kind: 'primary' | 'plain' | 'quiet' | 'warn', extra: SafeHtml = html``): SafeHtml {
  const cls = kind === 'primary' ? 'button button-primary button-huge' : kind === 'warn' ? 'button button-warn button-big' : kind === 'quiet' ? 'button button-quiet' : 'button button-big';
  return html`<form method="post" action="${counterPath(m.office.slug, m.counter.number)}/${action}" class="counter-action">
${csrfField(m.viewer.csrf)}${extra}
<button type="submit" class="${cls}"${kind === 'primary' ? html` data-primary autofocus` : ''}>${label}</button>
</form>`;
}

function ticketPanel(tk: DeskTicket): SafeHtml {
  return html`<div class="now-ticket">
<p class="now-number" data-current>${tk.queueNumber}</p>
<div class="now-who">
<p class="now-name">${tk.name}</p>
<p class="now-meta">${tk.serviceName}${tk.priority ? html` · <strong class="badge">${priorityName(tk.priority)}</strong>` : ''}</p>
<p class="now-status">${tk.status === 'serving' ? st('statusServing') : st('statusCalled')}</p>
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
  if (m.counter.paused) {
    panel = html`<div class="now-empty"><p class="now-title">${st('counterPaused')}</p><p class="muted">${st('counterPausedHelp')}</p></div>`;
    actions = actionForm(m, 'resume', st('resume'), 'primary');
  } else if (!tk) {
    panel = html`<div class="now-empty"><p class="now-title">${st('counterFree')}</p><p class="muted">${st('counterFreeHelp')}</p></div>`;
    actions = html`${actionForm(m, 'call-next', st('callNext'), 'primary')}${actionForm(m, 'pause', st('pause'), 'quiet')}`;
  } else if (tk.status === 'called') {
    panel = ticketPanel(tk);
    actions = html`${actionForm(m, 'start', st('start'), 'primary')}${actionForm(m, 'recall', st('recall'), 'plain')}${actionForm(m, 'skip', st('skip'), 'warn')}`;
  } else {
    panel = ticketPanel(tk);
    const others = m.services.filter((s) => s.code !== tk.service);
    const select = html`<label for="transfer-service">${st('transferLabel')}</label>
<select id="transfer-service" name="service" required>${others.map((s) => html`<option value="${s.code}">${s.name}</option>`)}</select>`;
    actions = html`${actionForm(m, 'finish', st('finish'), 'primary')}
<div class="transfer">${actionForm(m, 'transfer', st('transfer'), 'plain', select)}</div>`;
  }
  const body = html`<div class="page counter-page" data-counter-page data-events="/api/v1/offices/${m.office.slug}/display/events">
<div class="counter-head">
<h1>${st('counterTitle', { n: m.counter.number })}${otherName(m.counter) ? html` <span class="muted counter-name">${m.counter.name}</span>` : ''}</h1>
<a href="${counterPath(m.office.slug)}">${st('otherCounter')}</a>
</div>
<div data-flash>${m.done ? notice('ok', m.done) : m.problem ? notice('problem', m.problem) : ''}</div>
<section class="card counter-now" aria-live="polite">${panel}</section>
<div class="counter-actions">${actions}</div>
<p class="waiting-line" data-waiting>${m.waiting ? st('waitingCount', { n: m.waiting }) : st('noneWaiting')}</p>
</div>`;
  return staffPage({ title: st('counterTitle', { n: m.counter.number }), viewer: m.viewer, officeName: m.office.name, body, scripts: ['staff-counter.js'] });
}
