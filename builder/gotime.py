"""Docker's time arguments (``--since``, ``--until``, ``until=``): a Go duration before now,
an RFC 3339 date or time (local when it names no zone), or a Unix timestamp with fraction.

Times are integer nanoseconds since the epoch; errors carry the messages Docker's client
and Go's time parser give.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime

from builder.errors import DockyardError
from builder.goquote import go_quote

__all__ = ["TimeArgError", "docker_timestamp", "go_duration", "rfc3339_ns"]

_NS = 1_000_000_000
_UNITS = {"ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": _NS,
          "m": 60 * _NS, "h": 3600 * _NS}
_DURATION_PART = re.compile(r"(\d*)(?:\.(\d*))?([^\d.]*)")
_CHUNK = re.compile(r"2006|01|02|15|04|05|\.999999999|Z07:00|.", re.DOTALL)
_RFC3339 = "2006-01-02T15:04:05Z07:00"
_RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00"
_INT64 = 1 << 63


class TimeArgError(DockyardError):
    """A time argument neither Go's duration, RFC 3339 nor Unix-timestamp parser accepts."""


def go_duration(text: str) -> int | None:
    """Nanoseconds of a Go ``time.ParseDuration`` string (``1h30m``, ``-1.5s``), else None."""
    sign, rest = 1, text
    if rest[:1] in ("-", "+"):
        sign, rest = (-1 if rest[0] == "-" else 1), rest[1:]
    if rest == "0":
        return 0
    if not rest:
        return None
    total, pos = 0, 0
    while pos < len(rest):
        match = _DURATION_PART.match(rest, pos)
        assert match is not None  # every group may be empty
        whole, frac, unit = match.groups()
        if (not whole and not frac) or unit not in _UNITS:
            return None
        total += int(whole or "0") * _UNITS[unit]
        if frac:
            total += int(frac) * _UNITS[unit] // 10 ** len(frac)
        pos = match.end()
    return sign * total


def duration_string(ns: int) -> str:
    """Go's ``time.Duration.String``: ``0s``, ``1.5s``, ``1m0s``, ``2h0m5s``, ``300ms``."""
    if ns == 0:
        return "0s"
    sign, u = ("-" if ns < 0 else ""), abs(ns)
    if u < 1_000:
        return f"{sign}{u}ns"
    if u < 1_000_000:
        return f"{sign}{_fraction(u, 1_000)}µs"
    if u < 1_000_000_000:
        return f"{sign}{_fraction(u, 1_000_000)}ms"
    hours, rest = divmod(u, 3_600_000_000_000)
    minutes, rest = divmod(rest, 60_000_000_000)
    text = f"{_fraction(rest, 1_000_000_000)}s"
    if hours:
        text = f"{hours}h{minutes}m{text}"
    elif minutes:
        text = f"{minutes}m{text}"
    return sign + text


def _fraction(value: int, unit: int) -> str:
    whole, part = divmod(value, unit)
    digits = str(part).rjust(len(str(unit)) - 1, "0").rstrip("0")
    return f"{whole}.{digits}" if digits else str(whole)


