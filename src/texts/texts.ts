import type { DomainError } from '../domain/errors.js';
import type { PriorityGroup } from '../domain/queue-order.js';
import type { Role } from '../domain/staff-role.js';
import { en } from './catalogue.en.js';
import { type Catalogue, id, type TextKey } from './catalogue.id.js';
import { formatDate, formatOpening } from './indonesian-format.js';
import type { Lang } from './lang.js';

export type { TextKey };

const CATALOGUES: Record<Lang, Catalogue> = { id, en };

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a text needs: none for a plain one, an object naming every placeholder otherwise. */
export type TextParams<K extends TextKey> = [Placeholders<(typeof id)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof id)[K]>, string | number>];

/** A text without placeholders: one that can be shown by its key alone. */
export type PlainTextKey = { [K in TextKey]: TextParams<K> extends [] ? K : never }[TextKey];

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => String(params[name] ?? ''));
}

/** A text in a language, its placeholders filled: `t('id', 'staff.counterTitle', { n: 3 })`. */
export function t<K extends TextKey>(lang: Lang, key: K, ...params: TextParams<K>): string {
  return fill(CATALOGUES[lang][key], params[0] ?? {});
}

/** `t` with the language fixed, for views that use many texts. */
export function textsFor(lang: Lang): <K extends TextKey>(key: K, ...params: TextParams<K>) => string {
  return (key, ...params) => t(lang, key, ...params);
}

function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(id, key);
}

/** Whether there are words for an error or field-problem code, so callers can fall back from specific to general. */
export function hasErrorText(code: string): boolean {
  return isTextKey(`error.${code}`);
}

/**
 * The words for an error or field-problem code, `{name}` filled from `params`. The codes come
 * from outside the table (domain errors, schema messages), so an unknown one reads "invalid".
 */
export function errorText(lang: Lang, code: string, params: Readonly<Record<string, string | number>> = {}): string {
  const key = `error.${code}`;
  return fill(CATALOGUES[lang][isTextKey(key) ? key : 'error.INVALID'], params);
}

/** Words for a domain error, specific (`NOT_FOUND_office`) before general (`NOT_FOUND`), its details filled in. */
export function domainErrorText(error: DomainError, lang: Lang): string {
  const d = error.details;
  const specific = typeof d.what === 'string' ? `${error.code}_${d.what}` : '';
  const params: Record<string, string> = {};
  if (typeof d.retryAfterSeconds === 'number') params.minutes = String(Math.max(1, Math.ceil(d.retryAfterSeconds / 60)));
  for (const [k, v] of Object.entries(d)) if (typeof v === 'string' || typeof v === 'number') params[k] ??= String(v);
  if (error.code === 'WRONG_DAY' && typeof d.date === 'string') params.date = formatDate(d.date, lang);
  if (error.code === 'NO_SHOW_BLOCKED' && typeof d.until === 'string') params.until = formatDate(d.until, lang);
  if (error.code === 'NOT_YET_OPEN' && typeof d.opensAt === 'string') params.when = typeof d.zone === 'string' ? formatOpening(new Date(d.opensAt), d.zone, lang) : d.opensAt;
  return errorText(lang, hasErrorText(specific) ? specific : error.code, params);
}

/** A ticket status in words, the same word on every page; an unknown status as it is. */
export function statusText(lang: Lang, status: string): string {
  const key = `status.${status}`;
  return isTextKey(key) ? CATALOGUES[lang][key] : status;
}

/** A staff role in words. */
export function roleText(lang: Lang, role: Role): string {
  return CATALOGUES[lang][`role.${role}`];
}

/** What a staff read of personal data was for, in words; an unknown value as it is. */
export function dataActionText(lang: Lang, action: string): string {
  const key = `dataAction.${action}`;
  return isTextKey(key) ? CATALOGUES[lang][key] : action;
}

/** How a booking was made, in words; an unknown value as it is. */
export function channelText(lang: Lang, channel: string): string {
  const key = `channel.${channel}`;
  return isTextKey(key) ? CATALOGUES[lang][key] : channel;
}

/** A priority group in words; an unknown value as it is. */
export function priorityText(lang: Lang, group: PriorityGroup | string): string {
  const key = `priority.${group}`;
  return isTextKey(key) ? CATALOGUES[lang][key] : group;
}
