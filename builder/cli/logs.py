"""``dockyard logs [-f] [--tail N] [-t] CONTAINER``: a container's output from its log."""

from __future__ import annotations

import os
import sys
import time

import click

from builder.cli.runopts import root_of


@click.command("logs")
@click.option("-f", "--follow", is_flag=True, help="Follow log output.")
@click.option("-n", "--tail", default="all", help="Number of lines to show from the end of "
              "the logs (default all).")
@click.option("-t", "--timestamps", is_flag=True, help="Show timestamps.")
@click.argument("name", metavar="CONTAINER")
@click.pass_context
def logs(ctx: click.Context, follow: bool, tail: str, timestamps: bool, name: str) -> None:
    """Fetch the logs of a container (stdout to stdout, stderr to stderr)."""
    from builder.runner.container import Containers
    from builder.runner.logs import read_entries

    if tail != "all" and not tail.isdigit():
        raise click.BadParameter("use a number or 'all'", param_hint="--tail")
    c = Containers(root_of(ctx)).get(name)
    entries = list(read_entries(c.log_path))
    offset = entries[-1][0] if entries else 0
    if tail != "all":
        entries = entries[len(entries) - int(tail):] if int(tail) else []

    def show(entry: dict[str, object]) -> None:
        text = str(entry.get("log", ""))
        if timestamps:
            text = f"{entry.get('time', '')} {text}"
        target = sys.stderr if entry.get("stream") == "stderr" else sys.stdout
        target.buffer.write(text.encode())
        target.flush()

    for _, entry in entries:
        show(entry)
    while follow:
        running = c.reload().get("Status") == "running"
        size = os.path.getsize(c.log_path) if os.path.exists(c.log_path) else 0
        start = offset
        if size > offset:
            for end, entry in read_entries(c.log_path, offset):
                show(entry)
                offset = end
        if offset == start:
            if not running:
                break
            time.sleep(0.1)
