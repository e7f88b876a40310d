import { assetUrl } from '../../static-assets.js';
import { html, type SafeHtml } from '../html.js';
import { textsFor } from '../../../texts/texts.js';
import type { Lang } from '../../../texts/lang.js';

/** What every citizen page shows around its content. */
export interface PageFrame {
  lang: Lang;
  title: string;
  /** The office the page is about, shown in the header; the app's name alone when absent. */
  officeName?: string | undefined;
  /** The office's logo, beside its name in the header. */
  logoUrl?: string | null | undefined;
  /** Path of this page without query, for the language switch. */
  path: string;
  body: SafeHtml;
  /** Reload the page after this many seconds when scripts do not run (a waiting page); none when absent. */
  refreshSeconds?: number | undefined;
}

/**
 * The shell of a citizen page: one stylesheet and one deferred script from this server, no
 * fonts or anything else from other hosts (the office's network may reach only this server).
 */
export function citizenPage(frame: PageFrame): SafeHtml {
  const t = textsFor(frame.lang);
  const other: Lang = frame.lang === 'id' ? 'en' : 'id';
  return html`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${frame.officeName ?? t('citizen.appName')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl('citizen.css')}">
<script src="${assetUrl('citizen.js')}" defer></script>
<meta name="theme-color" content="#0a4d8c">
${frame.refreshSeconds !== undefined ? html`<noscript><meta http-equiv="refresh" content="${String(frame.refreshSeconds)}"></noscript>` : ''}
</head>
<body>
<a class="skip" href="#main">${t('citizen.skipToContent')}</a>
<header class="top">
<div class="wrap top-row">
<a class="brand" href="/">${frame.logoUrl ? html`<img class="brand-logo" src="${frame.logoUrl}" alt="" width="32" height="32">` : ''}<span class="brand-text">${t('citizen.appName')}${frame.officeName ? html`<span class="brand-office">${frame.officeName}</span>` : ''}</span></a>
<a class="lang-switch" href="${frame.path}?lang=${other}" lang="${other}" hreflang="${other}">${t('citizen.switchLanguage')}</a>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${frame.body}
</main>
<footer class="foot wrap"><p>${t('citizen.footer')}</p></footer>
</body>
</html>
`;
}
