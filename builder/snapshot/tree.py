"""Directory trees for snapshots: the merged view of layer dirs, plain copies, comparison.

Layer directories follow overlayfs's format (they are used as overlay lowers): a whiteout
is a char device 0:0, an opaque directory carries ``trusted.overlay.opaque`` (or
``user.overlay.opaque``) = ``y``/``x``. The merged view applies them exactly as overlayfs
would, so the copy snapshotter sees what an overlay mount shows.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from builder.errors import SnapshotError
from builder.layers import Change
from builder.record import Record
from builder.runtime.stubs import STUB_XATTR, is_stub

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from builder.layers.writer import Stat

OPAQUE_XATTRS = ("trusted.overlay.opaque", "user.overlay.opaque")
_PRIVATE_PREFIXES = ("trusted.overlay.", "user.overlay.", "security.selinux", STUB_XATTR)


class Node(Record):
    """One entry of a merged tree: where it comes from and, for a directory, its children."""

    __slots__ = ("source", "st", "children")
    _hashable = False
    source: str
    st: os.stat_result
    children: dict[str, Node] | None

    def __init__(self, source: str, st: os.stat_result,
                 children: dict[str, Node] | None = None) -> None:
        self.source = source
        self.st = st
        self.children = children


def is_whiteout(st: Stat) -> bool:
    """An overlayfs whiteout: a char device 0:0."""
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == 0


def is_opaque(path: str) -> bool:
    """A directory that hides everything below it in lower layers."""
    for name in OPAQUE_XATTRS:
        try:
            if os.getxattr(path, name, follow_symlinks=False) in (b"y", b"x"):
                return True
        except OSError:
            continue
    return False


def xattrs(path: str) -> dict[str, bytes]:
    """The xattrs of ``path`` that belong in a layer (never overlay's private ones)."""
    try:
        names = os.listxattr(path, follow_symlinks=False)
    except OSError:
        return {}
    found = {}
    for name in names:
        if name.startswith(_PRIVATE_PREFIXES):
            continue
        with contextlib.suppress(OSError):
            found[name] = os.getxattr(path, name, follow_symlinks=False)
    return found


def merged(lowers: Sequence[Path]) -> Node:
    """The union of ``lowers`` (bottom first), whiteouts and opaque dirs applied."""
    if not lowers:
        raise SnapshotError("no layers to merge")
    root = Node(str(lowers[0]), os.lstat(lowers[0]), {})
    for layer in lowers:
        root.source, root.st = str(layer), os.lstat(layer)
        _merge_dir(root, str(layer))
    return root


def _merge_dir(node: Node, path: str) -> None:
    assert node.children is not None
    try:
        it = os.scandir(path)
    except OSError as exc:
        raise SnapshotError(f"cannot read layer directory {path}: {exc.strerror}") from None
    with it:
        for entry in it:
            st = entry.stat(follow_symlinks=False)
            if is_whiteout(st):
                node.children.pop(entry.name, None)
                continue
            if stat.S_ISDIR(st.st_mode):
                child = node.children.get(entry.name)
                if child is None or child.children is None or is_opaque(entry.path):
                    child = Node(entry.path, st, {})
                else:
                    child.source, child.st = entry.path, st
                node.children[entry.name] = child
                _merge_dir(child, entry.path)
            else:
                node.children[entry.name] = Node(entry.path, st)


def _sorted(names: set[str] | list[str] | dict[str, Node]) -> list[str]:
    return sorted(names, key=os.fsencode)


def copy_tree(root: Node, dest: Path) -> None:
    """Copy a merged tree into ``dest`` (created): data, modes, owners, times, xattrs,
    symlinks, devices, fifos and hardlinks (within the copy). No reflinks, no links to the
    source."""
    dest.mkdir(parents=True, exist_ok=True)
    links: dict[tuple[int, int], str] = {}
    dirs: list[tuple[str, os.stat_result]] = []
    _copy_children(root, str(dest), links, dirs)
    _copy_meta(root.source, str(dest), root.st)
    dirs.append((str(dest), root.st))
    for path, st in reversed(dirs):
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)


