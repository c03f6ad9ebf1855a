"""``--chown`` and ``--chmod`` values: user/group names looked up in a root file system."""

from __future__ import annotations

import os
from pathlib import Path

from builder.errors import BuildError
from builder.rootdir import RootDir

__all__ = ["lookup_group", "lookup_user", "resolve_chown"]

_MAX_ID = 2**31 - 1


def _parse_id(word: str) -> int | None:
    if word == "root":
        return 0
    if word.isdigit() or (word[:1] in "+-" and word[1:].isdigit()):
        value = int(word)
        if 0 <= value <= _MAX_ID:
            return value
        raise BuildError(f"invalid --chown id {word!r}")
    return None


def _read_db(rootfs: Path | str, path: str) -> list[list[str]]:
    """The colon-separated records of ``path`` inside ``rootfs`` (symlinks resolved in the
    root); [] when the file is missing."""
    try:
        with RootDir(rootfs) as root:
            parent, name, _ = root.locate(path)
            try:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent)
            finally:
                os.close(parent)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as e:
        raise BuildError(f"cannot read {path}: {e.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    return [line.split(":") for line in text.splitlines() if line and not line.startswith("#")]


def lookup_user(rootfs: Path | str, name: str) -> tuple[int, int] | None:
    """(uid, primary gid) of ``name`` in ``<rootfs>/etc/passwd``, or None."""
    for rec in _read_db(rootfs, "/etc/passwd"):
        if len(rec) >= 4 and rec[0] == name and rec[2].isdigit() and rec[3].isdigit():
            return int(rec[2]), int(rec[3])
    return None


def lookup_group(rootfs: Path | str, name: str) -> int | None:
    """The gid of ``name`` in ``<rootfs>/etc/group``, or None."""
    for rec in _read_db(rootfs, "/etc/group"):
        if len(rec) >= 3 and rec[0] == name and rec[2].isdigit():
            return int(rec[2])
    return None


def resolve_chown(spec: str, rootfs: Path | str) -> tuple[int, int]:
    """``user[:group]`` as numeric ids. Names are looked up in the files of ``rootfs`` (the
    destination's root file system); numbers need no files. A user alone gives its primary
    group (a numeric uid alone gives gid = uid). Unknown names raise BuildError."""
    user, sep, group = spec.partition(":")
    if not user or (sep and not group):
        raise BuildError(f"invalid --chown value {spec!r}: expected user[:group]")
    uid = _parse_id(user)
    gid: int | None
    if uid is None:
        found = lookup_user(rootfs, user)
        if found is None:
            raise BuildError(
                "unable to convert uid/gid chown string to host mapping: can't find uid for "
                f"user {user}: no such user: {user}"
            )
        uid, gid = found
    else:
        gid = uid
    if sep:
        gid = _parse_id(group)
        if gid is None:
            gid = lookup_group(rootfs, group)
            if gid is None:
                raise BuildError(
                    "unable to convert uid/gid chown string to host mapping: can't find gid "
                    f"for group {group}: no such group: {group}"
                )
    return uid, gid
