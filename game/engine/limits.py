"""Limits that the command line names in its help, kept apart from the session so that
building the command line reads no story code."""

#: Automatic play gives up after this many choices: in a story whose loop has no way out it
#: would otherwise choose for ever.  A life through the shipped story takes about a hundred.
MAX_AUTO_STEPS = 5000
