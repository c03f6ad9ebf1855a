"""``dockyard run [OPTIONS] IMAGE [COMMAND...]``: create and start a container."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.runopts import attached, build_options, create_options, root_of


@click.command("run", context_settings={"allow_interspersed_args": False,
                                        "help_option_names": ["--help"]})
@click.option("-d", "--detach", is_flag=True, help="Run in the background; print the ID.")
@create_options
@click.pass_context
def run(ctx: click.Context, /, detach: bool, **kw: Any) -> None:
    """Create and run a container; exits with the container's status."""
    from builder.runner.lifecycle import create, remove, start_detached
    from builder.runner.supervisor import StartError
    from builder.settings import Settings

    root = root_of(ctx)
    opts = build_options(kw)
    container = create(root, opts, ctx.find_object(Settings))
    try:
        if detach:
            start_detached(root, container)
            click.echo(container.id)
            return
        code = attached(root, container, opts.interactive)
    except StartError as err:
        click.echo(f"dockyard: {err.message}", err=True)
        if opts.auto_remove:
            remove(root, container, force=True, volumes=True)
        ctx.exit(err.code)
    except BaseException:
        if opts.auto_remove:
            remove(root, container, force=True, volumes=True)
        raise
    ctx.exit(code)
