"""``dockyard exec [-i] [-t] [-e K=V] [-u USER] [-w DIR] CONTAINER CMD...``."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of


@click.command("exec", context_settings={"allow_interspersed_args": False})
@click.option("-i", "--interactive", is_flag=True, help="Keep STDIN open.")
@click.option("-t", "--tty", is_flag=True, help="Allocate a pseudo-TTY.")
@click.option("-e", "--env", multiple=True, help="Set environment variables.")
@click.option("-u", "--user", default=None, help="Username or UID (format: "
              "<name|uid>[:<group|gid>]).")
@click.option("-w", "--workdir", default="", help="Working directory inside the container.")
@click.argument("name", metavar="CONTAINER")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@click.pass_context
def exec_(ctx: click.Context, interactive: bool, tty: bool, env: tuple[str, ...],
          user: str | None, workdir: str, name: str, command: tuple[str, ...]) -> None:
    """Run a command in a running container; exits with its status."""
    from builder.runner.container import Containers
    from builder.runner.exec import exec_in
    from builder.runner.supervisor import StartError

    c = Containers(root_of(ctx)).get(name)
    try:
        code = exec_in(c, list(command), list(env), user, workdir, interactive, tty)
    except StartError as err:
        click.echo(f"dockyard: {err.message}", err=True)
        ctx.exit(err.code)
    ctx.exit(code)
