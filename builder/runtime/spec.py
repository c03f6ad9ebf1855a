"""An OCI runtime-spec ``config.json`` with the native executor's (Docker's) settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from builder.runtime import defaults, seccomp
from builder.runtime.executor import ProcessSpec
from builder.runtime.users import ExecUser

OCI_VERSION = "1.0.2"


def oci_config(rootfs: Path, spec: ProcessSpec, user: ExecUser, env: list[str],
               etc_files: dict[str, str]) -> dict[str, Any]:
    """The runtime spec for running ``spec`` in ``rootfs`` (used as ``root.path`` as is)."""
    caps = sorted(defaults.CAPABILITIES, key=defaults.CAPABILITIES.__getitem__)
    root_caps = caps if user.uid == 0 else []
    namespaces = [{"type": t} for t in ("pid", "ipc", "uts", "mount")]
    if spec.network == "none":
        namespaces.append({"type": "network"})
    mounts: list[dict[str, Any]] = [
        {"destination": "/proc", "type": "proc", "source": "proc",
         "options": ["nosuid", "noexec", "nodev"]},
        {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
         "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
        {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
         "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]},
        {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
         "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
        {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
         "options": ["nosuid", "noexec", "nodev"]},
        {"destination": "/sys", "type": "sysfs", "source": "sysfs",
         "options": ["nosuid", "noexec", "nodev", "ro"]},
        {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup",
         "options": ["ro", "nosuid", "noexec", "nodev"]},
    ]
    for target, host in etc_files.items():
        if spec.readonly_rootfs and not (rootfs / target.lstrip("/")).exists():
            continue
        readonly = spec.readonly_rootfs or spec.build_step  # BuildKit binds them read-only
        mounts.append({"destination": target, "type": "bind", "source": host,
                       "options": ["rbind", "rprivate", *(["ro"] if readonly else [])]})
    for m in spec.mounts:
        if m.kind == "bind":
            opts = ["rbind", "rprivate"] + (["ro"] if m.readonly else [])
            mounts.append({"destination": m.target, "type": "bind", "source": m.source,
                           "options": opts})
        else:
            opts = ["nosuid", *(o for o in m.options if o != "dev"), "nodev"]
            opts += (["ro"] if m.readonly else []) + ([f"size={m.size}"] if m.size else [])
            mounts.append({"destination": m.target, "type": "tmpfs", "source": "tmpfs",
                           "options": opts})
    return {
        "ociVersion": OCI_VERSION,
        "root": {"path": str(rootfs), "readonly": spec.readonly_rootfs},
        "hostname": spec.hostname,
        "process": {
            "terminal": False,
            "user": {"uid": user.uid, "gid": user.gid, "additionalGids": list(user.groups)},
            "args": list(spec.args),
            "env": env,
            "cwd": spec.cwd,
            "capabilities": {"bounding": caps, "effective": root_caps,
                             "permitted": root_caps},
            "noNewPrivileges": True,
        },
        "mounts": mounts,
        "linux": {
            "namespaces": namespaces,
            "maskedPaths": list(defaults.MASKED_PATHS),
            "readonlyPaths": list(defaults.READONLY_PATHS),
            "seccomp": seccomp.oci_profile(os.uname().machine),
        },
    }
