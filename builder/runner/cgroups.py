"""Resource limits through cgroups: v2 where the controller is enabled there, else v1.

Each container gets, per controller it needs, a cgroup ``dockyard/<id>`` nested under the
cgroup this process is in for that controller (``/proc/self/cgroup``). A limit that cannot
be applied is an error, never silently ignored.
"""

from __future__ import annotations

import contextlib
import errno
import time
from pathlib import Path

from builder.errors import ContainerError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_CONTROLLER = {"memory": "memory", "pids": "pids", "cpu": "cpu"}


class Limits(Record):
    """What to limit: bytes of memory, number of tasks, CPUs (fractional)."""

    __slots__ = ("memory", "pids", "cpus")
    memory: Final[int]
    pids: Final[int]
    cpus: Final[float]

    def __init__(self, memory: int = 0, pids: int = 0, cpus: float = 0.0) -> None:
        self.memory = memory
        self.pids = pids
        self.cpus = cpus

    def controllers(self) -> list[str]:
        """The controllers these limits need."""
        return [name for name, on in (("memory", self.memory > 0), ("pids", self.pids != 0),
                                      ("cpu", self.cpus > 0)) if on]


def _mounts() -> tuple[dict[str, str], str | None]:
    """v1 mount point per controller, and the v2 mount point (if any)."""
    v1: dict[str, str] = {}
    v2: str | None = None
    try:
        text = Path("/proc/self/mountinfo").read_text()
    except OSError:
        return v1, v2
    for line in text.splitlines():
        head, _, tail = line.partition(" - ")
        parts, fs = head.split(), tail.split()
        if len(fs) < 3:
            continue
        if fs[0] == "cgroup2" and v2 is None:
            v2 = parts[4]
        elif fs[0] == "cgroup":
            for opt in fs[2].split(","):
                if opt in _CONTROLLER.values():
                    v1.setdefault(opt, parts[4])
    return v1, v2


def _own_paths() -> tuple[dict[str, str], str]:
    v1: dict[str, str] = {}
    v2 = "/"
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        num, controllers, path = line.split(":", 2)
        if num == "0" and not controllers:
            v2 = path
        for c in controllers.split(","):
            v1[c] = path
    return v1, v2


def cgroup_dirs(cid: str, controllers: list[str]) -> dict[str, Path]:
    """Where the container's cgroup for each controller goes (not created)."""
    if not controllers:
        return {}
    v1_mounts, v2_mount = _mounts()
    v1_own, v2_own = _own_paths()
    out: dict[str, Path] = {}
    v2_available: set[str] = set()
    if v2_mount is not None:
        with contextlib.suppress(OSError):
            base = Path(v2_mount) / v2_own.lstrip("/")
            v2_available = set((base / "cgroup.controllers").read_text().split())
    for name in controllers:
        if name in v2_available and v2_mount is not None:
            out[name] = Path(v2_mount) / v2_own.lstrip("/") / "dockyard" / cid
        elif name in v1_mounts:
            own = v1_own.get(name, "/")
            out[name] = Path(v1_mounts[name]) / own.lstrip("/") / "dockyard" / cid
        else:
            raise ContainerError(f"cannot apply the {name} limit: no cgroup hierarchy on this "
                                 "host has the controller")
    return out


def _write(path: Path, value: str) -> None:
    try:
        path.write_text(value)
    except OSError as exc:
        raise ContainerError(f"cannot apply the limit {path.name}={value}: "
                             f"{exc.strerror or exc}") from None


def _is_v2(path: Path) -> bool:
    return (path / "cgroup.controllers").exists() or (path.parent / "cgroup.controllers").exists()


def _enable_v2(path: Path, name: str) -> None:
    """Enable ``name`` in ``subtree_control`` of every ancestor up to the container's."""
    for parent in reversed(path.parents):
        control = parent / "cgroup.subtree_control"
        if not control.exists() or parent == path:
            continue
        with contextlib.suppress(OSError):
            if name not in control.read_text().split():
                control.write_text(f"+{name}")


def setup(cid: str, limits: Limits) -> list[Path]:
    """Create the container's cgroups and write the limits; returns the cgroup dirs."""
    dirs = cgroup_dirs(cid, limits.controllers())
    made: list[Path] = []
    try:
        for name, path in dirs.items():
            if path in made:
                continue
            v2 = _is_v2(path.parent.parent)
            if v2:
                _enable_v2(path, name)
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ContainerError(f"cannot create cgroup {path}: {exc.strerror}") from None
            made.append(path)
            if name == "memory":
                if v2:
                    _write(path / "memory.max", str(limits.memory))
                    _write(path / "memory.swap.max", str(limits.memory))
                else:
                    _write(path / "memory.limit_in_bytes", str(limits.memory))
                    memsw = path / "memory.memsw.limit_in_bytes"
                    if memsw.exists():  # Docker: swap as much as memory (2x in total)
                        _write(memsw, str(limits.memory * 2))
            elif name == "pids":
                value = "max" if limits.pids < 0 else str(limits.pids)
                _write(path / "pids.max", value)
            elif name == "cpu":
                quota = int(limits.cpus * 100_000)
                if v2:
                    _write(path / "cpu.max", f"{quota} 100000")
                else:
                    _write(path / "cpu.cfs_period_us", "100000")
                    _write(path / "cpu.cfs_quota_us", str(quota))
    except BaseException:
        remove(made)
        raise
    return made


def oom_killed(dirs: list[str]) -> bool:
    """Whether the OOM killer killed a process in one of ``dirs``."""
    for path in dirs:
        for name, key in (("memory.oom_control", "oom_kill"), ("memory.events", "oom_kill")):
            with contextlib.suppress(OSError, ValueError):
                for line in (Path(path) / name).read_text().splitlines():
                    k, _, v = line.partition(" ")
                    if k == key and int(v) > 0:
                        return True
    return False


def procs(dirs: list[Path]) -> list[int]:
    """Pids in the container's cgroups."""
    out: set[int] = set()
    for path in dirs:
        with contextlib.suppress(OSError, ValueError):
            out.update(int(x) for x in (path / "cgroup.procs").read_text().split())
    return sorted(out)


def remove(dirs: list[Path] | list[str]) -> None:
    """Remove the cgroups (retrying briefly while their last tasks exit)."""
    for entry in dirs:
        path = Path(entry)
        for _ in range(50):
            try:
                path.rmdir()
                break
            except FileNotFoundError:
                break
            except OSError as exc:
                if exc.errno != errno.EBUSY:
                    break
                time.sleep(0.02)
