"""EXPOSE port specs, read as Docker reads them (go-connections' ``nat.ParsePortSpec``, which
the classic builder and BuildKit use).

A spec is ``[ip:[hostPort]:]containerPort[/proto]``. Only the container port (a port or a
range ``a-b``, each 0..65535) and the protocol (``tcp``, ``udp`` or ``sctp``, any case,
``tcp`` when absent) reach the image config; the IP and the host port are checked and then
dropped. A range gives every port in it. As in ``nat.SplitProtoPort``, the protocol is what
follows the first ``/`` up to the next one (``80/tcp/udp`` is ``80/tcp``), and as in
``nat.ParsePortRange`` a range is read from its first two ``-``-separated parts.
"""

from __future__ import annotations

import ipaddress
import re

from builder.errors import DockerfileError

__all__ = ["exposed_ports"]

_DIGITS = re.compile(r"[0-9]+")  # what strconv.ParseUint(s, 10, 16) accepts, size aside
_PROTOS = ("tcp", "udp", "sctp")


def _port(text: str) -> int:
    if _DIGITS.fullmatch(text) is None or int(text) > 0xFFFF:
        raise ValueError(text)
    return int(text)


def _range(text: str) -> tuple[int, int]:
    if "-" not in text:
        port = _port(text)
        return port, port
    parts = text.split("-")
    start, end = _port(parts[0]), _port(parts[1])
    if end < start:
        raise ValueError(text)
    return start, end


def _split_proto(text: str) -> tuple[str, str]:
    """(proto, port) of ``port[/proto]``; ("", "") when there is no port."""
    parts = text.split("/")
    if not parts[0]:
        return "", ""
    if len(parts) == 1 or not parts[1]:
        return "tcp", parts[0]
    return parts[1], parts[0]


def _split_parts(spec: str) -> tuple[str, str, str]:
    """(ip, host port, container port) of a spec."""
    parts = spec.split(":")
    if len(parts) == 1:
        return "", "", parts[0]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return ":".join(parts[:-2]), parts[-2], parts[-1]


def _valid_ip(text: str) -> bool:
    if "%" in text:  # net.ParseIP takes no zone
        return False
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def exposed_ports(spec: str) -> list[str]:
    """The ``port/proto`` keys of ``ExposedPorts`` that ``spec`` names; a spec Docker
    refuses raises :class:`DockerfileError` (no location) with Docker's message."""
    ip, host, container = _split_parts(spec)
    proto, container = _split_proto(container)
    if ip.startswith("["):
        bracketed = re.fullmatch(r"\[([^\[\]]*)\]", ip)
        if bracketed is None:
            raise DockerfileError(f"invalid IP address {ip}")
        ip = bracketed.group(1)
    if ip and not _valid_ip(ip):
        raise DockerfileError(f"invalid IP address: {ip}")
    if not container:
        raise DockerfileError(f"no port specified: {spec}<empty>")
    try:
        start, end = _range(container)
    except ValueError:
        raise DockerfileError(f"invalid containerPort: {container}") from None
    if host:
        try:
            host_start, host_end = _range(host)
        except ValueError:
            raise DockerfileError(f"invalid hostPort: {host}") from None
        if end - start != host_end - host_start and end != start:
            raise DockerfileError(
                "invalid ranges specified for container and host Ports: "
                f"{container} and {host}"
            )
    if proto.lower() not in _PROTOS:
        raise DockerfileError(f"invalid proto: {proto}")
    proto = proto.lower()
    return [f"{port}/{proto}" for port in range(start, end + 1)]
