"""Creating a container: its configuration from the image and the flags, its directory."""

from __future__ import annotations

import os
import sys

from builder.errors import ContainerError, NotFoundError
from builder.record import Record
from builder.runner.container import Container, Containers, merge_env

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from builder.settings import Settings


def resolve_image(root: str | Path, ref: str, settings: Settings | None = None) -> Any:
    """The image ``ref`` names: from the local store, else pulled from its registry, as
    ``docker run`` does (an image ID is never pulled)."""
    from builder.store import Store

    store = Store(root)
    try:
        return store.resolve(ref)
    except NotFoundError:
        pass
    from builder.reference import parse
    from builder.registry import ensure_image
    from builder.settings import Settings

    parse(ref)  # a name that cannot be pulled is a reference error, as in Docker
    print(f"Unable to find image '{ref}' locally", file=sys.stderr)
    try:
        return ensure_image(store, ref, settings or Settings.from_env(root))
    except NotFoundError:
        raise NotFoundError(f"Unable to find image '{ref}' locally") from None


MIN_MEMORY = 6 << 20  # Docker's smallest memory limit

# Docker's tmpfs options: mount flags, and the data options it passes on to the kernel
_TMPFS_FLAGS = frozenset((
    "defaults", "ro", "rw", "suid", "nosuid", "dev", "nodev", "exec", "noexec", "sync", "async",
    "dirsync", "remount", "mand", "nomand", "atime", "noatime", "diratime", "nodiratime",
    "relatime", "norelatime", "strictatime", "nostrictatime",
))  # fmt: skip
_TMPFS_SIZE = r"\d+[kKmMgGtTpPeE%]?"
_TMPFS_DATA = {
    "size": _TMPFS_SIZE, "nr_blocks": _TMPFS_SIZE, "nr_inodes": _TMPFS_SIZE,
    "mode": r"[0-7]{1,4}", "uid": r"\d+", "gid": r"\d+", "mpol": r"[a-z]+(?:[:=][\w-]*)?",
}  # fmt: skip


def check_options(opts: CreateOptions) -> None:
    """Refuse, as Docker does, flags that cannot make a container: a relative working
    directory, a memory limit under 6 MiB, a ``--tmpfs`` that is not an absolute path or
    has an option Docker does not know."""
    if opts.workdir and not opts.workdir.startswith("/"):
        raise ContainerError(f"the working directory '{opts.workdir}' is invalid, it needs "
                             "to be an absolute path")
    if 0 < opts.memory < MIN_MEMORY:
        raise ContainerError("Minimum memory limit allowed is 6MB")
    for spec in opts.tmpfs:
        path, _, options = spec.partition(":")
        if not path.startswith("/"):
            raise ContainerError(f"invalid tmpfs path: {spec}")
        for option in options.split(",") if options else ():
            key, eq, value = option.partition("=")
            pattern = _TMPFS_DATA.get(key)
            if not eq:
                bad = option not in _TMPFS_FLAGS
            else:
                import re

                bad = pattern is None or re.fullmatch(pattern, value, re.ASCII) is None
            if bad:
                raise ContainerError(f"invalid --tmpfs {spec}: invalid tmpfs option {option!r}")


def tmpfs_map(stored: object) -> dict[str, str]:
    """``HostConfig.Tmpfs`` as Docker's map path → options (keys sorted, as Go encodes a
    map), from ``--tmpfs`` specs (what older containers stored) or such a map."""
    if isinstance(stored, dict):
        pairs = [(str(k), str(v)) for k, v in stored.items()]
    elif isinstance(stored, list):
        pairs = [(path, options) for path, _, options in
                 (str(spec).partition(":") for spec in stored)]
    else:
        pairs = []
    return dict(sorted(dict(pairs).items()))


