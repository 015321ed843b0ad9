"""Tools for writers and modders: check, explore, stats, map and transcripts."""
