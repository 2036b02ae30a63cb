// Live updates: Server-Sent Events from /api/v1/events, or polling every 10 s
// when the stream is not available. Subscribers get {type, data}; the caller
// decides what to refresh. Also the cues: a short WebAudio beep and a count in
// the page title that stays until the clerk touches the console.

const POLL_MS = 10000;
const SAFETY_MS = 60000; // even with the stream up, refresh now and then
const EVENTS = ["inbound", "ticket", "handoff", "notice", "logout", "hello"];

const subscribers = new Set();
let source = null;
let pollTimer = null;
let safetyTimer = null;
let mode = "off"; // "sse" | "poll" | "off"
let failures = 0;

export function subscribe(fn) {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

function emit(type, data) {
  for (const fn of subscribers) {
    try {
      fn({ type, data: data || {} });
    } catch (err) {
      console.error(err);
    }
  }
}

export function liveMode() {
  return mode;
}

export function start() {
  stop();
  if (typeof window.EventSource !== "function") {
    startPolling();
    return;
  }
  source = new EventSource("/api/v1/events");
  mode = "sse";
  for (const name of EVENTS) {
    source.addEventListener(name, (ev) => {
      failures = 0;
      let data = {};
      try {
        data = ev.data ? JSON.parse(ev.data) : {};
      } catch (err) {
        data = {};
      }
      emit(name, data);
    });
  }
  source.onmessage = (ev) => emit("message", ev.data);
  source.onerror = () => {
    // CLOSED: the server refused the stream (404, 401, wrong type): poll instead.
    // CONNECTING: a normal reconnect after the stream's lifetime; count flaps.
    failures += 1;
    if (source && (source.readyState === EventSource.CLOSED || failures > 5)) {
      source.close();
      source = null;
      startPolling();
      emit("mode", { mode: "poll" });
    }
  };
  safetyTimer = setInterval(() => emit("tick", {}), SAFETY_MS);
  emit("mode", { mode: "sse" });
}

function startPolling() {
  mode = "poll";
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = setInterval(() => emit("tick", { poll: true }), POLL_MS);
}

export function stop() {
  if (source) source.close();
  source = null;
  if (pollTimer) clearInterval(pollTimer);
  if (safetyTimer) clearInterval(safetyTimer);
  pollTimer = safetyTimer = null;
  mode = "off";
}

// -- cues -------------------------------------------------------------------

let audio = null;
let unseen = 0;
let baseTitle = document.title;
const SOUND_KEY = "bianmin.sound";

export function soundOn() {
  return localStorage.getItem(SOUND_KEY) !== "off";
}

export function setSound(on) {
  localStorage.setItem(SOUND_KEY, on ? "on" : "off");
}

/** Browsers start audio only after a gesture: call this from the first click or key. */
export function unlockAudio() {
  if (audio || typeof window.AudioContext !== "function") return;
  try {
    audio = new AudioContext();
  } catch (err) {
    audio = null;
  }
}

export function beep() {
  window.__bianminBeeps = (window.__bianminBeeps || 0) + 1; // tests read this
  if (!soundOn() || !audio) return;
  if (audio.state === "suspended") audio.resume();
  const now = audio.currentTime;
  for (const [offset, freq] of [[0, 880], [0.18, 1320]]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, now + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.15);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.16);
  }
}

export function setBaseTitle(title) {
  baseTitle = title;
  renderTitle();
}

/** One more update the clerk has not looked at yet. */
export function notify(count = 1) {
  unseen += count;
  renderTitle();
}

export function seen() {
  if (unseen === 0) return;
  unseen = 0;
  renderTitle();
}

function renderTitle() {
  document.title = unseen > 0 ? `(${unseen}) 新动态 · ${baseTitle}` : baseTitle;
}