def docker_timestamp(value: str, now_ns: int | None = None) -> int:
    """Nanoseconds since the epoch of a ``--since``/``--until`` value, as Docker reads it
    (``timetypes.GetTimestamp`` and then ``ParseTimestamps``)."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    duration = go_duration(value)
    if value != "0" and duration is not None:
        return ((now_ns - duration) // _NS) * _NS  # Docker keeps whole seconds of it
    local = not (any(c in value for c in "zZ+") or value.count("-") == 3)
    if "." in value:
        layout = "2006-01-02T15:04:05.999999999" if local else _RFC3339_NANO
    elif "T" in value:
        colons = value.count(":")
        if not local and not any(c in value for c in "zZ") and colons > 0:
            colons -= 1  # the zone offset's
        layout = ("2006-01-02T15", "2006-01-02T15:04", "2006-01-02T15:04:05")[min(colons, 2)]
        if not local:
            layout = ("2006-01-02T15Z07:00", "2006-01-02T15:04Z07:00", _RFC3339)[min(colons, 2)]
    else:
        layout = "2006-01-02" if local else "2006-01-02Z07:00"
    offset = _local_offset(now_ns) if local else None
    try:
        return _parse_layout(layout, value, offset)
    except TimeArgError:
        if "-" in value:
            raise
    parsed = _unix_timestamp(value)
    if parsed is None:
        raise TimeArgError(f"failed to parse value as time or duration: {go_quote(value)}")
    return parsed


def rfc3339_ns(text: str) -> int | None:
    """Nanoseconds of an RFC 3339 time with optional fraction (a log entry's), else None."""
    try:
        return _parse_layout(_RFC3339_NANO, text, None)
    except TimeArgError:
        return None


def _local_offset(now_ns: int) -> int:
    offset = datetime.fromtimestamp(now_ns // _NS).astimezone().utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _unix_timestamp(value: str) -> int | None:
    """Go's ``parseTimestamp``: ``SECONDS[.FRACTION]``, each a signed int64."""
    head, dot, tail = value.partition(".")
    seconds, nanos = _go_int(head), 0
    if seconds is None:
        return None
    if dot:
        frac = _go_int(tail)
        if frac is None:
            return None
        nanos = int(float(frac) * 10.0 ** (9 - len(tail)))
    return seconds * _NS + nanos


def _go_int(text: str) -> int | None:
    """``strconv.ParseInt(text, 10, 64)``, or None."""
    if not re.fullmatch(r"[-+]?\d+", text):
        return None
    number = int(text)
    return number if -_INT64 <= number < _INT64 else None


def _getnum(value: str, fixed: bool) -> tuple[int, str] | None:
    if not value[:1].isdigit() or not value[:1].isascii():
        return None
    if not (value[1:2].isdigit() and value[1:2].isascii()):
        return None if fixed else (int(value[0]), value[1:])
    return int(value[:2]), value[2:]


def _parse_layout(layout: str, value: str, offset: int | None) -> int:
    """Go's ``time.Parse`` of ``value`` by ``layout`` (only the elements Docker's layouts
    use); ``offset`` is the zone (seconds east) when the value names none."""
    whole = value
    fields = {"year": 0, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0, "nanos": 0}

    def bad(elem: str, rest: str) -> TimeArgError:
        return TimeArgError(f"parsing time {go_quote(whole)} as {go_quote(layout)}: "
                            f"cannot parse {go_quote(rest)} as {go_quote(elem)}")

    def out_of_range(what: str) -> TimeArgError:
        return TimeArgError(f"parsing time {go_quote(whole)}: {what} out of range")

    limits = {"01": ("month", 1, 12), "15": ("hour", 0, 23), "04": ("minute", 0, 59),
              "05": ("second", 0, 59)}
    for elem in _CHUNK.findall(layout):
        if elem == "2006":
            if len(value) < 4 or _go_int(value[:4]) is None:
                raise bad(elem, value)
            fields["year"], value = int(value[:4]), value[4:]
        elif elem in ("01", "02", "15", "04", "05"):
            got = _getnum(value, elem != "15")
            if got is None:
                raise bad(elem, value)
            number, value = got
            if elem == "02":
                fields["day"] = number
                continue
            name, low, high = limits[elem]
            if not low <= number <= high:
                raise out_of_range(name)
            fields[name] = number
        elif elem == ".999999999":
            match = re.match(r"[.,](\d+)", value)
            if match is None:
                continue  # the fraction is optional
            digits = match.group(1)[:9]
            fields["nanos"] = int(digits.ljust(9, "0"))
            value = value[match.end():]
        elif elem == "Z07:00":
            if value.startswith("Z"):
                offset, value = 0, value[1:]
                continue
            if len(value) < 6 or value[3] != ":" or value[0] not in "+-":
                raise bad(elem, value)
            hours, minutes = _getnum(value[1:3], True), _getnum(value[4:6], True)
            if hours is None or minutes is None:
                raise bad(elem, value)
            if hours[0] > 24:
                raise out_of_range("time zone offset hour")
            if minutes[0] > 60:
                raise out_of_range("time zone offset minute")
            offset = (hours[0] * 60 + minutes[0]) * 60 * (-1 if value[0] == "-" else 1)
            value = value[6:]
        elif value[:1] != elem:
            raise bad(elem, value)
        else:
            value = value[1:]
    if value:
        raise TimeArgError(f"parsing time {go_quote(whole)}: extra text: {go_quote(value)}")
    year, month, day = fields["year"], fields["month"], fields["day"]
    if not 1 <= day <= _days_in(month, year):
        raise out_of_range("day")
    seconds = _epoch_days(year, month, day) * 86400 + fields["hour"] * 3600 \
        + fields["minute"] * 60 + fields["second"] - (offset or 0)
    return seconds * _NS + fields["nanos"]


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _epoch_days(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date (year 0 too, as Go allows)."""
    if year >= 1:
        return calendar.timegm((year, month, day, 0, 0, 0)) // 86400
    return _epoch_days(year + 400, month, day) - 146097  # 400 years are 146097 days
