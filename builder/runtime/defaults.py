"""Docker's defaults for a container: capabilities, masked and read-only paths, env."""

from __future__ import annotations

from builder.runtime.executor import DEFAULT_PATH, ProcessSpec

CAPABILITIES: dict[str, int] = {
    "CAP_CHOWN": 0,
    "CAP_DAC_OVERRIDE": 1,
    "CAP_FOWNER": 3,
    "CAP_FSETID": 4,
    "CAP_KILL": 5,
    "CAP_SETGID": 6,
    "CAP_SETUID": 7,
    "CAP_SETPCAP": 8,
    "CAP_NET_BIND_SERVICE": 10,
    "CAP_NET_RAW": 13,
    "CAP_SYS_CHROOT": 18,
    "CAP_MKNOD": 27,
    "CAP_AUDIT_WRITE": 29,
    "CAP_SETFCAP": 31,
}
"""Docker's default capability set (moby ``oci/caps/defaults.go``)."""

CAP_MASK = sum(1 << bit for bit in CAPABILITIES.values())  # 0xa80425fb

MASKED_PATHS: tuple[str, ...] = (
    "/proc/asound",
    "/proc/acpi",
    "/proc/interrupts",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/devices/virtual/powercap",
)

READONLY_PATHS: tuple[str, ...] = (
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
)

HOST_DEVICES: tuple[str, ...] = ("null", "zero", "full", "random", "urandom", "tty")

ETC_FILES: tuple[str, ...] = ("/etc/hosts", "/etc/hostname", "/etc/resolv.conf")

MOUNT_DIRS: tuple[str, ...] = ("/proc", "/dev", "/sys")
"""The directories every run mounts over (with :data:`ETC_FILES`, its mount points)."""


def container_env(spec: ProcessSpec, home: str) -> list[str]:
    """The process environment: the spec's, plus PATH, HOSTNAME (not for a build step, as
    BuildKit) and HOME when missing, and TERM=xterm on a terminal (as Docker's)."""
    env = list(spec.env)
    keys = {e.split("=", 1)[0] for e in env}
    if "PATH" not in keys:
        env.append(f"PATH={DEFAULT_PATH}")
    if "HOSTNAME" not in keys and spec.hostname and not spec.build_step:
        env.append(f"HOSTNAME={spec.hostname}")
    if "HOME" not in keys:
        env.append(f"HOME={home}")
    if spec.tty and "TERM" not in keys:
        env.append("TERM=xterm")
    return env


def hosts_file(spec: ProcessSpec) -> str:
    """``/etc/hosts`` as Docker writes it for a container on no network (as BuildKit
    writes it for a build step: the localhost lines only)."""
    lines = [
        f"127.0.0.1\tlocalhost {spec.hostname}".rstrip(),
        "::1\tlocalhost ip6-localhost ip6-loopback",
    ]
    if not spec.build_step:
        lines += [
            "fe00::0\tip6-localnet",
            "ff00::0\tip6-mcastprefix",
            "ff02::1\tip6-allnodes",
            "ff02::2\tip6-allrouters",
        ]
    lines += [f"{ip}\t{host}" for host, ip in spec.extra_hosts]
    return "\n".join(lines) + "\n"


def resolv_conf(spec: ProcessSpec, host_text: str) -> str:
    """The host's resolv.conf; loopback resolvers are dropped unless on the host network."""
    if spec.network == "host":
        return host_text
    out = []
    for line in host_text.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "nameserver" and (
            words[1].startswith("127.") or words[1] == "::1"
        ):
            continue
        out.append(line)
    return "\n".join(out) + ("\n" if out else "")
