// The engine's worker: Pyodide, the game's Python and the story, away from the page's thread,
// so the title answers while Python starts. The page sends {facts} once, then requests
// {id, request} (a JSON string); each is answered {id, answer} with the engine's own JSON.
// Nothing here knows a rule of the game: it only carries requests to game.web.life.

let life = null;
const waiting = [];

function answer(id, request) {
  try {
    postMessage({ id, answer: life.answer(request) });
  } catch (error) {
    postMessage({ id, answer: JSON.stringify({ ok: false, error: "The game stopped: " + String(error) }) });
  }
}

async function start(facts) {
  const began = performance.now();
  const { loadPyodide } = await import(`./${facts.pyodide}/pyodide.mjs`);
  const [pyodide, game] = await Promise.all([
    loadPyodide({ indexURL: `./${facts.pyodide}/`, fullStdLib: false }),
    fetch(facts.game).then((response) => {
      if (!response.ok) throw new Error(`${facts.game}: ${response.status}`);
      return response.arrayBuffer();
    }),
  ]);
  const pythonReady = performance.now();
  pyodide.unpackArchive(game, "zip", { extractDir: "/home/pyodide/keeping-trust" });
  pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/keeping-trust")
from pathlib import Path
from game.web.life import Life, open_story
life = Life(open_story(Path("/home/pyodide/keeping-trust/story.kts")))
`);
  life = pyodide.globals.get("life");
  const ready = performance.now();
  postMessage({ ready: true, python_ms: pythonReady - began, engine_ms: ready - pythonReady, total_ms: ready - began });
  for (const [id, request] of waiting.splice(0)) answer(id, request);
}

onmessage = (event) => {
  const message = event.data;
  if (message.facts) {
    start(message.facts).catch((error) => postMessage({ failed: String(error && error.message || error) }));
  } else if (life === null) {
    waiting.push([message.id, message.request]);
  } else {
    answer(message.id, message.request);
  }
};
