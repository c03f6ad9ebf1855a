"""Init's plan: everything a container's init needs to know, as plain data.

:func:`build_plan` makes it from a container's config (with :func:`mount_plan`, the part
that mounts the container's root: the overlay and the mount points), and writes the /etc
files it names; init gets it through :mod:`builder.runner.spawn`.
"""

from __future__ import annotations

import os

from builder.errors import ContainerError
from builder.runner.initlayer import is_init_layer
from builder.runtime import defaults
from builder.runtime.executor import DEFAULT_PATH, MountSpec, ProcessSpec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from builder.runner.cgroups import Limits
    from builder.runner.container import Container


def lower_dirs(root: str | Path, config: dict[str, Any]) -> list[str]:
    """The unpacked layer directories of a container's image, bottom first (unpacked again
    when one was collected)."""
    dirs = [str(p) for p in config.get("LowerDirs") or []]
    if all(os.path.isdir(p) for p in dirs):
        return dirs
    from builder.store import Store  # a layer dir was collected: unpack it again

    store = Store(root)
    return [str(p) for d in config.get("Layers") or [] for p in store.lowers(d)]


def reset_dir(path: str) -> None:
    """Empty ``path`` (overlay leaves ``work/work`` with mode 000)."""
    try:
        if not os.listdir(path):
            return  # a new container's: nothing to empty
    except OSError:
        pass
    from builder.rmtree import remove_tree

    remove_tree(path)
    os.mkdir(path)


def empty_lower(c: Container) -> str:
    """An empty directory of ``c``'s, the lower dir of an overlay with no image layers."""
    path = c.path("empty")
    os.makedirs(path, exist_ok=True)
    return path


def mount_plan(root: str | Path, c: Container) -> dict[str, Any]:
    """What mounts ``c``'s root: ``rootfs``, ``overlay`` (lower, upper and work dirs) and
    the mount ``points`` to have there (path: whether a directory; None when the image's
    init layer, the top lower dir, has them all). A missing bind source is created, as
    Docker's ``-v`` does; a missing volume is an error."""
    points = dict.fromkeys(defaults.MOUNT_DIRS, True)
    for m in c.config.get("Mounts") or []:
        if m["Type"] == "tmpfs":
            points[m["Destination"]] = True
            continue
        source = m["Source"]
        if not os.path.exists(source):
            if m["Type"] == "bind":
                os.makedirs(source, exist_ok=True)
            else:
                raise ContainerError(f"volume {m.get('Name')} is gone ({source})")
        points[m["Destination"]] = os.path.isdir(source)
    part: dict[str, Any] = {"rootfs": c.path("rootfs"), "points": points}
    if c.config.get("Snapshot") == "overlay":
        lowers = lower_dirs(root, c.config) or [empty_lower(c)]
        work = c.path("work")
        reset_dir(work)  # a fresh one: a volatile overlay's work dir is not reusable
        part["overlay"] = {"lowers": lowers, "upper": c.path("upper"), "work": work}
        if points.keys() == set(defaults.MOUNT_DIRS) and is_init_layer(lowers[-1]):
            part["points"] = None
    return part


def security_of(c: Container) -> dict[str, bool]:
    """What ``c``'s ``--security-opt`` asks of its processes (its command and every exec):
    ``no_new_privs``, and ``seccomp`` unless it is ``seccomp=unconfined``."""
    from builder.runner.security import parse_security

    return parse_security(c.config["HostConfig"].get("SecurityOpt") or [])


