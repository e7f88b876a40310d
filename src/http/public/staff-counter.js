/*
 * Counter page. Its buttons are plain forms that work without this script; with it, each
 * press calls the JSON API once (the buttons lock until the answer, so a double click never
 * calls two people), then the page's own HTML is fetched again and swapped in: one source of
 * markup, no full reload. The waiting count follows the floor live.
 */
(() => {
  'use strict';
  const PAGE = '[data-counter-page]';
  if (!document.querySelector(PAGE)) return;

  /** The notice key the page shows after each API action (see DONE in pages/staff/counter.ts). */
  const OK = { 'call-next': 'called', recall: 'recalled', skip: 'skipped', start: 'started', finish: 'finished', transfer: 'transferred', pause: 'paused', resume: 'resumed' };
  let busy = false;

  function setBusy(on) {
    for (const b of document.querySelectorAll(`${PAGE} button`)) b.disabled = on;
  }

  async function fetchPage(query) {
    const url = location.pathname + (query ? `?${query}` : '');
    const res = await fetch(url, { headers: { accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' });
    if (res.redirected && new URL(res.url).pathname === '/staff/login') {
      location.assign(res.url);
      return null;
    }
    return new DOMParser().parseFromString(await res.text(), 'text/html');
  }

  function problemNotice(words) {
    const box = document.createElement('div');
    box.className = 'notice notice-problem';
    box.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.className = 'notice-title';
    p.textContent = words;
    box.append(p);
    return box;
  }

  async function swapIn(query, problem) {
    const doc = await fetchPage(query);
    const fresh = doc && doc.querySelector(PAGE);
    if (!fresh) return;
    document.querySelector(PAGE).replaceWith(fresh);
    if (problem) fresh.querySelector('[data-flash]').replaceChildren(problemNotice(problem));
    const primary = fresh.querySelector('[data-primary]');
    if (primary) primary.focus();
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    setBusy(true);
    const data = new FormData(form);
    const payload = {};
    for (const [key, value] of data) if (key !== '_csrf') payload[key] = String(value);
    const action = form.dataset.api.split('/').pop();
    let query = '';
    let problem = '';
    try {
      const res = await fetch(form.dataset.api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': String(data.get('_csrf') || '') },
        body: JSON.stringify(payload),
        credentials: 'same-origin',
      });
      if (res.status === 401) {
        location.assign(`/staff/login?next=${encodeURIComponent(location.pathname)}`);
        return;
      }
      if (res.status === 204) {
        query = 'ok=none_waiting';
      } else {
        const json = await res.json();
        if (res.ok) {
          const q = new URLSearchParams({ ok: OK[action] || '' });
          if (json.ticket && json.ticket.queueNumber) q.set('q', json.ticket.queueNumber);
          if (payload.service) q.set('to', payload.service);
          query = q.toString();
        } else {
          problem = (json.error && json.error.message) || String(res.status);
        }
      }
    } catch {
      // No answer from the API (network, server restart): the plain form post tries once more
      // and shows the server's answer as a page.
      form.submit();
      return;
    }
    try {
      await swapIn(query, problem);
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
        const doc = await fetchPage('').catch(() => null);
        const fresh = doc && doc.querySelector('[data-waiting]');
        const here = document.querySelector('[data-waiting]');
        if (fresh && here && here.textContent !== fresh.textContent) here.textContent = fresh.textContent;
      }, 300);
    });
  }
})();
