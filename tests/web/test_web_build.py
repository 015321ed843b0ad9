"""`web build` writes a folder a browser needs nothing else for: the page, the engine and the
story in one zip, the fonts, a checked Pyodide core and the offline keeper, naming no other
origin anywhere; `web serve` serves it as a browser needs it served."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
from email.message import Message
import zipfile
from pathlib import Path

import pytest

from game.paths import cache_dir
from game.web import build as web_build
from game.web import pyodide_core
from game.web.build import CONTENT_SECURITY_POLICY, MANIFEST, PYODIDE_DIR, BuildRefused
from game.web.pyodide_core import CoreUnavailable
from helpers import ROOT, run_main, serving, web_edition

#: The page's own files: every one is read by the browser as it is.
PAGE_FILES = ("index.html", "kt.css", "kt.js", "engine.js", "sw.js", "facts.json")


@pytest.fixture(scope="module")
def folder(tmp_path_factory, shipped_story) -> Path:
    return web_edition(tmp_path_factory.mktemp("web") / "site", shipped_story)


def test_the_folder_holds_the_page_the_engine_the_story_the_fonts_and_the_core(folder):
    manifest = json.loads((folder / MANIFEST).read_text())
    on_disk = {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    assert {name: size for name, size in on_disk.items() if name != MANIFEST} == manifest["files"]
    assert set(PAGE_FILES) <= set(on_disk)
    assert {f"{PYODIDE_DIR}/{name}" for name in pyodide_core.CORE_FILES} <= set(on_disk)
    assert {f"fonts/{name}" for name in web_build.FONTS} <= set(on_disk)
    facts = json.loads((folder / "facts.json").read_text())
    assert facts["title"] == "Keeping Trust" and facts["short_route"] and len(facts["attract"]) == 12
    with zipfile.ZipFile(folder / facts["game"]) as archive:
        names = set(archive.namelist())
    assert {"story.kts", "game/web/life.py", "game/web/pages.py", "game/engine/session.py"} <= names
    assert not any(name.startswith(("game/ui/", "game/tools/")) for name in names)


def test_nothing_in_the_page_names_another_origin(folder):
    for name in PAGE_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), name
    css = (folder / "kt.css").read_text()
    assert all(not url.startswith(("http", "//")) for url in re.findall(r'url\("?([^")]+)', css))
    assert "@import" not in css


def test_the_page_tells_the_browser_to_load_only_from_its_own_origin(folder):
    page = (folder / "index.html").read_text()
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY and "connect-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "'unsafe-eval'" not in CONTENT_SECURITY_POLICY


def test_the_offline_keeper_keeps_every_file_of_this_build(folder):
    keeper = (folder / "sw.js").read_text()
    build = json.loads((folder / MANIFEST).read_text())
    kept = json.loads(re.search(r"const FILES = (\[.*?\]);", keeper, re.S).group(1))
    assert set(kept) == {"./", *build["files"]} - {"sw.js"}
    assert f'"keeping-trust-{build["build"]}"' in keeper


def test_the_zip_carries_every_module_the_browser_imports(folder, tmp_path):
    """The zip alone, in a Python with nothing else on its path, plays a life to its debrief and
    writes its transcript: no module the browser would miss, and neither pygame nor YAML."""
    facts = json.loads((folder / "facts.json").read_text())
    with zipfile.ZipFile(folder / facts["game"]) as archive:
        archive.extractall(tmp_path / "unpacked")
    script = f"""
import json, sys
sys.path[:] = [p for p in sys.path if 'site-packages' not in p and p not in ('', {str(ROOT)!r})]
sys.path.insert(0, {str(tmp_path / 'unpacked')!r})
from pathlib import Path
from game.web.life import Life, open_story
life = Life(open_story(Path({str(tmp_path / 'unpacked' / 'story.kts')!r})))
view = json.loads(life.answer(json.dumps({{"op": "start", "seed": 3, "route": "short"}})))["view"]
while view["view"] != "debrief":
    if view["view"] == "guess":
        asked = {{"op": "guess", "question": view["question"], "option": view["options"][0]["id"]}}
    else:
        asked = {{"op": "go on"}} if view["ending"] else {{"op": "choose", "number": 1}}
    view = json.loads(life.answer(json.dumps(asked)))["view"]
