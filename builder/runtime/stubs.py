"""Per-run host files (hosts, hostname, resolv.conf) and mount-point stubs.

A mount needs an existing target. When the rootfs lacks one (``/proc``, ``/etc/hosts``, a
bind target), the run creates an empty placeholder marked with the xattr
:data:`STUB_XATTR` and restores its parent's times; snapshot diffs skip marked, still-empty
entries, so placeholders never reach a layer (BuildKit's "mount stubs" rule) and later runs
in the same snapshot reuse them. Where the xattr cannot be set, the placeholder is removed
after the run instead.
"""

from __future__ import annotations

import os
import stat

from builder.record import Record
from builder.runtime import defaults
from builder.runtime.users import resolve_in_root

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from builder.runtime.executor import ProcessSpec

STUB_XATTR = "trusted.dockyard.stub"


def is_stub(path: str) -> bool:
    """Whether ``path`` is a mount-point placeholder made by a run."""
    try:
        os.getxattr(path, STUB_XATTR, follow_symlinks=False)
    except OSError:
        return False
    return True


class RunFiles(Record):
    """Host-side files of one run: ``etc`` maps a container path to the host file."""

    __slots__ = ("etc", "bundle", "stubs")
    _hashable = False
    etc: dict[str, str]
    bundle: Path | None
    stubs: list[tuple[str, os.stat_result]]

    def __init__(self, etc: dict[str, str], bundle: Path | None = None,
                 stubs: list[tuple[str, os.stat_result]] | None = None) -> None:
        self.etc = etc
        self.bundle = bundle
        self.stubs = [] if stubs is None else stubs

    def cleanup(self) -> None:
        """Remove the run's host files and any unmarked stubs."""
        import shutil

        for host in self.etc.values():
            try:
                os.unlink(host)
            except OSError:
                pass
        if self.bundle is not None:
            shutil.rmtree(self.bundle, ignore_errors=True)
        for path, parent_st in reversed(self.stubs):
            try:
                st = os.lstat(path)
                if stat.S_ISDIR(st.st_mode):
                    with os.scandir(path) as it:
                        if next(it, None) is not None:
                            continue
                    os.rmdir(path)
                elif st.st_size == 0:
                    os.unlink(path)
                else:
                    continue
                os.utime(os.path.dirname(path),
                         ns=(parent_st.st_atime_ns, parent_st.st_mtime_ns))
            except OSError:
                continue
        self.stubs.clear()


def prepare(rootfs: Path, spec: ProcessSpec, state_dir: Path, mount_points: dict[str, bool],
            bundle: bool = False) -> RunFiles:
    """Write the run's etc files under ``state_dir`` and stub ``mount_points`` (path → is_dir).

    The etc files are always stubbed; on a read-only rootfs nothing is created (a missing
    target is then skipped or fails the mount clearly). ``bundle`` also makes a per-run
    directory (``RunFiles.bundle``), removed by :meth:`RunFiles.cleanup`.
    """
    from pathlib import Path

    etc_dir = state_dir / "etc"
    etc_dir.mkdir(parents=True, exist_ok=True)
    try:
        host_resolv = Path("/etc/resolv.conf").read_text()
    except OSError:
        host_resolv = ""
    contents = {
        "/etc/hosts": defaults.hosts_file(spec),
        "/etc/hostname": spec.hostname + "\n",
        "/etc/resolv.conf": defaults.resolv_conf(spec, host_resolv),
    }
    if spec.build_step:  # BuildKit binds no /etc/hostname into a RUN step
        del contents["/etc/hostname"]
    run_id = os.urandom(8).hex()  # as uuid4().hex[:16], without importing uuid
    files = RunFiles({})
    try:
        for target, text in contents.items():
            host = etc_dir / f"{run_id}-{Path(target).name}"
            fd = os.open(host, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
            os.fchmod(fd, 0o644)  # whatever the umask
            with os.fdopen(fd, "w") as f:
                f.write(text)
            files.etc[target] = str(host)
        if bundle:
            import tempfile  # only a runc run has a bundle

            files.bundle = Path(tempfile.mkdtemp(prefix="bundle-", dir=state_dir))
        if not spec.readonly_rootfs:
            wanted = {path: False for path in contents}
            wanted.update(mount_points)
            for target, is_dir in wanted.items():
                _stub(rootfs, target, is_dir, files.stubs)
    except BaseException:
        files.cleanup()
        raise
    return files


def stub_points(rootfs: str | Path, mount_points: dict[str, bool]) -> None:
    """Create the missing mount points (path → is_dir) and the etc files, marked as stubs."""
    wanted = {path: False for path in defaults.ETC_FILES}
    wanted.update(mount_points)
    for target, is_dir in wanted.items():
        _stub(rootfs, target, is_dir, [])


def _stub(rootfs: str | Path, target: str, is_dir: bool,
          unmarked: list[tuple[str, os.stat_result]]) -> None:
    # resolved inside the rootfs first: /etc/resolv.conf is often a link into /run
    top = os.fspath(rootfs)
    inside = os.path.relpath(resolve_in_root(top, target), top)
    parts = [] if inside == "." else inside.split("/")
    for i in range(1, len(parts) + 1):
        path = os.path.join(top, *parts[:i])
        if os.path.lexists(path):
            continue
        parent = os.path.dirname(path)
        try:
            parent_st = os.lstat(parent)
            if i == len(parts) and not is_dir:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                                 0o644))
                os.chmod(path, 0o644)
            else:
                os.mkdir(path, 0o755)
                os.chmod(path, 0o755)
            try:
                os.setxattr(path, STUB_XATTR, b"1", follow_symlinks=False)
            except OSError:
                unmarked.append((path, parent_st))
            os.utime(parent, ns=(parent_st.st_atime_ns, parent_st.st_mtime_ns))
        except OSError:
            pass
