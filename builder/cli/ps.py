"""``dockyard ps [-a] [-q] [-s] [-n N|-l] [-f KEY=VALUE]... [--no-trunc] [--format F]``: list
containers."""

from __future__ import annotations

import time
from typing import Any

import click

from builder.cli.runopts import root_of
from builder.units import human_duration

# Docker's column headers of a ``table`` template's fields
HEADERS = {
    "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
    "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE", "Status": "STATUS",
    "Size": "SIZE", "Names": "NAMES", "Labels": "LABELS", "Mounts": "MOUNTS",
    "LocalVolumes": "LOCAL VOLUMES", "Networks": "NETWORKS",
}


def status_text(state: dict[str, Any]) -> str:
    """``Up 3 seconds``, ``Exited (0) 2 minutes ago``, ``Created``."""
    from builder.runner.container import parse_time

    now = time.time()
    status = state.get("Status")
    if status == "running":
        return "Up " + human_duration(now - parse_time(state.get("StartedAt", "")))
    if status == "exited":
        ago = human_duration(now - parse_time(state.get("FinishedAt", "")))
        return f"Exited ({state.get('ExitCode', 0)}) {ago} ago"
    return "Created"


def size_text(rw: int, rootfs: int) -> str:
    """Docker's SIZE column: ``3B (virtual 1.99MB)``, or just the first size without an image."""
    from builder.cli.imagefmt import human_size

    return f"{human_size(rw)} (virtual {human_size(rootfs)})" if rootfs > 0 else human_size(rw)


def _filters(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    from builder.errors import FlagError
    from builder.runner.psfilter import parse

    try:
        return parse(value)
    except FlagError as err:
        raise click.BadParameter(str(err), ctx, param) from None


def _image_id(root: Any) -> Any:
    """A function giving the ID of an image reference or ID, None when there is none."""
    from builder.errors import StoreError
    from builder.store import Store

    store = Store(root)

    def image_id(ref: str) -> str | None:
        try:
            return store.resolve(ref).id
        except StoreError:
            return None

    return image_id


def command_text(config: dict[str, Any], trunc: bool) -> str:
    """The COMMAND column as Docker's: the path and the arguments (one with a space in
    single quotes), cut at 20 characters, in Go's double quotes."""
    from builder.goquote import go_quote

    text = " ".join([config["Path"], *(f"'{a}'" if " " in a else a for a in config["Args"])])
    if trunc and len(text) > 20:
        text = text[:19] + "…"
    return go_quote(text)


def _context(row: dict[str, Any], labels: dict[str, str]) -> Any:
    """A row as Docker's ContainerContext: its values, and ``Label`` giving one label's value
    ("" when there is none)."""
    from builder.gotemplate import Method, Struct

    return Struct(row, "*formatter.ContainerContext",
                  {"Label": Method(lambda name: labels.get(name, ""), ("string",))})


def _ellipsis(text: str, trunc: bool) -> str:
    """Docker's MOUNTS entry: at most 15 characters, the last an ellipsis when cut."""
    return text[:14] + "…" if trunc and len(text) > 15 else text


@click.command("ps")
@click.option("-a", "--all", "show_all", is_flag=True, help="Show all containers (default "
              "shows just running).")
@click.option("-q", "--quiet", is_flag=True, help="Only display container IDs.")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output.")
@click.option("-f", "--filter", "filters", multiple=True, callback=_filters, metavar="KEY=VALUE",
              help="Filter output based on conditions provided (repeatable).")
@click.option("-n", "--last", type=int, default=-1, help="Show n last created containers "
              "(includes all states).")
@click.option("-l", "--latest", is_flag=True, help="Show the latest created container "
              "(includes all states).")
@click.option("-s", "--size", "size", is_flag=True, help="Display total file sizes.")
@click.option("--format", "fmt", default="", help="'table' (default), 'json', a Go template "
              "run on each row, or 'table TEMPLATE'.")
@click.pass_context
def ps(ctx: click.Context, show_all: bool, quiet: bool, no_trunc: bool, filters: Any,
       last: int, latest: bool, size: bool, fmt: str) -> None:
    """List containers."""
    from builder.cli.imagefmt import table
    from builder.cli.listformat import is_template
    from builder.runner.container import Containers, parse_time
    from builder.runner.psfilter import Selection

    root = root_of(ctx)
    everything = Containers(root).all()
    if latest and last == -1:
        last = 1
    image_id = _image_id(root) if "ancestor" in filters else None
    found = Selection(everything, filters, show_all, last, image_id).select(everything)
    # a template using the size (or the whole row) computes it, as Docker's client does
    size = size or (is_template(fmt) and (".Size" in fmt or "json ." in fmt))
    if quiet:
        if fmt:
            click.echo("WARNING: Ignoring custom format, because both --format and --quiet "
                       "are set.", err=True)
        for c in found:
            click.echo(c.id if no_trunc else c.id[:12])
        return
    rows = []
    labels: list[dict[str, str]] = []
    for c in found:
        labels.append(c.config["Config"].get("Labels") or {})
        created = parse_time(c.config.get("Created", ""))
        row = {
            "Command": command_text(c.config, not no_trunc),
            "CreatedAt": time.strftime("%Y-%m-%d %H:%M:%S +0000 UTC", time.gmtime(created)),
            "ID": c.id if no_trunc else c.id[:12],
            "Image": c.config.get("ImageRef", ""),
            "Labels": ",".join(f"{k}={v}" for k, v in labels[-1].items()),
            "LocalVolumes": str(sum(m["Type"] == "volume" for m in c.config["Mounts"])),
            "Mounts": ",".join(_ellipsis(m.get("Name") or m["Source"], not no_trunc)
                               for m in c.config["Mounts"]),
            "Names": c.name,
            "Networks": c.config["HostConfig"].get("NetworkMode", ""),
            "Ports": "",
            "RunningFor": human_duration(time.time() - created) + " ago",
            "Size": size_text(0, 0),
            "State": c.state.get("Status", ""),
            "Status": status_text(c.state),
        }  # in the order Docker's row marshals its keys: sorted
        if size:
            from builder.runner.size import container_size

            row["Size"] = size_text(*container_size(c))
        rows.append(row)
    if fmt == "json":
        from builder.cli.listformat import json_line

        for row in rows:
            click.echo(json_line(row))
        return
    if is_template(fmt):
        from builder.cli.listformat import render
        from builder.errors import TemplateError

        try:
            text = render(fmt, [_context(row, lab) for row, lab in zip(rows, labels, strict=True)],
                          HEADERS, "*formatter.ContainerContext")
        except TemplateError as err:
            prefix = "failed to parse template" if err.parsing else "failed to execute template"
            raise TemplateError(f"{prefix}: {err}", err.parsing) from None
        if rows or fmt.startswith("table"):
            click.echo(text)
        return
    header = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
    columns = ["ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names"]
    if size:
        header.append("SIZE")
        columns.append("Size")
    click.echo(table(header, [[r[k] for k in columns] for r in rows]))
