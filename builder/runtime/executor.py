"""What to run (``ProcessSpec``, ``MountSpec``); the ``Executor`` seam that runs it is in
:mod:`builder.runtime.backend` (also importable from here)."""

from __future__ import annotations

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, Literal

    from builder.runtime.backend import Executor, OutputCallback

__all__ = ["DEFAULT_PATH", "Executor", "MountSpec", "OutputCallback", "ProcessSpec"]

DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def __getattr__(name: str) -> Any:
    if name in ("Executor", "OutputCallback"):
        from builder.runtime import backend

        return getattr(backend, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class MountSpec(Record):
    """An extra mount inside the container.

    ``kind`` is ``"bind"`` (``source`` is a host path) or ``"tmpfs"`` (``source`` ignored;
    ``size`` in bytes limits it when not 0; ``options`` are ``mount -o`` words, as
    ``--tmpfs /run:size=64m,exec`` gives them, see :mod:`builder.runtime.tmpfs`); ``target``
    is an absolute path in the container, created when missing.
    """

    __slots__ = ("kind", "target", "source", "readonly", "size", "options")
    kind: Final[Literal["bind", "tmpfs"]]
    target: Final[str]
    source: Final[str]
    readonly: Final[bool]
    size: Final[int]
    options: Final[tuple[str, ...]]

    def __init__(self, kind: Literal["bind", "tmpfs"], target: str, source: str = "",
                 readonly: bool = False, size: int = 0, options: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.target = target
        self.source = source
        self.readonly = readonly
        self.size = size
        self.options = options


class ProcessSpec(Record):
    """One process to run, with Docker's defaults for everything left out.

    ``user`` is Docker's USER string (``name``, ``uid``, ``name:group``, ``uid:gid``),
    resolved against the rootfs's ``/etc/passwd`` and ``/etc/group``. ``env`` entries are
    ``KEY=value``; ``PATH`` and ``HOSTNAME`` are added when missing, ``HOME`` from passwd.
    A missing ``cwd`` is created, as Docker does.

    ``build_step`` runs it as BuildKit runs a ``RUN`` step instead of as Docker runs a
    container: ``/etc/hosts`` (localhost lines only) and ``/etc/resolv.conf`` bound
    read-only, no ``/etc/hostname`` bound (what the step writes there stays in its layer),
    and no ``HOSTNAME`` variable.
    """

    __slots__ = ("args", "env", "cwd", "user", "hostname", "network", "tty", "mounts",
                 "readonly_rootfs", "extra_hosts", "build_step")
    args: Final[tuple[str, ...]]
    env: Final[tuple[str, ...]]
    cwd: Final[str]
    user: Final[str]
    hostname: Final[str]
    network: Final[Literal["none", "host"]]
    tty: Final[bool]
    mounts: Final[tuple[MountSpec, ...]]
    readonly_rootfs: Final[bool]
    extra_hosts: Final[tuple[tuple[str, str], ...]]
    build_step: Final[bool]

    def __init__(self, args: tuple[str, ...], env: tuple[str, ...] = (), cwd: str = "/",
                 user: str = "", hostname: str = "dockyard",
                 network: Literal["none", "host"] = "none", tty: bool = False,
                 mounts: tuple[MountSpec, ...] = (), readonly_rootfs: bool = False,
                 extra_hosts: tuple[tuple[str, str], ...] = (),
                 build_step: bool = False) -> None:
        self.args = args
        self.env = env
        self.cwd = cwd
        self.user = user
        self.hostname = hostname
        self.network = network
        self.tty = tty
        self.mounts = mounts
        self.readonly_rootfs = readonly_rootfs
        self.extra_hosts = extra_hosts
        self.build_step = build_step

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the helper process reads this): the fields by name, each
        mount as a dict of its own."""
        data = self.as_dict()
        data["args"] = tuple(self.args)
        data["env"] = tuple(self.env)
        data["mounts"] = tuple(m.as_dict() for m in self.mounts)
        data["extra_hosts"] = tuple(tuple(h) for h in self.extra_hosts)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProcessSpec:
        """Inverse of :meth:`to_json`."""
        data = dict(data)
        data["args"] = tuple(data["args"])
        data["env"] = tuple(data.get("env", ()))
        data["mounts"] = tuple(MountSpec(**{**m, "options": tuple(m.get("options", ()))})
                               for m in data.get("mounts", ()))
        data["extra_hosts"] = tuple(tuple(h) for h in data.get("extra_hosts", ()))
        return cls(**data)
