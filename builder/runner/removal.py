"""Deleting a container's files: moved out of the listings under its lock, then removed.

:mod:`builder.runner.lifecycle` removes containers for ``rm``; the supervisor of an ``--rm``
container removes it here when it exits (without lifecycle's other code).
"""

from __future__ import annotations

import os

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
        try:
            trash = move_out(c)
        except OSError:
            return False
    empty_trash(root, c, trash, True)
    return True


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


def move_out(c: Container) -> str:
    """Move ``c``'s directory out of the listings (caller holds its lock); the new path."""
    trash = f"{os.path.dirname(c.dir)}/.rm-{c.id}"
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