json.loads(life.answer(json.dumps({{"op": "transcript", "written": "2025-01-01T00:00:00"}})))["view"]["html"]
print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'pygame', 'yaml', 'platformdirs'}}), view["view"])
"""
    done = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "debrief"]


def test_a_tarball_whose_checksum_differs_is_refused_and_the_folder_left_alone(tmp_path, shipped_story):
    cache = tmp_path / "cache"
    cache.mkdir()
    fake = io.BytesIO()
    with tarfile.open(fileobj=fake, mode="w:gz") as archive:
        data = b"not pyodide"
        member = tarfile.TarInfo("package/pyodide.mjs")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    (cache / pyodide_core.tarball_name()).write_bytes(fake.getvalue())
    earlier = tmp_path / "site"
    earlier.mkdir()
    (earlier / MANIFEST).write_text("{}")
    with pytest.raises(CoreUnavailable, match="checksum does not match"):
        web_build.build(earlier, shipped_story, cache)
    assert [p.name for p in earlier.iterdir()] == [MANIFEST]


def test_without_npm_the_build_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(pyodide_core.shutil, "which", lambda name: None)
    with pytest.raises(CoreUnavailable) as refused:
        pyodide_core.fetch_tarball(tmp_path / "empty cache")
    words = str(refused.value)
    assert "npm" in words and "apt-get install nodejs npm" in words and pyodide_core.VERSION in words


def test_the_integrity_of_the_core_is_npms_own_sha512(tmp_path):
    # SHA-512 of "abc" is FIPS 180-2's own example (ddaf35a1…), here in npm's base64 form.
    assert pyodide_core.integrity_of(b"abc") == ("sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj"
                                                 "/uu9RU1EI2Q86A4qmslPpUyknw==")
    assert pyodide_core.INTEGRITY.startswith("sha512-") and len(pyodide_core.INTEGRITY) == 95


def test_a_folder_that_holds_something_else_is_never_emptied(tmp_path):
    mine = tmp_path / "my documents"
    mine.mkdir()
    (mine / "essay.txt").write_text("mine")
    with pytest.raises(BuildRefused, match="not empty"):
        web_build._prepare(mine)
    assert (mine / "essay.txt").read_text() == "mine"


def test_an_earlier_build_is_cleared_for_the_next(tmp_path):
    earlier = tmp_path / "site"
    (earlier / "old-fonts").mkdir(parents=True)
    (earlier / MANIFEST).write_text("{}")
    (earlier / "game-0000.zip").write_text("old")
    web_build._prepare(earlier)
    assert list(earlier.iterdir()) == []


def _fetched(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_served_the_core_is_webassembly_kept_for_good_and_the_page_asked_again_each_visit(folder):
    with serving(folder) as (url, asked):
        status, headers, body = _fetched(url + f"{PYODIDE_DIR}/pyodide.asm.wasm")
        assert status == 200 and headers["Content-Type"] == "application/wasm" and body[:4] == b"\0asm"
        assert "immutable" in headers["Cache-Control"]
        status, headers, body = _fetched(url)
        assert status == 200 and headers["Cache-Control"] == "no-cache" and b"<!DOCTYPE html>" in body
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert _fetched(url + "kt.js")[1]["Content-Type"] == "text/javascript"
        assert _fetched(url + "../../../etc/passwd")[0] == 404


def test_web_serve_as_a_process_answers_on_this_machine_until_stopped(folder):
    server = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "web", "serve", str(folder), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        said = server.stdout.readline()
        address = re.search(r"at (http://127\.0\.0\.1:\d+/)", said).group(1)
        status, headers, body = _fetched(address)
        assert status == 200 and b"Keeping Trust" in body
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_folder_that_holds_no_build(tmp_path):
    ran = run_main("web", "serve", str(tmp_path))
    assert ran.returncode == 1 and "holds no browser edition" in ran.stderr


def test_web_build_from_the_command_line_states_the_size_and_how_to_try_it(tmp_path):
    ran = run_main("web", "build", str(tmp_path / "site"))
    if ran.returncode != 0 and "Pyodide" in ran.stderr:
        from helpers import skip_loudly

        skip_loudly(ran.stderr.strip())
    assert ran.returncode == 0, ran.stderr
    assert re.search(r"\d+ files, \d+\.\d MB \(\d+\.\d MB of it the Pyodide ", ran.stdout)
    assert "web serve" in ran.stdout
    assert (cache_dir() / "pyodide" / pyodide_core.tarball_name()).is_file()


def test_web_build_refuses_a_story_with_errors_as_play_does(tmp_path, story_dir):
    broken = story_dir("""
        passages:
          start:
            text: Hello.
            goto: nowhere
        """)
    ran = run_main("web", "build", str(tmp_path / "site"), "--story", str(broken))
    assert ran.returncode == 1 and "nowhere" in ran.stderr and not (tmp_path / "site").exists()
