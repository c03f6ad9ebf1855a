"""What to run (``ProcessSpec``) and the ``Executor`` seam that runs it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

OutputCallback = Callable[[str, bytes], None]
"""``on_output(stream, line)``: ``stream`` is ``"stdout"`` or ``"stderr"``; ``line`` ends with
``b"\\n"`` except for a final unterminated line (long lines arrive in 64 KiB pieces)."""

DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass(frozen=True)
class MountSpec:
    """An extra mount inside the container.

    ``kind`` is ``"bind"`` (``source`` is a host path) or ``"tmpfs"`` (``source`` ignored;
    ``size`` in bytes limits it when not 0); ``target`` is an absolute path in the container,
    created when missing.
    """

    kind: Literal["bind", "tmpfs"]
    target: str
    source: str = ""
    readonly: bool = False
    size: int = 0


@dataclass(frozen=True)
class ProcessSpec:
    """One process to run, with Docker's defaults for everything left out.

    ``user`` is Docker's USER string (``name``, ``uid``, ``name:group``, ``uid:gid``),
    resolved against the rootfs's ``/etc/passwd`` and ``/etc/group``. ``env`` entries are
    ``KEY=value``; ``PATH`` and ``HOSTNAME`` are added when missing, ``HOME`` from passwd.
    A missing ``cwd`` is created, as Docker does.
    """

    args: tuple[str, ...]
    env: tuple[str, ...] = ()
    cwd: str = "/"
    user: str = ""
    hostname: str = "dockyard"
    network: Literal["none", "host"] = "none"
    tty: bool = False
    mounts: tuple[MountSpec, ...] = ()
    readonly_rootfs: bool = False
    extra_hosts: tuple[tuple[str, str], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the helper process reads this)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProcessSpec:
        """Inverse of :meth:`to_json`."""
        data = dict(data)
        data["args"] = tuple(data["args"])
        data["env"] = tuple(data.get("env", ()))
        data["mounts"] = tuple(MountSpec(**m) for m in data.get("mounts", ()))
        data["extra_hosts"] = tuple(tuple(h) for h in data.get("extra_hosts", ()))
        return cls(**data)


class Executor(Protocol):
    """Runs one process in a prepared rootfs, isolated like ``docker run`` with defaults.

    Called by the op that runs a RUN step and by the runner's supervisor. ``run`` blocks
    until the process has exited and every process it started is gone and every mount it
    made is released; ``on_output`` is called from the calling thread, line by line, in the
    order each stream produced them. ``cancel`` may be called from any thread (or a signal
    handler): it kills every run of this executor in progress, whose ``run`` then raises
    :class:`~builder.errors.ExecutionError`. Setup failures (bad user, missing
    executable, no privileges) raise :class:`~builder.errors.ExecutionError`.
    """

    def run(self, rootfs: Path, spec: ProcessSpec, on_output: OutputCallback) -> int:
        """Run ``spec`` in ``rootfs``; return the exit status (128+signal if killed)."""
        ...

    def cancel(self) -> None:
        """Kill every process of every run in progress."""
        ...
