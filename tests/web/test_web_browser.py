"""The browser edition in a real browser: this machine's Chromium, headless, with no network
but 127.0.0.1, plays the built folder as a class and a festival would — by keyboard, from a
class's link, at a phone's, a tablet's and a laptop's width — keeps its place across a
reload, says so when the browser refuses to keep anything, plays offline once loaded, runs as
a kiosk, and never fetches anything from another origin.

Skipped loudly (with a warning) where Chromium, Playwright, npm or the Pyodide core cannot be
had. Set KEEPING_TRUST_WEB_SHOTS to a folder to keep the screenshots there too (that is how
docs/screenshots/web/ is made).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from game import debrief_document as doc
from game.engine import Session
from game.transcript import cell_text
from helpers import headless_chromium, ledger_rows_shown, serving, visible_screen, web_edition

WIDTHS = {"phone": (375, 812), "tablet": (768, 1024), "laptop": (1280, 800)}
#: A class's shared world, as a teacher's link names it.
CLASS_SEED = 2024
#: How long the engine may take to start on a machine busy with the rest of the tests.
START_MS = 120_000


@pytest.fixture(scope="module")
def site(tmp_path_factory, shipped_story):
    folder = web_edition(tmp_path_factory.mktemp("web") / "site", shipped_story)
    with serving(folder) as (url, asked), headless_chromium() as browser:
        yield url, asked, browser


@pytest.fixture
def fetched():
    """Every address a browser context asks for, the worker's and the offline keeper's too."""
    return []


def open_context(browser, fetched: list, width: str = "laptop", **options):
    size = WIDTHS[width]
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, **options)
    context.on("request", lambda request: fetched.append(request.url))
    return context


def elsewhere(fetched: list, url: str) -> list[str]:
    ours = urlsplit(url).netloc
    return [u for u in fetched if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != ours]


def wait_for(page, screen: str) -> None:
    page.wait_for_function("(screen) => document.querySelector('#screen-' + screen) && "
                           "!document.querySelector('#screen-' + screen).hidden", arg=screen, timeout=START_MS)


def settled(page) -> None:
    """Wait for the passage's arrival (it fades in over a third of a second) before a picture."""
    page.wait_for_timeout(450)


