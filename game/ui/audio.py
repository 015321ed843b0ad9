"""A few UI sounds and a quiet ambient loop, with separate volumes.

Sound is optional: where there is no audio device (a server, a CI runner, a muted kiosk) the
mixer fails to start and every method here quietly does nothing.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.theme import ASSETS

SOUNDS = ASSETS / "sounds"
EFFECTS = ("click", "choose", "page")


class Audio:
    """Plays effects and the ambient loop; ``enabled`` is False without a device."""

    def __init__(self) -> None:
        self.enabled = False
        self.effects: dict[str, Any] = {}
        self.master = 1.0
        self.music = 1.0
        self.effects_volume = 1.0

    def open(self) -> None:
        """Open the sound device and load the sounds (after the first frame: a player sees
        the title sooner); without a device, stays quiet."""
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=1024)
            for name in EFFECTS:
                self.effects[name] = pygame.mixer.Sound(str(SOUNDS / f"{name}.wav"))
            pygame.mixer.music.load(str(SOUNDS / "ambient.wav"))
            self.enabled = True
        except (pygame.error, FileNotFoundError, OSError):
            self.enabled = False
        self.set_volumes(self.master, self.music, self.effects_volume)

    def set_volumes(self, master: float, music: float, effects: float) -> None:
        self.master, self.music, self.effects_volume = master, music, effects
        if self.enabled:
            pygame.mixer.music.set_volume(master * music * 0.6)

    def play(self, name: str) -> None:
        sound = self.effects.get(name)
        if sound is None or not self.enabled:
            return
        volume = self.master * self.effects_volume
        if volume <= 0:
            return
        sound.set_volume(volume)
        sound.play()

    def start_ambient(self) -> None:
        if self.enabled and not pygame.mixer.music.get_busy():
            try:
                pygame.mixer.music.play(loops=-1, fade_ms=2000)
            except pygame.error:
                pass

    def stop(self) -> None:
        if self.enabled:
            pygame.mixer.music.fadeout(300)
