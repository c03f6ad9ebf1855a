"""A container's view of its own cgroups at ``/sys/fs/cgroup``, read-only, as runc gives it.

Programs size themselves from it (a JVM's heap, Go's and Node's worker counts, ``nproc``-like
tools): with ``--memory 256m`` they read the limit there. Where the container has a cgroup of
its own in a hierarchy (one per limited controller, see :mod:`builder.runner.cgroups`), that
cgroup directory is bind-mounted read-only at the hierarchy's usual place: on a cgroup v1
host (or a hybrid one), ``/sys/fs/cgroup`` is a read-only tmpfs holding one directory per
hierarchy (``memory``, ``pids``, ``cpu``...) and the host's aliases of them (``cpu,cpuacct``
links); on a cgroup v2 host the container's cgroup is ``/sys/fs/cgroup`` itself. A hierarchy
in which the container has no cgroup of its own is not shown (it would be a cgroup shared
with other containers and the host's processes).
"""

from __future__ import annotations

import os

from builder.runtime import syscalls as sc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

TOP = "/sys/fs/cgroup"
"""Where cgroup hierarchies are mounted, on the host and in a container."""


class View:
    """What :func:`mount_view` mounts: ``trees`` (the name under :data:`TOP`, ``""`` for
    :data:`TOP` itself, and a detached read-only bind mount of the container's cgroup
    directory, as an fd) and ``links`` (alias → name, as the host has them at :data:`TOP`).
    Taken before pivot_root, from the host's paths; mounted after it."""

    __slots__ = ("trees", "links")

    def __init__(self, trees: list[tuple[str, int]], links: list[tuple[str, str]]) -> None:
        self.trees = trees
        self.links = links

    def close(self) -> None:
        for _name, fd in self.trees:
            os.close(fd)
        self.trees = []


def names(dirs: Sequence[str], mountinfo: str) -> list[tuple[str, str]]:
    """``(name, directory)`` for each of a container's cgroup ``dirs`` (host paths): the
    name of its hierarchy under :data:`TOP` (``""`` when the hierarchy is mounted at
    :data:`TOP` itself, as cgroup v2 alone is), from ``mountinfo``
    (``/proc/self/mountinfo``'s text). A directory on no cgroup mount is left out, and a
    hierarchy is named once."""
    points: list[str] = []
    for line in mountinfo.splitlines():
        head, _, tail = line.partition(" - ")
        fields, fs = head.split(), tail.split()
        if len(fields) >= 5 and fs and fs[0] in ("cgroup", "cgroup2"):
            points.append(_unescape(fields[4]))
    out: list[tuple[str, str]] = []
    for directory in dirs:
        under = [p for p in points if directory == p or directory.startswith(p.rstrip("/") + "/")]
        if not under:
            continue
        point = max(under, key=len)
        name = os.path.relpath(point, TOP) if point.startswith(TOP + "/") else (
            "" if point == TOP else os.path.basename(point))
        if all(name != seen for seen, _ in out):
            out.append((name, directory))
    return out


def prepare(dirs: Sequence[str]) -> View | None:
    """The view of a container whose cgroup directories are ``dirs`` (None without any),
    taken from the host's mounts: call before pivot_root."""
    if not dirs:
        return None
    with open("/proc/self/mountinfo") as f:
        named = names(dirs, f.read())
    if not named:
        return None
    trees: list[tuple[str, int]] = []
    view = View(trees, [])
    try:
        for name, directory in named:
            fd = sc.clone_tree(directory)
            trees.append((name, fd))
            sc.set_mount_attrs(fd, sc.MOUNT_ATTR_RDONLY | sc.MOUNT_ATTR_NOSUID
                               | sc.MOUNT_ATTR_NODEV | sc.MOUNT_ATTR_NOEXEC)
        shown = {name for name, _ in named}
        if "" not in shown:
            with os.scandir(TOP) as it:
                for entry in it:
                    if entry.is_symlink():
                        target = os.readlink(entry.path)
                        if target in shown:
                            view.links.append((entry.name, target))
    except BaseException:
        view.close()
        raise
    return view


def mount_view(view: View) -> None:
    """Mount ``view`` at :data:`TOP` in the container (after pivot_root) and close its fds."""
    try:
        if len(view.trees) == 1 and view.trees[0][0] == "":
            sc.attach_tree(view.trees[0][1], TOP)
            return
        flags = sc.MS_NOSUID | sc.MS_NODEV | sc.MS_NOEXEC
        sc.mount("tmpfs", TOP, "tmpfs", flags, "mode=755")
        for name, fd in view.trees:
            os.makedirs(f"{TOP}/{name}", 0o755, exist_ok=True)
            sc.attach_tree(fd, f"{TOP}/{name}")
        for alias, target in view.links:
            os.symlink(target, f"{TOP}/{alias}")
        sc.mount(None, TOP, None, sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY | flags)
    finally:
        view.close()


def _unescape(field: str) -> str:
    """A mountinfo path with its octal escapes (``\\040`` for a space...) decoded."""
    if "\\" not in field:
        return field
    return field.encode().decode("unicode_escape").encode("latin-1").decode(
        "utf-8", "surrogateescape")
