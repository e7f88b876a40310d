/*
 * Small enhancements of the citizen pages, which work fully without this file:
 * live remaining places on the booking and move forms, one booking per tap, the ticket's
 * print button, and the ticket following its day live (place in line, the counter calling).
 * No framework, nothing from other hosts.
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-availability]');
  if (form) liveAvailability(form);

  // The booking's proof of work, solved in the background while the person types or reads.
  var proofToken = document.querySelector('form input[name="proofToken"][data-difficulty]');
  if (proofToken) solveProof(proofToken);

  var bookForm = document.querySelector('form.book');
  if (bookForm) guardDoubleSubmit(bookForm);
  // "Ambil nomor" on the review: one tap, one booking (the idempotency key makes a second harmless).
  var reviewForm = document.querySelector('form.review');
  if (reviewForm) guardDoubleSubmit(reviewForm);

  // Links to another day ("next day with places") open that day's panel.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-open-day]');
    if (!link) return;
    var day = document.getElementById('day-' + link.getAttribute('data-open-day'));
    if (!day) return;
    event.preventDefault();
    day.open = true;
    day.scrollIntoView({ block: 'start' });
    var summary = day.querySelector('summary');
    if (summary) summary.focus();
  });

  var ticketLive = document.querySelector('[data-ticket-live]');
  if (ticketLive) liveTicket(ticketLive);

  var entryLive = document.querySelector('[data-entry-live]');
  if (entryLive) liveEntry(entryLive);

  var print = document.querySelector('[data-print]');
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }

  /*
   * Finds a nonce such that sha256(token + ':' + nonce) starts with `difficulty` zero bits and
   * puts it in the form's proofNonce field. Web Crypto needs a secure context (HTTPS or
   * localhost); elsewhere the field stays empty and the server takes the seconds the form was
   * open instead, so nothing here can stop a booking.
   */
  function solveProof(tokenInput) {
    var nonceInput = tokenInput.form && tokenInput.form.querySelector('input[name="proofNonce"]');
    var difficulty = Number(tokenInput.getAttribute('data-difficulty'));
    if (!nonceInput || nonceInput.value || !(difficulty > 0)) return;
    if (!window.isSecureContext || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
    var token = tokenInput.value;
    var encoder = new TextEncoder();
    var BATCH = 256;

    function zeroBits(buffer) {
      var bytes = new Uint8Array(buffer);
      var bits = 0;
      for (var i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0) { bits += 8; continue; }
        return bits + Math.clz32(bytes[i]) - 24;
      }
      return bits;
    }

    function round(start) {
      var tries = [];
      for (var n = start; n < start + BATCH; n++) {
        tries.push(crypto.subtle.digest('SHA-256', encoder.encode(token + ':' + n.toString(36))));
      }
      return Promise.all(tries).then(function (digests) {
        for (var i = 0; i < digests.length; i++) {
          if (zeroBits(digests[i]) >= difficulty) {
            nonceInput.value = (start + i).toString(36);
            tokenInput.form.setAttribute('data-proof', 'solved');
            return;
          }
        }
        // Yield between rounds so typing stays smooth on a cheap phone.
        setTimeout(function () { round(start + BATCH); }, 0);
      });
    }
    round(0).catch(function () { /* the wait path still books */ });
  }

  function guardDoubleSubmit(f) {
    var sent = false;
    f.addEventListener('submit', function (event) {
      // The form's idempotency key already makes a second tap harmless; this spares the trip.
      if (sent) { event.preventDefault(); return; }
      sent = true;
      // On a stalled connection, let a later tap try again; the same key books at most once.
      setTimeout(function () { sent = false; }, 15000);
      var pressed = event.submitter;
      if (pressed && pressed.classList.contains('slot')) {
        pressed.classList.add('slot-busy');
        pressed.setAttribute('aria-busy', 'true');
        var left = pressed.querySelector('.slot-left');
        if (left) left.textContent = f.getAttribute('data-t-busy');
      }
    });
    // Back from the ticket (page restored from cache): the form may be used again.
    window.addEventListener('pageshow', function () { sent = false; });
  }

  function liveAvailability(f) {
    var url = f.getAttribute('data-availability');
    var eventsUrl = f.getAttribute('data-events');
    var timer = null;

    // The words come with the numbers, from the server, in the page's language.
    function apply(data) {
      data.days.forEach(function (day) {
        day.sessions.forEach(function (s) {
          var button = f.querySelector('button[data-slot="' + day.date + '|' + s.id + '"]');
          if (!button || button.hasAttribute('data-current') || button.classList.contains('slot-busy')) return;
          button.disabled = !s.bookable;
          button.classList.toggle('slot-off', !s.bookable);
          var left = button.querySelector('.slot-left');
          if (left) left.textContent = s.label;
        });
        var dayLeft = f.querySelector('details[data-day="' + day.date + '"] [data-day-left]');
        if (dayLeft && day.label) {
          dayLeft.textContent = day.label;
          dayLeft.classList.toggle('day-left-none', !day.places);
        }
      });
    }

    function refresh() {
      timer = null;
      fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && data.days) apply(data); })
        .catch(function () { /* offline for a moment: the next change or poll tries again */ });
    }

    // Bookings come in bursts when a day opens; spread the refreshes of many phones out.
    function soon() {
      if (timer) return;
      timer = setTimeout(refresh, 500 + Math.random() * 1500);
    }

    var events = null;
    function listen() {
      if (!window.EventSource || !eventsUrl || events) return;
      events = new EventSource(eventsUrl);
      events.addEventListener('availability', soon);
    }
    listen();
    // An open stream would keep the page out of the back/forward cache; reopen it on return.
    window.addEventListener('pagehide', function () { if (events) { events.close(); events = null; } });
    window.addEventListener('pageshow', function (e) { if (e.persisted) { listen(); soon(); } });
    // Polling as well: a stream through a mobile proxy can stall without closing.
    setInterval(soon, 60000);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) soon(); });
  }

  /*
   * The ticket's changing parts (place in line, the counter calling, the status) come rendered
   * from the server, on the ticket's event stream and in the page itself; this only swaps them
   * in. A poll of the page as well: a stream through a mobile proxy can stall without closing.
   */
  function liveTicket(section) {
    var eventsUrl = section.getAttribute('data-events');
    var parsed = document.createElement('template');
    var events = null;
    var poll = null;
    var wasCalled = !!section.querySelector('[data-called]');

    function swap(parts) {
      Object.keys(parts).forEach(function (name) {
        var target = document.querySelector('[data-ticket-part="' + name + '"]');
        if (!target) return;
        // Compared as the browser writes markup back, so an unchanged part is not re-read aloud.
        parsed.innerHTML = parts[name];
        if (parsed.innerHTML !== target.innerHTML) target.replaceChildren(parsed.content.cloneNode(true));
      });
      var called = !!section.querySelector('[data-called]');
      // A phone in a pocket: a buzz when the number is called.
      if (called && !wasCalled && navigator.vibrate) navigator.vibrate([300, 150, 300]);
      wasCalled = called;
    }

    function stop() {
      if (events) { events.close(); events = null; }
      if (poll) { clearInterval(poll); poll = null; }
    }

    function fromPage() {
      fetch(location.pathname, { headers: { accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (text) {
          if (!text) return;
          var doc = new DOMParser().parseFromString(text, 'text/html');
          var parts = {};
          doc.querySelectorAll('[data-ticket-part]').forEach(function (el) { parts[el.getAttribute('data-ticket-part')] = el.innerHTML; });
          swap(parts);
          if (!doc.querySelector('[data-ticket-live]')) stop();
        })
        .catch(function () { /* offline for a moment: the stream or the next poll catches up */ });
    }

    // When the stream last said anything: many phones share one address (carrier NAT), so the
    // page is read again only when the stream has been quiet for a while, or is refused.
    var lastHeard = Date.now();
    function listen() {
      if (!window.EventSource || !eventsUrl || events) return;
      events = new EventSource(eventsUrl);
      events.addEventListener('open', function () { lastHeard = Date.now(); });
      events.addEventListener('ticket', function (e) {
        lastHeard = Date.now();
        var data = JSON.parse(e.data);
        swap(data.parts);
        // Served or the day is over: nothing more will change today.
        if (!data.live) stop();
      });
    }
    listen();
    poll = setInterval(function () { if (Date.now() - lastHeard > 150000) { lastHeard = Date.now(); fromPage(); } }, 30000);
    // An open stream would keep the page out of the back/forward cache; reopen it on return.
    window.addEventListener('pagehide', function () { if (events) { events.close(); events = null; } });
    window.addEventListener('pageshow', function (e) { if (e.persisted && poll) { listen(); fromPage(); } });
    document.addEventListener('visibilitychange', function () { if (!document.hidden && poll) fromPage(); });
  }
  // A release draw's waiting page: ask the API when the draw is due, then with a growing pause
  // (1, 2, 4 … up to 15 s), and reload once the entry is booked or unplaced: the page then shows the result.
  function liveEntry(box) {
    var id = box.getAttribute('data-entry-id');
    // Measured on the server's clock: the phone's may be off by minutes.
    var wait = Number(box.getAttribute('data-wait-ms')) || 0;
    var pause = 1000;
    function ask() {
      fetch('/api/v1/entries/' + encodeURIComponent(id), { headers: { accept: 'application/json' }, cache: 'no-store' })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (body) {
          if (body && body.entry && body.entry.status !== 'entered') { window.location.reload(); return; }
          later();
        }, later);
    }
    function later() {
      setTimeout(ask, pause);
      pause = Math.min(15000, pause * 2);
    }
    setTimeout(ask, Math.min(60000, wait + 1000));
  }
})();
