"""``dockyard exec [-d] [-i] [-t] [-e K=V] [--env-file F] [--privileged] [-u USER] [-w DIR]
CONTAINER CMD...``."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of


@click.command("exec", context_settings={"allow_interspersed_args": False})
@click.option("-d", "--detach", is_flag=True,
              help="Detached mode: run command in the background.")
@click.option("-i", "--interactive", is_flag=True, help="Keep STDIN open.")
@click.option("-t", "--tty", is_flag=True, help="Allocate a pseudo-TTY.")
@click.option("-e", "--env", multiple=True, help="Set environment variables.")
@click.option("--env-file", multiple=True, help="Read in a file of environment variables.")
@click.option("--privileged", is_flag=True,
              help="Give extended privileges to the command.")
@click.option("-u", "--user", default=None, help="Username or UID (format: "
              "<name|uid>[:<group|gid>]).")
@click.option("-w", "--workdir", default="", help="Working directory inside the container.")
@click.argument("name", metavar="CONTAINER")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@click.pass_context
def exec_(ctx: click.Context, detach: bool, interactive: bool, tty: bool,
          env: tuple[str, ...], env_file: tuple[str, ...], privileged: bool,
          user: str | None, workdir: str, name: str, command: tuple[str, ...]) -> None:
    """Run a command in a running container; exits with its status (126 when it cannot
    start; detached, 0 once it runs)."""
    from builder.cli.runflags import env_file_lines
    from builder.runner.container import Containers
    from builder.runner.exec import exec_in
    from builder.runner.supervisor import StartError

    items = [line for path in env_file for line in env_file_lines(path)] + list(env)
    c = Containers(root_of(ctx)).get(name)
    try:
        code = exec_in(c, list(command), items, user, workdir, interactive, tty,
                       detach=detach, privileged=privileged)
    except StartError as err:
        click.echo(f"dockyard: {err.message}", err=True)
        ctx.exit(1 if detach else err.code)  # as Docker's: detached, the start is a request
    ctx.exit(code)
