"""The ``docker container inspect`` object: Docker 20.10's shape, built from what ``create``
stored (older containers' shapes too: ``Tmpfs`` as a list, ``Binds`` empty, keys missing)."""

from __future__ import annotations

import os
from typing import Any

from builder.runner.container import ZERO_TIME, Container
from builder.runner.create import tmpfs_map

_STATE_FIELDS: tuple[tuple[str, Any], ...] = (
    ("Status", "created"), ("Running", False), ("Paused", False), ("Restarting", False),
    ("OOMKilled", False), ("Dead", False), ("Pid", 0), ("ExitCode", 0), ("Error", ""),
    ("StartedAt", ZERO_TIME), ("FinishedAt", ZERO_TIME),
)

# Docker's network.EndpointSettings of a container on ``none`` or ``host``: nothing set
_ENDPOINT: dict[str, Any] = {
    "IPAMConfig": None, "Links": None, "Aliases": None, "NetworkID": "", "EndpointID": "",
    "Gateway": "", "IPAddress": "", "IPPrefixLen": 0, "IPv6Gateway": "",
    "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "MacAddress": "", "DriverOpts": None,
}


def host_config(host: dict[str, Any]) -> dict[str, Any]:
    """Docker 20.10's ``HostConfig``, every key in its order: the stored flags' values, and
    Docker's defaults for what is the same here (json-file logs, no restart, runc's masked
    paths, a private IPC namespace, a 64 MiB /dev/shm, the host's cgroup namespace)."""
    from builder.runtime.defaults import MASKED_PATHS, READONLY_PATHS

    memory = int(host.get("Memory") or 0)
    pids = int(host.get("PidsLimit") or 0)
    out: dict[str, Any] = {
        "Binds": list(host.get("Binds") or ()) or None,
        "ContainerIDFile": "",
        "LogConfig": {"Type": "json-file", "Config": {}},
        "NetworkMode": host.get("NetworkMode") or "none",
        "PortBindings": {},
        "RestartPolicy": {"Name": "no", "MaximumRetryCount": 0},
        "AutoRemove": bool(host.get("AutoRemove")),
        "VolumeDriver": "",
        "VolumesFrom": None,
        "CapAdd": None,
        "CapDrop": None,
        # no cgroup namespace is made: Docker 20.10's default on a cgroup v1 host
        "CgroupnsMode": "host",
        "Dns": [],
        "DnsOptions": [],
        "DnsSearch": [],
        "ExtraHosts": None,
        "GroupAdd": None,
        "IpcMode": "private",
        "Cgroup": "",
        "Links": None,
        "OomScoreAdj": 0,
        "PidMode": "",
        "Privileged": False,
        "PublishAllPorts": False,
        "ReadonlyRootfs": bool(host.get("ReadonlyRootfs")),
        "SecurityOpt": list(host.get("SecurityOpt") or ()) or None,
    }
    tmpfs = tmpfs_map(host.get("Tmpfs"))
    if tmpfs:
        out["Tmpfs"] = tmpfs
    out.update({
        "UTSMode": "",
        "UsernsMode": "",
        "ShmSize": 64 << 20,
        "Runtime": "runc",
        "ConsoleSize": [0, 0],
        "Isolation": "",
        "CpuShares": 0,
        "Memory": memory,
        "NanoCpus": int(host.get("NanoCpus") or 0),
        "CgroupParent": "",
        "BlkioWeight": 0,
        "BlkioWeightDevice": [],
        "BlkioDeviceReadBps": None,
        "BlkioDeviceWriteBps": None,
        "BlkioDeviceReadIOps": None,
        "BlkioDeviceWriteIOps": None,
        "CpuPeriod": 0,
        "CpuQuota": 0,
        "CpuRealtimePeriod": 0,
        "CpuRealtimeRuntime": 0,
        "CpusetCpus": "",
        "CpusetMems": "",
        "Devices": [],
        "DeviceCgroupRules": None,
        "DeviceRequests": None,
        "KernelMemory": 0,
        "KernelMemoryTCP": 0,
        "MemoryReservation": 0,
        "MemorySwap": 2 * memory,  # as much swap as memory, as Docker (and the cgroup here)
        "MemorySwappiness": None,
        "OomKillDisable": False,
        "PidsLimit": pids if pids > 0 else None,
        "Ulimits": None,
        "CpuCount": 0,
        "CpuPercent": 0,
        "IOMaximumIOps": 0,
        "IOMaximumBandwidth": 0,
        "MaskedPaths": list(MASKED_PATHS),
        "ReadonlyPaths": list(READONLY_PATHS),
    })
    if host.get("Init"):
        out["Init"] = True
    return out


