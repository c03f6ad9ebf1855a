"""``dockyard port CONTAINER [PRIVATE_PORT[/PROTO]]``: a container's published ports.

Containers run on the host's network or none, where nothing is published: the list is
empty, and a port asked for has no mapping (Docker's words for it).
"""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import ContainerError


def port_key(spec: str) -> str:
    """``PORT[/PROTO]`` as the Docker client reads it: ``port/proto`` (tcp by default), the
    port (or range) checked as ``strconv.ParseUint(s, 10, 16)`` checks it."""
    port, proto = spec, "tcp"
    head, slash, tail = spec.partition("/")
    if slash and tail:
        port, proto = head, tail
    if port:
        bounds = port.split("-")
        numbers = [_uint16(part) for part in (bounds[:2] if len(bounds) > 1 else bounds)]
        if len(numbers) == 2 and numbers[1] < numbers[0]:
            raise ContainerError(f"Invalid range specified for the Port: {port}")
    return f"{port}/{proto}"


def _uint16(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise ContainerError(f'strconv.ParseUint: parsing "{text}": invalid syntax')
    if int(text) > 0xFFFF:
        raise ContainerError(f'strconv.ParseUint: parsing "{text}": value out of range')
    return int(text)


@click.command("port")
@click.argument("name", metavar="CONTAINER")
@click.argument("spec", required=False, metavar="[PRIVATE_PORT[/PROTO]]")
@click.pass_context
def port(ctx: click.Context, name: str, spec: str | None) -> None:
    """List port mappings or a specific mapping for the container (none is ever published:
    containers run with --network none or host)."""
    from builder.runner.container import Containers

    Containers(root_of(ctx)).get(name)
    if spec:
        key = port_key(spec)
        raise ContainerError(f"No public port '{key}' published for {name}")
