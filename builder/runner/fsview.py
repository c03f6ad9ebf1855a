"""A container's root file system alone, read from a child process whose root it is.

What ``diff`` and ``export`` read is the container's own file system: its image's layers
and its changes, without the volumes, ``/proc`` or ``/dev`` mounted in it. A child process
mounts it read-only in a private mount namespace (a running container's root mount is
cloned, without what is mounted on it; a stopped one's overlay is mounted again, or its
copy bound) at ``/fs`` of a directory it then ``chroot``\\ s into, with the image alone
(its layers and init layer) at ``/image`` when asked. Every path is then resolved inside:
a symlink, even one a running container swaps in for a directory while it is read, never
leads out of the container.
"""

from __future__ import annotations

import contextlib
import os

from builder.errors import ContainerError
from builder.runner.container import Container, supervisor_alive

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

_FAILED = b"\1"


def in_view(c: Container, work: Callable[[], bytes], image: bool = False) -> bytes:
    """Run ``work`` in a child whose root holds ``c``'s file system at ``/fs`` (and with
    ``image``, its image's at ``/image``); what ``work`` returns. A DockyardError or
    OSError in the child becomes a ContainerError here; a reader gone away, a
    BrokenPipeError."""
    c.reload()
    view = f"{c.dir}/.view-{os.getpid()}"
    for sub in ("", "/fs", "/image"):
        os.makedirs(view + sub, exist_ok=True)
    r, w = os.pipe()
    try:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's report is what is tested
            os.close(r)
            _child(c, view, work, image, w)
        os.close(w)
        w = -1
        chunks = []
        while chunk := os.read(r, 1 << 16):
            chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)
        for sub in ("/fs", "/image", ""):
            with contextlib.suppress(OSError):
                os.rmdir(view + sub)
    data = b"".join(chunks)
    code = os.waitstatus_to_exitcode(status)
    if code == 141:
        raise BrokenPipeError
    if code != 0 or data[:1] == _FAILED:
        message = data[1:].decode(errors="replace") if data[:1] == _FAILED else \
            f"reading the file system of container {c.name} failed (status {code})"
        raise ContainerError(message)
    return data[1:]


def _child(c: Container, view: str, work: Callable[[], bytes], image: bool,
           w: int) -> None:  # pragma: no cover - runs in the forked child
    code = 0
    try:
        _mount_view(c, view, image)
        os.chroot(view)
        os.chdir("/")
        out = b"\0" + work()
    except BrokenPipeError:
        out, code = b"", 141
    except BaseException as exc:
        from builder.errors import DockyardError

        if isinstance(exc, DockyardError):
            text = exc.message
        elif isinstance(exc, OSError):
            text = f"cannot read the file system of container {c.name}: " \
                   f"{exc.strerror or exc}"
        else:
            text = f"cannot read the file system of container {c.name}: {exc!r}"
        out = _FAILED + text.encode()
    try:
        view_w = os.fdopen(w, "wb")
        view_w.write(out)
        view_w.close()
    finally:
        os._exit(code)


def _mount_view(c: Container, view: str, image: bool) -> None:
    from builder.runtime import syscalls as sc

    lowers = [str(p) for p in c.config.get("LowerDirs") or []]
    pid = int(c.state.get("Pid") or 0)
    tree = -1
    if c.running and supervisor_alive(c.state) and pid > 0:
        own = os.open("/proc/self/ns/mnt", os.O_RDONLY | os.O_CLOEXEC)
        theirs = os.open(f"/proc/{pid}/ns/mnt", os.O_RDONLY | os.O_CLOEXEC)
        sc.setns(theirs, sc.CLONE_NEWNS)
        tree = sc.clone_tree("/")  # its root mount alone: no volume, /proc, /dev
        sc.setns(own, sc.CLONE_NEWNS)
    sc.unshare(sc.CLONE_NEWNS)  # this child's: its mounts go when it exits
    sc.mount(None, "/", None, sc.MS_REC | sc.MS_PRIVATE)
    if tree >= 0:
        sc.set_mount_attrs(tree, sc.MOUNT_ATTR_RDONLY)
        sc.attach_tree(tree, f"{view}/fs")
    elif c.config.get("Snapshot") == "overlay":
        from builder.runner.plan import empty_lower

        _layers(f"{view}/fs", [*(lowers or [empty_lower(c)]), c.path("upper")])
    else:
        _bind(c.path("fs/rootfs"), f"{view}/fs")
    if image and lowers:
        _layers(f"{view}/image", lowers)


def _layers(target: str, layers: list[str]) -> None:
    """Mount ``layers`` (bottom first) read-only at ``target``."""
    if len(layers) == 1:
        _bind(layers[0], target)
        return
    from builder.runtime.overlayfs import _mount

    _mount(target, list(reversed(layers)), None, None, False)


def _bind(source: str, target: str) -> None:
    import stat

    from builder.runtime import syscalls as sc

    if not stat.S_ISDIR(os.lstat(source).st_mode):  # never through a symlink
        raise ContainerError(f"{source} is not a directory")
    sc.mount(source, target, None, sc.MS_BIND)
    sc.mount(None, target, None, sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY)