def mounts(stored: list[dict[str, Any]], binds: list[str] | None) -> list[dict[str, Any]]:
    """Docker's ``Mounts``: the ``-v`` binds and volumes (``--tmpfs`` ones are only in
    ``HostConfig.Tmpfs``), ``Mode`` the ``-v`` spec's (``z`` for a named volume without)."""
    modes: dict[str, str] = {}
    for spec in binds or ():
        parts = spec.split(":")
        if len(parts) in (2, 3):
            modes[os.path.normpath(parts[1])] = parts[2] if len(parts) == 3 else ""
    out = []
    for m in stored:
        kind, target = m["Type"], m["Destination"]
        if kind == "tmpfs":
            continue
        mode = modes.get(target, "")
        if kind == "volume" and target in modes and not mode:
            mode = "z"
        out.append({"Type": kind, **({"Name": m["Name"]} if m.get("Name") else {}),
                    "Source": m["Source"], "Destination": target,
                    **({"Driver": "local"} if kind == "volume" else {}), "Mode": mode,
                    "RW": m["RW"], "Propagation": "rprivate" if kind == "bind" else ""})
    return out


def container_config(stored: dict[str, Any], cid: str) -> dict[str, Any]:
    """Docker's container ``Config``: unset lists ``null``, ``StopSignal`` left out unset."""
    from builder.cli.inspect import docker_config

    src = {k: v for k, v in stored.items() if not (k == "StopSignal" and not v)}
    if not src.get("Env"):
        src["Env"] = None
    src["Hostname"] = src.get("Hostname") or cid[:12]
    return docker_config(src)


def network_settings(mode: str) -> dict[str, Any]:
    """Docker's ``NetworkSettings`` on ``none`` or ``host``: no sandbox, address or port."""
    return {
        "Bridge": "", "SandboxID": "", "HairpinMode": False, "LinkLocalIPv6Address": "",
        "LinkLocalIPv6PrefixLen": 0, "Ports": {}, "SandboxKey": "",
        "SecondaryIPAddresses": None, "SecondaryIPv6Addresses": None, "EndpointID": "",
        "Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "IPAddress": "",
        "IPPrefixLen": 0, "IPv6Gateway": "", "MacAddress": "",
        "Networks": {mode: dict(_ENDPOINT)},
    }


def _made(path: str) -> str:
    """``path`` once the first start has made the file, else "" (as Docker's)."""
    return path if os.path.lexists(path) else ""


def inspect_container(c: Container) -> dict[str, Any]:
    """The ``docker container inspect`` object for container ``c``."""
    cfg = c.config
    host = host_config(cfg.get("HostConfig") or {})
    driver = cfg.get("Driver", "")
    return {
        "Id": c.id, "Created": cfg.get("Created", ""), "Path": cfg["Path"],
        "Args": cfg["Args"], "State": {k: c.state.get(k, v) for k, v in _STATE_FIELDS},
        "Image": cfg.get("Image", ""), "ResolvConfPath": _made(c.path("resolv.conf")),
        "HostnamePath": _made(c.path("hostname")), "HostsPath": _made(c.path("hosts")),
        "LogPath": _made(c.log_path), "Name": "/" + c.name, "RestartCount": 0, "Driver": driver,
        "Platform": "linux", "MountLabel": "", "ProcessLabel": "", "AppArmorProfile": "",
        "ExecIDs": None, "HostConfig": host,
        "GraphDriver": {"Data": {
            "LowerDir": ":".join(cfg.get("LowerDirs") or []), "MergedDir": c.path("rootfs"),
            "UpperDir": c.path("upper"), "WorkDir": c.path("work")}, "Name": driver},
        "Mounts": mounts(cfg.get("Mounts") or [], host["Binds"]),
        "Config": container_config(cfg.get("Config") or {}, c.id),
        "NetworkSettings": network_settings(host["NetworkMode"]),
    }
