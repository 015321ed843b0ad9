"""Where the game keeps what it writes for a player, and where it reads what it ships: the
answer ``python main.py paths`` prints, so a player, a teacher or a lab's technician can
back up, wipe or inspect them without reading the code.

Pure Python (no pygame).  Each place is asked of the module that uses it, so this list can
never drift from where the files really go.
"""

from __future__ import annotations

from pathlib import Path

from game import shipped


def player_places(story_dir: Path | None = None,
                  kiosk_config: Path | None = None) -> list[tuple[str, str]]:
    """Every place the game reads from or writes to, as (what, where) in the order a player
    would look for them.  ``story_dir`` is the story being played (the shipped one when
    None); ``kiosk_config`` is an operator's config, whose own log and statistics files win
    over the defaults."""
    from game.kiosk_rules import ConfigError, load_config
    from game.mods import mod_folders
    from game.saves import SlotStore
    from game.paths import cache_dir, data_dir, kiosk_log, visitor_book_file
    from game.settings import settings_path
    from game.transcript import transcripts_dir

    story = Path(story_dir) if story_dir is not None else shipped.story()
    log_file = statistics_file = None
    config_note = None
    if kiosk_config is not None:
        try:
            config = load_config(kiosk_config)
            log_file, statistics_file = config.log_file, config.statistics_file
        except ConfigError as exc:
            config_note = f"{kiosk_config} cannot be used: " + "; ".join(exc.problems)
    places = [
        ("settings", str(settings_path())),
        ("saves", str(SlotStore().folder)),
        ("transcripts", str(transcripts_dir())),
        ("kiosk log", str(log_file or kiosk_log())),
        ("visitor stats", str(statistics_file or visitor_book_file())),
        ("cache", str(cache_dir())),
    ]
    for folder, is_shipped in mod_folders(story, data_dir()):
        places.append(("shipped mods" if is_shipped else "your mods", str(folder)))
    where = "installed with the game" if shipped.is_packaged() else "in the checkout"
    places.append(("story", f"{story}" + (f" ({where})" if story == shipped.story() else "")))
    places.append(("assets", f"{shipped.assets()} ({where})"))
    if config_note:
        places.append(("kiosk config", config_note))
    return places
