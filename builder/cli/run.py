"""``dockyard run [OPTIONS] IMAGE [COMMAND...]``: create and start a container."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.clickopts import options_of
from builder.cli.runflags import RUN_FLAGS
from builder.cli.runopts import root_of


@click.command("run", context_settings={"allow_interspersed_args": False,
                                        "help_option_names": ["--help"]})
@options_of(RUN_FLAGS)
@click.argument("image")
@click.argument("command", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def run(ctx: click.Context, /, **kw: Any) -> None:
    """Create and run a container; exits with the container's status."""
    from builder.cli.runmain import run_container
    from builder.settings import Settings

    ctx.exit(run_container(root_of(ctx), kw, ctx.find_object(Settings)))
