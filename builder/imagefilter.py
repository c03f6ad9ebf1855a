"""Docker's ``--filter`` arguments of the image commands: parsing, validation and matching
(``dangling``, ``label``, ``before``/``since``, ``reference`` with Go's ``path.Match``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from builder.filterargs import FilterError, Filters, labels_match, parse_filters, validate

__all__ = ["FilterError", "Filters", "created_ns", "dangling_only", "labels_match", "parse_filters",
           "path_match", "reference_matches", "validate"]

_GO_ZERO_TIME = -62135596800 * 10**9  # Go's zero time, in nanoseconds since the epoch


def dangling_only(filters: Filters, falsy: Iterable[str] = ("false",),
                  truthy: Iterable[str] = ("true",)) -> bool | None:
    """True for only dangling images, False for none of them, None without the filter.

    As Docker: a true value wins over a false one; a filter with neither is an error.
    """
    values = filters.get("dangling")
    if values is None:
        return None
    if any(v in values for v in truthy):
        return True
    if any(v in values for v in falsy):
        return False
    raise FilterError(f"Invalid filter 'dangling=[{' '.join(sorted(values))}]'")


def created_ns(config: Mapping[str, Any]) -> int:
    """An image config's ``created`` in nanoseconds (Go's zero time when it has none)."""
    from builder.gotime import rfc3339_ns

    created = config.get("created")
    ns = rfc3339_ns(created) if isinstance(created, str) else None
    return _GO_ZERO_TIME if ns is None else ns


def reference_matches(patterns: Iterable[str], familiar: str, familiar_name: str) -> bool:
    """Whether a name (``one:1``, its repository ``one``) matches any pattern, as Docker's
    ``reference.FamiliarMatch``: first the whole name, then the repository."""
    for pattern in patterns:
        if path_match(pattern, familiar) or path_match(pattern, familiar_name):
            return True
    return False


def path_match(pattern: str, name: str) -> bool:
    """Go's ``path.Match``: ``*`` and ``?`` stop at ``/``, ``[...]`` classes, ``\\`` escapes;
    a malformed pattern is an error."""
    from builder.gomatch import PatternError, compile_pattern

    try:
        return compile_pattern(pattern).fullmatch(name) is not None
    except PatternError:
        raise FilterError("syntax error in pattern") from None
