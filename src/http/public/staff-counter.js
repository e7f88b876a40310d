/*
 * Counter page. Its buttons are plain forms that work without this script; with it, each
 * press posts its form once in the background (the buttons lock until the answer, so a double
 * click never calls two people) and the page the server answers with, its notice included, is
 * swapped in: the server alone decides what the page says, and there is no full reload. The
 * waiting count follows the floor live.
 */
(() => {
  'use strict';
  const PAGE = '[data-counter-page]';
  if (!document.querySelector(PAGE)) return;

  let busy = false;

  function setBusy(on) {
    for (const b of document.querySelectorAll(`${PAGE} button`)) b.disabled = on;
  }

  /** The page the server answers with, or null when that was the login page (we went there). */
  async function pageFrom(res) {
    if (res.redirected && new URL(res.url).pathname === '/staff/login') {
      location.assign(`/staff/login?next=${encodeURIComponent(location.pathname)}`);
      return null;
    }
    return new DOMParser().parseFromString(await res.text(), 'text/html');
  }

  function swapIn(doc) {
    const fresh = doc.querySelector(PAGE);
    // Not a counter page (say, the counter no longer exists): show the answer as the plain form would.
    if (!fresh) {
      document.documentElement.replaceWith(document.adoptNode(doc.documentElement));
      return;
    }
    document.querySelector(PAGE).replaceWith(fresh);
    const primary = fresh.querySelector('[data-primary]');
    if (primary) primary.focus();
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== 'post' || !form.closest(PAGE)) return;
    event.preventDefault();
    // A form with two buttons (finish and call next, or finish only) posts where the pressed one says.
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
    const action = submitter && submitter.hasAttribute('formaction') ? submitter.formAction : form.action;
    if (busy) return;
    busy = true;
    setBusy(true);
    let doc = null;
    try {
      const res = await fetch(action, {
        method: 'POST',
        headers: { accept: 'text/html' },
        body: new URLSearchParams(new FormData(form, submitter)),
        credentials: 'same-origin',
      });
      doc = await pageFrom(res);
    } catch {
      // No answer (network, server restart): the plain form post tries once more and shows the
      // server's answer as a page.
      form.action = action;
      form.submit();
      return;
    }
    try {
      if (doc) swapIn(doc);
    } catch {
      location.reload();
    } finally {
      busy = false;
      setBusy(false);
    }
  });

  // The number of people waiting follows check-ins at the desk and other counters' calls.
  const events = document.querySelector(PAGE).dataset.events;
  if (events && window.EventSource) {
    let pending = null;
    const source = new EventSource(events);
    source.addEventListener('state', () => {
      clearTimeout(pending);
      pending = setTimeout(async () => {
        if (busy) return;
        const res = await fetch(location.pathname, { headers: { accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' }).catch(() => null);
        const doc = res && (await pageFrom(res).catch(() => null));
        // Another clerk took this counter over: show it at once, in place of the counter's actions.
        if (doc && doc.querySelector('[data-counter-held]') && !document.querySelector('[data-counter-held]')) {
          swapIn(doc);
          return;
        }
        const fresh = doc && doc.querySelector('[data-waiting]');
        const here = document.querySelector('[data-waiting]');
        if (fresh && here && here.textContent !== fresh.textContent) here.textContent = fresh.textContent;
      }, 300);
    });
  }
})();
