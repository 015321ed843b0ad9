"""Keeping Trust: a narrative game about a season under Rongcheng's social credit system."""

__version__ = "0.1.0"
