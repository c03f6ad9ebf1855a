"""Sizes and durations as users write them: ``10GB``, ``512MiB``, ``1.5g``; ``24h``, ``90m``."""

from __future__ import annotations

import re

from builder.errors import DockyardError

__all__ = ["parse_duration", "parse_size"]

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b?)\s*$", re.IGNORECASE)
_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4, "p": 5}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")
_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_size(text: str) -> int:
    """Bytes in ``text``; units are binary as Docker's ``--keep-storage`` (``1GB`` = 2**30)."""
    match = _SIZE.match(text)
    if match is None:
        raise DockyardError(f"invalid size {text!r}: expected a number with an optional unit "
                            "(B, KB, MB, GB, TB)")
    number, unit, _ = match.groups()
    return int(float(number) * 1024 ** _POWERS[unit.lower()])


def parse_duration(text: str) -> float:
    """Seconds in a Go-style duration (``24h``, ``1h30m``, ``90s``; ``d`` and ``w`` too)."""
    pos, total = 0, 0.0
    text = text.strip()
    for match in _DURATION.finditer(text):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _SECONDS[match.group(2)]
        pos = match.end()
    if not text or pos != len(text):
        raise DockyardError(f"invalid duration {text!r}: expected e.g. 24h, 90m, 1h30m, 7d")
    return total


def human_duration(seconds: float) -> str:
    """Docker's ``units.HumanDuration``: ``About a minute``, ``3 days``."""
    s = int(seconds)
    if s < 1:
        return "Less than a second"
    if s == 1:
        return "1 second"
    if s < 60:
        return f"{s} seconds"
    minutes = s // 60
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = int(seconds / 3600 + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(seconds / 3600) // 24 // 365} years"
