import type { Role } from '../../../domain/staff-role.js';
import { html, type SafeHtml } from '../html.js';
import { type PageViewer, staffPage } from './layout.js';
import { type PlainTextKey, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

/** An office with the staff screens the viewer may open there. */
export interface OfficeScreens {
  slug: string;
  name: string;
}

const SCREENS: { role: Role; path: (slug: string) => string; title: PlainTextKey; help: PlainTextKey }[] = [
  { role: 'desk', path: (s) => `/staff/desk/${s}`, title: 'staff.homeDesk', help: 'staff.homeDeskHelp' },
  { role: 'counter', path: (s) => `/staff/counter/${s}`, title: 'staff.homeCounter', help: 'staff.homeCounterHelp' },
  { role: 'display', path: (s) => `/display/${s}`, title: 'staff.homeDisplay', help: 'staff.homeDisplayHelp' },
  { role: 'admin', path: (s) => `/staff/admin/reports?office=${encodeURIComponent(s)}`, title: 'staff.homeReports', help: 'staff.homeReportsHelp' },
  { role: 'admin', path: (s) => `/staff/admin/closures?office=${s}`, title: 'staff.homeClosures', help: 'staff.homeClosuresHelp' },
  { role: 'admin', path: (s) => `/staff/admin/outbox?office=${encodeURIComponent(s)}`, title: 'staff.homeOutbox', help: 'staff.homeOutboxHelp' },
  { role: 'admin', path: (s) => `/staff/admin/services/${s}`, title: 'staff.homeServices', help: 'staff.homeServicesHelp' },
  { role: 'admin', path: (s) => `/staff/admin/counters/${s}`, title: 'staff.homeCounters', help: 'staff.homeCountersHelp' },
  { role: 'admin', path: () => '/staff/admin/staff', title: 'staff.homeStaff', help: 'staff.homeStaffHelp' },
  { role: 'admin', path: (s) => `/staff/admin/offices/${s}`, title: 'staff.homeOffices', help: 'staff.homeOfficesHelp' },
  { role: 'admin', path: (s) => `/staff/admin/audit?office=${s}`, title: 'staff.homeAudit', help: 'staff.homeAuditHelp' },
];

/** `/staff`: the screens of each office that the viewer's role may use; an admin sees them all. */
export function staffHomePage(viewer: PageViewer, offices: OfficeScreens[]): SafeHtml {
  // The board is readable by every role: a desk PC may show it on a second screen.
  const mine = SCREENS.filter((s) => viewer.role === 'admin' || s.role === viewer.role || s.role === 'display');
  const body = html`<div class="page">
<h1>${st('staff.homeTitle')}</h1>
<p class="lead">${st('staff.homeLead')}</p>
${offices.map(
    (o) => html`<section class="office-screens" aria-labelledby="office-${o.slug}">
${offices.length > 1 ? html`<h2 id="office-${o.slug}">${o.name}</h2>` : html`<h2 id="office-${o.slug}" class="vh">${o.name}</h2>`}
<ul class="tiles">${mine.map((s) => html`<li><a class="tile" href="${s.path(o.slug)}"><span class="tile-title">${st(s.title)}</span><span class="tile-help">${st(s.help)}</span></a></li>`)}</ul>
</section>`,
  )}
</div>`;
  return staffPage({ title: st('staff.homeTitle'), viewer, officeName: offices.length === 1 ? offices[0]?.name : undefined, body });
}
