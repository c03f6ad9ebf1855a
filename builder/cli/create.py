"""``dockyard create [OPTIONS] IMAGE [COMMAND...]``: create a container without starting it."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.runflags import build_options
from builder.cli.runopts import create_options, root_of


@click.command("create", context_settings={"allow_interspersed_args": False,
                                           "help_option_names": ["--help"]})
@create_options
@click.pass_context
def create(ctx: click.Context, /, **kw: Any) -> None:
    """Create a new container; print its ID."""
    from builder.cli.output import print_error
    from builder.cli.runmain import NOT_STARTED
    from builder.errors import DockyardError
    from builder.runner.create import create as create_container
    from builder.settings import Settings

    try:
        container = create_container(root_of(ctx), build_options(kw),
                                     ctx.find_object(Settings))
    except DockyardError as err:  # Docker's status for a container not made
        print_error(err)
        ctx.exit(NOT_STARTED)
    click.echo(container.id)
