"""A game killed with SIGKILL while it saves or writes its settings leaves the old file or
the new one, whole: never a broken save, never settings it cannot read, never no autosave."""

from __future__ import annotations

import pytest

from kill_loop import kill_loop


@pytest.mark.slow
def test_a_hundred_kills_during_saves_and_settings_leave_only_whole_files(tmp_path):
    report = kill_loop(tmp_path, kills=100, seed=11)
    assert report.broken == []
    # The kills landed where they matter: inside writes, and across many versions.
    assert report.inside_a_write > 0
    assert len(report.versions_seen) > 1
