"""Docker's USER resolution against a rootfs's ``/etc/passwd`` and ``/etc/group``."""

from __future__ import annotations

import os

from builder.errors import ExecutionError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final


class ExecUser(Record):
    """A resolved user: numeric ids, supplementary groups, home directory."""

    __slots__ = ("uid", "gid", "groups", "home")
    uid: Final[int]
    gid: Final[int]
    groups: Final[tuple[int, ...]]
    home: Final[str]

    def __init__(self, uid: int, gid: int, groups: tuple[int, ...], home: str) -> None:
        self.uid = uid
        self.gid = gid
        self.groups = groups
        self.home = home


def path_in_root(root: Path, path: str) -> Path:
    """:func:`resolve_in_root` as a Path."""
    from pathlib import Path

    return Path(resolve_in_root(root, path))


def resolve_in_root(root: str | Path, path: str) -> str:
    """``path`` inside ``root``, following symlinks as if ``root`` were ``/``.

    The result never leaves ``root`` (``..`` and absolute links are clamped to it). The last
    component may not exist.
    """
    top = os.fspath(root)
    parts = [p for p in path.split("/") if p not in ("", ".")]
    resolved: list[str] = []
    hops = 0
    while parts:
        name = parts.pop(0)
        if name == "..":
            if resolved:
                resolved.pop()
            continue
        candidate = os.path.join(top, *resolved, name)
        is_link = os.path.islink(candidate)
        if is_link:
            hops += 1
            if hops > 40:
                raise ExecutionError(f"too many levels of symbolic links in {path}")
            target = os.readlink(candidate)
            if target.startswith("/"):
                resolved = []
            parts = [p for p in target.split("/") if p not in ("", ".")] + parts
            continue
        resolved.append(name)
    return os.path.join(top, *resolved)


def _read_table(root: str | Path, name: str) -> list[list[str]]:
    try:
        with open(resolve_in_root(root, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
    except (OSError, ExecutionError):
        return []
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        rows.append(line.split(":"))
    return rows


def resolve_user(root: str | Path, user: str) -> ExecUser:
    """Resolve Docker's USER (``name``, ``uid``, ``name:group``, ``uid:gid``) in ``root``.

    Same rules as runc's ``GetExecUser``: an unknown name is an error, an unknown numeric id
    is used as-is (gid 0, home ``/``); supplementary groups come from ``/etc/group`` only
    when no group is given and the user exists in ``/etc/passwd``.
    """
    spec = user.strip() or "0"
    name, _, group = spec.partition(":")
    passwd = _read_table(root, "/etc/passwd")
    entry = None
    for row in passwd:
        if len(row) < 7:
            continue
        if row[0] == name or (name.isdigit() and row[2] == name):
            entry = row
            break
    if entry is None:
        if not name.isdigit():
            raise ExecutionError(f"unable to find user {name}: no matching entries in passwd file")
        uid, gid, home, username = int(name), 0, "/", ""
    else:
        uid, gid, home, username = int(entry[2]), int(entry[3]), entry[5] or "/", entry[0]
    groups: list[int] = []
    table = _read_table(root, "/etc/group")
    if group:
        for row in table:
            if len(row) >= 3 and (row[0] == group or (group.isdigit() and row[2] == group)):
                gid = int(row[2])
                break
        else:
            if not group.isdigit():
                raise ExecutionError(
                    f"unable to find group {group}: no matching entries in group file"
                )
            gid = int(group)
    elif entry is not None:
        for row in table:
            if len(row) >= 4 and username in row[3].split(","):
                g = int(row[2])
                if g not in groups:
                    groups.append(g)
    if uid > 0xFFFFFFFE or gid > 0xFFFFFFFE:
        raise ExecutionError(f"user {user}: id out of range")
    return ExecUser(uid, gid, tuple(groups), home)
