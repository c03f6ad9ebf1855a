"""Instruction flags (``--name=value``), RUN ``--mount`` specs, and Go-style durations.

Messages are Docker's own words, so users can search for them.
"""

from __future__ import annotations

import re

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Final, Literal

    FlagType = Literal["bool", "string", "strings"]
    MountType = Literal["bind", "cache", "tmpfs", "secret", "ssh"]


class FlagError(ValueError):
    """A flag or flag value that is not valid; the caller adds the location."""


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def suggest(value: str, options: Sequence[str], case_sensitive: bool = True) -> str | None:
    """The closest option within edit distance 2 (BuildKit's suggest.Search), if any."""
    val = value if case_sensitive else value.lower()
    best: str | None = None
    best_dist = 3
    for opt in options:
        cmp = opt if case_sensitive else opt.lower()
        if cmp == val:
            return None
        dist = levenshtein(val, cmp)
        if dist < best_dist:
            best, best_dist = opt, dist
    return best


def with_suggestion(message: str, value: str, options: Sequence[str], case_sensitive: bool) -> str:
    """``message`` plus ``(did you mean X?)`` when an option is close."""
    match = suggest(value, options, case_sensitive)
    return f"{message} (did you mean {match}?)" if match else message


def parse_flags(raw: Sequence[str], spec: dict[str, FlagType]) -> dict[str, str | bool | list[str]]:
    """Check raw ``--flag`` words against ``spec``; returns the values of the flags used.

    Bool flags accept ``--x``, ``--x=true`` and ``--x=false``; string flags need ``=value``;
    ``strings`` flags may repeat.
    """
    values: dict[str, str | bool | list[str]] = {}
    for word in raw:
        if word == "--":
            break
        if not word.startswith("--"):
            raise FlagError(f"arg should start with -- : {word}")
        name, has_value, value = word.partition("=")
        key = name[2:]
        kind = spec.get(key)
        if kind is None:
            raise FlagError(with_suggestion(f"unknown flag: {name}", key, list(spec), True))
        if key in values and kind != "strings":
            raise FlagError(f"duplicate flag specified: {name}")
        if kind == "bool":
            if has_value and value == "":
                raise FlagError(f"missing a value on flag: {name}")
            low = value.lower()
            if low in ("true", ""):
                values[key] = True
            elif low == "false":
                values[key] = False
            else:
                raise FlagError(f"expecting boolean value for flag {name}, not: {value}")
        elif not has_value:
            raise FlagError(f"missing a value on flag: {name}")
        elif kind == "string":
            values[key] = value
        else:
            existing = values.setdefault(key, [])
            assert isinstance(existing, list)
            existing.append(value)
    return values


_DURATION_UNITS = {
    "ns": 1,
    "us": 1_000,
    "µs": 1_000,
    "μs": 1_000,
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60_000_000_000,
    "h": 3_600_000_000_000,
}
_RE_DURATION_PART = re.compile(r"([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)")


def parse_duration(text: str) -> int:
    """A Go duration (``1h30m``, ``1.5s``, ``300ms``) in nanoseconds."""
    s = text
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if s == "0":
        return 0
    if not s:
        raise FlagError(f'time: invalid duration "{text}"')
    total = 0.0
    pos = 0
    while pos < len(s):
        m = _RE_DURATION_PART.match(s, pos)
        if m is None or m[1] in ("", "."):
            if m is None and re.match(r"[0-9.]+\Z", s[pos:]):
                raise FlagError(f'time: missing unit in duration "{text}"')
            raise FlagError(f'time: invalid duration "{text}"')
        total += float(m[1]) * _DURATION_UNITS[m[2]]
        pos = m.end()
    return sign * int(total)


_MOUNT_TYPES = ("bind", "cache", "tmpfs", "secret", "ssh")
_SHARING = ("shared", "private", "locked")
_MOUNT_KEYS = (
    "type", "from", "source", "target", "readonly", "id", "sharing", "required", "size",
    "mode", "uid", "gid", "src", "dst", "destination", "ro", "rw", "readwrite", "env",
)  # fmt: skip


class Mount(Record):
    """A ``RUN --mount`` spec."""

    __slots__ = ("type", "from_", "source", "target", "readonly", "size", "id", "sharing",
                 "required", "env", "mode", "uid", "gid")
    type: Final[MountType]
    from_: Final[str]
    source: Final[str]
    target: Final[str]
    readonly: Final[bool]
    size: Final[int]
    id: Final[str]
    sharing: Final[str]
    required: Final[bool]
    env: Final[str | None]
    mode: Final[int | None]
    uid: Final[int | None]
    gid: Final[int | None]

    def __init__(self, type: MountType = "bind", from_: str = "", source: str = "",
                 target: str = "", readonly: bool = True, size: int = 0, id: str = "",
                 sharing: str = "", required: bool = False, env: str | None = None,
                 mode: int | None = None, uid: int | None = None,
                 gid: int | None = None) -> None:
        self.type = type
        self.from_ = from_
        self.source = source
        self.target = target
        self.readonly = readonly
        self.size = size
        self.id = id
        self.sharing = sharing
        self.required = required
        self.env = env
        self.mode = mode
        self.uid = uid
        self.gid = gid


