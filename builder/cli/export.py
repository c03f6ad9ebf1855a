"""``dockyard export [-o FILE] CONTAINER``: a container's file system as a tar archive."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of


@click.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file, "
              "instead of STDOUT.")
@click.argument("name", metavar="CONTAINER")
@click.pass_context
def export(ctx: click.Context, output: str | None, name: str) -> None:
    """Export a container's filesystem as a tar archive (streamed to STDOUT by default)."""
    from builder.outfile import output_stream
    from builder.runner.container import Containers
    from builder.runner.export import export as export_container

    c = Containers(root_of(ctx)).get(name)
    with output_stream(output, "cowardly refusing to save to a terminal. Use the -o flag or "
                       "redirect") as out:
        export_container(c, out)
