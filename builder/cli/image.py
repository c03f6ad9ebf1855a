"""``dockyard image prune``: remove unused images."""

from __future__ import annotations

import sys

import click

from builder.cli.imagefmt import open_store

_WARNING = {
    False: "WARNING! This will remove all dangling images.",
    True: "WARNING! This will remove all images without at least one container associated "
          "to them.",
}


@click.group("image")
def image() -> None:
    """Manage images."""


@image.command("prune")
@click.option("-a", "--all", "everything", is_flag=True, help="Remove all unused images, "
              "not just dangling ones.")
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE",
              help="Provide filter values (e.g. 'until=24h', 'label=KEY[=VALUE]', "
              "'label!=KEY[=VALUE]').")
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation.")
@click.pass_context
def prune(ctx: click.Context, everything: bool, filters: tuple[str, ...], force: bool) -> None:
    """Remove dangling images (with -a, every image no container uses)."""
    from builder.cli.imagefmt import human_size
    from builder.imagefilter import FilterError, parse_filters
    from builder.imageprune import PruneReport, prune_images
    from builder.runner.container import Containers

    try:
        wanted = parse_filters(filters)
    except FilterError as err:
        raise click.BadParameter(err.message, param_hint="'--filter'") from None
    # as Docker's client, which adds its own dangling value to the user's
    values = wanted.setdefault("dangling", [])
    values.append(str(not everything).lower())
    confirmed = False
    if not force:
        click.echo(f"{_WARNING[everything]}\nAre you sure you want to continue? [y/N] ",
                   nl=False)
        confirmed = sys.stdin.readline().strip().lower() == "y"  # only "y", as Docker
    if force or confirmed:
        store = open_store(ctx)
        in_use = {str(c.config.get("Image")) for c in Containers(store.root).all()}
        report = prune_images(store, wanted, in_use)
    else:
        report = PruneReport()
    if report.lines:
        click.echo("Deleted Images:\n" + "\n".join(report.lines) + "\n")
    click.echo(f"Total reclaimed space: {human_size(report.reclaimed, precision=4)}")
