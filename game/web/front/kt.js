// The browser edition's page: screens, keys, saves and settings. Every rule of the game is the
// engine's, in Python, in the worker (engine.js): this script asks it and shows its answer.
//
// What the engine sends as HTML (a passage, the history, the debrief) it has escaped itself;
// everything else from the story (choices, questions, labels, attract lines) is set here as
// text, never as markup. Nothing is fetched from anywhere but this folder.

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const KIOSK = params.has("kiosk");
const PREFIX = "keeping-trust.";
const SLOTS = 3;

// -- the browser's storage --------------------------------------------------------------------

// A kiosk keeps nothing between visitors: its lives are held in memory only. Elsewhere saves
// and settings go to localStorage; when the browser refuses it (storage turned off, private
// windows on some tablets, a full disk), the game goes on and says plainly that nothing is kept.
const memory = new Map();
let storageRefused = false;

function refused(error) {
  if (storageRefused) return;
  storageRefused = true;
  const note = $("storage-note");
  note.textContent = "This browser is not letting the game keep anything (" + (error && error.name || "storage refused") +
    "): your place and your settings will be lost when this tab closes. To keep them, allow this site to store data, " +
    "or leave private browsing.";
  note.hidden = false;
}

const store = {
  get(key) {
    if (KIOSK) return memory.has(key) ? memory.get(key) : null;
    try {
      const text = window.localStorage.getItem(PREFIX + key);
      return text === null ? null : JSON.parse(text);
    } catch (error) {
      refused(error);
      return memory.has(key) ? memory.get(key) : null;
    }
  },
  set(key, value) {
    memory.set(key, value);
    if (KIOSK) return true;
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
      return true;
    } catch (error) {
      refused(error);
      return false;
    }
  },
  remove(key) {
    memory.delete(key);
    if (KIOSK) return;
    try { window.localStorage.removeItem(PREFIX + key); } catch (error) { refused(error); }
  },
};

// -- settings ---------------------------------------------------------------------------------

const DEFAULTS = {
  size: "100", spacing: "150", font: "standard",
  contrast: window.matchMedia("(prefers-contrast: more)").matches,
  motion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
};
const CHOICES = { size: ["100", "125", "150", "175", "200"], spacing: ["150", "175", "200"],
                  font: ["standard", "legible", "dyslexic"] };

function readSettings() {
  const kept = store.get("settings") || {};
  const settings = { ...DEFAULTS };
  for (const [name, allowed] of Object.entries(CHOICES)) {
    if (allowed.includes(kept[name])) settings[name] = kept[name];
  }
  for (const name of ["contrast", "motion"]) {
    if (typeof kept[name] === "boolean") settings[name] = kept[name];
  }
  return settings;
}

function applySettings(settings) {
  const root = document.documentElement;
  root.dataset.size = settings.size;
  root.dataset.spacing = settings.spacing;
  root.dataset.font = settings.font;
  root.classList.toggle("high-contrast", settings.contrast);
  root.classList.toggle("reduce-motion", settings.motion);
}

let settings = readSettings();
applySettings(settings);

function showSettingsForm() {
  const form = $("settings-form");
  for (const name of Object.keys(CHOICES)) {
    for (const input of form.elements[name]) input.checked = input.value === settings[name];
  }
  form.elements.contrast.checked = settings.contrast;
  form.elements.motion.checked = settings.motion;
}

$("settings-form").addEventListener("change", () => {
  const form = $("settings-form");
  settings = { size: form.elements.size.value, spacing: form.elements.spacing.value, font: form.elements.font.value,
               contrast: form.elements.contrast.checked, motion: form.elements.motion.checked };
  applySettings(settings);
  store.set("settings", settings);
});
$("settings-form").addEventListener("submit", (event) => event.preventDefault());

// -- screens ----------------------------------------------------------------------------------

let current = "title";
const returnTo = [];

function show(name, focus) {
  for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== "screen-" + name;
  current = name;
  window.scrollTo(0, 0);
  const target = (typeof focus === "function" ? focus() : focus) || document.querySelector(`#screen-${name} h1[tabindex]`);
  if (target) target.focus({ preventScroll: true });
}

function overlay(name) {
  returnTo.push(current);
  show(name);
}

