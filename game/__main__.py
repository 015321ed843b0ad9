"""``python -m game``: the same as ``keeping-trust`` and a checkout's ``main.py`` (the kiosk's
wrapper starts an installed game this way)."""

import sys

from game.cli import main

sys.exit(main())