def _copy_children(node: Node, dest: str, links: dict[tuple[int, int], str],
                   dirs: list[tuple[str, os.stat_result]]) -> None:
    assert node.children is not None
    for name in _sorted(node.children):
        child = node.children[name]
        target = os.path.join(dest, name)
        st = child.st
        mode = st.st_mode
        try:
            if stat.S_ISDIR(mode):
                os.mkdir(target, 0o700)
                _copy_children(child, target, links, dirs)
                _copy_meta(child.source, target, st)
                dirs.append((target, st))
                continue
            if stat.S_ISSOCK(mode):
                continue
            inode = (st.st_dev, st.st_ino)
            if st.st_nlink > 1 and inode in links:
                os.link(links[inode], target)
                continue
            if stat.S_ISREG(mode):
                shutil.copyfile(child.source, target, follow_symlinks=False)
            elif stat.S_ISLNK(mode):
                os.symlink(os.readlink(child.source), target)
            elif stat.S_ISFIFO(mode):
                os.mkfifo(target, 0o600)
            elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                try:
                    os.mknod(target, stat.S_IFMT(mode) | 0o600, st.st_rdev)
                except PermissionError:
                    if os.geteuid() == 0:
                        raise
                    continue  # devices need CAP_MKNOD; /dev is provided at run time
            else:
                continue
            _copy_meta(child.source, target, st)
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)
            if st.st_nlink > 1:
                links[inode] = target
        except OSError as exc:
            raise SnapshotError(f"cannot copy {child.source}: {exc.strerror}") from None


def _copy_meta(source: str, target: str, st: os.stat_result) -> None:
    try:
        os.chown(target, st.st_uid, st.st_gid, follow_symlinks=False)
    except PermissionError:
        if os.geteuid() == 0:
            raise  # without root, files simply belong to the user running the copy
    if not stat.S_ISLNK(st.st_mode):
        os.chmod(target, stat.S_IMODE(st.st_mode))
    for name, value in xattrs(source).items():
        with contextlib.suppress(OSError):
            os.setxattr(target, name, value, follow_symlinks=False)


def same_entry(a: str, ast: os.stat_result, b: str, bst: os.stat_result,
               owners: bool = True) -> bool:
    """Whether two entries are equal for a diff: type, mode, owner (unless ``owners`` is
    false), xattrs, and for non-directories size+mtime (Docker's rule: content is not read),
    link target, device."""
    if ast.st_mode != bst.st_mode or ast.st_mtime_ns != bst.st_mtime_ns:
        return False
    if owners and (ast.st_uid != bst.st_uid or ast.st_gid != bst.st_gid):
        return False
    mode = ast.st_mode
    if stat.S_ISREG(mode) and ast.st_size != bst.st_size:
        return False
    if stat.S_ISLNK(mode) and os.readlink(a) != os.readlink(b):
        return False
    if (stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) and ast.st_rdev != bst.st_rdev:
        return False
    return xattrs(a) == xattrs(b)


def compare(root: str, lower: Node | None) -> list[Change]:
    """The changes that turn the merged ``lower`` tree into the tree at ``root``.

    Sorted parents first; a directory is listed when its own metadata changed or anything
    below it did. A lower entry missing from ``root`` is a ``delete``, so a directory
    removed and recreated yields explicit deletes of its old children. Without root, a copy
    cannot keep owners, so owners are not compared.
    """
    out: list[Change] = []
    _compare_dir(root, "", lower, out, os.geteuid() == 0)
    return out


def _compare_dir(path: str, rel: str, lower: Node | None, out: list[Change],
                 owners: bool) -> None:
    lower_children = lower.children if lower is not None and lower.children is not None else {}
    with os.scandir(path) as it:
        upper = {e.name: e for e in it}
    for name in _sorted(set(upper) | set(lower_children)):
        child_rel = f"{rel}/{name}" if rel else name
        entry = upper.get(name)
        low = lower_children.get(name)
        if entry is None:
            out.append(Change(child_rel, "delete"))
            continue
        st = entry.stat(follow_symlinks=False)
        stub = low is None and is_stub(entry.path)
        if stat.S_ISDIR(st.st_mode):
            low_dir = low if low is not None and low.children is not None else None
            mark = len(out)
            _compare_dir(entry.path, child_rel, low_dir, out, owners)
            if len(out) > mark or (not stub and (
                    low_dir is None
                    or not same_entry(entry.path, st, low_dir.source, low_dir.st, owners))):
                out.insert(mark, Change(child_rel, "add", entry.path))
        elif stub and st.st_size == 0:
            continue
        elif low is None or not same_entry(entry.path, st, low.source, low.st, owners):
            out.append(Change(child_rel, "add", entry.path))


def remove_tree(path: Path) -> None:
    """``rm -rf`` that also copes with overlay's mode-000 ``work/work``."""
    if not os.path.lexists(path):
        return

    def fix(_func: object, failed: str, _exc: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(failed), 0o700)
        with contextlib.suppress(OSError):
            os.chmod(failed, 0o700)
        if os.path.isdir(failed) and not os.path.islink(failed):
            shutil.rmtree(failed, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(failed)

    for sub in ("work/work", "work/index"):
        with contextlib.suppress(OSError):
            os.chmod(path / sub, 0o700)
    shutil.rmtree(path, onerror=fix)
