import type { Role } from '../../../domain/staff-role.js';
import { html, type SafeHtml } from '../html.js';
import { type PageViewer, staffPage } from './layout.js';
import { type StaffTextKey, st } from './texts.js';

/** An office with the staff screens the viewer may open there. */
export interface OfficeScreens {
  slug: string;
  name: string;
}

const SCREENS: { role: Role; path: (slug: string) => string; title: StaffTextKey; help: StaffTextKey }[] = [
  { role: 'desk', path: (s) => `/staff/desk/${s}`, title: 'homeDesk', help: 'homeDeskHelp' },
  { role: 'counter', path: (s) => `/staff/counter/${s}`, title: 'homeCounter', help: 'homeCounterHelp' },
  { role: 'display', path: (s) => `/display/${s}`, title: 'homeDisplay', help: 'homeDisplayHelp' },
  { role: 'admin', path: (s) => `/staff/admin/offices/${s}`, title: 'homeOffices', help: 'homeOfficesHelp' },
  { role: 'admin', path: (s) => `/staff/admin/audit?office=${s}`, title: 'homeAudit', help: 'homeAuditHelp' },
];

/** `/staff`: the screens of each office that the viewer's role may use; an admin sees them all. */
export function staffHomePage(viewer: PageViewer, offices: OfficeScreens[]): SafeHtml {
  // The board is readable by every role: a desk PC may show it on a second screen.
  const mine = SCREENS.filter((s) => viewer.role === 'admin' || s.role === viewer.role || s.role === 'display');
  const body = html`<div class="page">
<h1>${st('homeTitle')}</h1>
<p class="lead">${st('homeLead')}</p>
${offices.map(
    (o) => html`<section class="office-screens" aria-labelledby="office-${o.slug}">
${offices.length > 1 ? html`<h2 id="office-${o.slug}">${o.name}</h2>` : html`<h2 id="office-${o.slug}" class="vh">${o.name}</h2>`}
<ul class="tiles">${mine.map((s) => html`<li><a class="tile" href="${s.path(o.slug)}"><span class="tile-title">${st(s.title)}</span><span class="tile-help">${st(s.help)}</span></a></li>`)}</ul>
</section>`,
  )}
</div>`;
  return staffPage({ title: st('homeTitle'), viewer, officeName: offices.length === 1 ? offices[0]?.name : undefined, body });
}
