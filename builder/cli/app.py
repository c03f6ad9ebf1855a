"""The ``dockyard`` click group.

Each command lives in its own module and is imported only when it runs, so a command
pays only for the imports it needs. Register a command in ``COMMANDS``.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# name -> "module:attribute" of a click command or group
COMMANDS: dict[str, str] = {
    "build": "builder.cli.build:build",
    "parse": "builder.cli.parse:parse",
    "images": "builder.cli.images:images",
    "image": "builder.cli.image:image",
    "tag": "builder.cli.tag:tag",
    "rmi": "builder.cli.rmi:rmi",
    "inspect": "builder.cli.inspect:inspect",
    "history": "builder.cli.history:history",
    "save": "builder.cli.save:save",
    "load": "builder.cli.load:load",
    "import": "builder.cli.import_:import_",
    "system": "builder.cli.system:system",
    "graph": "builder.cli.graph:graph",
    "cache": "builder.cli.cache:cache",
    "pull": "builder.cli.pull:pull",
    "push": "builder.cli.push:push",
    "login": "builder.cli.login:login",
    "logout": "builder.cli.logout:logout",
    "run": "builder.cli.run:run",
    "create": "builder.cli.create:create",
    "start": "builder.cli.start:start",
    "ps": "builder.cli.ps:ps",
    "stop": "builder.cli.stop:stop",
    "kill": "builder.cli.kill:kill",
    "restart": "builder.cli.restart:restart",
    "rm": "builder.cli.rm:rm",
    "exec": "builder.cli.exec_:exec_",
    "logs": "builder.cli.logs:logs",
    "wait": "builder.cli.wait:wait",
    "top": "builder.cli.top:top",
    "cp": "builder.cli.cp:cp",
    "commit": "builder.cli.commit:commit",
    "diff": "builder.cli.diff:diff",
    "export": "builder.cli.export:export",
    "rename": "builder.cli.rename:rename",
    "port": "builder.cli.port:port",
    "container": "builder.cli.container:container",
}


class LazyGroup(click.Group):
    """A click group that imports a sub-command's module only when it is used."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attr)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    default=None,
    help="Where images, layers and caches live (default: $DOCKYARD_ROOT, "
    "/var/lib/dockyard for root, else $XDG_DATA_HOME/dockyard).",
)
@click.option(
    "--insecure-registry",
    "insecure_registries",
    multiple=True,
    metavar="HOST[:PORT]",
    help="Allow plain HTTP (and unverified TLS) for this registry (repeatable; also "
    "$DOCKYARD_INSECURE_REGISTRIES). 127.0.0.0/8 and localhost always are.",
)
@click.version_option(package_name="dockyard", prog_name="dockyard")
@click.pass_context
def cli(ctx: click.Context, root: str | None, insecure_registries: tuple[str, ...]) -> None:
    """Dockyard: build images from Dockerfiles and run them, without a daemon."""
    from builder.settings import Settings

    ctx.obj = Settings.from_env(root, insecure_registries)


def main(argv: list[str] | None = None) -> None:
    """Run the click CLI; library errors become one clear message (see ``entry.guarded``)."""
    from builder.cli.entry import guarded

    sys.exit(guarded(lambda: _main(argv)))


def _main(argv: list[str] | None) -> int:
    try:
        rv = cli.main(args=argv, prog_name="dockyard", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        if isinstance(err, click.UsageError) and err.ctx is not None \
                and err.ctx.info_name in ("run", "create"):
            return 125  # as docker run and create: no container was made
        return err.exit_code
    return rv if isinstance(rv, int) else 0
