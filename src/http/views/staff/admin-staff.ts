import { ROLES } from '../../../domain/staff-role.js';
import { html, type SafeHtml } from '../html.js';
import { type AdminFormErrors, type AdminFrame, adminNotice, adminPage, buttonForm, selectField, textField } from './admin-forms.js';
import { csrfField, notice } from './layout.js';
import { roleText, textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';

const st = textsFor(STAFF_LANG);

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
  return ROLES.map((r) => ({ value: r, label: roleText(STAFF_LANG, r) }));
}

function officeOptions(m: AdminFrame & { mayChooseEveryOffice: boolean }): { value: string; label: string }[] {
  return [...(m.mayChooseEveryOffice ? [{ value: '', label: st('staff.allOffices') }] : []), ...m.offices.map((o) => ({ value: o.slug, label: o.name }))];
}

function oneTimeNotice(oneTime: StaffModel['oneTime']): SafeHtml {
  if (!oneTime) return html``;
  return notice(
    'ok',
    st('staff.oneTimeTitle', { user: oneTime.username }),
    html`<p class="one-time" data-one-time-password>${oneTime.password}</p><p>${st('staff.oneTimeLead', { user: oneTime.username })}</p>`,
  );
}

/** `/staff/admin/staff`: the accounts the viewer manages, each with its actions, and the add form. */
export function staffListPage(m: StaffModel): SafeHtml {
  const csrf = m.viewer.csrf;
  const officeName = new Map(m.offices.map((o) => [o.slug, o.name]));
  const rows = m.accounts.map(
    (a) => html`<tr data-user="${a.username}"${a.disabled ? html` class="row-off"` : ''}>
<td>${a.username}${a.mustChangePassword ? html`<br><span class="muted">${st('staff.mustChangeBadge')}</span>` : ''}</td>
<td>${roleText(STAFF_LANG, a.role)}</td>
<td>${a.office === null ? st('staff.allOffices') : (officeName.get(a.office) ?? a.office)}</td>
<td>${a.disabled ? html`<strong>${st('staff.statusOff')}</strong>` : st('staff.statusOn')}</td>
<td><div class="row-actions">
<a class="button" href="${STAFF_ADMIN_PATH}/${a.username}/edit" aria-label="${st('staff.edit')} ${a.username}">${st('staff.edit')}</a>
${buttonForm(`${STAFF_ADMIN_PATH}/${a.username}/${a.disabled ? 'enable' : 'disable'}`, csrf, a.disabled ? st('staff.turnOn') : st('staff.turnOff'), {}, { warn: !a.disabled, accessibleLabel: `${a.disabled ? st('staff.turnOn') : st('staff.turnOff')} ${a.username}` })}
${buttonForm(`${STAFF_ADMIN_PATH}/${a.username}/reset-password`, csrf, st('staff.resetPassword'), {}, { accessibleLabel: `${st('staff.resetPassword')} ${a.username}` })}
</div></td>
</tr>`,
  );
  const v = m.values ?? { username: '', role: 'desk', office: m.mayChooseEveryOffice ? '' : (m.offices[0]?.slug ?? '') };
  const e = m.errors?.fields ?? {};
  const body = html`<h1>${st('staff.staffTitle')}</h1>
<p class="lead">${st('staff.staffLead')}</p>
${oneTimeNotice(m.oneTime)}
${adminNotice(m.done, m.errors)}
<table class="results admin-table">
<thead><tr><th scope="col">${st('staff.colUsername')}</th><th scope="col">${st('staff.colRole')}</th><th scope="col">${st('staff.colOffice')}</th><th scope="col">${st('staff.colActive')}</th><th scope="col">${st('staff.colActions')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<section class="card stack" aria-labelledby="add-title">
<h2 id="add-title">${st('staff.staffAddTitle')}</h2>
<p class="hint">${st('staff.staffAddLead')}</p>
<form method="post" action="${STAFF_ADMIN_PATH}" class="stack" novalidate>
${csrfField(csrf)}
<div class="two-col">
${textField('username', st('staff.usernameLabel'), v.username, e.username, { maxlength: 32 })}
${selectField('role', st('staff.roleLabel'), roleOptions(), v.role, e.role)}
${selectField('office', st('staff.officeLabel'), officeOptions(m), v.office, e.office)}
</div>
<button type="submit" class="button button-primary">${st('staff.staffAddTitle')}</button>
</form>
</section>`;
  return adminPage(m, 'staff', st('staff.staffTitle'), body);
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
  const title = st('staff.staffEditTitle', { user: m.username });
  const e = m.errors?.fields ?? {};
  const body = html`<h1>${title}</h1>
${adminNotice(undefined, m.errors)}
<form method="post" action="${STAFF_ADMIN_PATH}/${m.username}" class="card stack" novalidate>
${csrfField(m.viewer.csrf)}
<div class="two-col">
${selectField('role', st('staff.roleLabel'), roleOptions(), m.values.role, e.role)}
${selectField('office', st('staff.officeLabel'), officeOptions(m), m.values.office, e.office)}
</div>
<div class="actions"><button type="submit" class="button button-primary">${st('staff.save')}</button> <a class="button button-quiet" href="${STAFF_ADMIN_PATH}">${st('staff.backToList')}</a></div>
</form>`;
  return adminPage(m, 'staff', title, body);
}