function back() {
  const to = returnTo.pop() || "title";
  show(to, to === "play" ? firstChoice : undefined);
}

function trouble(words) {
  const note = $("trouble");
  note.textContent = words;
  note.hidden = !words;
}

// -- the engine -------------------------------------------------------------------------------

let facts = null;
let worker = null;
let engineReady = false;
let nextId = 1;
const pending = new Map();
// What the tests and the benchmarks read: when the title showed and the engine was ready, how
// long the last answer took, and the engine's own door for timing a request that does nothing.
window.keepingTrust = { timings: {}, ask: (op, more) => ask(op, more) };

function startEngine() {
  worker = new Worker("engine.js?b=" + facts.build, { type: "module" });
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.ready) {
      engineReady = true;
      window.keepingTrust.timings.engine = message;
      $("engine-status").textContent = "";
      document.body.classList.add("engine-ready");
      return;
    }
    if (message.failed) {
      $("engine-status").textContent = "The game could not start in this browser: " + message.failed;
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (waiting) waiting(JSON.parse(message.answer));
  };
  worker.onerror = (event) => {
    $("engine-status").textContent = "The game could not start in this browser: " + (event.message || "an error");
  };
  worker.postMessage({ facts });
}

function ask(op, more) {
  if (!engineReady) $("engine-status").textContent = "Opening the city…";
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ id, request: JSON.stringify({ op, ...more }) });
  }).then((reply) => {
    if (!reply.ok) {
      trouble(reply.error);
      return null;
    }
    trouble("");
    return reply.view;
  });
}

// -- what the engine shows --------------------------------------------------------------------

let shown = null;   // the last view: the save it carries is what "Save" keeps

function autosave(view) {
  if (!view.save) return;
  store.set("autosave", { label: view.label, saved: new Date().toISOString(), save: view.save,
                          seed: view.save.seed, route: view.save.route });
}

function numbered(list, items, onChoose) {
  list.replaceChildren();
  items.forEach((text, index) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const number = document.createElement("span");
    number.className = "number";
    number.textContent = String(index + 1);
    number.setAttribute("aria-hidden", "true");
    const words = document.createElement("span");
    words.className = "words";
    words.textContent = text;
    button.append(number, words);
    button.addEventListener("click", () => onChoose(index + 1, button));
    item.append(button);
    list.append(item);
  });
}

function firstChoice() {
  return document.querySelector(`#screen-${current} .choices button`);
}

let busy = false;

async function act(op, more) {
  if (busy) return;
  busy = true;
  const began = performance.now();
  try {
    const view = await ask(op, more);
    if (view) render(view);
    window.keepingTrust.timings.last_answer_ms = performance.now() - began;
  } finally {
    busy = false;
  }
}

function render(view) {
  shown = view;
  if (view.view === "page") renderPage(view);
  else if (view.view === "guess") renderGuess(view);
  else if (view.view === "debrief") renderDebrief(view);
  autosave(view);
}

function renderPage(view) {
  $("where").textContent = view.where;
  $("passage").innerHTML = view.html;   // escaped by the engine (game/web/pages.py)
  const choices = view.ending ? ["Go on"] : view.choices;
  numbered($("choices"), choices, (number) => (view.ending ? act("go on") : act("choose", { number })));
  returnTo.length = 0;
  show("play", firstChoice);
}

function renderGuess(view) {
  $("guess-count").textContent = `Before the ledger opens · ${view.number} of ${view.of}`;
  $("guess-asking").hidden = view.number !== 1;
  $("guess-question").textContent = view.asking;
  numbered($("guess-options"), view.options.map((o) => o.text),
           (number) => act("guess", { question: view.question, option: view.options[number - 1].id }));
  returnTo.length = 0;
  show("guess", $("guess-question"));
}

function renderDebrief(view) {
  $("debrief-answer").innerHTML = view.answer;   // escaped by the engine
  $("debrief-rest").innerHTML = view.rest;
  $("debrief-rest").hidden = true;
  const more = $("read-rest");
  more.hidden = !view.rest;
  more.textContent = "Read on: " + view.rest_headings.join(" · ");
  $("same-world").textContent = "Play the same world: " + sameWorldLink(view.seed, view.route);
  store.set("ending", { label: view.label, saved: new Date().toISOString(), save: view.save });
  returnTo.length = 0;
  show("debrief", $("debrief-heading"));
}

