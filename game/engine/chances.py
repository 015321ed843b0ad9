"""The story's chances: what a ``roll`` draws.

A chance is named by the roll's variable and by how many times this life has drawn it
before, and its number depends on those and the life's seed alone — never on how many other
chances came before.  So a class given one seed lives in one world: two students whose lives
differ in an early choice (one brakes at the amber light, one does not) still meet the same
heating inspector, the same blood test and the same photographer at every chance both reach,
and what differs in their ledgers comes from their choices.

Pure and stateless: a session keeps only how many times it has drawn each chance (a small
table of whole numbers, so saves stay JSON).
"""

from __future__ import annotations

import hashlib

#: A roll's number runs from 1 to this.
SIDES = 100


def chance(seed: int, name: str, drawn_before: int = 0, sides: int = SIDES) -> int:
    """The number the roll ``name`` draws, from 1 to ``sides``, in the life with ``seed`` when it
    has drawn ``name`` ``drawn_before`` times already."""
    key = f"keeping-trust chance\0{seed}\0{name}\0{drawn_before}".encode()
    return 1 + int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") % sides
