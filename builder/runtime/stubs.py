"""Per-run host files (hosts, hostname, resolv.conf) and mount-point stubs.

A mount needs an existing target. When the rootfs lacks one, the run creates an empty
placeholder and removes it afterwards (with its parent's times restored), so placeholders
never reach a layer — BuildKit's "mount stubs" rule.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from builder.runtime import defaults
from builder.runtime.executor import ProcessSpec
from builder.runtime.users import path_in_root


@dataclass
class RunFiles:
    """Host-side files of one run: ``etc`` maps a container path to the host file."""

    dir: Path
    etc: dict[str, str]
    stubs: list[tuple[Path, os.stat_result]] = field(default_factory=list)

    def cleanup(self) -> None:
        """Remove stubs that are still untouched, then the run's directory."""
        for path, parent_st in reversed(self.stubs):
            try:
                st = path.lstat()
                if path.is_dir() and not path.is_symlink():
                    with os.scandir(path) as it:
                        if next(it, None) is not None:
                            continue
                    path.rmdir()
                elif st.st_size == 0:
                    path.unlink()
                else:
                    continue
                os.utime(path.parent, ns=(parent_st.st_atime_ns, parent_st.st_mtime_ns))
            except OSError:
                continue
        self.stubs.clear()
        shutil.rmtree(self.dir, ignore_errors=True)


def prepare(rootfs: Path, spec: ProcessSpec, state_dir: Path | None,
            mount_points: dict[str, bool]) -> RunFiles:
    """Write the run's etc files and create stubs for ``mount_points`` (path → is_dir).

    The etc files are always stubbed; on a read-only rootfs nothing is created (a missing
    target then fails the mount with a clear error).
    """
    if state_dir is not None:
        state_dir.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=state_dir))
    etc: dict[str, str] = {}
    try:
        host_resolv = Path("/etc/resolv.conf").read_text()
    except OSError:
        host_resolv = ""
    contents = {
        "/etc/hosts": defaults.hosts_file(spec),
        "/etc/hostname": spec.hostname + "\n",
        "/etc/resolv.conf": defaults.resolv_conf(spec, host_resolv),
    }
    for target, text in contents.items():
        host = run_dir / Path(target).name
        host.write_text(text)
        host.chmod(0o644)
        etc[target] = str(host)
    files = RunFiles(run_dir, etc)
    if not spec.readonly_rootfs:
        wanted = {path: False for path in defaults.ETC_FILES}
        wanted.update(mount_points)
        for target, is_dir in wanted.items():
            _stub(rootfs, target, is_dir, files.stubs)
    return files


def _stub(rootfs: Path, target: str, is_dir: bool,
          created: list[tuple[Path, os.stat_result]]) -> None:
    parts = [p for p in target.split("/") if p]
    for i in range(1, len(parts) + 1):
        path = path_in_root(rootfs, "/" + "/".join(parts[:i]))
        if os.path.lexists(path):
            continue
        last = i == len(parts)
        with contextlib.suppress(OSError):
            parent_st = path.parent.lstat()
            if last and not is_dir:
                path.touch(mode=0o644)
            else:
                path.mkdir(mode=0o755)
            created.append((path, parent_st))