def shoot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    keep = os.environ.get("KEEPING_TRUST_WEB_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


#: What is on show, in short: which screen, and what it says.
SHOWING = ("document.querySelector('.screen:not([hidden])').id + ':' + "
           "document.querySelector('.screen:not([hidden])').textContent")


def press_on(page, key: str) -> None:
    """Press ``key`` and wait for the engine's answer to be shown."""
    before = page.evaluate(SHOWING)
    page.keyboard.press(key)
    page.wait_for_function(f"(before) => ({SHOWING}) !== before", arg=before, timeout=START_MS)


def short_route_begun(browser, fetched, url: str):
    """A fresh browser context on the title, with the short route begun from its button."""
    context = open_context(browser, fetched)
    page = context.new_page()
    page.goto(url)
    wait_for(page, "title")
    page.click("[data-act=short]")
    wait_for(page, "play")
    return context, page


def the_class_life(story) -> Session:
    """The life the tests play in the class's world: each choice drawn from the seed."""
    session = Session.new(story, seed=CLASS_SEED, route="short")
    chance = random.Random(CLASS_SEED)
    while not session.is_over:
        session.choose(chance.randint(1, len(session.page.choices)))
    for question in ("counting", "reporters", "standing"):
        session.guess(question, {"counting": "yes", "reporters": "none", "standing": "higher"}[question])
    return session


def ledger_rows(session: Session) -> list[list[str]]:
    document = doc.build(session.debrief(), session.story.title)
    (table,) = [b for s in document.sections if s.title == "The ledger" for b in s.blocks if isinstance(b, doc.Table)]
    return [[cell_text(cell) for cell in row] for row in table.rows]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_class_link_plays_the_short_route_to_the_debrief_by_keyboard(site, fetched, shipped_story, tmp_path,
                                                                       width):
    url, asked, browser = site
    life = the_class_life(shipped_story)
    context = open_context(browser, fetched, width)
    page = context.new_page()
    page.goto(f"{url}?seed={CLASS_SEED}&route=short")
    wait_for(page, "title")
    assert "seed 2024, the short route" in page.text_content("#class-world")
    shoot(page, tmp_path, f"{width}-title")
    page.keyboard.press("Enter")                        # the class's world, focused first
    wait_for(page, "play")
    settled(page)
    shoot(page, tmp_path, f"{width}-first-page")
    for step, number in enumerate(life.path):
        assert page.evaluate("document.activeElement.closest('#choices') !== null")
        assert page.locator("#choices button").count() >= number
        press_on(page, str(number))
        if page.locator("#passage .style-ticket_machine, #passage .style-bill").count():
            settled(page)
            shoot(page, tmp_path, f"{width}-{'machine' if page.locator('.style-ticket_machine').count() else 'bill'}")
    assert page.locator("#choices button").count() == 1    # the ending's Go on
    press_on(page, "1")
    for number in (1, 2, 3):                                # yes; nobody; higher: each the first answer
        wait_for(page, "guess")
        assert page.text_content("#guess-count").endswith(f"{number} of 3")
        press_on(page, "1")
    wait_for(page, "debrief")
    page.keyboard.press("Tab")                              # from the heading to "Read on"
    assert page.evaluate("document.activeElement.id") == "read-rest"
    page.keyboard.press("Enter")
    assert ledger_rows_shown(page) == ledger_rows(life)
    settled(page)
    shoot(page, tmp_path, f"{width}-debrief")
    # The worker's own requests are seen too: the core it fetched is among them.
    assert any(u.endswith("/pyodide.asm.wasm") for u in fetched) and any("/game-" in u for u in fetched)
    assert elsewhere(fetched, url) == []
    context.close()


def test_the_transcript_is_saved_as_a_download_naming_the_class_world(site, fetched, shipped_story):
    url, asked, browser = site
    life = the_class_life(shipped_story)
    context = open_context(browser, fetched, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{url}?seed={CLASS_SEED}&route=short")
    wait_for(page, "title")
    page.keyboard.press("Enter")
    wait_for(page, "play")
    for number in [*life.path, 1, 1, 1, 1]:
        press_on(page, str(number))
    wait_for(page, "debrief")
    with page.expect_download() as downloading:
        page.click("[data-act=transcript]")
    download = downloading.value
    assert download.suggested_filename.startswith("keeping-trust-") and download.suggested_filename.endswith(
        f"-seed-{CLASS_SEED}.html")
    written = Path(download.path()).read_text(encoding="utf-8")
    assert f"?seed={CLASS_SEED}&amp;route=short" in written and 'id="debrief"' in written
    assert elsewhere(fetched, url) == []
    context.close()


def test_the_game_keeps_its_place_across_a_reload_and_in_a_save_slot(site, fetched):
    url, asked, browser = site
    context, page = short_route_begun(browser, fetched, url)
    for _ in range(3):
        press_on(page, "1")
    here = page.inner_html("#passage")
    page.click("[data-act=save]")
    wait_for(page, "slots")
    page.click("#slot-list li:first-child button")
    assert page.text_content("#slots-note") == "Saved in Slot 1."
    page.keyboard.press("Escape")
    wait_for(page, "play")
    press_on(page, "1")
    later = page.inner_html("#passage")
    autosave = page.evaluate("JSON.parse(localStorage.getItem('keeping-trust.autosave'))")
    assert len(autosave["save"]["path"]) == 4
    page.reload()
    wait_for(page, "title")
    assert page.is_visible("[data-act=continue]")
    page.click("[data-act=continue]")
    wait_for(page, "play")
    settled(page)
    assert page.inner_html("#passage") == later             # the autosave survived the reload
    page.click("#screen-play [data-act=load]")
    wait_for(page, "slots")
    assert page.locator("#slot-list button").nth(1).text_content().startswith("Slot 1Day ")
    page.locator("#slot-list button").nth(1).click()
    wait_for(page, "play")
    settled(page)
    assert page.inner_html("#passage") == here
    assert elsewhere(fetched, url) == []
    context.close()


def test_a_browser_that_refuses_storage_is_told_and_the_game_goes_on(site, fetched):
    url, asked, browser = site
    context = open_context(browser, fetched)
    context.add_init_script("Storage.prototype.setItem = function () { "
                            "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };")
    page = context.new_page()
    page.goto(url)
    wait_for(page, "title")
    page.click("[data-act=short]")
    wait_for(page, "play")
    note = page.locator("#storage-note")
    assert note.is_visible() and note.get_attribute("role") == "alert"
    assert "will be lost when this tab closes" in note.text_content() and "QuotaExceededError" in note.text_content()
    press_on(page, "1")
    assert visible_screen(page) == "play"
    context.close()


def test_once_loaded_the_game_opens_and_plays_with_no_network_at_all(site, fetched):
    url, asked, browser = site
    context = open_context(browser, fetched)
    page = context.new_page()
    page.goto(url)
    wait_for(page, "title")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")     # installed: every file kept
    kept = page.evaluate("caches.keys().then(names => caches.open(names[0])).then(c => c.keys())"
                         ".then(requests => requests.map(r => new URL(r.url).pathname.slice(1) || './'))")
    built = page.evaluate("fetch('build.json').then(r => r.json()).then(b => Object.keys(b.files))")
    assert set(kept) == {"./", *built} - {"sw.js"}
    context.set_offline(True)
    page.reload()
    wait_for(page, "title")
    page.click("[data-act=short]")
    wait_for(page, "play")
    press_on(page, "1")
    assert page.locator("#choices button").count() >= 1
    context.close()


def test_the_page_is_what_a_screen_reader_reads_natively(site, fetched):
    url, asked, browser = site
    context, page = short_route_begun(browser, fetched, url)
    assert page.get_attribute("#passage", "aria-live") == "polite"
    assert page.locator("#passage article h2").count() == 1
    assert page.locator("#choices > li > button").count() == page.locator("#choices li").count() >= 2
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("9")                                # a number with no choice does nothing
    assert visible_screen(page) == "play"
    page.click("[data-act=history]")
    wait_for(page, "history")
    assert page.evaluate("document.activeElement.id") == "history-heading"
    page.keyboard.press("Escape")
    wait_for(page, "play")
    context.close()


def test_text_size_contrast_and_type_face_are_kept_between_visits(site, fetched, tmp_path):
    url, asked, browser = site
    context = open_context(browser, fetched, "tablet")
    page = context.new_page()
    page.goto(url)
    wait_for(page, "title")
    page.click("#screen-title [data-act=settings]")
    wait_for(page, "settings")
    page.check("input[name=size][value='200']")
    page.check("input[name=contrast]")
    page.check("input[name=font][value=dyslexic]")
    page.reload()
    wait_for(page, "title")
    root = page.evaluate("[document.documentElement.dataset.size, document.documentElement.dataset.font, "
                         "document.documentElement.classList.contains('high-contrast')]")
    assert root == ["200", "dyslexic", True]
    page.click("[data-act=short]")
    wait_for(page, "play")
    settled(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    shoot(page, tmp_path, "tablet-200-high-contrast-dyslexic")
    context.close()


def test_a_kiosk_shows_its_attract_text_and_sends_an_abandoned_visit_back_to_it(site, fetched):
    url, asked, browser = site
    context = open_context(browser, fetched, "tablet")
    page = context.new_page()
    page.goto(f"{url}?kiosk&idle=5")
    wait_for(page, "attract")
    facts = json.loads(page.evaluate("fetch('facts.json').then(r => r.text())"))
    assert page.text_content("#attract-line") in facts["attract"]
    page.click("#attract-begin")
    wait_for(page, "play")
    assert not page.is_visible("#screen-play [data-act=save]") and not page.is_visible("#screen-play [data-act=load]")
    press_on(page, "1")
    page.wait_for_selector("#still-there:not([hidden])", timeout=15_000)
    assert "next visitor" in page.text_content("#still-there-count")
    wait_for(page, "attract")
    assert page.evaluate("localStorage.length") == 0          # nothing of the visitor is kept
    context.close()


def test_what_the_story_says_never_becomes_markup_in_the_browser(site, tmp_path_factory, story_dir, fetched):
    from game.engine import load_story

    browser = site[2]
    hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    folder = story_dir(f"""
        passages:
          start:
            style: letter
            title: '{hostile}'
            speaker: '{hostile}'
            text: |
              {hostile}
            choices:
              - text: '{hostile}'
                goto: end
          end:
            ending: {{title: '{hostile}'}}
            text: The end.
        """)
    site_folder = web_edition(tmp_path_factory.mktemp("hostile") / "site", load_story(folder))
    with serving(site_folder) as (url, asked):
        context = open_context(browser, fetched)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        wait_for(page, "title")
        page.click("[data-act=full]")
        wait_for(page, "play")
        assert page.locator("img, script:not([src])").count() == 0
        assert "<script>" in page.text_content("#passage") and "<img" in page.text_content("#choices")
        press_on(page, "1")
        assert "<img" in page.text_content("#passage .ending-title")
        assert dialogs == [] and page.locator("#passage img").count() == 0
        context.close()
