import { ROLES } from '../../../domain/staff-role.js';
import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, type AdminFrame, adminNotice, adminPage, buttonForm, selectField, textField } from './admin-forms.js';
import { csrfField, notice } from './layout.js';
import { roleName, st } from './texts.js';

/** An account as the admin list shows it. */
export interface StaffLine {
  username: string;
  role: (typeof ROLES)[number];
  /** The office's slug; null for every office. */
  office: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

/** What an account form holds. */
export interface StaffValues {
  username: string;
  role: string;
  office: string;
}

/** The staff pages' base path. */
export const STAFF_ADMIN_PATH = '/staff/admin/staff';

/** Everything the staff list shows. */
export interface StaffModel extends AdminFrame {
  accounts: StaffLine[];
  /** The viewer may leave the office empty: an admin of every office. */
  mayChooseEveryOffice: boolean;
  done?: string | undefined;
  /** A one-time password just made, shown this once. */
  oneTime?: { username: string; password: string } | undefined;
  values?: StaffValues | undefined;
  errors?: AdminFormErrors | undefined;
}

function roleOptions(): { value: string; label: string }[] {
  return ROLES.map((r) => ({ value: r, label: roleName(r) }));
}

function officeOptions(m: AdminFrame & { mayChooseEveryOffice: boolean }): { value: string; label: string }[] {
  return [...(m.mayChooseEveryOffice ? [{ value: '', label: st('allOffices') }] : []), ...m.offices.map((o) => ({ value: o.slug, label: o.name }))];
}

function oneTimeNotice(oneTime: StaffModel['oneTime']): SafeHtml {
  if (!oneTime) return html``;
  return notice(
    'ok',
    st('oneTimeTitle', { user: oneTime.username }),
    html`<p class="one-time" data-one-time-password>${oneTime.password}</p><p>${st('oneTimeLead', { user: oneTime.username })}</p>`,
  );
}

/** `/staff/admin/staff`: the accounts the viewer manages, each with its actions, and the add form. */
export function staffListPage(m: StaffModel): SafeHtml {
  const csrf = m.viewer.csrf;
  const officeName = new Map(m.offices.map((o) => [o.slug, o.name]));
  const rows = m.accounts.map(
    (a) => html`<tr data-user="${a.username}"${a.disabled ? html` class="row-off"` : ''}>
<td>${a.username}${a.mustChangePassword ? html`<br><span class="muted">${st('mustChangeBadge')}</span>` : ''}</td>
<td>${roleName(a.role)}</td>
<td>${a.office === null ? st('allOffices') : (officeName.get(a.office) ?? a.office)}</td>
<td>${a.disabled ? html`<strong>${st('statusOff')}</strong>` : st('statusOn')}</td>
<td><div class="row-actions">
<a class="button" href="${STAFF_ADMIN_PATH}/${a.username}/edit" aria-label="${st('edit')} ${a.username}">${st('edit')}</a>
${buttonForm(`${STAFF_ADMIN_PATH}/${a.username}/${a.disabled ? 'enable' : 'disable'}`, csrf, a.disabled ? st('turnOn') : st('turnOff'), {}, { warn: !a.disabled, accessibleLabel: `${a.disabled ? st('turnOn') : st('turnOff')} ${a.username}` })}
${buttonForm(`${STAFF_ADMIN_PATH}/${a.username}/reset-password`, csrf, st('resetPassword'), {}, { accessibleLabel: `${st('resetPassword')} ${a.username}` })}
</div></td>
</tr>`,
  );
  const v = m.values ?? { username: '', role: 'desk', office: m.mayChooseEveryOffice ? '' : (m.offices[0]?.slug ?? '') };
  const e = m.errors?.fields ?? {};
  const body = html`<h1>${st('staffTitle')}</h1>
<p class="lead">${st('staffLead')}</p>
${oneTimeNotice(m.oneTime)}
${adminNotice(m.done, m.errors)}
<table class="results admin-table">
<thead><tr><th scope="col">${st('colUsername')}</th><th scope="col">${st('colRole')}</th><th scope="col">${st('colOffice')}</th><th scope="col">${st('colActive')}</th><th scope="col">${st('colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<section class="card stack" aria-labelledby="add-title">
<h2 id="add-title">${st('staffAddTitle')}</h2>
<p class="hint">${st('staffAddLead')}</p>
<form method="post" action="${STAFF_ADMIN_PATH}" class="stack" novalidate>
${csrfField(csrf)}
<div class="two-col">
${textField('username', st('usernameLabel'), v.username, e.username, { maxlength: 32 })}
${selectField('role', st('roleLabel'), roleOptions(), v.role, e.role)}
${selectField('office', st('officeLabel'), officeOptions(m), v.office, e.office)}
</div>
<button type="submit" class="button button-primary">${st('staffAddTitle')}</button>
</form>
</section>`;
  return adminPage(m, 'staff', st('staffTitle'), body);
}

/** Everything the account edit page shows. */
export interface StaffEditModel extends AdminFrame {
  username: string;
  mayChooseEveryOffice: boolean;
  values: StaffValues;
  errors?: AdminFormErrors | undefined;
}

/** `/staff/admin/staff/:username/edit`: role and office. */
export function staffEditPage(m: StaffEditModel): SafeHtml {
  const title = st('staffEditTitle', { user: m.username });
  const e = m.errors?.fields ?? {};
  const body = html`<h1>${title}</h1>
${adminNotice(undefined, m.errors)}
<form method="post" action="${STAFF_ADMIN_PATH}/${m.username}" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
<div class="two-col">
${selectField('role', st('roleLabel'), roleOptions(), m.values.role, e.role)}
${selectField('office', st('officeLabel'), officeOptions(m), m.values.office, e.office)}
</div>
<div class="actions"><button type="submit" class="button button-primary">${st('save')}</button> <a class="button button-quiet" href="${STAFF_ADMIN_PATH}">${st('backToList')}</a></div>
</form>`;
  return adminPage(m, 'staff', title, body);
}
