"""The init layer: the mount points every container of an image needs, made once.

Before a container's ``/proc``, ``/dev``, ``/sys`` and ``/etc/{hosts,hostname,resolv.conf}``
are mounted, their targets must exist. Made in the container's own upper directory, the
missing ones cost every run copy-ups through the overlay (a directory, a marking xattr, the
parent's times put back): about 3 ms of a ~30 ms ``dockyard run``, and more to remove.
Like Docker's ``<id>-init`` layer, they are made once per image instead, in
``<root>/containers/.init/<image>``, which becomes the top lower layer of the image's
containers. It is made the same way as before, by
:func:`builder.runtime.stubs.stub_points` on an overlay of the image, in a child with a
mount namespace of its own; the overlay's upper directory is the layer. So a parent
directory the image has (``/etc``) keeps the image's mode, owner and times, a symlinked
``/etc/resolv.conf`` is followed inside the image, and every stub carries the stub xattr
(``commit`` and ``cp`` see it as the build's stubs are seen). Points a container adds
(volumes, tmpfs) are still made in its upper directory when missing.
"""

from __future__ import annotations

import os

from builder.runtime import defaults


def init_layer(containers_dir: str, image_id: str, lowers: list[str]) -> str | None:
    """The init layer of image ``image_id`` (whose layers are ``lowers``, bottom first),
    made now when missing; None when it cannot be made (the container then makes its
    stubs itself)."""
    path = f"{containers_dir}/.init/{image_id.rpartition(':')[2]}"
    if os.path.isdir(path):
        return path
    os.makedirs(f"{containers_dir}/.init", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    from builder.rmtree import remove_tree

    try:
        for sub in ("upper", "work", "merged", "empty"):
            os.makedirs(f"{tmp}/{sub}")
        like_top_lower(f"{tmp}/upper", lowers)
        if not _stub_in_child(tmp, lowers):
            return None
        try:
            os.rename(f"{tmp}/upper", path)
        except OSError:  # made by another container meanwhile
            if not os.path.isdir(path):
                return None
        return path
    finally:
        remove_tree(tmp)


def like_top_lower(upper: str, lowers: list[str]) -> None:
    """Give an overlay's ``upper`` dir the mode and owner of its top lower dir (the last of
    ``lowers``, bottom first), so that the merged root keeps the image's."""
    if lowers:
        st = os.stat(lowers[-1])
        os.chmod(upper, st.st_mode & 0o7777)
        os.chown(upper, st.st_uid, st.st_gid)


def is_init_layer(path: str) -> bool:
    """Whether the layer directory ``path`` is an image's init layer."""
    return os.path.basename(os.path.dirname(path)) == ".init"


def _stub_in_child(tmp: str, lowers: list[str]) -> bool:
    """Mount an overlay of ``lowers`` with ``tmp/upper`` on ``tmp/merged`` in a child's own
    mount namespace and make the stubs there; whether that worked."""
    from builder.runtime import syscalls as sc
    from builder.runtime.overlayfs import mount_overlay
    from builder.runtime.stubs import stub_points

    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            sc.unshare(sc.CLONE_NEWNS)
            sc.mount(None, "/", None, sc.MS_REC | sc.MS_PRIVATE)
            mount_overlay(f"{tmp}/merged", lowers or [f"{tmp}/empty"], f"{tmp}/upper",
                          f"{tmp}/work", volatile=False)
            stub_points(f"{tmp}/merged", dict.fromkeys(defaults.MOUNT_DIRS, True))
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def prune_init_layers(containers_dir: str, in_use: set[str]) -> None:
    """Remove the init layers that no container in ``in_use`` (their lower dirs) needs: a
    later container makes its image's again."""
    from builder.rmtree import remove_tree

    try:
        names = os.listdir(f"{containers_dir}/.init")
    except FileNotFoundError:
        return
    for name in names:
        path = f"{containers_dir}/.init/{name}"
        if path not in in_use:
            remove_tree(path)
