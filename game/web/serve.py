"""Serving a built folder on this machine: for a try-out, a kiosk browser, and the tests.

The standard library's file server, told the types the browser insists on (WebAssembly and
JavaScript modules), the folder's Content-Security-Policy as a header (it then holds for the
engine's worker too, which a page's own tag does not reach), and how long each file may be
kept: the page and its service worker are asked again each visit, so a new build is seen at
once; the Pyodide core and the game's zip, named by version and by content, are kept for good.
It serves that folder and nothing above it, and answers on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from game.web.build import CONTENT_SECURITY_POLICY, MANIFEST, PYODIDE_DIR

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".zip": "application/zip", ".css": "text/css",
         ".html": "text/html; charset=utf-8", ".ttf": "font/ttf", ".otf": "font/otf", ".txt": "text/plain; charset=utf-8"}
#: Kept by the browser for a year: their names change when their contents do.
KEPT_FOR_GOOD = "public, max-age=31536000, immutable"


class FolderHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    #: Set to a list to note each path asked for (the tests read it); None notes nothing.
    asked: list[str] | None = None
    quiet = True

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        named_for_good = path.startswith(f"/{PYODIDE_DIR}/") or (path.startswith("/game-") and path.endswith(".zip"))
        self.send_header("Cache-Control", KEPT_FOR_GOOD if named_for_good else "no-cache")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def do_GET(self) -> None:
        if self.asked is not None:
            self.asked.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def server(folder: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = True,
           asked: list[str] | None = None) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` (a built one: it must hold build.json), not yet started; port 0
    takes a free one (``server_address`` then says which)."""
    folder = Path(folder).resolve()
    if not (folder / MANIFEST).is_file():
        raise FileNotFoundError(f"{folder} holds no browser edition ({MANIFEST}); build one with "
                                f"python main.py web build {folder}")
    handler = type("Handler", (FolderHandler,), {"asked": asked, "quiet": quiet})
    made = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(folder)))
    made.daemon_threads = True
    return made


def address(made: http.server.ThreadingHTTPServer) -> str:
    host, port = made.server_address[:2]
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://{shown}:{port}/"
