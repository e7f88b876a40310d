import { timeIn, todayIn } from '../../../domain/local-date.js';
import { formatShortDate, formatTime } from '../../../texts/indonesian-format.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { type PlainTextKey, type TextKey, textsFor } from '../../../texts/texts.js';
import { html, type SafeHtml } from '../html.js';
import type { PresentedOutboxMessage } from '../../presenters/outbox.js';
import { csrfField, notice, type PageViewer, staffPage } from './layout.js';

const st = textsFor(STAFF_LANG);

/** The filter of the list: one state, or all of them. */
export type OutboxPageFilter = 'waiting' | 'sent' | 'failed' | undefined;

/** The address of an office's outbox page, optionally filtered. */
export function outboxPath(slug: string, status?: OutboxPageFilter): string {
  return `/staff/admin/outbox?office=${encodeURIComponent(slug)}${status ? `&status=${status}` : ''}`;
}

/** Everything the outbox page shows. */
export interface OutboxPageModel {
  viewer: PageViewer;
  office: { slug: string; name: string; timezone: string };
  offices: { slug: string; name: string }[];
  status: OutboxPageFilter;
  messages: PresentedOutboxMessage[];
  /** The message just put back in line. */
  resent?: number | undefined;
  /** Why a resend was refused. */
  problem?: string | undefined;
}

const STATES = ['waiting', 'sent', 'failed'] as const;
const STATE_TEXT: Record<(typeof STATES)[number], PlainTextKey> = {
  waiting: 'staff.outboxStateWaiting',
  sent: 'staff.outboxStateSent',
  failed: 'staff.outboxStateFailed',
};

function known<K extends string>(prefix: string, value: string, keys: readonly K[]): K | undefined {
  const key = `${prefix}${value}`;
  return (keys as readonly string[]).includes(key) ? (key as K) : undefined;
}

const KIND_KEYS = ['booked', 'moved', 'cancelled', 'reminder_evening', 'reminder_before', 'turn_near'].map((k) => `staff.messageKind.${k}`) as (TextKey & `staff.messageKind.${string}`)[];
const REASON_KEYS = ['gave_up', 'not_on_whatsapp', 'rejected', 'outcome_unknown', 'no_longer_due', 'personal_data_erased'].map((k) => `staff.outboxReason.${k}`) as (TextKey & `staff.outboxReason.${string}`)[];

/** "Sel, 1 Des 09.05" in the office's zone. */
function when(iso: string, zone: string): string {
  const at = new Date(iso);
  return `${formatShortDate(todayIn(zone, at), STAFF_LANG)} ${formatTime(timeIn(zone, at), STAFF_LANG)}`;
}

function messageRow(m: PresentedOutboxMessage, model: OutboxPageModel): SafeHtml {
  const zone = model.office.timezone;
  const kind = known('staff.messageKind.', m.kind, KIND_KEYS);
  const reason = m.failureReason ? known('staff.outboxReason.', m.failureReason, REASON_KEYS) : undefined;
  const resendable = m.state !== 'waiting';
  return html`<tr data-message="${m.id}" data-state="${m.state}">
<td>${when(m.createdAt, zone)}</td>
<td>${kind ? st(kind) : m.kind}${m.bookingCode ? html`<br><code>${m.bookingCode}</code>` : ''}</td>
<td>${st(m.channel === 'whatsapp' ? 'staff.channelWhatsapp' : 'staff.channelEmail')}<br><span class="muted">${m.recipientMasked}</span></td>
<td><strong>${st(STATE_TEXT[m.state])}</strong>${reason ? html`<br>${st(reason)}` : m.failureReason ? html`<br>${m.failureReason}` : ''}${m.state === 'waiting' && m.tries > 0 ? html`<br><span class="muted">${st('staff.outboxNextTry', { when: when(m.nextAttemptAt, zone) })}</span>` : ''}</td>
<td>${m.attempts.length
    ? html`<ol class="attempts">${m.attempts.map((a) => html`<li>${when(a.startedAt, zone)} · ${a.outcome ?? '…'}${a.detail ? html` · <span class="muted">${a.detail}</span>` : ''}</li>`)}</ol>`
    : '—'}</td>
<td>${resendable
    ? html`<form method="post" action="/staff/admin/outbox/resend" class="inline">${csrfField(model.viewer.csrf)}<input type="hidden" name="office" value="${model.office.slug}"><input type="hidden" name="id" value="${String(m.id)}"><input type="hidden" name="status" value="${model.status ?? ''}"><button type="submit" class="button" aria-label="${st('staff.outboxResend')}: ${String(m.id)}">${st('staff.outboxResend')}</button></form>`
    : ''}</td>
</tr>`;
}

/** `/staff/admin/outbox`: the office's messages with their attempts, filtered by state; resend one. Works without JavaScript. */
export function outboxPage(m: OutboxPageModel): SafeHtml {
  const body = html`<div class="page">
<h1>${st('staff.outboxTitle')}</h1>
<p class="lead">${st('staff.outboxLead')}</p>
<form method="get" action="/staff/admin/outbox" class="actions">
${m.offices.length > 1
    ? html`<label for="office">${st('staff.closuresOffice')}</label>
<select id="office" name="office">${m.offices.map((o) => html`<option value="${o.slug}"${o.slug === m.office.slug ? ' selected' : ''}>${o.name}</option>`)}</select>`
    : html`<input type="hidden" name="office" value="${m.office.slug}">`}
<label for="status">${st('staff.outboxFilterLabel')}</label>
<select id="status" name="status"><option value="">${st('staff.outboxFilterAll')}</option>${STATES.map((s) => html`<option value="${s}"${s === m.status ? ' selected' : ''}>${st(STATE_TEXT[s])}</option>`)}</select>
<button type="submit" class="button">${st('staff.closuresShowOffice')}</button>
</form>
${m.resent !== undefined ? notice('ok', st('staff.outboxResent', { id: m.resent })) : ''}
${m.problem ? notice('problem', m.problem) : ''}
<p class="hint">${st('staff.outboxShowing')}</p>
${m.messages.length
    ? html`<table class="results" data-outbox><thead><tr><th scope="col">${st('staff.colCreated')}</th><th scope="col">${st('staff.colMessage')}</th><th scope="col">${st('staff.colRecipient')}</th><th scope="col">${st('staff.colStatus')}</th><th scope="col">${st('staff.colAttempts')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${m.messages.map((msg) => messageRow(msg, m))}</tbody></table>`
    : html`<p class="muted">${st('staff.outboxNone')}</p>`}
</div>`;
  return staffPage({ title: st('staff.outboxTitle'), viewer: m.viewer, officeName: m.office.name, body });
}
