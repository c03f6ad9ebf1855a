"""Docker's ``--filter KEY=VALUE`` arguments (its ``filters.Args``): parsing, the check of
the keys a command takes, and label matching, shared by ``ps`` and the image commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from builder.errors import DockyardError

Filters = dict[str, list[str]]


class FilterError(DockyardError):
    """A filter Docker would refuse (unknown key, bad value, bad pattern)."""


def parse_filters(items: Iterable[str]) -> Filters:
    """``KEY=VALUE`` arguments as Docker's ``filters.ParseFlag`` reads them: the key trimmed
    and lower-cased, the value trimmed, each value once per key."""
    out: Filters = {}
    for item in items:
        if "=" not in item:
            raise FilterError("bad format of filter (expected name=value)")
        key, _, value = item.partition("=")
        values = out.setdefault(key.strip().lower(), [])
        if value.strip() not in values:
            values.append(value.strip())
    return out


def validate(filters: Filters, accepted: Iterable[str]) -> None:
    """Refuse a key not in ``accepted``, as the daemon does."""
    allowed = set(accepted)
    for key in filters:
        if key not in allowed:
            raise FilterError(f"Invalid filter '{key}'")


def labels_match(values: Iterable[str], labels: Mapping[str, str] | None) -> bool:
    """Docker's ``MatchKVList``: every ``key`` or ``key=value`` must hold (no labels: no)."""
    wanted = list(values)
    if not wanted:
        return True
    if not labels:
        return False
    for item in wanted:
        key, sep, value = item.partition("=")
        if key not in labels or (sep and labels[key] != value):
            return False
    return True
