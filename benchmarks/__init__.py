"""Figures the game promises, each measured against a baseline in the same run.

Run ``python -m benchmarks`` for the table, ``python -m benchmarks --json`` for one object.
"""
