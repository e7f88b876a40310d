/*
 * Desk pages. Everything works as plain forms; this adds what only a script can: the phone or
 * webcam as a QR scanner where the browser can read QR codes (BarcodeDetector), keeping
 * keystrokes of a USB scanner in the code field, one submit per press, the print button, and
 * the list of today following the floor live.
 */
(() => {
  'use strict';

  // The same test as the server's looksLikeBookingCode: one token of 9 code symbols.
  const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
  const looksLikeCode = (text) => {
    const t = text.trim();
    if (t === '' || /\s/.test(t)) return false;
    const c = t.toUpperCase().replace(/[-.]/g, '');
    return c.length === 9 && [...c].every((ch) => CODE_ALPHABET.includes(ch));
  };

  // One submit per form: a scanner that sends Enter twice, or a double click, books once.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    // The "too early" prompt has the focus in its reason field, and the scanner types the next
    // person's code there: send it as a new scan of that code, never as a reason for this one.
    const reason = form.matches('[data-checkin]') && form.querySelector('#overrideReason');
    if (reason && looksLikeCode(reason.value)) {
      const code = form.querySelector('#code');
      // Tell the server whose prompt this was, so the desk hears that person is not checked in.
      const left = document.createElement('input');
      left.type = 'hidden';
      left.name = 'left';
      left.value = code.value;
      form.append(left);
      code.value = reason.value.trim();
      reason.value = '';
      for (const hidden of form.querySelectorAll('input[name="override"]')) hidden.remove();
      for (const radio of form.querySelectorAll('input[name="priority"]')) radio.checked = radio.value === '';
    }
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = '1';
    // After the form's data is taken: a disabled submitter would drop its own name and value.
    setTimeout(() => {
      for (const b of form.querySelectorAll('button[type="submit"]')) b.disabled = true;
    }, 0);
  });

  const checkin = document.querySelector('form[data-checkin]');
  const code = checkin && checkin.querySelector('#code');
  if (code && !code.readOnly) {
    // A USB scanner types wherever the focus is; after a click elsewhere it should still land here.
    document.addEventListener('keydown', (event) => {
      const idle = document.activeElement === document.body || document.activeElement === null;
      if (idle && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) code.focus();
    });
    // Priority is picked with the mouse before the scan: hand the focus straight back to the field.
    for (const radio of checkin.querySelectorAll('input[name="priority"]')) radio.addEventListener('change', () => code.focus());
  }

  // Camera scanning, only where the browser reads QR codes itself; otherwise the button stays hidden.
  const cameraButton = checkin && checkin.querySelector('[data-camera]');
  if (cameraButton && code && !code.readOnly && 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    const box = checkin.querySelector('[data-camera-box]');
    const video = checkin.querySelector('[data-camera-view]');
    const problem = checkin.querySelector('[data-camera-problem]');
    const startLabel = cameraButton.textContent;
    let stream = null;
    let timer = null;
    const stop = () => {
      clearInterval(timer);
      if (stream) for (const track of stream.getTracks()) track.stop();
      stream = null;
      video.srcObject = null;
      box.hidden = true;
      cameraButton.textContent = startLabel;
    };
    window.BarcodeDetector.getSupportedFormats().then((formats) => {
      if (!formats.includes('qr_code')) return;
      cameraButton.hidden = false;
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      cameraButton.addEventListener('click', async () => {
        if (stream) return stop();
        box.hidden = false;
        problem.hidden = true;
        try {
          stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        } catch {
          problem.hidden = false;
          return;
        }
        video.srcObject = stream;
        await video.play().catch(() => undefined);
        cameraButton.textContent = cameraButton.dataset.stopLabel || startLabel;
        timer = setInterval(async () => {
          const found = await detector.detect(video).catch(() => []);
          if (!found.length) return;
          code.value = found[0].rawValue;
          stop();
          checkin.requestSubmit();
        }, 250);
      });
    }).catch(() => undefined);
  }

  // The list of today follows the floor: each change on it (a check-in, a call, a finish) reloads its part.
  const live = document.querySelector('[data-today-live]');
  if (live && 'EventSource' in window && live.dataset.events) {
    let timer = null;
    let loading = false;
    const reload = async () => {
      if (loading) return;
      loading = true;
      try {
        const res = await fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
        if (!res.ok || res.redirected) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const fresh = doc.querySelector('[data-today-live]');
        const current = document.querySelector('[data-today-live]');
        if (fresh && current) current.replaceWith(document.adoptNode(fresh));
      } catch {
        // The next change tries again; the page as it is stays readable.
      } finally {
        loading = false;
      }
    };
    const events = new EventSource(live.dataset.events);
    events.addEventListener('state', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 200);
    });
    window.addEventListener('pagehide', () => events.close());
  }

  // The receipt's print button: shown only when a script can press print for the desk.
  const print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
    print.focus();
  }
})();