def _go_bool(key: str, value: str) -> bool:
    if value in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if value in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise FlagError(f"invalid value for {key}: {value}")


def _uint(value: str, base: int, what: str) -> int:
    try:
        if not value or not re.fullmatch(r"[0-9]+" if base == 10 else r"[0-7]+", value):
            raise ValueError
        n = int(value, base)
        if n >= 1 << 32:
            raise ValueError
        return n
    except ValueError:
        raise FlagError(f"invalid value {value} for {what}") from None


_RE_SIZE = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?([kKmMgGtTpP]?)(i?[bB])?\Z")


def parse_ram_size(value: str) -> int:
    """Docker's ``RAMInBytes`` (``64m``, ``1g``, ``512k``, ``1024``)."""
    m = _RE_SIZE.match(value)
    if m is None:
        raise FlagError(f"invalid size: '{value}'")
    mult = 1024 ** " kmgtp".index(m[2].lower() or " ")
    return int(float(m[1]) * mult)


def parse_mount(value: str, expand: Callable[[str], str] | None = None) -> Mount:
    """Parse a ``--mount`` value. Without ``expand`` only what needs no variables is checked."""
    import csv

    try:
        fields = next(csv.reader([value], skipinitialspace=False)) if value else []
    except csv.Error as err:
        raise FlagError(f"failed to parse csv mounts: {err}") from None
    m: dict[str, object] = {"type": "bind"}
    ro_auto = True
    for field in fields:
        key, has_value, val = field.partition("=")
        key = key.lower()
        mtype = m["type"]
        if not has_value:
            if expand is None:
                continue
            if key in ("readonly", "ro"):
                m["readonly"], ro_auto = True, False
            elif key in ("readwrite", "rw"):
                m["readonly"], ro_auto = False, False
            elif key == "required" and mtype in ("secret", "ssh"):
                m["required"] = True
            elif key == "required":
                raise FlagError(f"unexpected key '{key}' for mount type '{mtype}'")
            else:
                raise FlagError(f"invalid field '{field}' must be a key=value pair")
            continue
        if expand is not None:
            val = expand(val)
        elif key == "from":
            idx = val.find("$")
            if idx != -1 and idx != len(val) - 1:
                raise FlagError(
                    f"'{key}' doesn't support variable expansion, define alias stage instead"
                )
        else:
            continue
        if key == "type":
            low = val.lower()
            if low not in _MOUNT_TYPES:
                raise FlagError(
                    with_suggestion(f'unsupported mount type "{val}"', val, _MOUNT_TYPES, True)
                )
            m["type"] = low
        elif key == "from":
            m["from_"] = val
        elif key in ("source", "src"):
            m["source"] = val
        elif key in ("target", "dst", "destination"):
            m["target"] = val
        elif key in ("readonly", "ro"):
            m["readonly"], ro_auto = _go_bool(key, val), False
        elif key in ("readwrite", "rw"):
            m["readonly"], ro_auto = not _go_bool(key, val), False
        elif key == "required":
            if mtype not in ("secret", "ssh"):
                raise FlagError(f"unexpected key '{key}' for mount type '{mtype}'")
            m["required"] = _go_bool(key, val)
        elif key == "size":
            if mtype != "tmpfs":
                raise FlagError(f"unexpected key '{key}' for mount type '{mtype}'")
            try:
                m["size"] = parse_ram_size(val)
            except FlagError:
                raise FlagError(f"invalid value for {key}: {val}") from None
        elif key == "id":
            m["id"] = val
        elif key == "sharing":
            low = val.lower()
            if low not in _SHARING:
                raise FlagError(
                    with_suggestion(f'unsupported sharing value "{val}"', val, _SHARING, True)
                )
            m["sharing"] = low
        elif key == "mode":
            m["mode"] = _uint(val, 8, "mode")
        elif key in ("uid", "gid"):
            m[key] = _uint(val, 10, key)
        elif key == "env":
            m["env"] = val
        else:
            raise FlagError(
                with_suggestion(f"unexpected key '{key}' in '{field}'", key, _MOUNT_KEYS, True)
            )
    mtype = m["type"]
    if mtype not in ("secret", "ssh", "cache"):
        for attr in ("mode", "uid", "gid"):
            if m.get(attr) is not None:
                raise FlagError(f'{attr} not allowed for "{mtype}" type mounts')
    if ro_auto:
        m["readonly"] = mtype not in ("cache", "tmpfs")
    if mtype == "secret":
        if m.get("from_"):
            raise FlagError("secret mount should not have a from")
        if m.get("sharing"):
            raise FlagError("secret mount should not define sharing")
        if expand is not None and not (m.get("source") or m.get("target") or m.get("id")):
            raise FlagError("invalid secret mount. one of source, target required")
        if m.get("source") and m.get("id"):
            raise FlagError("both source and id can't be set")
    if m.get("sharing") and mtype != "cache":
        raise FlagError(f"invalid cache sharing set for {mtype} mount")
    if expand is not None and mtype in ("bind", "cache", "tmpfs") and not m.get("target"):
        raise FlagError(f"mount target is required for type={mtype} mounts")
    return Mount(**m)  # type: ignore[arg-type]
