/*
 * Desk pages. Everything works as plain forms; this adds what only a script can: the phone or
 * webcam as a QR scanner where the browser can read QR codes (BarcodeDetector), keeping
 * keystrokes of a USB scanner in the code field, one submit per press, and the print button.
 */
(() => {
  'use strict';

  // One submit per form: a scanner that sends Enter twice, or a double click, books once.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = '1';
    for (const b of form.querySelectorAll('button[type="submit"]')) b.disabled = true;
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

  // The receipt's print button: shown only when a script can press print for the desk.
  const print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
    print.focus();
  }
})();