function sameWorldLink(seed, route) {
  const link = new URL(location.href);
  link.search = `?seed=${seed}&route=${route}`;
  link.hash = "";
  return link.href;
}

$("read-rest").addEventListener("click", () => {
  const rest = $("debrief-rest");
  rest.hidden = false;
  $("read-rest").hidden = true;
  const first = rest.querySelector("h2");
  if (first) { first.tabIndex = -1; first.focus(); }
});

// -- starting, saving, loading ----------------------------------------------------------------

function randomSeed() {
  const drawn = new Uint32Array(1);
  crypto.getRandomValues(drawn);
  return drawn[0] % 2147483648;
}

function classWorld() {
  const seed = params.get("seed");
  if (seed === null || !/^\d{1,10}$/.test(seed) || Number(seed) >= 2147483648) return null;
  const route = params.get("route") === "full" || !facts.short_route ? "full" : "short";
  return { seed: Number(seed), route };
}

function start(route, seed) {
  act("start", { route, seed: seed === undefined ? randomSeed() : seed });
}

function resume(entry) {
  if (entry && entry.save) act("resume", { save: entry.save });
}

function slotLabel(entry, empty) {
  if (!entry) return empty;
  const when = new Date(entry.saved);
  const saved = isNaN(when) ? "" : " — saved " + when.toLocaleString();
  return (entry.label || "A game") + saved;
}

function showSlots(mode) {
  $("slots-heading").textContent = mode === "save" ? "Save" : "Load";
  $("slots-note").textContent = "";
  const list = $("slot-list");
  list.replaceChildren();
  const rows = [];
  if (mode === "load") rows.push(["autosave", "Autosave", "no autosave yet"]);
  for (let n = 1; n <= SLOTS; n++) rows.push(["slot-" + n, "Slot " + n, "empty"]);
  for (const [key, name, empty] of rows) {
    const entry = store.get(key);
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "wide";
    const title = document.createElement("span");
    title.className = "slot-name";
    title.textContent = name;
    const about = document.createElement("span");
    about.className = "slot-about";
    about.textContent = slotLabel(entry, empty);
    button.append(title, about);
    button.disabled = mode === "load" && !entry;
    button.addEventListener("click", () => {
      if (mode === "save") {
        if (!shown || !shown.save) return;
        const kept = store.set(key, { label: shown.label, saved: new Date().toISOString(), save: shown.save });
        $("slots-note").textContent = kept ? `Saved in ${name}.` : "The browser refused to keep the save.";
        about.textContent = slotLabel(store.get(key), empty);
      } else {
        resume(store.get(key));
      }
    });
    item.append(button);
    list.append(item);
  }
  overlay("slots");
}

async function saveTranscript() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const written = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T` +
                  `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  const view = await ask("transcript", { written, link: shown ? sameWorldLink(shown.seed, shown.route) : "" });
  if (!view) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([view.html], { type: "text/html" }));
  link.download = view.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// -- the title --------------------------------------------------------------------------------

function showTitle() {
  if (KIOSK) { showAttract(); return; }
  const world = classWorld();
  const auto = store.get("autosave");
  const menu = document.querySelector("#screen-title .menu");
  const button = (name) => menu.querySelector(`[data-act="${name}"]`);
  const fits = auto && (!world || (auto.seed === world.seed && auto.route === world.route));
  button("continue").hidden = !fits;
  button("again").hidden = !store.get("ending");
  if (world) {
    const words = world.route === "short" ? "the short route" : "the full season";
    $("class-world").textContent = `A class’s shared world: seed ${world.seed}, ${words}. Everyone who opens this ` +
      "link meets the same chances; only the choices differ.";
    $("class-world").hidden = false;
    button("class-world").hidden = false;
    button("short").hidden = true;
    button("full").hidden = true;
  } else {
    button("short").hidden = !facts.short_route;
    button("full").textContent = facts.short_route ? "The full season" : "New game";
  }
  returnTo.length = 0;
  show("title");
  const first = [...menu.querySelectorAll("button")].find((b) => !b.hidden);
  if (first) first.focus({ preventScroll: true });
}