class CreateOptions(Record):
    """``create``/``run`` flags (Docker's names)."""

    __slots__ = ("image", "command", "name", "env", "volumes", "tmpfs", "workdir", "user",
                 "entrypoint", "network", "hostname", "memory", "pids_limit", "cpus",
                 "interactive", "tty", "init", "auto_remove", "read_only", "security_opt",
                 "labels", "exposed", "stop_signal", "stop_timeout")
    _hashable = False
    image: str
    command: list[str]
    name: str
    env: list[str]
    volumes: list[str]
    tmpfs: list[str]
    workdir: str
    user: str | None
    entrypoint: str | None
    network: str
    hostname: str
    memory: int
    pids_limit: int
    cpus: float
    interactive: bool
    tty: bool
    init: bool
    auto_remove: bool
    read_only: bool
    security_opt: list[str]
    labels: dict[str, str]
    exposed: list[str]
    stop_signal: str
    stop_timeout: int | None

    def __init__(self, image: str, command: list[str] | None = None, name: str = "",
                 env: list[str] | None = None, volumes: list[str] | None = None,
                 tmpfs: list[str] | None = None, workdir: str = "", user: str | None = None,
                 entrypoint: str | None = None, network: str = "none", hostname: str = "",
                 memory: int = 0, pids_limit: int = 0, cpus: float = 0.0,
                 interactive: bool = False, tty: bool = False, init: bool = False,
                 auto_remove: bool = False, read_only: bool = False,
                 security_opt: list[str] | None = None, labels: dict[str, str] | None = None,
                 exposed: list[str] | None = None, stop_signal: str = "",
                 stop_timeout: int | None = None) -> None:
        self.image = image
        self.command = [] if command is None else command
        self.name = name
        self.env = [] if env is None else env
        self.volumes = [] if volumes is None else volumes
        self.tmpfs = [] if tmpfs is None else tmpfs
        self.workdir = workdir
        self.user = user
        self.entrypoint = entrypoint
        self.network = network
        self.hostname = hostname
        self.memory = memory
        self.pids_limit = pids_limit
        self.cpus = cpus
        self.interactive = interactive
        self.tty = tty
        self.init = init
        self.auto_remove = auto_remove
        self.read_only = read_only
        self.security_opt = [] if security_opt is None else security_opt
        self.labels = {} if labels is None else labels
        self.exposed = [] if exposed is None else exposed
        self.stop_signal = stop_signal
        self.stop_timeout = stop_timeout


def _exposed(opts: CreateOptions, cfg: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``--expose``'s ports, then the image's others (Docker's daemon merge)."""
    ports: dict[str, dict[str, Any]] = {p: {} for p in opts.exposed}
    image_ports = cfg.get("ExposedPorts")
    if isinstance(image_ports, dict):
        ports.update({p: {} for p in image_ports if p not in ports})
    return ports


_MODE_KINDS = (("rw", "ro"), ("z", "Z"), ("private", "rprivate"), ("nocopy",),
               ("consistent", "cached", "delegated"))


def _volume_mode(mode: str, source: str) -> set[str]:
    """The words of a ``-v`` mode, checked as Docker checks them: one of each kind at most
    (``ro``/``rw``; SELinux's ``z``/``Z`` and the consistency words, which change nothing
    here, as on a host without SELinux; ``private``/``rprivate``, which every mount is;
    ``nocopy``, for a named volume: not filled from the image)."""
    words = [w for w in mode.split(",") if w] if mode else []
    for word in words:
        if not any(word in kind for kind in _MODE_KINDS):
            if word in ("shared", "rshared", "slave", "rslave"):
                raise ContainerError(f"invalid mode: {mode}: mount propagation {word} is not "
                                     "supported (mounts are private)")
            raise ContainerError(f"invalid mode: {mode}")
    if any(sum(w in kind for w in words) > 1 for kind in _MODE_KINDS):
        raise ContainerError(f"invalid mode: {mode}")
    if "nocopy" in words and source.startswith("/"):
        raise ContainerError(f"invalid mode: {mode}: nocopy is for volumes")
    return set(words)


def _mounts(root: str | Path, opts: CreateOptions,
            image_volumes: list[str]) -> list[dict[str, Any]]:
    mounts: list[dict[str, Any]] = []
    if not (opts.volumes or opts.tmpfs or image_volumes):
        return mounts
    from builder.runner import volumes

    for spec in opts.volumes:
        parts = spec.split(":")
        if len(parts) == 1:
            parts = ["", parts[0]]
        if len(parts) not in (2, 3) or not parts[1].startswith("/"):
            raise ContainerError(f"invalid volume specification: '{spec}'")
        source, target = parts[0], os.path.normpath(parts[1])
        if target == "/":
            raise ContainerError(f"invalid volume specification: '{spec}': destination "
                                 "can't be '/'")
        words = _volume_mode(parts[2] if len(parts) == 3 else "", source)
        entry: dict[str, Any] = {"Destination": target, "RW": "ro" not in words}
        if "nocopy" in words:
            entry["NoCopy"] = True
        if not source:
            name, data = volumes.anonymous(root)
            entry.update(Type="volume", Name=name, Source=str(data), Anonymous=True)
        elif source.startswith("/"):
            entry.update(Type="bind", Source=os.path.normpath(source))
        else:
            entry.update(Type="volume", Name=source, Source=str(volumes.volume_dir(root, source)),
                         Anonymous=False)
        mounts.append(entry)
    for target in opts.tmpfs:
        path, _, options = target.partition(":")
        if not path.startswith("/"):
            raise ContainerError(f"invalid tmpfs path: {target}")
        mounts.append({"Type": "tmpfs", "Destination": os.path.normpath(path),
                       "RW": "ro" not in options.split(","), "Source": "",
                       "Options": options})
    taken = {m["Destination"] for m in mounts}
    for target in image_volumes:
        target = os.path.normpath("/" + target.lstrip("/"))
        if target in taken:
            continue
        name, data = volumes.anonymous(root)
        mounts.append({"Type": "volume", "Name": name, "Source": str(data),
                       "Destination": target, "RW": True, "Anonymous": True})
    return mounts


def _overlay_works(directory: str) -> bool:
    """Whether overlay snapshots work under ``directory`` (probed once, then remembered)."""
    marker = f"{directory}/.overlay-ok"
    if os.path.exists(marker):
        return True
    from builder.runtime.overlayfs import overlay_unusable

    if overlay_unusable(directory) is not None:
        return False
    os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644))
    return True


