"""``dockyard top CONTAINER [ps OPTIONS]``: the processes running in a container."""

from __future__ import annotations

import os
import subprocess

import click

from builder.cli.runopts import root_of
from builder.errors import ContainerError


def container_pids(init: int) -> list[int]:
    """Host pids of the processes in the pid namespace whose init is ``init``."""
    try:
        target = os.readlink(f"/proc/{init}/ns/pid")
    except OSError:
        return []
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.readlink(f"/proc/{entry}/ns/pid") == target:
                pids.append(int(entry))
        except OSError:
            continue
    return sorted(pids)


@click.command("top", context_settings={"allow_interspersed_args": False})
@click.argument("name", metavar="CONTAINER")
@click.argument("ps_args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def top(ctx: click.Context, name: str, ps_args: tuple[str, ...]) -> None:
    """Display the running processes of a container (``ps -ef`` columns by default)."""
    from builder.runner.container import Containers

    c = Containers(root_of(ctx)).get(name)
    if not c.running:
        raise ContainerError(f"container {c.name} is not running")
    pids = container_pids(int(c.state["Pid"]))
    args = list(ps_args) or ["-f"]
    try:
        out = subprocess.run(["ps", *args, "-p", ",".join(map(str, pids))],
                             capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ContainerError(f"cannot run ps: {exc.strerror}") from None
    if out.returncode not in (0, 1):
        raise ContainerError(f"ps failed: {out.stderr.strip()}")
    click.echo(out.stdout.rstrip("\n"))
