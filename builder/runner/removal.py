"""Deleting a container's files: moved out of the listings under its lock, then removed.

:mod:`builder.runner.lifecycle` removes containers for ``rm``; the supervisor of an ``--rm``
container removes it here when it exits (without lifecycle's other code). An ``--rm``
container that leaves no more than Dockyard's own few small files is only moved out, to
``.later-<id>``, and so off ``dockyard run``'s path: the next supervisor deletes such
leftovers while its container starts, as do ``rm``, ``container prune`` and ``system prune``.
"""

from __future__ import annotations

import os

from builder.runner.container import LOG_NAME

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from builder.runner.container import Container


def discard(root: str | Path, c: Container, code: int) -> bool:
    """Remove ``c`` and its anonymous volumes for its own supervisor, which knows it has
    exited with status ``code`` (``--rm``), and tell its waiters the status; False when it
    could not be moved away (its state is then the caller's to record)."""
    with c.locked(missing_ok=True) as held:
        if not held:
            return True
        _tell_waiters(c, code)
        later = _little_left(c)
        try:
            trash = move_out(c, _LATER if later else _TRASH)
        except OSError:
            return False
    if not later:
        empty_trash(root, c, trash, True)
    return True


def _little_left(c: Container) -> bool:
    """Whether ``c`` leaves only small files of Dockyard's own (its state, a short log, the
    /etc files in its upper dir) and no anonymous volume: then its removal can wait."""
    if any(m.get("Type") == "volume" and m.get("Anonymous")
           for m in c.config.get("Mounts") or []):
        return False
    try:
        with os.scandir(c.dir) as entries:
            for e in entries:
                if e.name not in _OURS or (e.is_file(follow_symlinks=False)
                                           and e.stat(follow_symlinks=False).st_size > _SMALL):
                    return False  # a copied root file system ("fs"), a long log
        with os.scandir(c.path("upper")) as entries:
            top = [e.name for e in entries]
        if not top:
            return True
        if top != ["etc"]:
            return False
        with os.scandir(c.path("upper/etc")) as entries:
            return all(e.name in _ETC and e.is_file(follow_symlinks=False)
                       and e.stat(follow_symlinks=False).st_size <= _SMALL for e in entries)
    except OSError:
        return False


def empty_later(containers_dir: str, limit: int | None = None) -> None:
    """Delete (up to ``limit`` of) the containers :func:`discard` left for later. Each is
    first claimed by a rename, so that two processes never delete one tree together."""
    try:
        names = [n for n in os.listdir(containers_dir) if n.startswith(_LATER)]
    except OSError:
        return
    from builder.rmtree import remove_tree

    for name in names[:limit]:
        claimed = f"{containers_dir}/{_TRASH}{name[len(_LATER):]}"
        try:
            os.rename(f"{containers_dir}/{name}", claimed)
        except OSError:
            continue  # taken by another process
        remove_tree(claimed)


def remove_cgroups(dirs: list[str]) -> None:
    """Remove a container's cgroup directories (a container without limits has none, and
    its removal does not load the cgroups module)."""
    if dirs:
        from builder.runner import cgroups

        cgroups.remove(dirs)


def add_waiter(c: Container) -> int:
    """Register this process as waiting for the exit of ``c``, which removes itself: an fd
    of a file in which its supervisor writes the exit status (-1 when ``c`` is gone)."""
    with c.locked(missing_ok=True) as held:
        if not held:
            return -1
        os.makedirs(c.path(_WAITERS), exist_ok=True)
        return os.open(f"{c.path(_WAITERS)}/{os.getpid()}",
                       os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)


def _tell_waiters(c: Container, code: int) -> None:
    try:
        names = os.listdir(c.path(_WAITERS))
    except OSError:
        return  # nobody waits (the common case: one failed call)
    for name in names:
        try:
            with open(f"{c.path(_WAITERS)}/{name}", "w") as f:
                f.write(f"{code}\n")
        except OSError:
            pass


_WAITERS = "waiters"
_TRASH = ".rm-"  # a removal under way, or interrupted (``container prune`` finishes it)
_LATER = ".later-"  # a removal left for later (see :func:`discard`)
_SMALL = 1 << 16
_ETC = frozenset(("hosts", "hostname", "resolv.conf"))
# what a container's directory holds when it ran on an overlay (the rest is empty dirs)
_OURS = _ETC | {"config.json", "state.json", "lock", LOG_NAME, "upper", "work", "rootfs"}


def move_out(c: Container, prefix: str = _TRASH) -> str:
    """Move ``c``'s directory out of the listings (caller holds its lock); the new path."""
    trash = f"{os.path.dirname(c.dir)}/{prefix}{c.id}"
    os.rename(c.dir, trash)
    return trash


def empty_trash(root: str | Path, c: Container, trash: str, volumes: bool) -> None:
    """Delete the directory :func:`move_out` moved, and with ``volumes`` the container's
    anonymous volumes."""
    from builder.rmtree import remove_tree

    remove_tree(trash)
    if volumes:
        for m in c.config.get("Mounts") or []:
            if m.get("Type") == "volume" and m.get("Anonymous"):
                from builder.runner import volumes as named

                named.remove(root, str(m["Name"]))