def create(root: str | Path, opts: CreateOptions,
           settings: Settings | None = None) -> Container:
    """Create a container (not started) from the options; a missing image is pulled."""
    from builder.runner.images import find_image

    check_options(opts)
    if opts.network not in ("none", "host"):
        raise ContainerError(f"network {opts.network} not supported: use none or host")
    containers = Containers(root)
    os.makedirs(containers.dir, exist_ok=True)
    image = find_image(containers.root, opts.image, settings)
    cfg = image.config
    entrypoint = list(cfg.get("Entrypoint") or [])
    cmd = list(cfg.get("Cmd") or [])
    if opts.entrypoint is not None:
        entrypoint = [opts.entrypoint] if opts.entrypoint else []
        cmd = []
    if opts.command:
        cmd = list(opts.command)
    args = entrypoint + cmd
    if not args:
        raise ContainerError("no command specified")
    # first, then the image's others: Docker's order; a bare name the caller has no value
    # for stays bare, so that it unsets the image's value (see builder.runner.plan)
    env = merge_env([], [e for e in opts.env if "=" in e or e in os.environ])
    env += [e for e in opts.env if "=" not in e and e not in os.environ and e not in env]
    keys = {e.split("=", 1)[0] for e in env}
    env += [e for e in cfg.get("Env") or [] if e.split("=", 1)[0] not in keys]
    lower_dirs = list(image.lower_dirs)
    snapshot = "overlay" if _overlay_works(containers.dir) else "copy"
    if snapshot == "overlay":
        from builder.runner.initlayer import init_layer, like_top_lower

        init = init_layer(containers.dir, image.id, lower_dirs)
        if init is not None:
            lower_dirs.append(init)
    mounts = _mounts(root, opts, list((cfg.get("Volumes") or {}).keys()))
    config: dict[str, Any] = {
        "Name": opts.name,
        "Path": args[0],
        "Args": args[1:],
        "Image": image.id,
        "ImageRef": opts.image,
        "Config": {
            "Hostname": opts.hostname or (os.uname().nodename if opts.network == "host"
                                          else ""),  # the host's, on its network (Docker)
            "Domainname": "",
            "User": opts.user if opts.user is not None else str(cfg.get("User") or ""),
            "AttachStdin": opts.interactive, "AttachStdout": True, "AttachStderr": True,
            "Tty": opts.tty, "OpenStdin": opts.interactive, "StdinOnce": opts.interactive,
            "Env": env, "Cmd": cmd or None, "Image": opts.image, "Volumes": cfg.get("Volumes"),
            "WorkingDir": opts.workdir or str(cfg.get("WorkingDir") or ""),
            "Entrypoint": entrypoint or None,
            "Labels": {**(cfg.get("Labels") or {}), **opts.labels},
            "StopSignal": opts.stop_signal or str(cfg.get("StopSignal") or ""),
            # merged with the image's as Docker's daemon does (the image's Shell and OnBuild
            # are not taken)
            **({"ExposedPorts": ports} if (ports := _exposed(opts, cfg)) else {}),
            **({"Healthcheck": cfg["Healthcheck"]} if cfg.get("Healthcheck") else {}),
            **({"StopTimeout": opts.stop_timeout} if opts.stop_timeout is not None else {}),
        },
        "HostConfig": {
            "NetworkMode": opts.network, "Memory": opts.memory, "PidsLimit": opts.pids_limit,
            "NanoCpus": round(opts.cpus * 1e9), "AutoRemove": opts.auto_remove,
            "Init": opts.init, "ReadonlyRootfs": opts.read_only,
            "SecurityOpt": list(opts.security_opt) or None,
            "Binds": [v for v in opts.volumes if ":" in v] or None,
            "Tmpfs": tmpfs_map(opts.tmpfs),
        },
        "Mounts": mounts,
        "Layers": list(image.diff_ids),
        "LowerDirs": lower_dirs,
        "Snapshot": snapshot,
        "Driver": snapshot,
    }
    c = containers.create(config)
    try:
        if snapshot == "overlay":
            for sub in ("rootfs", "upper", "work"):
                os.mkdir(c.path(sub))
            like_top_lower(c.path("upper"), lower_dirs)
        else:
            from pathlib import Path

            from builder.snapshot import CopySnapshotter

            CopySnapshotter(Path(c.dir)).prepare("fs", [Path(p) for p in lower_dirs])
            os.symlink("fs/rootfs", c.path("rootfs"))
    except BaseException:
        from builder.runner.lifecycle import remove

        remove(root, c, force=True, volumes=True)
        raise
    return c