const actions = {
  continue: () => resume(store.get("autosave")),
  "class-world": () => { const w = classWorld(); start(w.route, w.seed); },
  short: () => start("short"),
  full: () => start("full"),
  again: () => resume(store.get("ending")),
  load: () => showSlots("load"),
  save: () => showSlots("save"),
  settings: () => { showSettingsForm(); overlay("settings"); },
  history: async () => {
    const view = await ask("history");
    if (!view) return;
    $("history-list").innerHTML = view.html;   // escaped by the engine
    overlay("history");
  },
  back,
  leave: () => showTitle(),
  finish: () => showTitle(),
  transcript: saveTranscript,
};

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-act]");
  if (button && actions[button.dataset.act]) actions[button.dataset.act]();
});

// Keys 1–9 take the numbered choice or answer; Escape goes back from history, saves, settings.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest && event.target.closest("input, select, textarea")) {
    if (event.key !== "Escape") return;
  }
  if (/^[1-9]$/.test(event.key) && (current === "play" || current === "guess")) {
    const buttons = document.querySelectorAll(`#screen-${current} .choices button`);
    const chosen = buttons[Number(event.key) - 1];
    if (chosen) { event.preventDefault(); chosen.click(); }
  } else if (event.key === "Escape" && ["history", "slots", "settings"].includes(current)) {
    event.preventDefault();
    back();
  }
});

// -- the kiosk --------------------------------------------------------------------------------

// ?kiosk: the attract screen stands for the title; a visit left alone is asked "Still there?"
// and then ended, its life forgotten. There is no way out of the page: the browser's own kiosk
// flag (chromium --kiosk) keeps the visitor in the browser.
const IDLE_SECONDS = Math.min(Math.max(Number(params.get("idle")) || 90, 5), 86400);
const WARNING_SECONDS = Math.min(20, Math.max(3, Math.floor(IDLE_SECONDS / 3)));
let idleSince = Date.now();
let attractLine = 0;
let attractTimer = null;

function showAttract() {
  // The next visitor starts afresh: no life, and the settings as the kiosk was set up.
  memory.clear();
  settings = readSettings();
  applySettings(settings);
  shown = null;
  $("still-there").hidden = true;
  returnTo.length = 0;
  show("attract", $("attract-begin"));
  const lines = facts.attract.length ? facts.attract : [facts.title];
  const turn = () => { $("attract-line").textContent = lines[attractLine++ % lines.length]; };
  turn();
  clearInterval(attractTimer);
  attractTimer = setInterval(turn, 7000);
}

$("attract-begin").addEventListener("click", () => {
  clearInterval(attractTimer);
  const world = classWorld();
  start(world ? world.route : (facts.short_route && params.get("route") !== "full" ? "short" : "full"),
        world ? world.seed : undefined);
});
$("still-here").addEventListener("click", () => { $("still-there").hidden = true; idleSince = Date.now(); });

function kioskTick() {
  if (current === "attract") { idleSince = Date.now(); return; }
  const idle = (Date.now() - idleSince) / 1000;
  const left = Math.ceil(IDLE_SECONDS + WARNING_SECONDS - idle);
  if (idle >= IDLE_SECONDS + WARNING_SECONDS) {
    showAttract();
  } else if (idle >= IDLE_SECONDS) {
    $("still-there-count").textContent = `The game starts again for the next visitor in ${left} seconds.`;
    if ($("still-there").hidden) { $("still-there").hidden = false; $("still-here").focus(); }
  }
}

if (KIOSK) {
  document.documentElement.classList.add("kiosk");
  for (const kind of ["pointerdown", "keydown", "wheel", "touchstart"]) {
    document.addEventListener(kind, () => { if ($("still-there").hidden) idleSince = Date.now(); },
                              { capture: true, passive: true });
  }
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  setInterval(kioskTick, 500);
}

// -- opening ----------------------------------------------------------------------------------

async function open() {
  const response = await fetch("facts.json", { cache: "no-cache" });
  facts = await response.json();
  startEngine();
  showTitle();
  window.keepingTrust.timings.title_ms = performance.now();
  if ("serviceWorker" in navigator && window.isSecureContext && !params.has("no-offline")) {
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
}

open().catch((error) => {
  $("engine-status").textContent = "The game could not open: " + String(error && error.message || error);
});
