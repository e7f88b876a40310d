/*
 * The waiting-room board, live. The server renders the board, whole on load and part by part
 * on the event stream (`board` = the changing parts' markup, sent on connect and after every
 * change, so a reconnect always shows the truth; `call` = chime and voice, the spoken sentence
 * also from the server). This script only swaps those parts in, runs the clock, plays the
 * announcements and shows a quiet "reconnecting" note while the link is down.
 */
(() => {
  'use strict';
  const body = document.body;
  if (!body.hasAttribute('data-board')) return;
  const d = body.dataset;
  const $ = (name) => document.querySelector(`[data-${name}]`);
  const el = { clock: $('clock'), now: $('now'), conn: $('connection'), sound: $('sound') };
  const pad = (n) => String(n).padStart(2, '0');

  // --- Clock: this machine's seconds, the server's minutes (and the server's date). -----------
  const wallFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: d.timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  /** The office's wall clock now, by this machine's clock, as milliseconds of a UTC date. */
  function wallNow() {
    const p = {};
    for (const part of wallFormat.formatToParts(new Date())) p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  }
  let offsetMs = 0;
  // The date is the server's, like every word on the board: past midnight, it is asked for once.
  let dayAskedFor = d.today;
  /** Trust this machine's clock while it agrees with the server's minute; else take the server's. */
  function resync(date, time) {
    const [y, m, day] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    const server = Date.UTC(y, m - 1, day, hh, mm);
    const drift = server - (wallNow() + offsetMs);
    if (drift > 0 || drift <= -60_000) offsetMs = server - wallNow();
  }
  function tick() {
    const w = new Date(wallNow() + offsetMs);
    const text = `${pad(w.getUTCHours())}.${pad(w.getUTCMinutes())}`;
    if (el.clock.textContent !== text) el.clock.textContent = text;
    const day = w.toISOString().slice(0, 10);
    if (day !== dayAskedFor) {
      dayAskedFor = day;
      fetchState().catch(() => undefined);
    }
  }

  // --- Swapping in the server's parts. --------------------------------------------------------
  const parsed = document.createElement('template');
  /** Puts in each part the server rendered; an unchanged one is left alone, or the live region would re-read it. */
  function render(update) {
    resync(update.date, update.time);
    tick();
    for (const [name, markup] of Object.entries(update.parts)) {
      const target = document.querySelector(`[data-part="${name}"]`);
      if (!target) continue;
      // Compared as the browser writes markup back, so the server's spelling of it does not matter.
      parsed.innerHTML = markup;
      if (parsed.innerHTML !== target.innerHTML) target.replaceChildren(parsed.content.cloneNode(true));
    }
  }
  /** The same update read off a freshly loaded board page. */
  function updateFromPage(doc) {
    const parts = {};
    for (const part of doc.querySelectorAll('[data-part]')) parts[part.dataset.part] = part.innerHTML;
    return { date: doc.body.dataset.today, time: doc.body.dataset.time, parts };
  }

  // --- Sound: a chime, then the sentence; one after another, never cut off. -------------------
  const SOUND_KEY = 'antrean.board.sound';
  let audio = null;
  let soundOn = false;
  const queue = [];
  let speaking = false;

  function markSoundOn() {
    soundOn = true;
    el.sound.hidden = false;
    el.sound.textContent = d.tSoundOn;
    el.sound.classList.add('is-on');
    el.sound.setAttribute('aria-pressed', 'true');
  }
  function enableSound() {
    if (soundOn) return;
    const AudioCtx = window.AudioContext || window.webkitAudioContext;
    if (AudioCtx && !audio) audio = new AudioCtx();
    if (audio && audio.state === 'suspended') audio.resume();
    // Speaking once inside the click unlocks speech for the rest of the page's life.
    if ('speechSynthesis' in window) {
      const unlock = new SpeechSynthesisUtterance(' ');
      unlock.volume = 0;
      window.speechSynthesis.speak(unlock);
    }
    try { localStorage.setItem(SOUND_KEY, '1'); } catch { /* private mode: ask again next time */ }
    markSoundOn();
  }
  /** A TV started with autoplay allowed (kiosk flag) needs no click after the first time. */
  function restoreSound() {
    let wanted = false;
    try { wanted = localStorage.getItem(SOUND_KEY) === '1'; } catch { /* no storage */ }
    const AudioCtx = window.AudioContext || window.webkitAudioContext;
    if (wanted && AudioCtx) {
      audio = new AudioCtx();
      if (audio.state === 'running') return markSoundOn();
    }
    el.sound.hidden = false;
  }
  el.sound.addEventListener('click', enableSound);

  function chime() {
    return new Promise((resolve) => {
      if (!audio) return resolve();
      const t0 = audio.currentTime + 0.05;
      // Two soft bell tones, high then low: heard over a crowd without startling it.
      for (const [freq, at] of [[659.25, 0], [523.25, 0.55]]) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t0 + at);
        gain.gain.exponentialRampToValueAtTime(0.45, t0 + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at + 1.2);
        osc.connect(gain).connect(audio.destination);
        osc.start(t0 + at);
        osc.stop(t0 + at + 1.3);
      }
      setTimeout(resolve, 1900);
    });
  }
  function indonesianVoice() {
    const voices = window.speechSynthesis.getVoices();
    return voices.find((v) => v.lang === 'id-ID') || voices.find((v) => /^id([-_]|$)/i.test(v.lang)) || null;
  }

  // --- No Indonesian voice: the staff are told once (the words are the server's, in the page). --
  const VOICE_WARNED_KEY = 'antrean.board.noVoiceWarned';
  const voiceWarning = $('no-voice');
  function voiceWarned() {
    try { return localStorage.getItem(VOICE_WARNED_KEY) === '1'; } catch { return false; }
  }
  function checkVoice() {
    if (!voiceWarning) return;
    const missing = !('speechSynthesis' in window) || !indonesianVoice();
    // A voice installed since: the warning goes, and would come back should it go missing again.
    if (!missing) {
      voiceWarning.hidden = true;
      try { localStorage.removeItem(VOICE_WARNED_KEY); } catch { /* no storage */ }
      return;
    }
    if (!voiceWarned()) voiceWarning.hidden = false;
  }
  /** Judged once the voices had time to load; marked on the page so a test knows it has happened. */
  function judgeVoice() {
    checkVoice();
    body.dataset.voiceChecked = 'true';
  }
  if (voiceWarning) {
    $('no-voice-close').addEventListener('click', () => {
      voiceWarning.hidden = true;
      try { localStorage.setItem(VOICE_WARNED_KEY, '1'); } catch { /* private mode: warned again next load */ }
    });
    // The list of voices arrives late in Chromium (after `voiceschanged`); judge only once it had time.
    if ('speechSynthesis' in window && window.speechSynthesis.addEventListener) {
      window.speechSynthesis.addEventListener('voiceschanged', () => { if (window.speechSynthesis.getVoices().length) checkVoice(); });
    }
    setTimeout(judgeVoice, 3000);
  }
  function speak(text) {
    return new Promise((resolve) => {
      if (!('speechSynthesis' in window)) return resolve();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'id-ID';
      u.rate = 0.9;
      const voice = indonesianVoice();
      if (voice) u.voice = voice;
      let done = false;
      const finish = () => { if (!done) { done = true; resolve(); } };
      u.onend = finish;
      u.onerror = finish;
      // Some engines never say "end"; the sentence takes well under 15 s. Even then the next one
      // is only queued behind it (speak() appends; nothing here ever calls cancel()).
      setTimeout(finish, 15_000);
      window.speechSynthesis.speak(u);
    });
  }
  async function playQueue() {
    if (speaking) return;
    speaking = true;
    while (queue.length) {
      const text = queue.shift();
      try {
        await chime();
        await speak(text);
      } catch { /* a broken audio device must not stop the board */ }
      await new Promise((r) => setTimeout(r, 700));
    }
    speaking = false;
  }
  function announce(text) {
    if (!soundOn || !text) return;
    queue.push(text);
    playQueue();
  }

  /** A fresh call glows and is announced; its number arrives with the `board` update right behind it. */
  function onCall(call) {
    el.now.classList.remove('is-new');
    void el.now.offsetWidth; // restart the glow
    el.now.classList.add('is-new');
    announce(call.spoken);
  }

  // --- The live link. -------------------------------------------------------------------------
  let source = null;
  let downTimer = null;
  let retryMs = 2000;
  function setConnected(ok) {
    if (ok) {
      clearTimeout(downTimer);
      downTimer = null;
      el.conn.hidden = true;
    } else if (downTimer === null && el.conn.hidden) {
      // A blip shorter than this is not worth alarming anyone.
      downTimer = setTimeout(() => { el.conn.hidden = false; }, 1500);
    }
  }
  /** Reads the board page again and takes its parts: the state now, rendered by the server. */
  async function fetchState() {
    const res = await fetch(location.pathname, { headers: { accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' });
    // The month-long display session ran out: the login page, then straight back here.
    if (res.redirected && new URL(res.url).pathname === '/staff/login') {
      location.assign(res.url);
      return;
    }
    if (res.ok) render(updateFromPage(new DOMParser().parseFromString(await res.text(), 'text/html')));
  }
  function connect() {
    source = new EventSource(d.events);
    source.addEventListener('open', () => {
      retryMs = 2000;
      setConnected(true);
    });
    source.addEventListener('board', (e) => {
      setConnected(true);
      render(JSON.parse(e.data));
    });
    source.addEventListener('call', (e) => onCall(JSON.parse(e.data)));
    source.addEventListener('error', () => {
      setConnected(false);
      // The browser retries a dropped stream by itself; one refused outright (401, a proxy's
      // 502) it abandons, so that one is retried here, more slowly each time.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(async () => {
          try { await fetchState(); } catch { /* still down */ }
          connect();
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    });
  }

  // Sessions change and clocks drift even when nobody is called: re-read the state each minute.
  setInterval(() => { fetchState().catch(() => undefined); }, 60_000);
  setInterval(tick, 1000);
  // A TV that dims its screen after a while of no input would hide the board.
  if (navigator.wakeLock) navigator.wakeLock.request('screen').catch(() => undefined);
  resync(d.today, d.time);
  restoreSound();
  connect();
})();
