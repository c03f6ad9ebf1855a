"""``dockyard build``: build an image from a Dockerfile."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.buildflags import BUILD_FLAGS, request_of, run_build
from builder.cli.clickopts import options_of
from builder.errors import FlagError
from builder.settings import Settings


@click.command()
@click.argument("context", default=".")
@options_of(BUILD_FLAGS)
@click.pass_obj
def build(settings: Settings, /, **kw: Any) -> None:
    """Build an image from a Dockerfile and a context directory (- for a tar on stdin)."""
    try:
        request = request_of(kw)
    except FlagError as err:
        raise click.BadParameter(err.message) from None
    run_build(request, kw, settings)
