"""``dockyard logs [-f] [--tail N] [-t] [--since T] [--until T] CONTAINER``: a container's
output from its log."""

from __future__ import annotations

import os
import sys
import time

import click

from builder.cli.runopts import root_of


def _time_arg(value: str | None, name: str) -> int | None:
    """A ``--since``/``--until`` value in nanoseconds (Docker's formats), None when unset."""
    if value is None or value == "":
        return None
    from builder.gotime import TimeArgError, docker_timestamp

    try:
        return docker_timestamp(value)
    except TimeArgError as err:
        raise TimeArgError(f'invalid value for "{name}": {err.message}') from None


@click.command("logs")
@click.option("--details", is_flag=True, help="Show extra details provided to logs (none "
              "without log options: a space before each line, as Docker).")
@click.option("-f", "--follow", is_flag=True, help="Follow log output.")
@click.option("--since", default=None, help="Show logs since timestamp (e.g. "
              "2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes).")
@click.option("-n", "--tail", default="all", help="Number of lines to show from the end of "
              "the logs (default all).")
@click.option("-t", "--timestamps", is_flag=True, help="Show timestamps.")
@click.option("--until", default=None, help="Show logs before a timestamp (e.g. "
              "2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes).")
@click.argument("name", metavar="CONTAINER")
@click.pass_context
def logs(ctx: click.Context, details: bool, follow: bool, since: str | None, tail: str,
         timestamps: bool, until: str | None, name: str) -> None:
    """Fetch the logs of a container (stdout to stdout, stderr to stderr)."""
    from builder.gotime import rfc3339_ns
    from builder.runner.container import Containers
    from builder.runner.logs import read_entries

    if tail != "all" and not tail.isdigit():
        raise click.BadParameter("use a number or 'all'", param_hint="--tail")
    since_ns = _time_arg(since, "since")
    until_ns = None if until == "0" else _time_arg(until, "until")  # "0": no end, as Docker
    c = Containers(root_of(ctx)).get(name)
    entries = list(read_entries(c.log_path))
    offset = entries[-1][0] if entries else 0
    if tail != "all":
        entries = entries[len(entries) - int(tail):] if int(tail) else []

    def show(entry: dict[str, object]) -> bool:
        """Write the entry if it is in the window; False once it is past ``--until``."""
        if since_ns is not None or until_ns is not None:
            when = rfc3339_ns(str(entry.get("time", "")))
            if when is not None and until_ns is not None and when > until_ns:
                return False
            if when is not None and since_ns is not None and when < since_ns:
                return True
        text = str(entry.get("log", ""))
        if details:
            text = " " + text
        if timestamps:
            text = f"{entry.get('time', '')} {text}"
        target = sys.stderr if entry.get("stream") == "stderr" else sys.stdout
        target.buffer.write(text.encode())
        target.flush()
        return True

    for _, entry in entries:
        if not show(entry):
            return
    while follow:
        running = c.reload().get("Status") == "running"
        size = os.path.getsize(c.log_path) if os.path.exists(c.log_path) else 0
        start = offset
        if size > offset:
            for end, entry in read_entries(c.log_path, offset):
                if not show(entry):
                    return
                offset = end
        if offset == start:
            if not running or (until_ns is not None and time.time_ns() > until_ns):
                break  # as Docker, following ends once --until has passed
            time.sleep(0.1)
