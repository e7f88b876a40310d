import { html, type SafeHtml } from '../html.js';

/** Problems of a form in words: per field, and one for the whole form. */
export interface FormErrors {
  fields: Partial<Record<string, string>>;
  form?: string;
  /** Extra help after the form's problem, such as a link. */
  formAction?: SafeHtml;
}

/** Whether there is anything to show. */
export function hasErrors(errors: FormErrors | undefined): errors is FormErrors {
  return !!errors && (errors.form !== undefined || Object.values(errors.fields).some((m) => m !== undefined));
}

/** One labelled input with its hint and, when it failed, its problem right above it. */
export interface InputOptions {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  type?: 'text' | 'tel' | 'email';
  inputmode?: 'numeric' | 'tel' | 'text' | 'email';
  autocomplete?: string;
  maxlength?: number;
  /** Upper-case on screen as people type codes. */
  autocapitalize?: 'characters' | 'words' | 'off';
  /** May be left empty (the label says so): no `required`. */
  optional?: boolean;
}

/** A text input in the order screen readers and eyes expect: label, hint, problem, box. */
export function inputField(o: InputOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' has-error' : ''}">
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}
${o.error ? html`<p class="error" id="${o.id}-error">${o.error}</p>` : ''}
<input id="${o.id}" name="${o.id}" type="${o.type ?? 'text'}" value="${o.value}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.autocapitalize ? html` autocapitalize="${o.autocapitalize}"` : ''} maxlength="${o.maxlength ?? 100}" spellcheck="false"${o.optional ? '' : html` required aria-required="true"`}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>
</div>`;
}

/**
 * The list of problems at the top of a re-rendered form. It takes focus on load (no script
 * needed), so a screen reader reads it first, and each line links to its field.
 */
export function errorSummary(errors: FormErrors | undefined, title: string, labels: Record<string, string>): SafeHtml {
  if (!hasErrors(errors)) return html``;
  const items = Object.entries(labels)
    .filter(([field]) => errors.fields[field] !== undefined)
    .map(([field, label]) => html`<li><a href="#${field}">${label}: ${errors.fields[field]}</a></li>`);
  return html`<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus>
${errors.form ? html`<p class="error-summary-form">${errors.form}</p>` : ''}${errors.formAction ?? ''}
${items.length ? html`<p class="error-summary-title">${title}</p><ul>${items}</ul>` : ''}
</div>`;
}