def build_plan(root: str | Path, c: Container) -> tuple[dict[str, Any], Limits | None]:
    """The whole plan for ``c`` (but its ``cgroups``) and its limits."""
    cfg, host = c.config["Config"], c.config["HostConfig"]
    part = mount_plan(root, c)
    mounts = []
    fill = []
    for m in c.config.get("Mounts") or []:
        if m["Type"] == "tmpfs":  # Docker's defaults, then the --tmpfs options
            options = [o for o in (m.get("Options") or "").split(",") if o]
            mounts.append(MountSpec("tmpfs", m["Destination"],
                                    options=("noexec", "nosuid", "nodev", *options)))
            continue
        mounts.append(MountSpec("bind", m["Destination"], m["Source"], readonly=not m["RW"]))
        if m["Type"] == "volume" and not m.get("NoCopy"):
            fill.append((m["Destination"], m["Source"]))
    hostname = cfg.get("Hostname") or c.id[:12]
    spec = ProcessSpec(
        args=(c.config["Path"], *c.config["Args"]),
        env=tuple(process_env(cfg.get("Env") or [], hostname, bool(cfg.get("Tty")))),
        cwd=cfg.get("WorkingDir") or "/", user=cfg.get("User") or "",
        hostname=hostname,
        network="host" if host.get("NetworkMode") == "host" else "none",
        tty=bool(cfg.get("Tty")), mounts=tuple(mounts),
        readonly_rootfs=bool(host.get("ReadonlyRootfs")),
    )
    plan: dict[str, Any] = {**part, "spec": spec.to_json(), "fill": fill,
                            "etc": _etc_files(c, spec), "init": bool(host.get("Init")),
                            **security_of(c)}
    if not has_limits(c.config):
        return plan, None  # no cgroups (nor their module) for a container without limits
    from builder.runner.cgroups import Limits

    return plan, Limits(memory=int(host.get("Memory") or 0), pids=int(host.get("PidsLimit") or 0),
                        cpus=int(host.get("NanoCpus") or 0) / 1e9)


def process_env(env: list[str], hostname: str, tty: bool) -> list[str]:
    """A container's process environment in Docker's order: its daemon's PATH, HOSTNAME and
    (with a terminal) TERM, each replaced in place by the container's ``env``, which appends
    the others; a bare name in ``env`` (``-e NAME`` without a value in the caller's) unsets
    it. HOME is added after, when missing (:func:`builder.runtime.defaults.container_env`)."""
    out = [f"PATH={DEFAULT_PATH}", f"HOSTNAME={hostname}",
           *(["TERM=xterm"] if tty else [])]
    for item in env:
        key = item.split("=", 1)[0]
        at = next((i for i, e in enumerate(out) if e.split("=", 1)[0] == key), None)
        if "=" not in item:
            out = [e for e in out if e.split("=", 1)[0] != key]
        elif at is None:
            out.append(item)
        else:
            out[at] = item
    return out


def has_limits(config: dict[str, Any]) -> bool:
    """Whether a container has memory, pids or cpu limits (cgroups to make and join)."""
    host = config["HostConfig"]
    return bool(host.get("Memory") or host.get("PidsLimit") or host.get("NanoCpus"))


def _etc_files(c: Container, spec: ProcessSpec) -> dict[str, str]:
    """Write the container's hosts, hostname and resolv.conf; their paths by target."""
    try:
        with open("/etc/resolv.conf", encoding="utf-8", errors="replace") as f:
            host_resolv = f.read()
    except OSError:
        host_resolv = ""
    hosts = defaults.hosts_file(spec)
    if spec.network == "none":  # Docker's: no address, so no line for the host name
        rest = hosts.partition("\n")[2]
        hosts = "127.0.0.1\tlocalhost\n" + rest
    elif spec.network == "host":  # Docker's: the host's own file (and extra hosts)
        try:
            with open("/etc/hosts", encoding="utf-8", errors="replace") as f:
                own = f.read()
        except OSError:
            own = ""
        if own:
            extra = "".join(f"{ip}\t{name}\n" for name, ip in spec.extra_hosts)
            hosts = own + ("" if own.endswith("\n") else "\n") + extra
    contents = {"/etc/hosts": hosts,
                "/etc/hostname": spec.hostname + "\n",
                "/etc/resolv.conf": defaults.resolv_conf(spec, host_resolv)}
    out = {}
    for target, text in contents.items():
        path = c.path(target.rpartition("/")[2])
        try:  # a new container's: nothing reads it yet
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
            tmp = ""
        except FileExistsError:  # a restart's: replaced whole
            tmp = path + ".tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
        try:
            os.fchmod(fd, 0o644)  # whatever the umask
            os.write(fd, text.encode())
        finally:
            os.close(fd)
        if tmp:
            os.replace(tmp, path)
        out[target] = path
    return out
